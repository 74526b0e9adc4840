from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import UnionFinanceCommon


@tagged("post_install", "-at_install")
class TestFinanceAccess(UnionFinanceCommon):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.run_a = cls._run(cls.unit_a, date(2025, 7, 1))
        cls.run_b = cls._run(cls.unit_b, date(2025, 7, 1))
        cls.line_a1 = cls.run_a.line_ids.filtered(lambda line: line.member_id == cls.member_a1)
        cls.line_a2 = cls.run_a.line_ids.filtered(lambda line: line.member_id == cls.member_a2)

    def test_officers_read_their_units_and_below(self):
        Run = self.env["union.dues.run"]
        Line = self.env["union.dues.line"]
        self.assertEqual(Run.with_user(self.user_officer_a).search([]), self.run_a)
        self.assertEqual(Line.with_user(self.user_officer_a).search([]), self.run_a.line_ids,
                         "officer A sees the line of the member of the group below unit A")
        self.assertEqual(Run.with_user(self.user_officer_b).search([]), self.run_b)
        self.assertEqual(Run.with_user(self.user_upper).search([]), self.run_a | self.run_b)
        with self.assertRaises(AccessError):
            self.run_a.with_user(self.user_officer_b).read(["amount_total"])
        with self.assertRaises(AccessError):
            self.line_a1.with_user(self.user_officer_b).read(["amount"])

    def test_officer_cannot_confirm_or_pay(self):
        run = self._run(self.unit_a, date(2025, 8, 1), post=False)
        with self.assertRaises(AccessError):
            run.with_user(self.user_officer_a).action_confirm()
        with self.assertRaises(AccessError):
            self.env["union.dues.run"].with_user(self.user_officer_a).create(
                {"organization_id": self.unit_a.id, "month": date(2025, 9, 1)})
        with self.assertRaises(AccessError):
            self.env["union.dues.payment"].with_user(self.user_officer_a).create({
                "kind": "cash", "organization_id": self.unit_a.id, "member_id": self.member_a1.id,
                "amount": 88_000})
        self.assertEqual(run.state, "computed")

    def test_accountant_works_in_their_units_only(self):
        run = self._run(self.unit_b, date(2025, 8, 1), user=self.user_accountant_b)
        self.assertEqual(run.state, "posted")
        self.assertEqual(set(run.move_ids.sudo().mapped("state")), {"posted"})
        self.assertFalse(self.env["union.dues.run"].with_user(self.user_accountant_b).search(
            [("organization_id", "=", self.unit_a.id)]))
        with self.assertRaises(AccessError):
            self.run_a.with_user(self.user_accountant_b).action_reverse()
        payment = self.env["union.dues.payment"].with_user(self.user_accountant_b).create({
            "kind": "cash", "organization_id": self.unit_b.id, "member_id": self.member_b1.id,
            "amount": 234_000})
        payment.action_post()
        self.assertEqual(self.run_b.line_ids.payment_state, "paid")

    def test_portal_member_sees_only_own_dues(self):
        Line = self.env["union.dues.line"].with_user(self.user_portal_a1)
        self.assertEqual(Line.search([]), self.line_a1)
        with self.assertRaises(AccessError):
            self.line_a2.with_user(self.user_portal_a1).read(["amount"])
        with self.assertRaises(AccessError):
            self.run_a.with_user(self.user_portal_a1).read(["amount_total"])
        with self.assertRaises(AccessError):
            self.env["union.dues.payment"].with_user(self.user_portal_a1).search([])

    def test_officer_keeps_salaries_of_their_members(self):
        Base = self.env["union.member.dues.base"]
        base = Base.with_user(self.user_officer_a).create({
            "member_id": self.member_a1.id, "date_start": date(2025, 9, 1), "amount": 18_000_000})
        self.assertEqual(base.amount, 18_000_000)
        with self.assertRaises(AccessError):
            Base.with_user(self.user_officer_a).create({
                "member_id": self.member_b1.id, "date_start": date(2025, 9, 1), "amount": 1})
        self.assertEqual(Base.with_user(self.user_officer_b).search([]).member_id, self.member_b1)
