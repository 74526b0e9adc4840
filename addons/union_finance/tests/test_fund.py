from datetime import date

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import UnionFinanceCommon


class UnionFundCommon(UnionFinanceCommon):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.employer_a = Partner.create({"name": "Trường THPT A (đơn vị sử dụng lao động)",
                                         "is_company": True})
        cls.employer_b = Partner.create({"name": "Công ty Giáo dục B", "is_company": True})
        cls.unit_a.employer_ids = [(4, cls.employer_a.id)]
        cls.unit_b.employer_ids = [(4, cls.employer_b.id)]
        # these tests follow the grassroots union that collects the fund itself,
        # under the upper level's authorisation (test_fund_law.py: the default flow)
        cls.env["union.fund.authorization"].create([{
            "name": f"UQ-{unit.code}", "organization_id": unit.id, "date_from": date(2017, 1, 1),
        } for unit in (cls.unit_a, cls.unit_b)])

    @classmethod
    def _declare(cls, unit, employer, month, payroll, user=None, post=True, headcount=10):
        env = cls.env(user=user or cls.user_accountant)
        rec = env["union.fund.contribution"].create({
            "organization_id": unit.id, "employer_id": employer.id, "month": month,
            "payroll_fund": payroll, "headcount": headcount})
        if post:
            rec.action_post()
        return rec

    @classmethod
    def _pay(cls, contribution, amount, day, user=None):
        env = cls.env(user=user or cls.user_accountant)
        payment = env["union.fund.payment"].create({
            "contribution_id": contribution.id, "amount": amount, "date": day})
        payment.action_post()
        return payment


