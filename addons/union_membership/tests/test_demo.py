from datetime import date

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestDemoGenerator(TransactionCase):
    """The generator used by the demo database and the benchmarks builds a coherent province."""

    def test_small_province(self):
        result = self.env["union.membership.demo.province"].with_context(tracking_disable=True)._generate_province(
            grassroots=6, members=120, seed=7, prefix="TT")
        self.assertEqual(len(result["schools"]), 6)
        self.assertEqual(len(result["members"]), 120)
        self.assertTrue(all(result["schools"].mapped(lambda s: s.parent_id == result["sector"])))
        members = result["members"]
        self.assertEqual(len(set(members.mapped("citizen_id"))), 120)
        dissolved = result["dissolved"]
        self.assertEqual(dissolved.state, "dissolved")
        gone = members.filtered(lambda m: m.organization_id in dissolved._get_subtree())
        self.assertTrue(gone)
        self.assertEqual(set(gone.mapped("state")), {"left"})
        # before the 2025 reform they were members
        before = self.env["union.member"]._get_members_at(date(2025, 5, 31), dissolved)
        self.assertEqual(before, gone)
        self.assertGreater(result["sector"].member_count_total, 90)

    def test_enterprise_union_with_a_foreign_member(self):
        generator = self.env["union.membership.demo.province"].with_context(tracking_disable=True)
        result = generator._generate_province(grassroots=2, members=20, seed=7, prefix="TT")
        members = result["members"]
        self.assertTrue(all(members.mapped("date_employed")))
        self.assertTrue(all(m.date_employed <= m.date_joined for m in members))
        unit, foreigner = generator._generate_enterprise_union(result["federation"], prefix="TT")
        self.assertEqual((unit.funding_type, unit.level), ("enterprise", "grassroots"))
        self.assertEqual(foreigner.organization_id, unit)
        self.assertEqual(foreigner.state, "active")
        self.assertEqual(foreigner.nationality_id.code, "KR")
        self.assertEqual(foreigner.id_document_type, "passport")
