"""The statement before the payment: a bank statement line imported BEFORE the union records
the payment or receipt it shows is cleared when that payment is posted
(account.bank.statement.line._union_match_posted), by the rules of the other order."""
from datetime import date
from unittest.mock import patch

from odoo.exceptions import UserError
from odoo.tests import tagged

from ..rules import bank_statement_files as files
from .test_bank_statements import ACCOUNT, OutgoingCase

OPENING = 10_000_000


@tagged("post_install", "-at_install")
class TestStatementBeforePayment(OutgoingCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the school collects its 2% fund itself (authorised), its employer transfers July's
        cls.employer = cls.env["res.partner"].create({
            "name": "Trường THPT A (đơn vị sử dụng lao động)", "is_company": True})
        cls.unit_a.employer_ids = [(4, cls.employer.id)]
        cls.env["union.fund.authorization"].create({
            "name": "UQ-T-A", "organization_id": cls.unit_a.id, "date_from": date(2017, 1, 1)})
        cls.contribution = cls.env["union.fund.contribution"].create({
            "organization_id": cls.unit_a.id, "employer_id": cls.employer.id,
            "month": date(2025, 7, 1), "payroll_fund": 123_400_000, "headcount": 12})
        cls.contribution.action_post()

    def _import_lines(self, lines):
        name, content = files.vietinbank(ACCOUNT, OPENING, lines)
        self._import(name, content)
        return self._statement_lines().sorted(lambda line: line.ref)

    def _transit_open(self):
        return self.env["account.move.line"].search([
            ("account_id", "in", (self.transit_in | self.transit_out).ids),
            ("company_id", "=", self.company.id), ("parent_state", "=", "posted"),
            ("reconciled", "=", False)])

    def _receipts(self):
        """A check-off sheet of the school (a2's July dues) and the employer's 2% fund
        payment, recorded on the bank journal (not posted yet)."""
        env = self.env(user=self.user_accountant)
        checkoff = env["union.dues.payment"].create({
            "kind": "checkoff", "organization_id": self.unit_a.id,
            "amount": int(self.a2_july.amount), "date": date(2025, 9, 8),
            "description": "Khấu trừ lương tháng 7",
            "allocation": {str(self.member_a2.id): int(self.a2_july.amount)}})
        fund = env["union.fund.payment"].create({
            "contribution_id": self.contribution.id, "amount": int(self.contribution.amount_due),
            "date": date(2025, 9, 9), "journal_id": self.journal.id, "reference": "UNC-0907"})
        return checkoff, fund

    def test_each_kind_statement_first_then_the_payment(self):
        records = self._prepare_all_by_bank()
        remittance, welfare, refund, allocation = records
        checkoff, fund = self._receipts()
        amounts = [int(remittance.amount), 700_000, int(refund.amount), int(allocation.amount)]
        self.assertTrue(all(amounts))
        lines = [
            (date(2025, 9, 10), "5243.92001", "CONG DOAN TRUONG THPT A NOP KINH PHI CONG DOAN "
             "CAP TREN QUY 3\ncong doan nganh giao  duc", 0, amounts[0]),
            (date(2025, 9, 11), "5243.92002", "CDCS THPT A chi tham om doan vien TRAN VAN  HUNG",
             0, amounts[1]),
            (date(2025, 9, 11), "5243.92003", "Hoan tra doan phi cho NGUYEN THI LAN", 0, amounts[2]),
            (date(2025, 9, 12), "5243.92004", "CDN GD cap KPCD 2% cho truongthcs b pb 07", 0,
             amounts[3]),
            (date(2025, 9, 12), "5243.92005", "Cong doan nganh Giao duc chuyen phan bo KPCD "
             "PB-07", amounts[3], 0),
            (date(2025, 9, 12), "5243.92006", "TRUONG THPT A CHUYEN DOAN PHI KHAU TRU T7",
             int(checkoff.amount), 0),
            (date(2025, 9, 13), "5243.92007", "TRUONG THPT A CHUYEN KPCD 2% THANG 07/2025",
             int(fund.amount), 0),
        ]
        st_lines = self._import_lines(lines)
        # nothing recorded yet: the outgoing and the check-off lines wait, the fund transfer
        # is proposed against the declaration
        self.assertEqual(st_lines.mapped("union_match_state"), ["open"] * 6 + ["proposed"])
        self.assertFalse(any(st_lines.mapped("is_reconciled")))
        self.assertEqual(self._bank_balance(), sum(line[3] - line[4] for line in lines))

        self._post_all_by_bank(records)
        checkoff.action_post()
        fund.action_post()
        self.env.invalidate_all()
        self.assertEqual(st_lines.mapped("union_match_state"), ["cleared"] * 7)
        self.assertTrue(all(st_lines.mapped("is_reconciled")))
        self.assertFalse(self._transit_open(), "nothing waits on money in transit (1131/1132)")
        moves = (remittance.payment_move_id, welfare.move_id, refund.move_id,
                 allocation.upper_move_id, allocation.move_id, checkoff.move_id, fund.move_id)
        for st_line, move in zip(st_lines, moves):
            with self.subTest(move=move.name):
                transit = move.line_ids.filtered(
                    lambda aml: aml.account_id in (self.transit_in | self.transit_out))
                self.assertEqual(transit.matched_debit_ids.debit_move_id.move_id
                                 | transit.matched_credit_ids.credit_move_id.move_id, st_line.move_id)
        self.assertEqual(st_lines[0].partner_id, self.upper.partner_id)
        self.assertEqual(st_lines[5].union_dues_payment_id, checkoff)
        self.assertEqual((st_lines[6].partner_id, st_lines[6].union_proposed_move_line_id),
                         (self.employer, self.env["account.move.line"]))
        self.assertEqual(self.contribution.amount_residual, 0)
        # the bank book is the bank's: the bank account moved by the statement lines only
        statement = st_lines.statement_id
        self.assertEqual(self._bank_balance(), statement.balance_end_real - OPENING)
        bank_items = self.env["account.move.line"].search([("account_id", "=", self.bank.id)])
        self.assertEqual(bank_items.move_id, st_lines.move_id)
        # each record's chatter names its line (a fund payment's: its declaration's)
        for record, st_line in zip((remittance, welfare, refund, allocation, checkoff,
                                    self.contribution), st_lines[:4] + st_lines[5:]):
            with self.subTest(record=str(record)):
                self.assertTrue(any(st_line.payment_ref.split("\n")[0] in message.body
                                    for message in record.message_ids), record.message_ids.mapped("body"))
        # again: nothing changes, and the same file is refused
        Line = self.env["account.bank.statement.line"]
        for record in (remittance, welfare, refund, allocation, checkoff, fund):
            self.assertFalse(Line._union_match_posted(record))
        with self.assertRaises(UserError):
            remittance.action_register_payment()
        name, content = files.vietinbank(ACCOUNT, OPENING, lines)
        with self.assertRaises(UserError):
            self._import(name, content)
        self.assertEqual(self.env["account.move.line"].search([("account_id", "=", self.bank.id)]),
                         bank_items)

    def test_two_candidate_lines_match_nothing(self):
        """One line two payments of one batch could take: neither. Two open lines name the
        payee with the same amount: the accountant decides."""
        welfare_kind = self.env.ref("union_finance.union_welfare_kind_sickness")
        Welfare = self.env["union.welfare.request"].with_user(self.user_officer_a)
        requests = Welfare.create([{
            "member_id": member.id, "description": "Ốm nằm viện", "kind_id": welfare_kind.id,
            "amount": amount, "date": date(2025, 9, 1)}
            for member, amount in ((self.member_a2, 700_000), (self.member_a2, 700_000),
                                   (self.member_a1, 500_000))])
        requests.action_approve()
        requests = requests.with_user(self.user_accountant)
        requests.write({"payment_journal_id": self.journal.id, "payment_date": date(2025, 9, 3)})
        st_lines = self._import_lines([
            (date(2025, 9, 11), "5243.93001", "Chi tham om TRAN VAN HUNG", 0, 700_000),
            (date(2025, 9, 14), "5243.93002", "Chi mung sinh con NGUYEN THI LAN", 0, 500_000),
            (date(2025, 9, 15), "5243.93003", "Nguyen Thi Lan nhan tro cap", 0, 500_000)])
        requests[:2].action_pay()  # one batch, two payments naming the one line
        requests[2].action_pay()  # one payment, two lines naming it
        self.assertEqual(st_lines.mapped("union_match_state"), ["open"] * 3)
        self.assertFalse(any(st_lines.mapped("is_reconciled")))
        self.assertEqual(len(self._transit_open()), 3)
        self.assertFalse(any("TRAN VAN HUNG" in body or "NGUYEN THI LAN" in body
                             for body in requests.message_ids.mapped("body")))

    def test_other_amount_or_payee_stays_open(self):
        records = self._prepare_all_by_bank()
        remittance, welfare, _refund, _allocation = records
        checkoff, fund = self._receipts()
        st_lines = self._import_lines([
            (date(2025, 9, 10), "5243.94001", "NOP KINH PHI CONG DOAN NGANH GIAO DUC", 0,
             int(remittance.amount) + 1_000),
            (date(2025, 9, 11), "5243.94002", "Chi tra tien dien thang 8", 0, 700_000),
            (date(2025, 9, 12), "5243.94003", "CONG TY KHAC CHUYEN TIEN", int(checkoff.amount), 0)])
        self._post_all_by_bank(records)
        checkoff.action_post()
        fund.action_post()
        self.assertEqual(st_lines.mapped("union_match_state"), ["open", "open", "open"])
        self.assertFalse(any(st_lines.mapped("is_reconciled")))
        items = self._open_transit(records)
        self.assertFalse(items[remittance].reconciled)
        self.assertFalse(items[welfare].reconciled)
        self.assertEqual(len(self._transit_open()), 7, "every payment still waits on money in transit")

    def test_batch_searches_the_statement_once(self):
        """Welfare paid to three members in one click: one search of statement lines."""
        welfare_kind = self.env.ref("union_finance.union_welfare_kind_sickness")
        members = self.member_a1 | self.member_a2 | self.member_b1
        requests = self.env["union.welfare.request"].create([{
            "member_id": member.id, "description": "Ốm nằm viện", "kind_id": welfare_kind.id,
            "amount": amount, "date": date(2025, 9, 1), "payment_journal_id": self.journal.id,
            "payment_date": date(2025, 9, 3)}
            for member, amount in zip(members, (300_000, 400_000, 500_000))])
        requests.action_approve()
        st_lines = self._import_lines([
            (date(2025, 9, 2), f"5243.9500{index}", f"Chi tham om {member.name}", 0, amount)
            for index, (member, amount) in enumerate(zip(members, (300_000, 400_000, 500_000)))])
        Line = type(self.env["account.bank.statement.line"])
        original = Line.search
        searches = []

        def search(records, domain, *args, **kwargs):
            if ("is_reconciled", "=", False) in domain:
                searches.append(domain)
            return original(records, domain, *args, **kwargs)

        with patch.object(Line, "search", search):
            requests.with_user(self.user_accountant).action_pay()
        self.assertEqual(len(searches), 1)
        self.assertEqual(st_lines.mapped("union_match_state"), ["cleared"] * 3)
        self.assertFalse(self._transit_open())

    def test_lock_date_respected(self):
        """A payment dated in a locked period is booked as before: on the first open date
        (Odoo's own rule), nothing written inside the locked period; it then clears the line
        of the statement imported before it. (Odoo refuses a lock date while a statement line
        of the period is open, so no open line is ever in a locked period; _union_match_posted
        leaves such a line alone all the same.)"""
        records = self._prepare_all_by_bank()
        remittance = records[0]
        st_line = self._import_lines([
            (date(2025, 9, 20), "5243.96001", "NOP KINH PHI CONG DOAN NGANH GIAO DUC", 0,
             int(remittance.amount))])
        self.company.fiscalyear_lock_date = date(2025, 9, 15)
        remittance.action_register_payment()  # ordered on 10/09/2025, in the locked period
        self.assertEqual(remittance.state, "paid")
        self.assertGreater(remittance.payment_move_id.date, date(2025, 9, 15))
        self.assertFalse(self.env["account.move.line"].search([
            ("company_id", "=", self.company.id), ("date", "<=", date(2025, 9, 15)),
            ("account_id", "in", (self.bank | self.transit_out).ids)]))
        self.assertEqual(st_line.union_match_state, "cleared")
        self.assertTrue(remittance.payment_move_id.line_ids.filtered("credit").reconciled)
        self.assertEqual(st_line.move_id.date, date(2025, 9, 20))
