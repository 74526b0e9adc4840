"""Issue 14: the month's dues as the union accountant does them, in a browser (run, compute,
confirm, a cash payment with its receipt), and the payroll check-off import as the accountant."""
import base64
import io
from datetime import date

import openpyxl

from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged

from .common import UnionFinanceCommon


def sheet(rows):
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return base64.b64encode(out.getvalue())


@tagged("post_install", "-at_install")
class TestDuesMonthRoutine(UnionFinanceCommon, HttpCase):

    def test_month_of_dues_tour(self):
        run = self.env["union.dues.run"].with_user(self.user_accountant).create({
            "organization_id": self.unit_a.id, "month": date(2025, 7, 1)})
        self.start_tour("/odoo", "union_finance_dues_month_tour", login="t_accountant")
        self.assertEqual(run.state, "posted")
        self.assertEqual(set(run.move_ids.mapped("state")), {"posted"})
        payment = self.env["union.dues.payment"].search([("member_id", "=", self.member_a1.id)])
        self.assertEqual(len(payment), 1)
        self.assertEqual((payment.state, payment.kind, payment.amount, payment.create_uid),
                         ("posted", "cash", 88_000, self.user_accountant))
        line = run.line_ids.filtered(lambda rec: rec.member_id == self.member_a1)
        self.assertEqual(line.payment_state, "paid")
        action = payment.with_user(self.user_accountant).action_print_receipt()
        self.assertEqual(action["type"], "ir.actions.report")


@tagged("post_install", "-at_install")
class TestCheckoffAsAccountant(UnionFinanceCommon):

    def test_checkoff_import(self):
        run = self._run(self.unit_a, date(2025, 7, 1), user=self.user_accountant)
        a1 = run.line_ids.filtered(lambda rec: rec.member_id == self.member_a1)
        a2 = run.line_ids.filtered(lambda rec: rec.member_id == self.member_a2)
        content = sheet([
            ["Mã đoàn viên", "CCCD", "Họ và tên", "Số tiền"],
            [self.member_a1.member_code, "", self.member_a1.name, a1.amount],
            ["", self.member_a2.citizen_id, self.member_a2.name, "100.000"],  # differs
            ["ZZ-404", "", "Người lạ", 50_000],  # unknown
        ])
        Wizard = self.env["union.dues.checkoff.import"].with_user(self.user_accountant)
        wizard = Wizard.create({"organization_id": self.unit_a.id, "file": content,
                                "filename": "khau-tru-07-2025.xlsx", "date": date(2025, 7, 31)})
        wizard.action_check()
        self.assertEqual(wizard.state, "checked")
        status = {line.row: line.status for line in wizard.line_ids}
        self.assertEqual(status, {2: "matched", 3: "wrong_amount", 4: "unknown"})
        self.assertEqual(wizard.amount_matched, a1.amount)
        self.assertEqual(wizard.exception_count, 2)
        wizard_vi = wizard.with_context(lang="vi_VN")
        wizard_vi.action_check()
        message = wizard_vi.line_ids.filtered(lambda line: line.row == 3).message
        self.assertIn("100.000", message)
        self.assertIn(f"{a2.amount:,.0f}".replace(",", "."), message)  # "300.000", no decimals
        action = wizard.action_confirm()
        payment = self.env["union.dues.payment"].browse(action["res_id"])
        self.assertEqual((payment.state, payment.kind, payment.amount),
                         ("posted", "checkoff", a1.amount))
        self.assertEqual(a1.payment_state, "paid")
        self.assertEqual(a2.payment_state, "unpaid", "the row that differs is not paid")
        again = Wizard.create({"organization_id": self.unit_a.id, "file": content,
                               "filename": "khau-tru-07-2025.xlsx"})
        again.action_check()
        with self.assertRaises(UserError, msg="the same sheet is never recorded twice"):
            again.action_confirm()
