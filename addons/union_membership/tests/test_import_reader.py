"""The two readers of the member import (wizard/union_member_import_wizard.py): python-calamine
for large files, openpyxl for small ones, give the same rows and refuse the same files."""
import base64
import io
import zipfile
from datetime import date, datetime

import openpyxl
import xlsxwriter

from odoo.exceptions import UserError

from .common import UnionCommon
from .test_import_export import HEADERS, xlsx


class TestImportReader(UnionCommon):

    def wizard(self, data, name="doc.xlsx"):
        return self.env["union.member.import.wizard"].with_user(self.user_officer_a).create({
            "file": base64.b64encode(data), "filename": name})

    def both(self, data):
        wizard = self.wizard(data)
        return wizard._read_sheets_openpyxl(data), wizard._read_sheets_calamine(data)

    def assert_same_refusal(self, data, pattern):
        wizard = self.wizard(data)
        messages = []
        for reader in (wizard._read_sheets_openpyxl, wizard._read_sheets_calamine):
            with self.assertRaisesRegex(UserError, pattern) as caught:
                reader(data)
            messages.append(str(caught.exception))
        self.assertEqual(messages[0], messages[1])

    def test_same_rows_from_both_readers(self):
        def build(book, sheet):
            sheet.insert_rows(1, 2)
            sheet["A1"] = "Danh sách đoàn viên"  # a title above the header
            other = book.create_sheet("Ghi chú")
            other.append(["Không phải danh sách", 1, 2])
        rows = [
            {"Họ và tên": " Vũ  Thị Hằng ", "Giới tính": "Nữ", "Ngày sinh": datetime(1991, 5, 12),
             "Số CCCD/Hộ chiếu": 67191000201, "Mã đơn vị": "T-A", "Ngày vào công đoàn": "01/09/2024",
             "Đảng viên": "x", "Điện thoại": 912345678},
            {"Họ và tên": "Hoàng Văn Nam", "Ngày sinh": "03/11/1983", "Số CCCD/Hộ chiếu": "067083000202",
             "Mã đơn vị": "T-A-T1", "Email": "nam@example.vn", "Tôn giáo": None, "Đảng viên": True},
            {},
            {"Họ và tên": "Lò Thị Sen", "Ngày sinh": date(2001, 7, 20), "Số CCCD/Hộ chiếu": "067301000203",
             "Mã đơn vị": "T-A", "Ngày vào công đoàn": datetime(2024, 9, 1)},
        ]
        openpyxl_sheets, calamine_sheets = self.both(xlsx(rows, build=build))
        self.assertEqual(len(openpyxl_sheets), 1)
        self.assertEqual(openpyxl_sheets[0]["header_row"], 3)
        self.assertEqual(calamine_sheets, openpyxl_sheets)

    def test_same_rows_from_excel_like_files(self):
        """A file as Excel writes it (shared strings, date formats), by xlsxwriter."""
        output = io.BytesIO()
        book = xlsxwriter.Workbook(output)
        day = book.add_format({"num_format": "dd/mm/yyyy"})
        sheet = book.add_worksheet("Đoàn viên")
        for col, header in enumerate(HEADERS):
            sheet.write_string(1, col + 1, header)  # from B2: empty first row and column
        sheet.write_string(2, 1, "Đặng Thị Thu")
        sheet.write_datetime(2, 3, datetime(1988, 3, 2), day)
        sheet.write_number(2, 4, 1188000123)
        sheet.write_string(2, 5, "T-A")
        sheet.write_number(2, 15, 0.5)
        book.close()
        openpyxl_sheets, calamine_sheets = self.both(output.getvalue())
        self.assertEqual(calamine_sheets, openpyxl_sheets)
        self.assertIn(1188000123, openpyxl_sheets[0]["rows"][0][1].values(), "a whole number stays an int")

    def test_same_refusals(self):
        def formula(book, sheet):
            sheet["A2"] = "=CONCATENATE(\"Lê\";\" Văn\")"
        self.assert_same_refusal(xlsx([{"Họ và tên": "x", "Số CCCD/Hộ chiếu": "067083000202",
                                        "Mã đơn vị": "T-A"}], build=formula), "formula")

        def merged(book, sheet):
            sheet.merge_cells("E2:E3")
        self.assert_same_refusal(xlsx([{"Họ và tên": "x", "Mã đơn vị": "T-A"}, {"Họ và tên": "y"}],
                                      build=merged), "merged cells")
        self.assert_same_refusal(xlsx([], headers=["Họ và tên", "Họ và tên", "Số CCCD/Hộ chiếu", "Mã đơn vị"]),
                                 "twice")
        wizard = self.wizard(b"PK\x03\x04 not a workbook")
        with self.assertRaisesRegex(UserError, "damaged"):
            wizard._read_sheets_calamine(b"PK\x03\x04 not a workbook")

    def test_large_file_import_reads_with_calamine(self):
        self.env["ir.config_parameter"].sudo().set_param("union_membership.import_fast_reader_min_kb", "0")
        rows = [{"Họ và tên": f"Phan Văn Đọc {index}", "Giới tính": "Nam", "Ngày sinh": "02/03/1988",
                 "Số CCCD/Hộ chiếu": f"0010880{index:05d}", "Mã đơn vị": "T-A-T1",
                 "Ngày vào công đoàn": datetime(2012, 9, 1)} for index in range(600, 603)]
        wizard = self.wizard(xlsx(rows))
        calls = []
        original = type(wizard)._read_sheets_calamine

        def spy(self, data):
            calls.append(len(data))
            return original(self, data)
        type(wizard)._read_sheets_calamine = spy
        try:
            wizard.action_import()
        finally:
            type(wizard)._read_sheets_calamine = original
        self.assertEqual(len(calls), 1)
        self.assertEqual(wizard.state, "done", wizard.summary)
        members = self.env["union.member"].search([("name", "like", "Phan Văn Đọc")])
        self.assertEqual(len(members), 3)
        self.assertEqual(set(members.mapped("date_joined")), {date(2012, 9, 1)})
        self.assertEqual(openpyxl.__name__, "openpyxl")  # the template and the error file stay openpyxl's

    def test_formula_scan_finds_every_spelling(self):
        """The scan of the sheet's XML for formulas skips a part with no formula tag, and finds
        one written with or without a namespace prefix, self-closing or not."""
        scan = type(self.env["union.member.import.wizard"])._formula_cells
        cells = "".join(f'<c r="A{row}" t="s"><v>{row}</v></c>' for row in range(1, 2000))
        xml = {
            "none": f"<worksheet><sheetData><row>{cells}</row></sheetData></worksheet>",
            "plain": f'<worksheet><sheetData><row>{cells}<c r="B7"><f>SUM(A1:A2)</f><v>3</v></c></row>'
                     "</sheetData></worksheet>",
            "prefixed": f'<x:worksheet><x:sheetData><x:row>{cells}<x:c r="C8"><x:f>A1&amp;A2</x:f></x:c>'
                        "</x:row></x:sheetData></x:worksheet>",
            "shared": f'<worksheet><sheetData><row>{cells}<c r="D9"><f t="shared" si="0"/><v>1</v></c>'
                      "</row></sheetData></worksheet>",
        }
        output = io.BytesIO()
        with zipfile.ZipFile(output, "w") as archive:
            for name, text in xml.items():
                archive.writestr(f"{name}.xml", text)
        archive = zipfile.ZipFile(io.BytesIO(output.getvalue()))
        self.assertEqual(scan(archive, "none.xml"), {})
        self.assertEqual(scan(archive, "plain.xml"), {(7, 2): "SUM(A1:A2)"})
        self.assertEqual(scan(archive, "prefixed.xml"), {(8, 3): "A1&A2"})
        self.assertEqual(scan(archive, "shared.xml"), {(9, 4): ""})
