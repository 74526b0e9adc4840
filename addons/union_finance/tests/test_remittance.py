from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .test_fund import UnionFundCommon


@tagged("post_install", "-at_install")
class TestRemittance(UnionFundCommon):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.run_a = cls._run(cls.unit_a, date(2025, 7, 1))
        cls.run_b = cls._run(cls.unit_b, date(2025, 7, 1))
        Payment = cls.env["union.dues.payment"]
        # a1 pays July (88,000) in August; a2 (group under unit A) pays in September
        Payment.create({"kind": "cash", "organization_id": cls.unit_a.id, "member_id": cls.member_a1.id,
                        "amount": 88_000, "date": date(2025, 8, 5)}).action_post()
        Payment.create({"kind": "cash", "organization_id": cls.unit_a.id, "member_id": cls.member_a2.id,
                        "amount": 234_000, "date": date(2025, 9, 3)}).action_post()
        # unit B's member pays in August too: it never counts for unit A
        Payment.create({"kind": "cash", "organization_id": cls.unit_b.id, "member_id": cls.member_b1.id,
                        "amount": 150_000, "date": date(2025, 8, 6)}).action_post()
        cls.fund_a = cls._declare(cls.unit_a, cls.employer_a, date(2025, 7, 1), 100_000_000)
        cls._pay(cls.fund_a, 2_000_000, date(2025, 8, 20))
        # declared but not paid: not collected, so nothing owed upward for it
        cls._declare(cls.unit_a, cls.employer_a, date(2025, 6, 1), 50_000_000)

    def _remittance(self, unit, date_from, date_to, user=None):
        return self.env["union.remittance"].with_user(user or self.user_accountant).create({
            "organization_id": unit.id, "date_from": date_from, "date_to": date_to})

    def test_owed_from_what_was_collected(self):
        rem = self._remittance(self.unit_a, date(2025, 8, 1), date(2025, 8, 31))
        self.assertEqual(rem.upper_organization_id, self.upper)
        rem.action_compute()
        self.assertEqual(rem.collected_dues, 88_000)
        self.assertEqual(rem.collected_fund, 2_000_000)
        # 2023 rule: 70% of dues and 75% of the fund stay with the unit
        self.assertEqual(rem.dues_upward, 26_400)
        self.assertEqual(rem.fund_upward, 500_000)
        self.assertEqual(rem.amount, 526_400)
        rem.action_post()
        self.assertEqual(rem.state, "posted")
        company = self.company
        lines = {aml.account_id: (aml.debit, aml.credit, aml.partner_id) for aml in rem.move_id.line_ids}
        self.assertEqual(lines[company.union_dues_upward_account_id][:2], (26_400, 0))
        self.assertEqual(lines[company.union_fund_upward_account_id][:2], (500_000, 0))
        self.assertEqual(lines[company.union_upper_payable_account_id],
                         (0, 526_400, self.upper.partner_id))
        self.assertEqual(rem.amount_residual, 526_400)
        rem.payment_date = date(2025, 9, 10)
        rem.action_register_payment()
        self.assertEqual(rem.state, "paid")
        self.assertEqual(rem.amount_paid, 526_400)
        self.assertEqual(rem.amount_residual, 0)
        self.assertTrue(rem.move_line_id.reconciled)
        self.assertEqual(rem.payment_move_id.journal_id, company.union_dues_payment_journal_id)
        html = self.env["ir.actions.report"]._render_qweb_html(
            "union_finance.union_remittance_payment_voucher_report_action", rem.ids)[0].decode()
        self.assertIn(rem.payment_move_id.name, html)
        self.assertIn(self.upper.name, html)
        self.assertIn('class="voucher-amount">526.400<', html)
        self.assertIn("Năm trăm hai mươi sáu nghìn bốn trăm đồng", html)
        self.assertIn(f'class="voucher-debit">{company.union_upper_payable_account_id.code}<', html)
        with self.assertRaises(UserError):
            rem.action_register_payment()
        with self.assertRaises(UserError):
            rem.unlink()

    def test_sub_unit_payments_count_in_their_month(self):
        rem = self._remittance(self.unit_a, date(2025, 9, 1), date(2025, 9, 30))
        rem.action_compute()
        self.assertEqual(rem.collected_dues, 234_000, "the group's member paid in September")
        self.assertEqual(rem.collected_fund, 0)
        self.assertEqual(rem.amount, 234_000 - 163_800)

    def test_no_overlap_and_nothing_to_remit(self):
        self._remittance(self.unit_a, date(2025, 8, 1), date(2025, 8, 31)).action_post()
        with self.assertRaises(ValidationError):
            self._remittance(self.unit_a, date(2025, 8, 15), date(2025, 9, 30)).action_post()
        with self.assertRaises(UserError):
            self._remittance(self.unit_a, date(2025, 1, 1), date(2025, 1, 31)).action_post()
        with self.assertRaises(ValidationError):
            self._remittance(self.unit_a, date(2025, 2, 1), date(2025, 1, 31))

    def test_upper_level_sees_each_unit_below(self):
        rem_a = self._remittance(self.unit_a, date(2025, 8, 1), date(2025, 8, 31))
        rem_a.action_post()
        rem_b = self._remittance(self.unit_b, date(2025, 8, 1), date(2025, 8, 31), user=self.user_accountant_b)
        rem_b.action_post()
        self.assertEqual(rem_b.amount, 45_000)  # 30% of 150,000
        Rem = self.env["union.remittance"]
        self.assertEqual(Rem.with_user(self.user_upper).search([]), rem_a | rem_b)
        groups = Rem.with_user(self.user_upper).read_group(
            [("upper_organization_id", "=", self.upper.id)], ["amount:sum", "amount_residual:sum"],
            ["organization_id"])
        owed = {g["organization_id"][0]: (g["amount"], g["amount_residual"]) for g in groups}
        self.assertEqual(owed, {self.unit_a.id: (526_400, 526_400), self.unit_b.id: (45_000, 45_000)})
        self.assertEqual(Rem.with_user(self.user_officer_b).search([]), rem_b)
        with self.assertRaises(AccessError):
            rem_a.with_user(self.user_officer_b).read(["amount"])
        with self.assertRaises(AccessError):
            rem_b.with_user(self.user_officer_b).action_register_payment()
        with self.assertRaises(AccessError):
            Rem.with_user(self.user_portal_a1).search([])


