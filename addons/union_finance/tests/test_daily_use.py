"""Issue 14 for the dues: the accountant sees the entry's debit and credit but cannot reset a
posted dues entry to draft; a run shows its month as "12/2026" and its split before posting;
grouped lists never sum rates or salaries; money reads "70.000 đồng" in Vietnamese."""
from datetime import date

from odoo.exceptions import UserError
from odoo.tests import tagged

from ..vnd import format_vnd
from .common import UnionFinanceCommon


@tagged("post_install", "-at_install")
class TestDuesEntryRoles(UnionFinanceCommon):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dues_run = cls._run(cls.unit_a, date(2025, 7, 1), user=cls.user_accountant)

    def test_accountant_sees_the_entrys_debit_and_credit(self):
        run = self.dues_run.with_user(self.user_accountant)
        items = run.move_line_ids.read(["account_id", "partner_id", "debit", "credit"])
        self.assertEqual(sum(item["debit"] for item in items), run.amount_total)
        self.assertEqual(sum(item["credit"] for item in items), run.amount_total)
        found = self.env["account.move.line"].with_user(self.user_accountant).search_read(
            [("move_id", "in", self.dues_run.move_ids.ids)], ["debit", "credit"])
        self.assertEqual(len(found), len(items))

    def test_posted_dues_entry_is_never_reset_to_draft(self):
        move = self.dues_run.move_ids[:1]
        self.assertTrue(move)
        for user in (self.user_accountant, self.env.ref("base.user_admin")):
            with self.assertRaises(UserError):
                move.with_user(user).button_draft()
            with self.assertRaises(UserError):
                move.with_user(user).write({"state": "draft"})
        self.assertEqual(move.state, "posted")
        # a payment's entry is a dues entry too
        payment = self.env["union.dues.payment"].with_user(self.user_accountant).create({
            "kind": "cash", "organization_id": self.unit_a.id, "member_id": self.member_a1.id,
            "amount": 88_000})
        payment.action_post()
        with self.assertRaises(UserError):
            payment.move_id.with_user(self.user_accountant).button_draft()
        # the run's own reversal still works, and leaves both entries posted
        self.dues_run.with_user(self.user_accountant).action_reverse()
        self.assertEqual(self.dues_run.state, "reversed")
        reversal = self.dues_run.reversal_move_ids[:1]
        self.assertEqual((move.state, reversal.state), ("posted", "posted"))
        with self.assertRaises(UserError):
            reversal.with_user(self.user_accountant).button_draft()

    def test_other_entries_can_still_be_reset(self):
        journal = self.company.union_dues_cash_journal_id
        move = self.env["account.move"].create({
            "move_type": "entry", "journal_id": self.env["account.journal"].search([
                ("type", "=", "general"), ("company_id", "=", self.company.id),
                ("id", "!=", self.company.union_dues_journal_id.id)], limit=1).id,
            "line_ids": [(0, 0, {"account_id": journal.default_account_id.id, "debit": 10}),
                         (0, 0, {"account_id": self.company.union_dues_income_account_id.id,
                                 "credit": 10})]})
        move.action_post()
        move.button_draft()
        self.assertEqual(move.state, "draft")


@tagged("post_install", "-at_install")
class TestDuesRunDisplay(UnionFinanceCommon):

    def test_month_and_split_before_posting(self):
        run = self._run(self.unit_a, date(2026, 12, 9), post=False, user=self.user_accountant)
        self.assertIn("12/2026", run.display_name)
        self.assertEqual(run.month_label, "12/2026")
        self.assertEqual(set(run.line_ids.mapped("month_label")), {"12/2026"})
        self.assertEqual(run.state, "computed")
        self.assertTrue(run.preview_share_rule_id)
        self.assertEqual(run.preview_kept + run.preview_upward, run.amount_total)
        self.assertGreater(run.preview_kept, run.preview_upward)
        kept, upward = run.preview_kept, run.preview_upward
        run.with_user(self.user_accountant).action_confirm()
        self.assertEqual((run.amount_kept, run.amount_upward), (kept, upward),
                         "the split shown before posting is the one posted")

    def test_grouped_lists_never_sum_rates_or_salaries(self):
        self._run(self.unit_a, date(2025, 7, 1))
        Line = self.env["union.dues.line"].with_user(self.user_accountant)
        groups = Line.read_group([], ["rate", "base_amount", "base_salary", "cap", "amount"],
                                 ["organization_id"])
        self.assertTrue(groups)
        for group in groups:
            self.assertIn("amount", group)
            for name in ("rate", "base_amount", "base_salary", "cap"):
                self.assertNotIn(name, group, f"{name} is not summed")
        for model, names in (("union.member.dues.base", ["amount"]),
                             ("union.base.salary", ["amount"]),
                             ("union.dues.rule", ["rate", "cap_multiple", "minimum_multiple"]),
                             ("union.share.rule", ["dues_kept_percent", "fund_kept_percent"]),
                             ("union.fund.contribution", ["rate", "reduction_percent"])):
            for name in names:
                self.assertFalse(self.env[model]._fields[name].aggregator, f"{model}.{name}")

    def test_money_reads_dong_in_vietnamese(self):
        env_vi = self.env(context=dict(self.env.context, lang="vi_VN"))
        self.assertEqual(format_vnd(env_vi, 70_000), "70.000 đồng")
        self.assertEqual(format_vnd(env_vi, 1_234_567, unit=False), "1.234.567")
        env_en = self.env(context=dict(self.env.context, lang="en_US"))
        self.assertEqual(format_vnd(env_en, 70_000), "70,000 VND")
