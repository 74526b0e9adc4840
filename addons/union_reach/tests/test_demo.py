from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestReachDemo(TransactionCase):
    """The demo of union_reach, built on a small generated province."""

    def test_demo(self):
        province = self.env["union.membership.demo.province"].with_context(tracking_disable=True)._generate_province(
            grassroots=2, members=20, seed=7, prefix="TR")
        result = self.env["union.reach.demo"]._build_demo(province["schools"][0], province["sector"])
        states = result["applications"].mapped("state")
        self.assertEqual(states.count("new"), 2)
        self.assertIn("accepted", states)
        self.assertIn("declined", states)
        self.assertEqual(result["workplace"].state, "founding")
        kinds = set(result["comparison"].diff_ids.mapped("kind"))
        self.assertTrue({"only_file", "only_suite", "unit", "card_number", "national_code"} <= kinds)
        self.assertTrue(self.env["blog.post"].search([("union_organization_id", "=", province["schools"][0].id)]))
