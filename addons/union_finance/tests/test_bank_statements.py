"""Issue 16: bank statements as Vietnamese banks export them, the whole statement in the
bank book, dues matched inside it."""
import base64
import io
from datetime import date

import openpyxl
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import common as odoo_test_common
from odoo.tests import new_test_user, tagged

from ..models.account_chart_template_bank import UNION_BANK_FEE_REGEX, UNION_BANK_INTEREST_REGEX
from ..rules import bank_statement_files as files
from .common import UnionFinanceCommon

# queue_job 18.0.4.x's test helpers import odoo.tests.common.SETATTR_SOURCES, which later
# builds of Odoo 18.0 define and the one of this machine lacks: an empty registry is all
# they need (engineer "jobs" adds the same shim as union_membership/tests/jobs.py)
if not hasattr(odoo_test_common, "SETATTR_SOURCES"):
    odoo_test_common.SETATTR_SOURCES = {}

from odoo.addons.queue_job.tests.common import trap_jobs  # noqa: E402

ACCOUNT = "0011001932418"


class BankStatementCase(UnionFinanceCommon):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.journal = cls.company.union_dues_payment_journal_id
        cls.journal.bank_account_id = cls.env["res.partner.bank"].create({
            "acc_number": ACCOUNT, "partner_id": cls.company.partner_id.id})
        cls.july = cls._run(cls.unit_a, date(2025, 7, 1))
        cls.august = cls._run(cls.unit_a, date(2025, 8, 1))
        cls.a1_july = cls.july.line_ids.filtered(lambda line: line.member_id == cls.member_a1)
        cls.a2_july = cls.july.line_ids.filtered(lambda line: line.member_id == cls.member_a2)
        cls.a2_august = cls.august.line_ids.filtered(lambda line: line.member_id == cls.member_a2)
        # bank fees and interest, as the union chart ships them (its accounts: 6151, 5151)
        expense = cls.env["account.account"].search([
            *cls.env["account.account"]._check_company_domain(cls.company),
            ("account_type", "=", "expense")], limit=1)
        income = cls.env["account.account"].search([
            *cls.env["account.account"]._check_company_domain(cls.company),
            ("account_type", "=", "income")], limit=1)
        cls.fee_account, cls.interest_account = expense, income
        cls.env["account.reconcile.model"].create([{
            "name": name, "company_id": cls.company.id, "rule_type": "writeoff_suggestion",
            "auto_reconcile": True, "match_nature": nature, "match_label": "match_regex",
            "match_label_param": regex,
            "line_ids": [(0, 0, {"account_id": account.id, "amount_type": "percentage",
                                 "amount_string": "100"})],
        } for name, nature, regex, account in (
            ("Phí", "amount_paid", UNION_BANK_FEE_REGEX, expense),
            ("Lãi", "amount_received", UNION_BANK_INTEREST_REGEX, income))])

    def _lines(self):
        """A month on the union's account: a mangled dues reference, a transfer paying two
        months, a refund, an SMS fee, interest and a transfer nobody can place."""
        a1 = self.a1_july.payment_reference
        prefix, code, month = a1.split("-")
        # hyphens stripped, spaces inserted, lower case
        mangled = f"{prefix.lower()} {code[:3].lower()} {code[3:]}{month}"
        two = f"{self.a2_july.payment_reference} {self.a2_august.payment_reference}"
        return [
            (date(2025, 8, 4), "5243.65937", f"MBVCB.123 NGUYEN THI LAN chuyen tien\n{mangled} doan phi",
             int(self.a1_july.amount), 0),
            (date(2025, 8, 5), "5243.65938", f"TRAN VAN HUNG dong doan phi 2 thang\n{two}",
             int(self.a2_july.amount + self.a2_august.amount), 0),
            (date(2025, 8, 6), "5243.65939", "Hoan tra doan phi thu thua cho Le Thi Hoa", 0, 26_338_000),
            (date(2025, 8, 25), "", "Phí SMS Banking tháng 08/2025", 0, 11_000),
            (date(2025, 8, 31), "5243.65940", "Trả lãi tiền gửi tháng 08/2025", 2_345, 0),
            (date(2025, 8, 20), "5243.65941", "Chuyen tien ung ho quy", 500_000, 0),
        ]

    def _import(self, name, content, user=None):
        wizard = self.env["account.statement.import"].with_user(user or self.user_accountant).create({
            "statement_file": base64.b64encode(content), "statement_filename": name})
        return wizard.import_file_button()

    def _statement_lines(self):
        return self.env["account.bank.statement.line"].search([("journal_id", "=", self.journal.id)])

    def _check_imported(self, opening, lines):
        st_lines = self._statement_lines()
        self.assertEqual(len(st_lines), len(lines), "every line is in the bank book")
        total = sum(line[3] - line[4] for line in lines)
        statement = st_lines.statement_id
        self.assertEqual(len(statement), 1)
        self.assertEqual((statement.balance_start, statement.balance_end_real),
                         (opening, opening + total))
        self.assertEqual(self.a1_july.payment_state, "paid", "the mangled reference is matched")
        self.assertEqual((self.a2_july.payment_state, self.a2_august.payment_state), ("paid", "paid"),
                         "one transfer pays two months")
        by_ref = {line.payment_ref[:12]: line for line in st_lines}
        self.assertEqual(by_ref["Hoan tra doa"].union_match_state, "open", "a refund waits")
        self.assertEqual(by_ref["Chuyen tien "].union_match_state, "open")
        fee = st_lines.filtered(lambda line: line.amount == -11_000)
        self.assertTrue(fee.is_reconciled)
        self.assertEqual(fee.move_id.line_ids.filtered(lambda aml: aml.account_id == self.fee_account)
                         .debit, 11_000)
        interest = st_lines.filtered(lambda line: line.amount == 2_345)
        self.assertTrue(interest.is_reconciled)
        paid = st_lines.filtered(lambda line: line.union_match_state == "dues")
        self.assertEqual(len(paid), 2)
        self.assertTrue(all(paid.mapped("is_reconciled")))
        self.assertEqual(paid.union_dues_payment_id.mapped("kind"), ["bank", "bank"])



