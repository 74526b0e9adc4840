import base64
import io
from datetime import date

import openpyxl

from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import UnionFinanceCommon


@tagged("post_install", "-at_install")
class TestPayments(UnionFinanceCommon):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.july = cls._run(cls.unit_a, date(2025, 7, 1))
        cls.a1_july = cls.july.line_ids.filtered(lambda line: line.member_id == cls.member_a1)
        cls.a2_july = cls.july.line_ids.filtered(lambda line: line.member_id == cls.member_a2)

    def _cash(self, member, amount=None):
        with Form(self.env["union.dues.payment"].with_user(self.user_accountant)) as form:
            form.kind = "cash"
            form.member_id = member
            if amount:
                form.amount = amount
        return form.record

    def _xlsx(self, rows):
        workbook = openpyxl.Workbook()
        sheet = workbook.active
        sheet.append(["Mã đoàn viên", "CCCD", "Họ và tên", "Số tiền"])
        for row in rows:
            sheet.append(row)
        out = io.BytesIO()
        workbook.save(out)
        return base64.b64encode(out.getvalue())

    def test_cash_receipt_and_voucher(self):
        payment = self._cash(self.member_a1)
        self.assertEqual((payment.amount, payment.organization_id), (88_000, self.unit_a))
        self.assertEqual(payment.amount_words, "Tám mươi tám nghìn đồng")
        payment.action_post()
        self.assertEqual(payment.state, "posted")
        self.assertTrue(payment.name.startswith("PT"))
        self.assertEqual(self.a1_july.payment_state, "paid")
        self.assertEqual(self.a2_july.payment_state, "unpaid")
        self.assertEqual(payment.dues_line_ids, self.a1_july)
        with self.assertRaises(UserError):
            payment.action_post()  # never applied twice
        self.assertEqual(self.a1_july.amount_residual, 0)
        html = self.env["ir.actions.report"]._render_qweb_html(
            "union_finance.union_dues_receipt_document", payment.ids)[0].decode()
        self.assertIn("Tám mươi tám nghìn đồng", html)
        self.assertIn(payment.name, html)
        self.assertIn(self.member_a1.name, html)
        self.assertIn("88.000", html)

    def test_partial_payment_and_overpayment_credit(self):
        self._cash(self.member_a2, 100_000).action_post()
        self.assertEqual((self.a2_july.payment_state, self.a2_july.amount_residual), ("partial", 200_000))
        self._cash(self.member_a1, 100_000).action_post()
        self.assertEqual(self.a1_july.payment_state, "paid")
        # the 12,000 left is a credit, used by the next month's dues
        august = self._run(self.unit_a, date(2025, 8, 1))
        a1_august = august.line_ids.filtered(lambda line: line.member_id == self.member_a1)
        self.assertEqual((a1_august.payment_state, a1_august.amount_residual), ("partial", 76_000))

    def test_reversed_run_leaves_payment_as_credit(self):
        self._cash(self.member_a1).action_post()
        self.july.action_reverse()
        self.assertEqual(self.a1_july.payment_state, "reversed")
        again = self._run(self.unit_a, date(2025, 7, 1))
        line = again.line_ids.filtered(lambda line: line.member_id == self.member_a1)
        self.assertEqual(line.payment_state, "paid", "the earlier payment is used once, again")
        self.assertEqual(self.member_a1.dues_amount_due, 0)

    def test_checkoff_import(self):
        file = self._xlsx([
            [self.member_a1.member_code, None, self.member_a1.name, 88_000],
            [None, self.member_a2.citizen_id, self.member_a2.name, 200_000],
            ["KHONG-CO", None, "Người lạ", 50_000],
        ])
        wizard_form = Form(self.env["union.dues.checkoff.import"].with_user(self.user_accountant))
        wizard_form.organization_id = self.unit_a
        wizard_form.file = file
        wizard = wizard_form.save()
        wizard.filename = "truong_a_07_2025.xlsx"
        self.assertEqual(wizard.journal_id, self.company.union_dues_payment_journal_id)
        wizard.action_check()
        status = {line.row: (line.status, line.member_id) for line in wizard.line_ids}
        self.assertEqual(status, {2: ("matched", self.member_a1), 3: ("wrong_amount", self.member_a2),
                                  4: ("unknown", self.env["union.member"])})
        self.assertEqual((wizard.amount_matched, wizard.exception_count), (88_000, 2))
        wizard.action_confirm()
        payment = wizard.payment_id
        self.assertEqual((payment.kind, payment.amount, payment.state), ("checkoff", 88_000, "posted"))
        self.assertEqual(len(payment.move_id), 1)
        self.assertEqual(self.a1_july.payment_state, "paid")
        self.assertEqual(self.a2_july.payment_state, "unpaid")
        # the same sheet again is refused
        again = self.env["union.dues.checkoff.import"].with_user(self.user_accountant).create({
            "organization_id": self.unit_a.id, "file": file, "filename": "lai.xlsx"})
        again.action_check()
        with self.assertRaises(UserError):
            again.action_confirm()

    def test_checkoff_bad_sheet_writes_nothing(self):
        payments = self.env["union.dues.payment"].search_count([])
        wizard = self.env["union.dues.checkoff.import"].with_user(self.user_accountant).create({
            "organization_id": self.unit_a.id, "filename": "sai.xlsx",
            "file": self._xlsx([
                [self.member_a1.member_code, None, self.member_a1.name, 88_000],
                [None, None, "Không mã", 10_000],
                [self.member_a2.member_code, None, self.member_a2.name, "hai trăm"],
            ])})
        wizard.action_check()
        self.assertEqual(wizard.state, "error")
        self.assertFalse(wizard.line_ids)
        with self.assertRaises(UserError):
            wizard.action_confirm()
        self.assertEqual(self.env["union.dues.payment"].search_count([]), payments)
        self.assertEqual(self.a1_july.payment_state, "unpaid")
        sheet = openpyxl.load_workbook(io.BytesIO(base64.b64decode(wizard.error_file))).active
        self.assertEqual(sheet.cell(row=1, column=5).value, "Error")
        self.assertFalse(sheet.cell(row=2, column=5).value)
        self.assertIn("Row 3", sheet.cell(row=3, column=5).value)
        self.assertIn("hai trăm", sheet.cell(row=4, column=5).value)
        self.assertTrue(wizard.error_filename.endswith("_errors.xlsx"))

    def test_arrears_and_reminder(self):
        august = self._run(self.unit_a, date(2025, 8, 1))
        self.assertEqual((self.member_a1.dues_amount_due, self.member_a1.dues_months_due), (176_000, 2))
        self._cash(self.member_a2, 600_000).action_post()
        self.assertEqual(self.member_a2.dues_amount_due, 0)
        arrears = self.env["union.dues.line"].with_user(self.user_officer_a).search(
            [("payment_state", "in", ("unpaid", "partial"))])
        self.assertEqual(arrears.member_id, self.member_a1)
        # per unit, with everything below it
        self.assertEqual(self.unit_a.dues_amount_due, 176_000)
        self.assertEqual(self.upper.with_user(self.user_upper).dues_amount_due, 176_000)
        self.assertEqual(self.group_a.dues_amount_due, 0)
        self.assertEqual(self.unit_b.dues_amount_due, 0)
        action = self.unit_a.action_view_dues_arrears()
        self.assertEqual(self.env["union.dues.line"].search(action["domain"] + [
            ("payment_state", "=", "unpaid")]).member_id, self.member_a1)
        months = arrears._months_overdue(date(2025, 10, 15))
        self.assertEqual(sorted(months.values()), [2, 3])
        sent = (self.member_a1 | self.member_a2).with_user(self.user_accountant).action_send_dues_reminder()
        self.assertEqual(sent, self.member_a1, "only members in arrears with an e-mail get one")
        message = self.member_a1.message_ids[0]
        self.assertIn(self.a1_july.payment_reference, message.body)
        self.assertIn(august.line_ids.filtered(lambda line: line.member_id == self.member_a1).payment_reference,
                      message.body)
        self.assertIn("176.000", message.body, "money reads 176.000 (đồng), not 176,000")
        self.assertIn(self.member_a1.partner_id, message.partner_ids, "the member is e-mailed")
