import base64
import io
from datetime import date

import openpyxl

from odoo.tests import tagged

from ..tools.xlsx import add_styles, download_action, new_workbook, print_setup, set_text
from .common import UnionCommon

FORMULA = '=HYPERLINK("http://example.com","Bấm vào đây")'


@tagged("post_install", "-at_install")
class TestXlsxHelper(UnionCommon):
    """union_membership/tools/xlsx.py: the one way the suite writes XLSX."""

    def _read(self, content):
        return openpyxl.load_workbook(io.BytesIO(content))

    def test_user_text_is_written_as_text(self):
        out = io.BytesIO()
        book = new_workbook(out)
        styles = add_styles(book)
        sheet = book.add_worksheet("S")
        print_setup(self.env, sheet, 0, [(0, 1, 20)])
        for col, value in enumerate([FORMULA, "+84 912 345 678", "0012", "@SUM(A1)", "-1"]):
            sheet.write(0, col, value, styles["text"])
        book.close()
        cells = self._read(out.getvalue()).worksheets[0][1]
        self.assertEqual([cell.value for cell in cells],
                         [FORMULA, "+84 912 345 678", "0012", "@SUM(A1)", "-1"])
        self.assertEqual({cell.data_type for cell in cells}, {"s"})

    def test_print_setup_freezes_and_repeats_the_header(self):
        out = io.BytesIO()
        book = new_workbook(out, constant_memory=True)
        sheet = book.add_worksheet("S")
        print_setup(self.env, sheet, 2)
        sheet.write_string(3, 0, "x")
        book.close()
        sheet = self._read(out.getvalue()).worksheets[0]
        self.assertEqual(sheet.freeze_panes, "A4")
        self.assertEqual(sheet.print_title_rows, "$1:$3")
        self.assertEqual(sheet.page_setup.orientation, "landscape")

    def test_openpyxl_cell_as_text(self):
        book = openpyxl.Workbook()
        cell = set_text(book.active.cell(row=1, column=1), FORMULA)
        self.assertEqual(cell.data_type, "s")
        out = io.BytesIO()
        book.save(out)
        self.assertEqual(self._read(out.getvalue()).active["A1"].data_type, "s")

    def test_one_download_url(self):
        stat = self.env["union.member.statistics"].create({
            "organization_id": self.upper.id, "date_from": date(2025, 1, 1), "date_to": date(2025, 5, 31)})
        action = download_action(stat, "xlsx_file", "thống kê.xlsx")
        self.assertEqual(action["url"], f"/web/content/union.member.statistics/{stat.id}/xlsx_file/"
                                        "th%E1%BB%91ng%20k%C3%AA.xlsx?download=true&mimetype=application%2F"
                                        "vnd.openxmlformats-officedocument.spreadsheetml.sheet")

    def test_statistics_keep_unit_names_as_text(self):
        """The membership statistics wrote unit names with xlsxwriter's defaults: a name starting
        with "=" became a live formula."""
        self.group_a.name = FORMULA
        stat = self.env["union.member.statistics"].create({
            # (as at today: the statistics name each unit as it was named on their date)
            "organization_id": self.unit_a.id, "date_from": date(2025, 1, 1), "date_to": date.today()})
        action = stat.action_export_xlsx()
        self.assertTrue(action["url"].startswith(f"/web/content/union.member.statistics/{stat.id}/xlsx_file/"))
        sheet = self._read(base64.b64decode(stat.xlsx_file)).worksheets[0]
        names = [row[1] for row in sheet.iter_rows(min_row=4, values_only=False)]
        cell = next(cell for cell in names if cell.value == FORMULA)
        self.assertEqual(cell.data_type, "s")