@tagged("post_install", "-at_install")
class TestBankStatements(BankStatementCase):

    def test_each_bank_layout_imports_and_matches(self):
        opening = 150_000_000
        for bank, build in files.BUILDERS.items():
            with self.subTest(bank=bank):
                savepoint = self.env.cr.savepoint()
                try:
                    name, content = build(ACCOUNT, opening, self._lines())
                    self._import(name, content)
                    self._check_imported(opening, self._lines())
                finally:
                    savepoint.rollback()
                    self.env.invalidate_all()

    def test_layout_recognised_and_wrapped_description(self):
        name, content = files.bidv(ACCOUNT, 0, self._lines()[:1], wrap_first=True)
        self._import(name, content)
        line = self._statement_lines()
        self.assertIn("doan phi", line.payment_ref, "the wrapped description is joined")
        self.assertEqual(line.statement_id.name.split(":")[0], "BIDV")

    def test_file_that_does_not_add_up_is_refused(self):
        # MB gives no opening balance: the running balance of the first line gives it
        for build in (files.vietcombank, files.mb):
            with self.subTest(bank=build.__name__):
                name, content = build(ACCOUNT, 1_000_000, self._lines(), closing=999)
                with self.assertRaises(UserError) as refused:
                    self._import(name, content)
                self.assertIn("999", str(refused.exception))
                self.assertIn("1.000.000", str(refused.exception), "the opening balance")
                self.assertFalse(self._statement_lines(), "nothing was recorded")
                self.assertEqual(self.a1_july.payment_state, "unpaid")

    def test_real_titles_with_footnote_marks_and_line_breaks(self):
        """Vietcombank writes "Ngày1/\nTNX Date/ Số CT/ Doc No": the layout names the
        column "TNX Date"; Techcombank writes money out negative."""
        lines = self._lines()
        for build in (files.vietcombank, files.techcombank):
            with self.subTest(bank=build.__name__):
                savepoint = self.env.cr.savepoint()
                try:
                    name, content = build(ACCOUNT, 10_000, lines)
                    self._import(name, content)
                    st_lines = self._statement_lines().sorted("date")
                    self.assertEqual(st_lines[0].date, date(2025, 8, 4))
                    self.assertEqual(st_lines[0].ref, "5243.65937")
                    refund = st_lines.filtered(lambda line: "Hoan tra" in line.payment_ref)
                    self.assertEqual(refund.amount, -26_338_000)
                finally:
                    savepoint.rollback()
                    self.env.invalidate_all()

    def test_unknown_account_is_refused_naming_it(self):
        name, content = files.vietinbank("1234567890123", 0, self._lines())
        with self.assertRaises(UserError) as refused:
            self._import(name, content)
        self.assertIn("1234567890123", str(refused.exception))

    def test_bad_amount_is_refused_naming_row_and_value(self):
        lines = self._lines()
        name, content = files.bidv(ACCOUNT, 0, lines)
        content = content.decode("utf-8-sig").replace("26.338.000", "26.338.0x0").encode()
        with self.assertRaises(UserError) as refused:
            self._import(name, content)
        self.assertIn("26.338.0x0", str(refused.exception))
        self.assertIn("Row 9", str(refused.exception))
        self.assertFalse(self._statement_lines())

    def test_reimport_and_overlap(self):
        lines = self._lines()
        name, content = files.vietcombank(ACCOUNT, 0, lines[:3])
        self._import(name, content)
        payments = self.env["union.dues.payment"].search_count([])
        # the same file again changes nothing
        with self.assertRaises(UserError) as refused:
            self._import(name, content)
        self.assertIn("5243.65937", str(refused.exception), "the skipped lines are listed")
        # an overlapping file: its first three lines are skipped and listed, the rest imported
        balance = sum(line[3] - line[4] for line in lines[:3])
        name, content = files.vietcombank(ACCOUNT, 0, lines)
        action = self._import(name, content)
        self.assertIn("5243.65938", action["params"]["message"])
        self.assertEqual(len(self._statement_lines()), len(lines))
        self.assertEqual(self.env["union.dues.payment"].search_count([]), payments,
                         "the same transfer is recorded once")
        statements = self._statement_lines().statement_id.sorted("id")
        self.assertEqual(statements[-1].balance_start, balance)
        # a file whose new part does not start at the journal's balance is refused
        later = [(date(2025, 9, 2), "5243.7", "Chuyen tien", 1_000, 0)]
        name, content = files.vietcombank(ACCOUNT, 5, later)
        with self.assertRaises(UserError) as refused:
            self._import(name, content)
        self.assertIn("02/09/2025", str(refused.exception))

    def test_vietqr_payment_recorded_before_is_cleared_once(self):
        """A VietQR payment confirmed before the statement waits on money in transit; the
        statement line clears it: ONE debit on the bank account."""
        payment = self.env["union.dues.payment"].with_user(self.user_accountant).create({
            "kind": "bank", "organization_id": self.unit_a.id, "member_id": self.member_a1.id,
            "amount": int(self.a1_july.amount), "date": date(2025, 8, 3),
            "description": "VietQR"})
        payment.action_post()
        self.assertEqual(self.a1_july.payment_state, "paid")
        lines = self._lines()[:1]
        name, content = files.vietcombank(ACCOUNT, 0, lines)
        self._import(name, content)
        st_line = self._statement_lines()
        self.assertEqual(st_line.union_match_state, "cleared")
        self.assertEqual(st_line.union_dues_payment_id, payment)
        self.assertTrue(st_line.is_reconciled)
        self.assertEqual(self.env["union.dues.payment"].search_count([("member_id", "=", self.member_a1.id)]), 1)
        bank_debits = self.env["account.move.line"].search([
            ("account_id", "=", self.journal.default_account_id.id), ("debit", ">", 0)])
        self.assertEqual(len(bank_debits), 1, "the bank account moves once")
        self.assertEqual(bank_debits.move_id, st_line.move_id)

    def test_accountant_rights_and_other_officers(self):
        name, content = files.vietcombank(ACCOUNT, 0, self._lines())
        self._import(name, content)
        Line = self.env["account.bank.statement.line"]
        found = Line.with_user(self.user_accountant).search_read([], ["amount", "payment_ref"])
        self.assertEqual(len(found), len(self._lines()))
        line = Line.with_user(self.user_accountant).browse(found[0]["id"])
        line.write({"partner_name": "Trần Văn Hùng"})
        for user in (self.user_officer_a, self.user_officer_b, self.user_upper):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                Line.with_user(user).search_read([], ["amount"])
            with self.assertRaises(AccessError):
                Line.with_user(user).read_group([], ["amount:sum"], [])
            with self.assertRaises(AccessError):
                line.with_user(user).export_data(["amount"])


