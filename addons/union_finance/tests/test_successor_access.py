from datetime import date

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import Form, new_test_user, tagged
from odoo.tools import mute_logger

from .common import UnionFinanceCommon


@tagged("post_install", "-at_install")
class TestFinanceOfMergedUnits(UnionFinanceCommon):
    """The surviving unit keeps the merged unit's books: its officers and accountants (and those
    above it) read the closed unit's dues runs, paid dues lines and payments, and change nothing;
    an officer of another unit reads nothing of them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.run_b = cls._run(cls.unit_b, date(2025, 6, 1), include_children=False)
        cls.line_b = cls.run_b.line_ids.filtered(lambda line: line.member_id == cls.member_b1)
        with Form(cls.env["union.dues.payment"].with_user(cls.user_accountant)) as form:
            form.kind = "cash"
            form.member_id = cls.member_b1
        cls.payment_b = form.record
        cls.payment_b.action_post()
        cls.draft_run_b = cls._run(cls.unit_b, date(2025, 8, 1), include_children=False, post=False)
        cls.user_accountant_a = new_test_user(
            cls.env, login="t_accountant_a", name="Kế toán A",
            groups="base.group_user,union_finance.group_union_accountant")
        cls.user_accountant_a.union_organization_ids = [Command.set(cls.unit_a.ids)]
        other = cls.env["union.organization"].create({
            "name": "Công đoàn Khu công nghiệp", "code": "T-KCN", "level": "upper", "parent_id": cls.federation.id})
        cls.user_other = new_test_user(
            cls.env, login="t_accountant_other", name="Kế toán khác",
            groups="base.group_user,union_finance.group_union_accountant")
        cls.user_other.union_organization_ids = [Command.set(other.ids)]
        cls.env["union.organization.merge"].with_user(cls.user_upper).create({
            "mode": "merge", "source_ids": [Command.set(cls.unit_b.ids)], "target_id": cls.unit_a.id,
            "date": date(2025, 9, 1), "decision_ref": "41/QĐ-CĐN"}).action_confirm()

    def test_successor_reads_the_closed_units_books(self):
        self.assertEqual(self.line_b.payment_state, "paid")
        self.assertEqual((self.run_b.organization_id, self.line_b.organization_id, self.payment_b.organization_id),
                         (self.unit_b, self.unit_b, self.unit_b))  # paid: they stay in the closed unit's books
        for user in (self.user_accountant_a, self.user_officer_a):
            Run = self.env["union.dues.run"].with_user(user)
            self.assertEqual([r["id"] for r in Run.search_read([("organization_id", "=", self.unit_b.id)],
                                                               ["month", "state"])],
                             (self.draft_run_b | self.run_b).ids, user.login)
            groups = Run.read_group([("organization_id", "=", self.unit_b.id)], ["state"], ["state"])
            self.assertEqual(sum(g["state_count"] for g in groups), 2)
            self.assertEqual(Run.browse(self.run_b.ids).export_data(["organization_id"])["datas"],
                             [[self.unit_b.display_name]])
            Payment = self.env["union.dues.payment"].with_user(user)
            self.assertEqual(Payment.search([("organization_id", "=", self.unit_b.id)]), self.payment_b)
        Line = self.env["union.dues.line"].with_user(self.user_accountant_a)
        self.assertIn(self.line_b, Line.search([("organization_id", "=", self.unit_b.id)]))
        self.assertEqual(self.line_b.with_user(self.user_accountant_a).read(["amount"])[0]["amount"],
                         self.line_b.amount)

    def test_successor_runs_the_closed_units_reports(self):
        """The reports read the books with sudo after a check in Python (``_check_unit_access``):
        the closed unit's archive passes it for its successor, not for another unit's officer."""
        Report = self.env["union.welfare.norm.report"]
        report = Report.with_user(self.user_officer_a).create({"organization_id": self.unit_b.id, "year": 2025})
        self.assertIn("rows", report._get_report_data())
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            Report.with_user(self.user_other).create({"organization_id": self.unit_b.id, "year": 2025})
        behind = Report.sudo().create({"organization_id": self.unit_b.id, "year": 2025})
        with self.assertRaises(AccessError):
            behind.with_user(self.user_other)._get_report_data()
        self.assertTrue(self.unit_b._union_is_archive_of(self.user_officer_a))
        self.assertFalse(self.unit_b._union_is_archive_of(self.user_other))
        self.assertFalse((self.unit_b | self.unit_a)._union_is_archive_of(self.user_officer_a))

    def test_successor_changes_nothing(self):
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.draft_run_b.with_user(self.user_accountant_a).write({"include_children": True})
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.draft_run_b.with_user(self.user_accountant_a).unlink()
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.line_b.with_user(self.user_accountant_a).unlink()
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.env["union.dues.run"].with_user(self.user_accountant_a).create(
                {"organization_id": self.unit_b.id, "month": date(2025, 10, 1)})

    def test_other_unit_reads_nothing(self):
        user = self.user_other
        Run = self.env["union.dues.run"].with_user(user)
        self.assertFalse(Run.search_read([("organization_id", "=", self.unit_b.id)], ["state"]))
        self.assertFalse(Run.read_group([("organization_id", "=", self.unit_b.id)], ["state"], ["state"]))
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            Run.browse(self.run_b.ids).export_data(["state"])
        self.assertFalse(self.env["union.dues.line"].with_user(user).search(
            [("organization_id", "=", self.unit_b.id)]))
        self.assertFalse(self.env["union.dues.payment"].with_user(user).search(
            [("organization_id", "=", self.unit_b.id)]))
