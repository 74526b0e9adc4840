from freezegun import freeze_time

from odoo.tests import tagged

from .common import UnionFinanceCommon


@tagged("post_install", "-at_install")
class TestFinanceDemoB(UnionFinanceCommon):
    """The demo of the 2% fund, remittance and welfare loads on a union_membership
    province (here the test one, under the demo's xml ids) and tells a coherent story."""

    @freeze_time("2025-11-20")
    def test_demo_loads(self):
        self.env["ir.model.data"]._update_xmlids([
            {"xml_id": "union_membership.demo_org_school", "record": self.unit_a, "noupdate": True},
            {"xml_id": "union_membership.demo_member_portal", "record": self.member_a1, "noupdate": True},
        ])
        self.assertTrue(self.env["union.finance.demo.fund"]._load_demo())
        Fund = self.env["union.fund.contribution"]
        school = Fund.search([("organization_id", "=", self.unit_a.id)])
        self.assertEqual(len(school), 6)
        self.assertEqual(school.filtered(lambda c: c.status == "late").month.isoformat(), "2025-09-01")
        self.assertEqual(school.filtered(lambda c: c.status == "due").month.isoformat(), "2025-10-01")
        self.assertEqual(set((school - school.filtered(lambda c: c.status in ("late", "due"))).mapped("status")),
                         {"paid"})
        other = Fund.search([("organization_id", "=", self.unit_b.id)])
        self.assertEqual(sorted(other.filtered(lambda c: c.status == "unpaid").mapped("month"))[0].isoformat(),
                         "2025-05-01")
        remittance = self.env["union.remittance"].search([("organization_id", "=", self.unit_a.id)])
        self.assertEqual(remittance.state, "paid")
        # July's fund of the school, paid in August: 25% of 2% of 40 x 7,850,000
        self.assertEqual(remittance.collected_fund, 6_280_000)
        self.assertEqual(remittance.amount, 1_570_000)
        welfare = self.env["union.welfare.request"].search([("organization_id", "child_of", self.unit_a.id)])
        self.assertEqual(sorted(welfare.mapped("state")), ["approved", "paid", "paid", "submitted"])
        self.assertEqual(welfare.filtered(lambda w: w.channel == "portal").member_id, self.member_a1)