@tagged("post_install", "-at_install")
class TestBankStatementJob(BankStatementCase):
    """A large statement is matched by a background job (OCA queue_job)."""

    def test_large_statement_matched_in_a_job(self):
        self.env["ir.config_parameter"].sudo().set_param(
            "union_finance.bank_match_job_threshold", "2")
        name, content = files.vietcombank(ACCOUNT, 0, self._lines())
        with trap_jobs() as trap:
            action = self._import(name, content)
            trap.assert_jobs_count(1)
            self.assertIn("background", action["params"]["message"])
            self.assertEqual(self.a1_july.payment_state, "unpaid", "not matched yet")
            job = trap.enqueued_jobs[0]
            self.assertEqual(job.identity_key, f"union_bank_match:{self._statement_lines().statement_id.id}")
            trap.perform_enqueued_jobs()
        self.assertEqual(self.a1_july.payment_state, "paid")
        self.assertEqual((self.a2_july.payment_state, self.a2_august.payment_state), ("paid", "paid"))
        self.assertFalse(self._statement_lines().filtered(lambda line: not line.union_match_state))


@tagged("post_install", "-at_install")
class TestBankStatementProposals(BankStatementCase):
    """Transfers that are not a member's dues: an employer's 2% fund is proposed, a
    school's check-off payment recorded before is cleared."""

    def _declare_july_fund(self):
        """School A's employer, collecting under an authorisation, declares July 2025's 2% fund."""
        employer = self.env["res.partner"].create({
            "name": "Trường THPT A (đơn vị sử dụng lao động)", "is_company": True})
        self.unit_a.employer_ids = [(4, employer.id)]
        self.env["union.fund.authorization"].create({
            "name": "UQ-T-A", "organization_id": self.unit_a.id, "date_from": date(2017, 1, 1)})
        contribution = self.env["union.fund.contribution"].with_user(self.user_accountant).create({
            "organization_id": self.unit_a.id, "employer_id": employer.id,
            "month": date(2025, 7, 1), "payroll_fund": 100_000_000, "headcount": 10})
        contribution.action_post()
        return employer, contribution

    def test_fund_transfer_is_proposed_by_amount_and_payer(self):
        employer, contribution = self._declare_july_fund()
        due = int(contribution.amount_due)
        lines = [(date(2025, 8, 10), "5243.70001", "TRUONG THPT A CHUYEN KPCD 2% THANG 07/2025",
                  due, 0),
                 (date(2025, 8, 11), "5243.70002", "CONG TY KHAC CHUYEN KPCD", due, 0)]
        name, content = files.vietinbank(ACCOUNT, 0, lines)
        self._import(name, content)
        st_lines = self._statement_lines().sorted("date")
        self.assertEqual(st_lines.mapped("union_match_state"), ["proposed", "open"])
        self.assertEqual(st_lines[0].partner_id, employer)
        self.assertEqual(st_lines[0].union_proposed_move_line_id, contribution.move_line_id)
        self.assertFalse(st_lines[0].is_reconciled, "the accountant confirms it")

    def test_fund_payment_recorded_before_is_cleared_once(self):
        """An employer's 2% fund transfer recorded by the accountant before the statement
        waits on money in transit; the statement line clears it: ONE debit on the bank
        account (the fund payment does not book the bank itself)."""
        employer, contribution = self._declare_july_fund()
        due = int(contribution.amount_due)
        payment = self.env["union.fund.payment"].with_user(self.user_accountant).create({
            "contribution_id": contribution.id, "amount": due, "date": date(2025, 8, 9),
            "journal_id": self.journal.id})
        payment.action_post()
        self.assertEqual(contribution.amount_residual, 0)
        transit = payment._union_receipt_account()
        self.assertNotEqual(transit, self.journal.default_account_id)
        self.assertTrue(payment.move_id.line_ids.filtered(
            lambda aml: aml.account_id == transit and aml.debit == due))
        lines = [(date(2025, 8, 10), "5243.70001", "TRUONG THPT A CHUYEN KPCD 2% THANG 07/2025",
                  due, 0)]
        name, content = files.vietinbank(ACCOUNT, 0, lines)
        self._import(name, content)
        st_line = self._statement_lines()
        self.assertEqual(st_line.union_match_state, "cleared")
        self.assertTrue(st_line.is_reconciled)
        self.assertEqual(st_line.partner_id, employer)
        bank_debits = self.env["account.move.line"].search([
            ("account_id", "=", self.journal.default_account_id.id), ("debit", ">", 0)])
        self.assertEqual(bank_debits.move_id, st_line.move_id, "the bank account moves once")

    def test_demo_fund_statement_matches_declarations(self):
        """The demo's statement of the sector union: the employers' 2% fund transfers are
        proposed against the declarations, all but the last confirmed; the ordinary
        spending waits for the accountant."""
        employer = self.env["res.partner"].create({
            "name": "Trường THPT A (đơn vị sử dụng lao động)", "is_company": True})
        self.unit_a.employer_ids = [(4, employer.id)]
        contributions = self.env["union.fund.contribution"].create([{
            "organization_id": self.unit_a.id, "employer_id": employer.id, "month": month,
            "payroll_fund": 100_000_000 + month.month, "headcount": 10}
            for month in (date(2025, 6, 1), date(2025, 7, 1))])
        contributions.action_post()
        imported = self.env["union.finance.demo.dues"]._generate_fund_statement(
            self.company, today=date(2025, 8, 20))
        self.assertEqual(len(imported), 4, "two fund transfers and two spending lines")
        fund = imported.filtered(lambda line: line.amount > 0).sorted("id")
        self.assertEqual(fund.mapped("union_match_state"), ["proposed", "proposed"])
        self.assertEqual(fund.partner_id, employer)
        self.assertTrue(fund[0].is_reconciled, "confirmed against its declaration")
        self.assertFalse(fund[1].is_reconciled, "left for the accountant to confirm")
        self.assertEqual(contributions.sorted("month").mapped(lambda c: c.amount_residual == 0),
                         [True, False])
        spending = imported.filtered(lambda line: line.amount < 0)
        self.assertEqual(spending.mapped("union_match_state"), ["open", "open"])
        statement = imported.statement_id
        self.assertEqual(statement.balance_end_real,
                         statement.balance_start + sum(imported.mapped("amount")))

    @freeze_time("2025-11-20")
    def test_demo_fund_statement_after_the_demo_declarations(self):
        """The demo as it loads: the fund declarations of union.finance.demo.fund, then the
        sector union's statement with the open ones transferred by their employers."""
        self.env["ir.model.data"]._update_xmlids([
            {"xml_id": f"union_membership.{name}", "record": record, "noupdate": True}
            for name, record in (("demo_org_school", self.unit_a),
                                 ("demo_member_portal", self.member_a1),
                                 ("demo_org_sector", self.upper))])
        self.assertTrue(self.env["union.finance.demo.fund"]._load_demo())
        Fund = self.env["union.fund.contribution"]
        open_before = Fund.search([("company_id", "=", self.upper.company_id.id),
                                   ("state", "=", "posted"), ("amount_residual", ">", 0)])
        self.assertTrue(open_before)
        # the employers' transfers the accountant recorded on the bank journal wait on money
        # in transit (1131): the demo's statements never showed them before this one
        Mixin = self.env["union.payment.mixin"]
        transit = Mixin._union_receipt_account(self.journal) | Mixin._union_payment_account(self.journal)
        waiting = self.env["union.fund.payment"].search([("journal_id", "=", self.journal.id)])
        self.assertTrue(waiting)
        self.assertEqual(waiting.move_id.line_ids.filtered(
            lambda aml: aml.account_id in transit and not aml.reconciled).mapped("debit"),
            waiting.mapped("amount"))
        Demo = self.env["union.finance.demo.dues"]
        self.assertTrue(Demo._load_demo_fund_statement())
        still_open = open_before.filtered(lambda c: c.amount_residual > 0)
        self.assertEqual(len(still_open), 1, "all but one confirmed against their transfer")
        lines = self._statement_lines().filtered(lambda line: line.amount > 0)
        self.assertEqual(len(lines), len(open_before) + len(waiting))
        self.assertEqual(len(lines.filtered(lambda line: line.union_match_state == "proposed")),
                         len(open_before))
        cleared = lines.filtered(lambda line: line.union_match_state == "cleared")
        self.assertEqual(len(cleared), len(waiting))
        self.assertEqual(sorted(cleared.mapped("amount")), sorted(waiting.mapped("amount")))
        # nothing waits on money in transit (1131, 1132) older than the statement
        statement_date = max(self._statement_lines().mapped("date"))
        self.assertFalse(self.env["account.move.line"].search([
            ("account_id", "in", transit.ids), ("parent_state", "=", "posted"),
            ("reconciled", "=", False), ("date", "<=", statement_date)]))
        # the remittance the school paid upward by transfer waits on money in transit (1132)
        # and the statement's line clears it: the bank account is the statement's
        remittance = self.env["union.remittance"].search([("organization_id", "=", self.unit_a.id)])
        transit = remittance.payment_move_id.line_ids.filtered("credit")
        self.assertEqual(transit.account_id, self.env["union.payment.mixin"]._union_payment_account(
            remittance.payment_journal_id))
        self.assertTrue(transit.reconciled)
        paid = self._statement_lines().filtered(lambda line: line.amount == -remittance.amount)
        self.assertEqual(paid.union_match_state, "cleared")
        bank = self.env["account.move.line"].search([
            ("account_id", "=", self.journal.default_account_id.id), ("parent_state", "=", "posted")])
        self.assertEqual(sum(bank.mapped("balance")),
                         self._statement_lines().statement_id.balance_end_real)

    def test_checkoff_payment_recorded_before_is_cleared_by_the_school_transfer(self):
        amount = int(self.a1_july.amount + self.a2_july.amount)
        payment = self.env["union.dues.payment"].with_user(self.user_accountant).create({
            "kind": "checkoff", "organization_id": self.unit_a.id, "amount": amount,
            "date": date(2025, 8, 1), "description": "Khấu trừ lương tháng 7",
            "allocation": {str(self.member_a1.id): int(self.a1_july.amount),
                           str(self.member_a2.id): int(self.a2_july.amount)}})
        payment.action_post()
        lines = [(date(2025, 8, 12), "FT2508120001", "TRUONG THPT A CHUYEN DOAN PHI KHAU TRU T7",
                  amount, 0)]
        name, content = files.vietinbank(ACCOUNT, 0, lines)
        self._import(name, content)
        st_line = self._statement_lines()
        self.assertEqual(st_line.union_match_state, "cleared")
        self.assertEqual(st_line.union_dues_payment_id, payment)
        self.assertTrue(st_line.is_reconciled)
        self.assertEqual(self.env["union.dues.payment"].search_count([]), 1)