@tagged("post_install", "-at_install")
class TestFundContribution(UnionFundCommon):

    def test_accounting_setup_created(self):
        company = self.company
        self.assertEqual(company.union_fund_receivable_account_id.code, "138802")
        self.assertEqual(company.union_fund_receivable_account_id.account_type, "asset_receivable")
        self.assertEqual(company.union_upper_payable_account_id.account_type, "liability_payable")
        self.assertEqual(company.union_fund_journal_id.code, "KPCĐ")
        self.assertEqual(company.union_welfare_expense_account_id.account_type, "expense")

    @freeze_time("2025-09-10")
    def test_amounts_above_two_billion(self):
        """A large employer: 150 billion VND of payroll, 3 billion due. The sums
        of money are stored as numeric (Monetary; an int4 column stopped at 2,147,483,647)."""
        rec = self._declare(self.unit_a, self.employer_a, date(2025, 7, 1), 150_000_000_000)
        self.assertEqual(rec.amount_due, 3_000_000_000)
        self.assertEqual((rec.amount_kept, rec.amount_upward), (2_250_000_000, 750_000_000))
        self._pay(rec, 3_000_000_000, date(2025, 8, 20))
        rec.invalidate_recordset()
        self.assertEqual((rec.amount_paid, rec.amount_residual), (3_000_000_000, 0))
        remittance = self.env["union.remittance"].with_user(self.user_accountant).create({
            "organization_id": self.unit_a.id, "date_from": date(2025, 8, 1),
            "date_to": date(2025, 8, 31)})
        remittance.action_compute()
        remittance.action_post()
        remittance.invalidate_recordset()
        self.assertEqual(remittance.collected_fund, 3_000_000_000)
        self.assertEqual(remittance.amount, 750_000_000)
        self.env.cr.execute("""SELECT data_type FROM information_schema.columns
                                WHERE table_name = 'union_dues_run' AND column_name = 'amount_kept'""")
        self.assertEqual(self.env.cr.fetchone()[0], "numeric", "a province's monthly dues pass int4")

    @freeze_time("2025-02-10")
    def test_post_books_split_by_share_rule(self):
        rec = self._declare(self.unit_a, self.employer_a, date(2025, 1, 17), 100_000_000)
        self.assertEqual(rec.month, date(2025, 1, 1))
        self.assertEqual(rec.deadline, date(2025, 2, 28))
        self.assertEqual(rec.amount_due, 2_000_000)
        self.assertEqual(rec.state, "posted")
        self.assertEqual(rec.status, "due")
        move = rec.move_id
        self.assertEqual(move.state, "posted")
        self.assertEqual(move.journal_id, self.company.union_fund_journal_id)
        by_account = {line.account_id: (line.debit, line.credit) for line in move.line_ids}
        # 2023 rule (QĐ 8108): the grassroots unit keeps 75% of the fund
        self.assertEqual(by_account[self.company.union_fund_receivable_account_id], (2_000_000, 0))
        self.assertEqual(by_account[self.company.union_fund_income_account_id], (0, 1_500_000))
        self.assertEqual(by_account[self.company.union_fund_upward_account_id], (0, 500_000))
        self.assertEqual((rec.amount_kept, rec.amount_upward), (1_500_000, 500_000))
        self.assertEqual(rec.move_line_id.partner_id, self.employer_a)
        with self.assertRaises(UserError):
            rec.payroll_fund = 1
        with self.assertRaises(UserError):
            rec.unlink()

    def test_declaration_form(self):
        form = Form(self.env["union.fund.contribution"].with_user(self.user_accountant))
        form.organization_id = self.unit_a
        self.assertEqual(form.allowed_employer_ids[:], self.employer_a)
        form.employer_id = self.employer_a
        form.month = date(2025, 1, 20)
        form.headcount = 12
        form.payroll_fund = 50_000_000
        self.assertEqual(form.amount_due, 1_000_000)
        rec = form.save()
        self.assertEqual((rec.month, rec.amount_due, rec.state), (date(2025, 1, 1), 1_000_000, "draft"))

    def test_share_rule_of_the_month(self):
        # 2017 rule: 67% kept
        rec = self._declare(self.unit_a, self.employer_a, date(2020, 5, 1), 100_000_000)
        self.assertEqual((rec.amount_kept, rec.amount_upward), (1_340_000, 660_000))

    def test_status_moves_with_time_and_payment(self):
        with freeze_time("2025-02-28"):
            rec = self._declare(self.unit_a, self.employer_a, date(2025, 1, 1), 100_000_000)
            self.assertEqual(rec.status, "due")
        with freeze_time("2025-03-01"):
            rec._cron_update_status()
            self.assertEqual(rec.status, "late")
        with freeze_time("2025-04-30"):
            rec._cron_update_status()
            self.assertEqual(rec.status, "unpaid")
            self._pay(rec, 1_200_000, date(2025, 4, 30))
            self.assertEqual(rec.amount_paid, 1_200_000)
            self.assertEqual(rec.amount_residual, 800_000)
            self.assertEqual(rec.status, "unpaid")
            payment = self._pay(rec, 800_000, date(2025, 5, 2))
            self.assertEqual(rec.status, "paid")
            self.assertEqual(rec.payment_date, date(2025, 5, 2))
            self.assertTrue(rec.move_line_id.reconciled)
            self.assertEqual(payment.move_id.journal_id, self.company.union_dues_payment_journal_id)
            with self.assertRaises(UserError):
                payment.action_post()

    def test_unpaid_days_are_data(self):
        self.env["ir.config_parameter"].sudo().set_param("union_finance.fund_unpaid_after_days", 10)
        with freeze_time("2025-03-15"):
            rec = self._declare(self.unit_a, self.employer_a, date(2025, 1, 1), 100_000_000)
            self.assertEqual(rec.status, "unpaid")

    def test_reduction_and_pause_decisions(self):
        Decision = self.env["union.fund.decision"].with_user(self.user_accountant)
        draft = self._declare(self.unit_a, self.employer_a, date(2025, 3, 1), 100_000_000, post=False)
        Decision.create({"name": "01/QĐ-CĐN", "organization_id": self.unit_a.id,
                         "employer_id": self.employer_a.id, "kind": "reduction",
                         "date_from": date(2025, 3, 1), "date_to": date(2025, 5, 31), "percent": 20})
        self.assertEqual(draft.reduction_percent, 20)
        self.assertEqual(draft.amount_due, 1_600_000, "a draft declaration follows the decision")
        Decision.create({"name": "02/QĐ-CĐN", "organization_id": self.unit_a.id,
                         "employer_id": self.employer_a.id, "kind": "pause",
                         "date_from": date(2025, 7, 1), "date_to": date(2025, 12, 31)})
        with freeze_time("2025-09-10"):
            paused = self._declare(self.unit_a, self.employer_a, date(2025, 8, 1), 100_000_000)
            # a pause defers (Law 50/2024 art. 30, DOMAIN.md §4): still due, later
            self.assertTrue(paused.paused)
            self.assertEqual(paused.amount_due, 2_000_000)
            self.assertEqual(paused.deadline, date(2026, 1, 31))
            self.assertEqual(paused.status, "paused")
            self.assertTrue(paused.move_id, "the paused month is booked as due")
        other = self._declare(self.unit_a, self.employer_a, date(2025, 6, 1), 100_000_000)
        self.assertEqual(other.amount_due, 2_000_000)
        with self.assertRaisesRegex(ValidationError, "20"):
            Decision.create({"name": "03/QĐ-CĐN", "organization_id": self.unit_a.id,
                             "employer_id": self.employer_a.id, "kind": "reduction",
                             "date_from": date(2026, 1, 1), "date_to": date(2026, 2, 28),
                             "percent": 25})
        with self.assertRaisesRegex(ValidationError, "12"):
            Decision.create({"name": "04/QĐ-CĐN", "organization_id": self.unit_a.id,
                             "employer_id": self.employer_a.id, "kind": "pause",
                             "date_from": date(2026, 1, 1), "date_to": date(2027, 1, 31)})

    def test_employer_must_be_linked_and_month_unique(self):
        with self.assertRaises(ValidationError):
            self._declare(self.unit_a, self.employer_b, date(2025, 1, 1), 1_000_000, post=False)
        self._declare(self.unit_a, self.employer_a, date(2025, 1, 1), 1_000_000, post=False)
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self._declare(self.unit_a, self.employer_a, date(2025, 1, 20), 1_000_000, post=False)

    def test_access(self):
        rec_a = self._declare(self.unit_a, self.employer_a, date(2025, 1, 1), 100_000_000)
        rec_b = self._declare(self.unit_b, self.employer_b, date(2025, 1, 1), 50_000_000)
        Fund = self.env["union.fund.contribution"]
        self.assertEqual(Fund.with_user(self.user_officer_a).search([]), rec_a)
        self.assertEqual(Fund.with_user(self.user_officer_b).search([]), rec_b)
        self.assertEqual(Fund.with_user(self.user_upper).search([]), rec_a | rec_b)
        self.assertEqual(Fund.with_user(self.user_accountant_b).search([]), rec_b)
        with self.assertRaises(AccessError):
            rec_a.with_user(self.user_officer_b).read(["amount_due"])
        with self.assertRaises(AccessError):
            Fund.with_user(self.user_officer_a).create({
                "organization_id": self.unit_a.id, "employer_id": self.employer_a.id,
                "month": date(2025, 2, 1), "payroll_fund": 1})
        with self.assertRaises(AccessError):
            self._pay(rec_a, 100, date(2025, 2, 1), user=self.user_officer_a)
        with self.assertRaises(AccessError):
            self._pay(rec_a, 100, date(2025, 2, 1), user=self.user_accountant_b)
        with self.assertRaises(AccessError):
            Fund.with_user(self.user_portal_a1).search([])

    def test_request_letter_and_confirmation(self):
        rec = self._declare(self.unit_a, self.employer_a, date(2025, 1, 1), 123_456_789)
        Report = self.env["ir.actions.report"]
        html = Report._render_qweb_html("union_finance.union_fund_request_report_action", rec.ids)[0]
        html = html.decode()
        self.assertIn(self.employer_a.name, html)
        self.assertIn("2.469.136", html)
        self.assertIn("28/02/2025", html)
        with self.assertRaises(UserError):
            rec.action_print_confirmation()
        self._pay(rec, 2_469_136, date(2025, 2, 5))
        html = Report._render_qweb_html("union_finance.union_fund_confirmation_report_action",
                                        rec.ids)[0].decode()
        self.assertIn("fund-paid", html)
        self.assertIn("2.469.136", html)
        self.assertIn("05/02/2025", html)
