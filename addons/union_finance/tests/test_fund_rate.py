import importlib.util
from datetime import date
from pathlib import Path

from odoo.exceptions import UserError
from odoo.tests import tagged

from .test_fund import UnionFundCommon

MIGRATION = Path(__file__).resolve().parent.parent / "migrations" / "18.0.1.2.0" / "post-migrate.py"


@tagged("post_install", "-at_install")
class TestFundRate(UnionFundCommon):
    """The 2% fund rate is a dated rule (union.fund.rate) like the dues and share rules."""

    def test_declaration_takes_the_rate_in_force_in_its_month(self):
        self.env["union.fund.rate"].create({"date_start": date(2030, 1, 1), "rate_percent": 1.5,
                                            "decision_ref": "Luật sửa đổi (thử)"})
        before = self._declare(self.unit_a, self.employer_a, date(2029, 12, 1), 100_000_000, post=False)
        after = self._declare(self.unit_a, self.employer_a, date(2030, 2, 15), 100_000_000, post=False)
        self.assertEqual((before.rate, before.amount_due), (2.0, 2_000_000))
        self.assertEqual((after.rate, after.amount_due), (1.5, 1_500_000))
        # a draft moved to another month takes that month's rate
        after.month = date(2029, 11, 1)
        self.assertEqual(after.rate, 2.0)

    def test_rate_used_by_a_posted_declaration_is_locked(self):
        rate = self.env.ref("union_finance.union_fund_rate_2025")
        self._declare(self.unit_a, self.employer_a, date(2025, 8, 1), 50_000_000)
        self.assertTrue(rate.is_used)
        with self.assertRaises(UserError):
            rate.rate_percent = 1.0
        rate.note = "Ghi chú vẫn sửa được"
        self.assertFalse(self.env.ref("union_finance.union_fund_rate_2013").is_used)

    def test_migration_keeps_every_value(self):
        """The former undated setting: declarations keep their stored rate; a setting other than
        2 becomes the rule of the months to come; the setting is gone."""
        posted = self._declare(self.unit_a, self.employer_a, date(2025, 8, 1), 50_000_000)
        draft = self._declare(self.unit_a, self.employer_a, date(2025, 9, 1), 50_000_000, post=False)
        self.env["ir.config_parameter"].sudo().set_param("union_finance.fund_rate_percent", "3")
        spec = importlib.util.spec_from_file_location("union_finance_migration_1_2", MIGRATION)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.migrate(self.env.cr, "18.0.1.1.0")
        self.env.invalidate_all()
        self.assertEqual((posted.rate, posted.amount_due), (2.0, 1_000_000))
        self.assertEqual((draft.rate, draft.amount_due), (2.0, 1_000_000))
        self.assertFalse(self.env["ir.config_parameter"].sudo().get_param("union_finance.fund_rate_percent"))
        start = date.today().replace(day=1)
        self.assertEqual(self.env["union.fund.rate"]._rate_at(start), 3.0)
        # run again: nothing more changes
        module.migrate(self.env.cr, "18.0.1.1.0")
        self.assertEqual(self.env["union.fund.rate"].search_count([("date_start", "=", start)]), 1)