class OutgoingCase(BankStatementCase):
    """Payments out on the bank journal (a remittance to the upper level, welfare, a dues
    refund, a 2% fund allocation), as the accountant records them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Mixin = cls.env["union.payment.mixin"]
        cls.transit_out = Mixin._union_payment_account(cls.journal)
        cls.transit_in = Mixin._union_receipt_account(cls.journal)
        cls.bank = cls.journal.default_account_id
        cls.cash_journal = cls.company.union_dues_cash_journal_id
        Payment = cls.env["union.dues.payment"]
        # a1 pays July in cash in August (the remittance's collection), and June (refunded:
        # the unit turns out to have stopped collecting on 1 June 2025)
        june = cls._run(cls.unit_a, date(2025, 6, 1))
        cls.a1_june = june.line_ids.filtered(lambda line: line.member_id == cls.member_a1)
        for amount, day in ((int(cls.a1_june.amount), date(2025, 7, 2)),
                            (int(cls.a1_july.amount), date(2025, 8, 5))):
            Payment.create({"kind": "cash", "organization_id": cls.unit_a.id,
                            "member_id": cls.member_a1.id, "amount": amount,
                            "date": day}).action_post()

    def _pay_all_by_bank(self):
        """The four payments, recorded on the bank journal by the accountant (the welfare
        request approved by the officer)."""
        return self._post_all_by_bank(self._prepare_all_by_bank())

    def _prepare_all_by_bank(self):
        """The four payments, ready to be paid (their amounts known): the remittance posted,
        the welfare request approved, the refund and the allocation computed."""
        env = self.env(user=self.user_accountant)
        remittance = env["union.remittance"].create({
            "organization_id": self.unit_a.id, "date_from": date(2025, 8, 1),
            "date_to": date(2025, 8, 31), "payment_journal_id": self.journal.id,
            "payment_date": date(2025, 9, 10)})
        remittance.action_post()
        welfare = self.env["union.welfare.request"].with_user(self.user_officer_a).create({
            "member_id": self.member_a2.id, "description": "Ốm nằm viện",
            "kind_id": self.env.ref("union_finance.union_welfare_kind_sickness").id,
            "amount": 700_000, "date": date(2025, 9, 1)})
        welfare.action_approve()
        welfare = welfare.with_user(self.user_accountant)
        welfare.write({"payment_journal_id": self.journal.id, "payment_date": date(2025, 9, 3)})
        self.unit_a.self_financing_below_threshold = True
        refund = env["union.dues.refund"].create({
            "member_id": self.member_a1.id, "line_ids": [(6, 0, self.a1_june.ids)],
            "journal_id": self.journal.id, "date": date(2025, 9, 4)})
        self.unit_a.self_financing_below_threshold = False
        employer = self.env["res.partner"].create({"name": "Trường THCS B (SDLĐ)",
                                                   "is_company": True})
        self.unit_b.employer_ids = [(4, employer.id)]
        contribution = env["union.fund.contribution"].create({
            "organization_id": self.unit_b.id, "employer_id": employer.id,
            "month": date(2025, 7, 1), "payroll_fund": 100_000_000, "headcount": 10})
        contribution.action_post()
        env["union.fund.payment"].create({
            "contribution_id": contribution.id, "amount": int(contribution.amount_due),
            "date": date(2025, 8, 15), "journal_id": self.cash_journal.id}).action_post()
        allocation = env["union.fund.allocation"].create({
            "name": "PB-07", "organization_id": self.unit_b.id, "date": date(2025, 9, 5),
            "date_to": date(2025, 7, 31), "journal_id": self.journal.id,
            "upper_journal_id": self.journal.id})
        allocation.action_compute()
        return remittance, welfare, refund, allocation

    def _post_all_by_bank(self, records):
        remittance, welfare, refund, allocation = records
        remittance.action_register_payment()
        welfare.action_pay()
        self.unit_a.self_financing_below_threshold = True
        refund.action_post()
        self.unit_a.self_financing_below_threshold = False
        allocation.action_post()
        return remittance, welfare, refund, allocation

    def _bank_balance(self):
        return sum(self.env["account.move.line"].search([
            ("account_id", "=", self.bank.id), ("parent_state", "=", "posted")]).mapped("balance"))

    def _open_transit(self, payments):
        """{payment: its open money-in-transit item}"""
        remittance, welfare, refund, allocation = payments
        found = {}
        for record, move, account in ((remittance, remittance.payment_move_id, self.transit_out),
                                      (welfare, welfare.move_id, self.transit_out),
                                      (refund, refund.move_id, self.transit_out),
                                      (allocation, allocation.upper_move_id, self.transit_out),
                                      ("received", allocation.move_id, self.transit_in)):
            found[record] = move.line_ids.filtered(lambda aml, a=account: aml.account_id == a)
        return found


@tagged("post_install", "-at_install")
class TestBankStatementOutgoing(OutgoingCase):
    """Issue 16's last gap: money the union pays out on the bank journal (a remittance to
    the upper level, welfare, a dues refund, a 2% fund allocation) waits on money in
    transit (1132) until the statement's outgoing line clears it; the allocation's
    receiving side waits on 1131. The bank account moves once, by the statement."""

    def test_outgoing_transfers_wait_on_transit_and_the_statement_clears_them(self):
        chart = self.env["account.chart.template"].with_context(
            allowed_company_ids=self.company.root_id.ids)
        self.assertEqual(self.transit_out, chart.ref("account_journal_payment_credit_account_id"))
        self.assertNotEqual(self.transit_out, self.bank)
        payments = self._pay_all_by_bank()
        remittance, welfare, refund, allocation = payments
        self.assertEqual(self._bank_balance(), 0, "nothing paid on the bank journal touches the bank")
        items = self._open_transit(payments)
        amounts = {"remittance": int(remittance.amount), "welfare": 700_000,
                   "refund": int(refund.amount), "allocation": int(allocation.amount)}
        for record, item in items.items():
            with self.subTest(record=str(record)):
                self.assertEqual(len(item), 1)
                self.assertFalse(item.reconciled)
        self.assertEqual(items[remittance].credit, amounts["remittance"])
        self.assertEqual(items["received"].debit, amounts["allocation"])
        self.assertEqual(items[allocation].credit, amounts["allocation"])
        # the bank's statement: the number or the payee's name, as banks mangle them; one
        # transfer of another amount to the same member, one the union did not record
        welfare_name = "TRAN VAN  HUNG"  # Trần Văn Hùng, as the bank writes it
        lines = [
            (date(2025, 9, 10), "5243.90001", "CONG DOAN TRUONG THPT A NOP KINH PHI CONG DOAN "
             "CAP TREN QUY 3\ncong doan nganh giao  duc", 0, amounts["remittance"]),
            (date(2025, 9, 11), "5243.90002", f"CDCS THPT A chi tham om doan vien {welfare_name}",
             0, amounts["welfare"]),
            (date(2025, 9, 11), "5243.90003", f"Hoan tra doan phi {refund.move_id.name.lower()}",
             0, amounts["refund"]),
            (date(2025, 9, 12), "5243.90004", "CDN GD cap KPCD 2% cho truongthcs b pb 07", 0,
             amounts["allocation"]),
            (date(2025, 9, 12), "5243.90005", "Cong doan nganh Giao duc chuyen phan bo KPCD "
             "PB-07", amounts["allocation"], 0),
            (date(2025, 9, 13), "5243.90006", f"Chi ho tro {welfare_name}", 0, 123_000),
        ]
        opening = 10_000_000
        name, content = files.vietinbank(ACCOUNT, opening, lines)
        self._import(name, content)
        st_lines = self._statement_lines().sorted(lambda line: line.ref)
        self.assertEqual(st_lines.mapped("union_match_state"), ["cleared"] * 5 + ["open"],
                         "another amount stays for the accountant")
        self.assertFalse(st_lines[-1].is_reconciled)
        for record, item in items.items():
            with self.subTest(record=str(record)):
                self.assertTrue(item.reconciled, "the item waiting on money in transit is cleared")
        for st_line, item in zip(st_lines, (items[remittance], items[welfare], items[refund],
                                            items[allocation], items["received"])):
            self.assertEqual(item.matched_debit_ids.debit_move_id.move_id
                             | item.matched_credit_ids.credit_move_id.move_id, st_line.move_id)
        self.assertEqual(st_lines[0].partner_id, self.upper.partner_id)
        # the bank account moved once per transfer, by the statement: the bank book is the bank's
        statement = st_lines.statement_id
        self.assertEqual(self._bank_balance(), statement.balance_end_real - opening)
        bank_items = self.env["account.move.line"].search([("account_id", "=", self.bank.id)])
        self.assertEqual(bank_items.move_id, st_lines.move_id)
        wizard = self.env["union.finance.xlsx.report"].with_user(self.user_admin).create({
            "report_type": "bank_book", "organization_id": self.federation.id, "year": 2025})
        wizard.action_export()
        sheet = openpyxl.load_workbook(io.BytesIO(base64.b64decode(wizard.file_data))).worksheets[0]
        rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
        self.assertEqual(len(rows[4:-1]), len(lines), "each transfer once in the bank book")
        self.assertEqual(rows[-1][4] - rows[-1][5], statement.balance_end_real - opening)
        # the same file again changes nothing
        with self.assertRaises(UserError):
            self._import(name, content)
        self.assertEqual(self.env["account.move.line"].search([("account_id", "=", self.bank.id)]),
                         bank_items)
        self.assertEqual(len(self._statement_lines()), len(lines))

    def test_outgoing_line_of_another_amount_or_payee_stays_open(self):
        remittance, welfare, _refund, _allocation = self._pay_all_by_bank()
        lines = [(date(2025, 9, 10), "5243.91001", "NOP KINH PHI CONG DOAN NGANH GIAO DUC", 0,
                  int(remittance.amount) + 1_000),
                 (date(2025, 9, 11), "5243.91002", "Chi tra tien dien thang 8", 0, 700_000)]
        name, content = files.vietinbank(ACCOUNT, 10_000_000, lines)
        self._import(name, content)
        self.assertEqual(self._statement_lines().mapped("union_match_state"), ["open", "open"])
        items = self._open_transit((remittance, welfare, _refund, _allocation))
        self.assertFalse(items[remittance].reconciled)
        self.assertFalse(items[welfare].reconciled)

    def test_cash_payments_stay_on_the_till(self):
        welfare = self.env["union.welfare.request"].create({
            "member_id": self.member_a2.id, "description": "Ốm nằm viện",
            "kind_id": self.env.ref("union_finance.union_welfare_kind_sickness").id,
            "amount": 300_000, "date": date(2025, 9, 1), "payment_date": date(2025, 9, 2)})
        welfare.action_approve()
        welfare.with_user(self.user_accountant).action_pay()
        self.assertEqual(welfare.payment_journal_id, self.cash_journal)
        credit = welfare.move_id.line_ids.filtered("credit")
        self.assertEqual((credit.account_id, credit.credit),
                         (self.cash_journal.default_account_id, 300_000))
        html = self.env["ir.actions.report"]._render_qweb_html(
            "union_finance.union_welfare_payment_voucher_report_action", welfare.ids)[0].decode()
        self.assertIn(f'class="voucher-credit">{self.cash_journal.default_account_id.code}<', html)

    def test_no_outstanding_payments_account_is_refused_and_nothing_written(self):
        company = self.company.root_id
        self.env["ir.model.data"].search([
            ("module", "=", "account"),
            ("name", "=", f"{company.id}_account_journal_payment_credit_account_id")]).unlink()
        self.journal.outbound_payment_method_line_ids.payment_account_id = False
        welfare = self.env["union.welfare.request"].create({
            "member_id": self.member_a2.id, "description": "Ốm nằm viện",
            "kind_id": self.env.ref("union_finance.union_welfare_kind_sickness").id,
            "amount": 300_000, "date": date(2025, 9, 1), "payment_journal_id": self.journal.id})
        welfare.action_approve()
        moves = self.env["account.move"].search_count([])
        vietnamese = self.env["res.lang"]._lang_get("vi_VN").active
        lang = "vi_VN" if vietnamese else "en_US"
        with self.assertRaises(UserError) as refused:
            welfare.with_user(self.user_accountant).with_context(lang=lang).action_pay()
        self.assertIn(self.journal.with_context(lang=lang).name, str(refused.exception))
        self.assertIn("1132", str(refused.exception))
        if vietnamese:
            self.assertIn("tiền đang chuyển", str(refused.exception))
        self.assertEqual(welfare.state, "approved")
        self.assertEqual(self.env["account.move"].search_count([]), moves)

    def test_union_chart_payments_wait_on_1132(self):
        company = self.env["res.company"].create({
            "name": "Công đoàn thử 1132", "currency_id": self.env.ref("base.VND").id,
            "country_id": self.env.ref("base.vn").id})
        self.env.user.company_ids |= company
        self.env["account.chart.template"].try_loading("vn_union", company, install_demo=False)
        Mixin = self.env["union.payment.mixin"].with_company(company)
        bank = company.union_dues_payment_journal_id
        self.assertEqual(Mixin._union_payment_account(bank).with_company(company).code, "1132")
        self.assertEqual(Mixin._union_receipt_account(bank).with_company(company).code, "1131")
        cash = company.union_dues_cash_journal_id
        self.assertEqual(Mixin._union_payment_account(cash), cash.default_account_id)


@tagged("post_install", "-at_install")
class TestUnionChartBankModels(UnionFinanceCommon):
    """The union chart ships the reconciliation models of bank fees and interest."""

    def test_union_chart_has_fee_and_interest_models(self):
        company = self.env["res.company"].create({
            "name": "Công đoàn thử sổ", "currency_id": self.env.ref("base.VND").id,
            "country_id": self.env.ref("base.vn").id})
        self.env.user.company_ids |= company
        self.env["account.chart.template"].try_loading("vn_union", company, install_demo=False)
        # account codes are read in the account's company
        models = self.env["account.reconcile.model"].with_company(company).search([
            ("company_id", "=", company.id), ("rule_type", "=", "writeoff_suggestion")])
        by_code = {model.line_ids.account_id.code: model for model in models}
        self.assertEqual(by_code["6151"].match_nature, "amount_paid")
        self.assertEqual(by_code["5151"].match_nature, "amount_received")
        self.assertTrue(by_code["6151"].auto_reconcile)

    def test_migration_adds_the_models_to_companies_lacking_them(self):
        """Migration 18.0.1.3.0: a union-chart company created before the models were
        shipped gets them; one that has them gets nothing more."""
        company = self.env["res.company"].create({
            "name": "Công đoàn sổ cũ", "currency_id": self.env.ref("base.VND").id,
            "country_id": self.env.ref("base.vn").id})
        self.env.user.company_ids |= company
        self.env["account.chart.template"].try_loading("vn_union", company, install_demo=False)
        Model = self.env["account.reconcile.model"].with_company(company)
        domain = [("company_id", "=", company.id), ("rule_type", "=", "writeoff_suggestion")]
        Model.search(domain).unlink()  # as before the models were shipped
        Chart = self.env["account.chart.template"]
        self.assertEqual(Chart._union_add_bank_reconcile_models(self.env["res.company"].search([])),
                         company, "only the company lacking them")
        models = Model.search(domain)
        self.assertEqual(sorted(models.line_ids.account_id.mapped("code")), ["5151", "6151"])
        self.assertFalse(Chart._union_add_bank_reconcile_models(company), "nothing twice")
        self.assertEqual(Model.search_count(domain), 2)


@tagged("post_install", "-at_install")
class TestBankStatementsSeparateBooks(UnionFinanceCommon):
    """Units and bank journals: a bank journal belongs to a company, and a unit that keeps
    its own books is its own company (units keeping no books of their own have no bank
    account of their own: their money is on the account of the unit that keeps their
    books). So the accountant of unit A, allowed only A's company, finds none of the
    statement lines of unit B's bank journal: no rule by unit is needed on top of
    Odoo's company rules."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        vnd = cls.env.ref("base.VND")
        vnd.active = True
        companies = cls.env["res.company"].create([
            {"name": name, "currency_id": vnd.id, "country_id": cls.env.ref("base.vn").id}
            for name in ("Công đoàn Trường A (sổ riêng)", "Công đoàn Trường B (sổ riêng)")])
        cls.company_a, cls.company_b = companies
        for company in companies:
            cls.env["account.chart.template"].try_loading("vn_union", company=company,
                                                          install_demo=False)
        cls.env.user.company_ids |= companies
        (cls.unit_a | cls.group_a).company_id = cls.company_a
        cls.unit_b.company_id = cls.company_b
        cls.accountant_a = new_test_user(
            cls.env, login="t_bank_books_a", name="Kế toán ngân hàng A",
            groups="base.group_user,union_finance.group_union_accountant",
            company_id=cls.company_a.id, company_ids=[(6, 0, cls.company_a.ids)])
        cls.accountant_a.union_organization_ids = [(6, 0, cls.unit_a.ids)]
        Line = cls.env["account.bank.statement.line"]
        cls.journal_a, cls.journal_b = (
            cls.env["account.journal"].search([("type", "=", "bank"),
                                               ("company_id", "=", company.id)], limit=1)
            for company in companies)
        cls.line_a = Line.with_company(cls.company_a).create({
            "journal_id": cls.journal_a.id, "date": date(2025, 8, 4), "amount": 50_000,
            "payment_ref": "Đoàn phí trường A"})
        cls.line_b = Line.with_company(cls.company_b).create({
            "journal_id": cls.journal_b.id, "date": date(2025, 8, 4), "amount": 70_000,
            "payment_ref": "Đoàn phí trường B"})

    def test_each_unit_keeping_books_has_its_own_bank_journal(self):
        self.assertEqual(self.unit_a.company_id, self.journal_a.company_id)
        self.assertEqual(self.unit_b.company_id, self.journal_b.company_id)
        self.assertNotEqual(self.journal_a, self.journal_b)

    def test_accountant_a_finds_none_of_bs_statement_lines(self):
        Line = self.env["account.bank.statement.line"].with_user(self.accountant_a)
        found = {rec["id"] for rec in Line.search_read([], ["amount", "payment_ref"])}
        self.assertIn(self.line_a.id, found)
        self.assertNotIn(self.line_b.id, found)
        groups = Line.read_group([], ["amount:sum"], ["journal_id"])
        self.assertEqual({group["journal_id"][0] for group in groups}, {self.journal_a.id})
        exported = Line.search([]).export_data(["payment_ref", "amount"])["datas"]
        self.assertNotIn("Đoàn phí trường B", {row[0] for row in exported})
        with self.assertRaises(AccessError):
            self.line_b.with_user(self.accountant_a).read(["amount"])
        with self.assertRaises(AccessError):
            Line.with_context(allowed_company_ids=[self.company_a.id, self.company_b.id]) \
                .search_read([], ["id"])
        Statement = self.env["account.bank.statement"].with_user(self.accountant_a)
        self.assertFalse(Statement.search([("journal_id", "=", self.journal_b.id)]))
        # a line of A's accountant cannot be written to B's bank journal
        with self.assertRaises(UserError):  # AccessError or a company mismatch
            Line.create({"journal_id": self.journal_b.id, "date": date(2025, 8, 5),
                         "amount": 1_000, "payment_ref": "x"})
            Line.flush_model()
        with self.assertRaises(UserError):  # AccessError or a company mismatch
            self.line_a.with_user(self.accountant_a).write({"journal_id": self.journal_b.id})
            Line.flush_model()