@tagged("post_install", "-at_install")
class TestRemittanceUpperCompany(UnionFundCommon):
    """The upper level keeps its own books: it still sees what each unit below owes."""

    def test_upper_level_in_its_own_company(self):
        upper_company = self.env["res.company"].create({
            "name": "Công đoàn ngành Giáo dục (kế toán riêng)", "currency_id": self.env.ref("base.VND").id})
        self.upper.company_id = upper_company
        self.user_upper.write({"company_ids": [(4, upper_company.id)], "company_id": upper_company.id})
        fund = self._declare(self.unit_a, self.employer_a, date(2025, 7, 1), 100_000_000)
        self._pay(fund, 2_000_000, date(2025, 8, 20))
        rem = self.env["union.remittance"].with_user(self.user_accountant).create({
            "organization_id": self.unit_a.id, "date_from": date(2025, 8, 1),
            "date_to": date(2025, 8, 31)})
        rem.action_post()
        self.assertEqual(rem.company_id, self.company, "booked in the unit's own company")
        self.assertEqual(rem.upper_company_id, upper_company)
        self.assertEqual(rem.move_id.company_id, self.company)
        seen = self.env["union.remittance"].with_user(self.user_upper).with_company(upper_company).search_read(
            [("upper_organization_id", "=", self.upper.id)], ["organization_id", "amount", "amount_residual"])
        self.assertEqual([(r["organization_id"][0], r["amount"], r["amount_residual"]) for r in seen],
                         [(self.unit_a.id, 500_000, 500_000)])


@tagged("post_install", "-at_install")
class TestRemittanceAcrossShareRules(UnionFundCommon):
    """A period that spans a change of share rule: each month's collection is
    split by the rule in force in that month, not by the rule of the first day."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a hypothetical rule from 2025-07-01 (DOMAIN.md lists none): 80% of dues kept
        cls.rule_2025 = cls.env["union.share.rule"].create({
            "name": "Test rule 2025-07", "date_start": date(2025, 7, 1),
            "dues_kept_percent": 80, "fund_kept_percent": 75})
        cls.rule_2023 = cls.env["union.share.rule"]._rule_at(date(2025, 6, 1))
        cls._run(cls.unit_a, date(2025, 6, 1), include_children=False)  # a1: 1% = 176,000
        cls._run(cls.unit_a, date(2025, 7, 1), include_children=False)  # a1: 0.5% = 88,000
        Payment = cls.env["union.dues.payment"]
        for amount, day in ((176_000, date(2025, 6, 20)), (88_000, date(2025, 7, 10))):
            Payment.create({"kind": "cash", "organization_id": cls.unit_a.id,
                            "member_id": cls.member_a1.id, "amount": amount,
                            "date": day}).action_post()
        cls.fund_june = cls._declare(cls.unit_a, cls.employer_a, date(2025, 5, 1), 10_000_000)
        cls._pay(cls.fund_june, 200_000, date(2025, 6, 15))
        cls.fund_july = cls._declare(cls.unit_a, cls.employer_a, date(2025, 6, 1), 20_000_000)
        cls._pay(cls.fund_july, 400_000, date(2025, 7, 15))

    def test_each_month_by_its_own_rule(self):
        self.assertEqual(self.rule_2023.dues_kept_percent, 70)
        rem = self.env["union.remittance"].with_user(self.user_accountant).create({
            "organization_id": self.unit_a.id, "date_from": date(2025, 6, 1),
            "date_to": date(2025, 7, 31)})
        rem.action_compute()
        self.assertEqual((rem.collected_dues, rem.collected_fund), (264_000, 600_000))
        # June 176,000 at 70% kept (52,800 up), July 88,000 at 80% kept (17,600 up);
        # the rule of the first day alone would give 79,200
        self.assertEqual(rem.dues_upward, 52_800 + 17_600)
        # the fund: 75% kept under both rules, paid on 2025-06-15 and 2025-07-15
        self.assertEqual(rem.fund_upward, 50_000 + 100_000)
        self.assertEqual(rem.amount, 70_400 + 150_000)
        self.assertEqual(rem.share_rule_ids, self.rule_2023 | self.rule_2025)
        # one month only: one rule
        july = self.env["union.remittance"].create({
            "organization_id": self.unit_a.id, "date_from": date(2025, 7, 1),
            "date_to": date(2025, 7, 31)})
        july.action_compute()
        self.assertEqual((july.dues_upward, july.share_rule_ids), (17_600, self.rule_2025))
        rem.action_post()
        self.assertTrue(self.rule_2025.is_used, "a rule used by a posted remittance is locked")
        with self.assertRaises(UserError):
            self.rule_2025.dues_kept_percent = 85
