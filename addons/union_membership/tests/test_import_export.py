import base64
import io
from datetime import date, datetime

import openpyxl

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from ..rules import member_sheet as sheet_rules
from .common import UnionCommon

HEADERS = [col.header for col in sheet_rules.COLUMNS]


def xlsx(rows, headers=HEADERS, title="Đoàn viên", build=None):
    """An XLSX file (bytes) with a header row and ``rows`` (dicts by header, or lists)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    sheet.append(headers)
    for row in rows:
        sheet.append([row.get(h) for h in headers] if isinstance(row, dict) else row)
    if build:
        build(book, sheet)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def read_back(data):
    book = openpyxl.load_workbook(io.BytesIO(data))
    return {ws.title: [list(row) for row in ws.iter_rows(values_only=True)] for ws in book.worksheets}


class TestImportExport(UnionCommon):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Member = cls.env["union.member"]
        cls.Event = cls.env["union.member.event"]

    # --- helpers -----------------------------------------------------------------------

    def person(self, index, **kw):
        row = {"Họ và tên": f"Phạm Văn Thử {index}", "Giới tính": "Nam", "Ngày sinh": "15/01/1990",
               "Số CCCD/Hộ chiếu": f"0010900{index:05d}", "Mã đơn vị": "T-A", "Ngày vào công đoàn": "01/09/2015",
               "Dân tộc": "Kinh", "Trình độ": "Đại học", "Chức vụ/Công việc": "Giáo viên",
               "Đảng viên": "", "Điện thoại": f"09{index:08d}", "Email": f"thu{index}@example.vn"}
        row.update(kw)
        return row

    def run_import(self, data, user=None, filename="doan_vien.xlsx"):
        wizard = self.env["union.member.import.wizard"].with_user(user or self.user_officer_a).create({
            "file": base64.b64encode(data), "filename": filename})
        wizard.action_import()
        return wizard

    def snapshot(self):
        self.env.flush_all()
        members = self.Member.with_context(active_test=False).search([])
        return (len(members), self.Event.search_count([]),
                dict(members.mapped(lambda m: (m.id, m.write_date))),
                dict(members.partner_id.mapped(lambda p: (p.id, p.write_date))))

    def assert_refused(self, data, fragment, user=None):
        before = self.snapshot()
        with self.assertRaises(UserError) as caught:
            self.run_import(data, user)
        self.assertIn(fragment, str(caught.exception))
        self.assertEqual(self.snapshot(), before)
        return str(caught.exception)

    def export(self, user=None, **vals):
        wizard = self.env["union.member.export.wizard"].with_user(user or self.user_officer_a).create(vals)
        wizard.action_export()
        return base64.b64decode(wizard.file)

    # --- template ----------------------------------------------------------------------

    def test_template(self):
        wizard = self.env["union.member.import.wizard"].with_user(self.user_officer_a).create({})
        action = wizard.action_download_template()
        self.assertEqual(action["type"], "ir.actions.act_url")
        data = base64.b64decode(wizard.template_file)
        sheets = read_back(data)
        self.assertEqual(list(sheets), [sheet_rules.TEMPLATE_SHEET, sheet_rules.UNITS_SHEET])
        members = sheets[sheet_rules.TEMPLATE_SHEET]
        self.assertEqual(members[0], HEADERS)
        self.assertEqual(members[1][1], sheet_rules.EXAMPLE_ROW["name"])
        codes = [row[0] for row in sheets[sheet_rules.UNITS_SHEET][1:]]
        self.assertIn("T-A", codes)
        self.assertIn("T-A-T1", codes)
        self.assertNotIn("T-B", codes, "an officer of unit A is offered only the units they manage")
        # the template as downloaded imports nothing: its example row is skipped
        self.assert_refused(data, "no member rows")

    # --- a good file -------------------------------------------------------------------

    def test_good_file_creates_members_and_events(self):
        rows = [self.person(1, **{"Đảng viên": "x", "Giới tính": "Nữ", "Số thẻ": "CT-0001",
                                  "Số CCCD/Hộ chiếu": "001190000001"}),
                self.person(2, **{"Mã đơn vị": "T-A-T1", "Ngày sinh": datetime(1988, 2, 29),
                                  "Ngày vào công đoàn": "2/9/2012", "Số CCCD/Hộ chiếu": 10088000002,
                                  "Điện thoại": 912000002})]
        wizard = self.run_import(xlsx(rows))
        self.assertEqual(wizard.state, "done", wizard.summary)
        self.assertEqual((wizard.created_count, wizard.updated_count, wizard.unchanged_count), (2, 0, 0))
        first = self.Member.search([("citizen_id", "=", "001190000001")])
        self.assertEqual(first.name, "Phạm Văn Thử 1")
        self.assertEqual(first.gender, "female")
        self.assertTrue(first.party_member)
        self.assertEqual(first.card_number, "CT-0001")
        self.assertEqual(first.birth_date, date(1990, 1, 15))
        self.assertEqual(first.education_level, "bachelor")
        self.assertEqual(first.ethnicity_id.code, "KINH")
        self.assertEqual(first.organization_id, self.unit_a)
        self.assertEqual(first.state, "active")
        self.assertRegex(first.member_code, r"\S")
        self.assertNotEqual(first.member_code, "/")
        self.assertEqual(first.event_ids.mapped("event_type"), ["admission"])
        self.assertEqual(first.event_ids.date, date(2015, 9, 1))
        second = self.Member.search([("citizen_id", "=", "010088000002")])
        self.assertEqual(second.organization_id, self.group_a)
        self.assertEqual(second.birth_date, date(1988, 2, 29))
        self.assertEqual(second.date_joined, date(2012, 9, 2))
        self.assertEqual(second.phone, "0912000002", "a phone stored as a number gets its leading zero back")
        self.assertEqual(second.event_ids.organization_id, self.group_a)

    def test_citizen_id_and_passport_in_one_import(self):
        """Law 50/2024: a Vietnamese member (12-digit citizen ID) and a foreign one (passport, labour
        contract of 12 months) in one file; nationality, document, employment date round-trip."""
        rows = [self.person(1, **{"Số CCCD/Hộ chiếu": "001090000001", "Ngày tuyển dụng": "01/08/2010"}),
                self.person(2, **{"Họ và tên": "Kim Min-jun", "Quốc tịch": "Hàn Quốc", "Loại giấy tờ": "Hộ chiếu",
                                  "Số CCCD/Hộ chiếu": "m 1234 5678", "Dân tộc": None, "Ngày sinh": "02/04/1988",
                                  "Ngày tuyển dụng": "01/01/2025", "HĐLĐ từ ngày": "01/01/2025",
                                  "HĐLĐ đến ngày": "31/12/2025"})]
        wizard = self.run_import(xlsx(rows))
        self.assertEqual(wizard.state, "done", wizard.summary)
        self.assertEqual(wizard.created_count, 2)
        viet = self.Member.search([("citizen_id", "=", "001090000001")])
        self.assertEqual(viet.nationality_id.code, "VN")
        self.assertEqual(viet.id_document_type, "citizen_id")
        self.assertEqual(viet.date_employed, date(2010, 8, 1))
        kim = self.Member.search([("id_document_number", "=", "M12345678")])
        self.assertEqual(kim.name, "Kim Min-jun")
        self.assertEqual((kim.nationality_id.code, kim.id_document_type, kim.id_document_country_id.code),
                         ("KR", "passport", "KR"))
        self.assertFalse(kim.citizen_id)
        self.assertEqual(kim.state, "active")
        # the export carries them; importing it back changes nothing
        data = self.export(organization_ids=[(6, 0, self.unit_a.ids)])
        rows = read_back(data)["Đoàn viên"]
        headers = rows[0]
        by_number = {row[headers.index("Số CCCD/Hộ chiếu")]: dict(zip(headers, row)) for row in rows[1:]}
        self.assertEqual(by_number["M12345678"]["Quốc tịch"],
                         self.env.ref("base.kr").with_context(lang="vi_VN").name)
        self.assertEqual(by_number["M12345678"]["Loại giấy tờ"], "Hộ chiếu")
        self.assertEqual(by_number["001090000001"]["Loại giấy tờ"], "CCCD")
        self.assertEqual(by_number["001090000001"]["Ngày tuyển dụng"], datetime(2010, 8, 1))
        again = self.run_import(data)
        self.assertEqual(again.state, "done", again.summary)
        self.assertEqual((again.created_count, again.updated_count), (0, 0))

    def test_foreign_rows_refused_with_reasons(self):
        rows = [self.person(3, **{"Họ và tên": "Lee Ji-eun", "Quốc tịch": "KR", "Số CCCD/Hộ chiếu": "M7654321",
                                  "Dân tộc": None, "HĐLĐ từ ngày": "01/01/2025", "HĐLĐ đến ngày": "30/06/2025"}),
                self.person(4, **{"Họ và tên": "Park Seo-jun", "Quốc tịch": "Hàn Quốc", "Loại giấy tờ": "CCCD",
                                  "Số CCCD/Hộ chiếu": "001090000004", "Dân tộc": None})]
        before = self.snapshot()
        wizard = self.run_import(xlsx(rows))
        self.assertEqual(wizard.state, "error")
        self.assertIn("Row 2: Column \"Quốc tịch\": this member cannot be admitted", wizard.summary)
        self.assertIn("a labour contract of 12 months or more", wizard.summary)
        self.assertIn("Row 3: Column \"Loại giấy tờ\": a citizen ID (CCCD) is a Vietnamese document", wizard.summary)
        self.assertEqual(self.snapshot(), before)

    def test_header_below_a_title_and_extra_columns(self):
        def add_title(book, sheet):
            sheet.insert_rows(1, 2)
            sheet["A1"] = "DANH SÁCH ĐOÀN VIÊN"
            sheet.merge_cells("A1:F1")  # merged cells above the header are fine
        headers = ["STT"] + HEADERS + ["Ghi chú"]
        data = xlsx([[1] + [self.person(3).get(h) for h in HEADERS] + ["note"]], headers=headers,
                    build=add_title)
        wizard = self.run_import(data)
        self.assertEqual(wizard.created_count, 1, wizard.summary)

    # --- bad cells: the row, the column and the value; nothing written ------------------

    BAD_CELLS = [
        # header, value, expected fragment of the message
        ("Họ và tên", None, 'Column "Họ và tên" is required'),
        ("Mã đơn vị", "T-ZZZ", 'the unit code "T-ZZZ" does not exist'),
        ("Mã đơn vị", "T-B", 'the unit code "T-B" does not exist, is no longer active, or is not a unit you manage'),
        ("Số CCCD/Hộ chiếu", "12345", '"12345" is not a valid citizen ID'),
        ("Số CCCD/Hộ chiếu", "067090000555", '"067090000555" is already used in row 2'),
        ("Số CCCD/Hộ chiếu", "067190000003", "This row cannot be imported. The union administrator can help."),
        ("Ngày sinh", "31/02/1990", '"31/02/1990" is not a date'),
        ("Ngày sinh", "15/01/2999", "the date 15/01/2999 is in the future"),
        ("Ngày vào công đoàn", "01/09/1970", "cannot have joined (01/09/1970) before being born"),
        ("Giới tính", "Khác", '"Khác" is not a gender'),
        ("Đảng viên", "có lẽ", '"có lẽ" is not understood'),
        ("Trình độ", "Giỏi", '"Giỏi" is not an education level'),
        ("Dân tộc", "Sao Hỏa", '"Sao Hỏa" is not one of the 54 ethnic groups'),
        ("Email", "thu@", '"thu@" is not an e-mail address'),
        ("Mã đoàn viên", "KHONG-CO", 'no member has the code "KHONG-CO"'),
        ("Số thẻ", "CD-A2", 'the card number "CD-A2" belongs to another member'),
    ]

    def test_bad_cells(self):
        self.member_a2.card_number = "CD-A2"
        for header, value, fragment in self.BAD_CELLS:
            with self.subTest(header=header, value=value):
                good = self.person(10, **{"Số CCCD/Hộ chiếu": "067090000555"} if "row 2" in fragment else {})
                bad = self.person(11, **{header: value})
                before = self.snapshot()
                wizard = self.run_import(xlsx([good, bad]))
                self.assertEqual(wizard.state, "error")
                self.assertEqual(wizard.error_count, 1)
                self.assertIn("Row 3:", wizard.summary)
                self.assertIn(fragment, wizard.summary)
                if "cannot be imported" not in fragment:  # that one names nothing (no oracle)
                    self.assertIn(f'Column "{header}"', wizard.summary)
                self.assertIn("nothing was imported", wizard.summary)
                self.assertEqual(self.snapshot(), before, "a refused file writes nothing")
                rows = read_back(base64.b64decode(wizard.result_file))["Đoàn viên"]
                error_col = rows[0].index(sheet_rules.ERROR_HEADER)
                self.assertEqual(error_col, len(HEADERS), "the error column is added after the others")
                self.assertIsNone(rows[1][error_col])
                self.assertIn(fragment, rows[2][error_col])
                self.assertEqual(rows[2][:2], [bad.get(h) for h in HEADERS[:2]], "the values are kept")

    def test_error_file_can_be_fixed_and_imported(self):
        wizard = self.run_import(xlsx([self.person(20), self.person(21, **{"Giới tính": "?"})]))
        self.assertEqual(wizard.state, "error")
        action = wizard.action_download_result()
        # the suite's one download URL (tools/xlsx.download_action)
        self.assertTrue(action["url"].startswith(
            f"/web/content/union.member.import.wizard/{wizard.id}/result_file/{wizard.result_filename}?download=true"),
            action["url"])
        book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(wizard.result_file)))
        sheet = book["Đoàn viên"]
        sheet.cell(row=3, column=HEADERS.index("Giới tính") + 1, value="Nam")
        out = io.BytesIO()
        book.save(out)
        fixed = self.run_import(out.getvalue())
        self.assertEqual(fixed.state, "done", fixed.summary)
        self.assertEqual(fixed.created_count, 2)

    # --- malformed files ---------------------------------------------------------------

    def test_malformed_files(self):
        self.assert_refused(b"", "the file is empty")
        self.assert_refused(b"Ho va ten;So CCCD\nA;1\n", "is not an Excel workbook")
        junk = bytes(range(256)) * (10 * 1024 * 1024 // 256)  # 10 MB of junk
        self.assert_refused(junk, "is not an Excel workbook")
        self.assert_refused(b"PK\x03\x04" + junk[:1000], "is not an Excel workbook")
        # the suite's upload limits (System Parameters, 10 MB by default)
        self.assert_refused(b"\0" * (11 * 1024 * 1024), "is too large: 11.0 MB (at most 10.0 MB)")
        zip_not_xlsx = io.BytesIO()
        import zipfile
        with zipfile.ZipFile(zip_not_xlsx, "w") as archive:
            archive.writestr("hello.txt", "not a workbook")
        self.assert_refused(zip_not_xlsx.getvalue(), "is not an Excel workbook")

    def test_wrong_sheet(self):
        self.assert_refused(xlsx([["a", "b"]], headers=["Tên", "Tuổi"]), "No sheet of this file has the member columns")
        empty_book = io.BytesIO()
        openpyxl.Workbook().save(empty_book)
        self.assert_refused(empty_book.getvalue(), "No sheet of this file has the member columns")
        missing = [h for h in HEADERS if h != "Mã đơn vị"]
        self.assert_refused(xlsx([self.person(30)], headers=missing), "lacks the required column(s): Mã đơn vị")
        self.assert_refused(xlsx([], headers=HEADERS), "no member rows")

    def test_merged_header_cells(self):
        def merge(book, sheet):
            sheet.merge_cells("B1:C1")
        message = self.assert_refused(xlsx([self.person(31)], build=merge), "merged cells (B1:C1)")
        self.assertIn("Đoàn viên", message)

    def test_formula(self):
        def formula(book, sheet):
            sheet["E3"] = '="00109000" & "0032"'
        message = self.assert_refused(xlsx([self.person(31), self.person(32)], build=formula), "E3")
        self.assertIn("holds a formula", message)

    # --- re-import, updates ------------------------------------------------------------

    def test_reimport_changes_nothing(self):
        data = xlsx([self.person(40), self.person(41, **{"Mã đơn vị": "T-A-T1", "Đảng viên": "x"})])
        first = self.run_import(data)
        self.assertEqual(first.created_count, 2, first.summary)
        before = self.snapshot()
        again = self.run_import(data)
        self.assertEqual(again.state, "done", again.summary)
        self.assertEqual((again.created_count, again.updated_count, again.unchanged_count), (0, 0, 2))
        self.assertEqual(self.snapshot(), before, "same counts of members and events, same write dates")

    def test_update_and_transfer(self):
        self.member_a2.phone = "0900000000"
        rows = [
            # matched by citizen ID: new phone, moved to the group of unit A
            {"Họ và tên": self.member_a1.name, "Số CCCD/Hộ chiếu": self.member_a1.citizen_id, "Mã đơn vị": "T-A-T1",
             "Điện thoại": "0987654321"},
            # matched by member code: same values only, and an empty cell that must not clear the phone
            {"Mã đoàn viên": self.member_a2.member_code, "Họ và tên": self.member_a2.name,
             "Mã đơn vị": "T-A-T1", "Đảng viên": "x"},
        ]
        events_before = self.Event.search_count([])
        self.env.flush_all()
        a2_written = self.member_a2.write_date
        wizard = self.run_import(xlsx(rows))
        self.assertEqual(wizard.state, "done", wizard.summary)
        self.assertEqual((wizard.created_count, wizard.updated_count, wizard.unchanged_count), (0, 1, 1))
        self.assertEqual(self.member_a1.phone, "0987654321")
        self.assertEqual(self.member_a1.organization_id, self.group_a)
        transfer = self.member_a1.event_ids.filtered(lambda e: e.event_type == "transfer")
        self.assertEqual((transfer.from_organization_id, transfer.organization_id), (self.unit_a, self.group_a))
        self.assertEqual(self.Event.search_count([]), events_before + 1)
        self.assertEqual(self.member_a2.phone, "0900000000")
        self.assertEqual(self.member_a2.write_date, a2_written)
        note = self.member_a1.message_ids.filtered(lambda m: "XLSX import" in (m.body or ""))
        self.assertTrue(note, "the changes are noted in the member's chatter")
        self.assertIn("0987654321", note[0].body)

    def test_officer_cannot_import_into_other_units(self):
        wizard = self.run_import(xlsx([self.person(50, **{"Mã đơn vị": "T-B"})]))
        self.assertEqual(wizard.state, "error")
        self.assertIn('"T-B" does not exist, is no longer active, or is not a unit you manage', wizard.summary)
        # a member of unit B, by citizen ID or by code, is neither updated nor revealed
        rows = [{"Họ và tên": "Ai đó", "Số CCCD/Hộ chiếu": self.member_b1.sudo().citizen_id, "Mã đơn vị": "T-A"},
                {"Mã đoàn viên": self.member_b1.member_code, "Họ và tên": "Ai đó", "Mã đơn vị": "T-A"}]
        wizard = self.run_import(xlsx(rows))
        self.assertEqual(wizard.error_count, 2)
        self.assertIn("This row cannot be imported. The union administrator can help.", wizard.summary)
        self.assertNotIn("unit you do not manage", wizard.summary)
        self.assertNotIn(self.member_b1.sudo().citizen_id, wizard.summary)
        self.assertNotIn(self.member_b1.name, wizard.summary)
        self.assertEqual(self.member_b1.name, "Lê Thị Hoa")
        # the officer of unit B can
        wizard = self.run_import(xlsx([self.person(51, **{"Mã đơn vị": "T-B"})]), user=self.user_officer_b)
        self.assertEqual(wizard.created_count, 1, wizard.summary)

    # --- export ------------------------------------------------------------------------

    def test_export(self):
        data = self.export(organization_ids=[(6, 0, self.unit_a.ids)])
        sheets = read_back(data)
        self.assertEqual(list(sheets), ["Đoàn viên"])
        rows = sheets["Đoàn viên"]
        headers = rows[0]
        self.assertEqual(headers[:len(HEADERS)], HEADERS)
        by_cid = {row[headers.index("Số CCCD/Hộ chiếu")]: dict(zip(headers, row)) for row in rows[1:]}
        self.assertEqual(set(by_cid), {"067185000001", "067079000002"}, "unit A and its group, not unit B")
        lan = by_cid["067185000001"]
        self.assertEqual(lan["Họ và tên"], "Nguyễn Thị Lan")
        self.assertEqual(lan["Giới tính"], "Nữ")
        self.assertEqual(lan["Ngày sinh"], datetime(1985, 3, 2))
        self.assertEqual(lan["Mã đơn vị"], "T-A")
        self.assertEqual(lan["Mã đoàn viên"], self.member_a1.member_code)
        self.assertEqual(by_cid["067079000002"]["Đảng viên"], "x")
        self.assertEqual(by_cid["067079000002"]["Mã đơn vị"], "T-A-T1")
        # without sub-units, one sheet per unit
        only_a = read_back(self.export(organization_ids=[(6, 0, self.unit_a.ids)], include_subunits=False))
        self.assertEqual(len(only_a["Đoàn viên"]), 2)
        split = read_back(self.export(organization_ids=[(6, 0, self.upper.ids)], one_sheet_per_unit=True,
                                      user=self.user_upper))
        self.assertEqual(set(split), {"T-A", "T-A-T1", "T-B"})
        # an error in a file of several sheets names the sheet
        book = openpyxl.load_workbook(io.BytesIO(self.export(organization_ids=[(6, 0, self.unit_a.ids)],
                                                             one_sheet_per_unit=True)))
        book["T-A-T1"].cell(row=2, column=HEADERS.index("Ngày sinh") + 1, value="30/02/1979")
        out = io.BytesIO()
        book.save(out)
        wizard = self.run_import(out.getvalue())
        self.assertIn('Sheet "T-A-T1", row 2: Column "Ngày sinh": "30/02/1979" is not a date', wizard.summary)
        errors = read_back(base64.b64decode(wizard.result_file))
        self.assertEqual(set(errors), {"T-A", "T-A-T1"})
        self.assertIn("is not a date", errors["T-A-T1"][1][-1])

    def test_export_former_members(self):
        self.Event.create({"member_id": self.member_a1.id, "event_type": "withdrawal", "date": date(2024, 1, 5)})
        current = read_back(self.export(organization_ids=[(6, 0, self.unit_a.ids)]))["Đoàn viên"]
        self.assertEqual(len(current), 2)
        everyone = read_back(self.export(organization_ids=[(6, 0, self.unit_a.ids)], include_former=True))
        rows = everyone["Đoàn viên"]
        self.assertEqual(len(rows), 3)
        state_col = rows[0].index("Trạng thái")
        self.assertIn("Đã ra khỏi công đoàn", [row[state_col] for row in rows[1:]])
        before = self.snapshot()
        wizard = self.run_import(self.export(organization_ids=[(6, 0, self.unit_a.ids)], include_former=True))
        self.assertEqual((wizard.created_count, wizard.updated_count), (0, 0), wizard.summary)
        self.assertEqual(self.snapshot(), before)

    def test_round_trip_with_an_ended_unit(self):
        unit_c = self.env["union.organization"].create({
            "name": "Công đoàn Trường Tiểu học C", "code": "T-C", "level": "grassroots", "parent_id": self.unit_a.id})
        member_c = self.Member.create({"name": "Đỗ Văn Cường", "citizen_id": "067080000004",
                                       "organization_id": unit_c.id, "date_joined": date(2012, 9, 1)})
        self.Event.create({"member_id": member_c.id, "event_type": "withdrawal", "date": date(2024, 6, 30)})
        unit_c.write({"state": "dissolved", "date_ended": date(2024, 7, 1)})
        data = self.export(organization_ids=[(6, 0, self.unit_a.ids)], include_former=True)
        sheet = read_back(data)["Đoàn viên"]
        self.assertIn("T-C", [row[sheet[0].index("Mã đơn vị")] for row in sheet])
        before = self.snapshot()
        wizard = self.run_import(data)
        self.assertEqual((wizard.state, wizard.updated_count, wizard.unchanged_count), ("done", 0, 3), wizard.summary)
        self.assertEqual(self.snapshot(), before)
        # but nobody joins or moves to the dissolved unit
        wizard = self.run_import(xlsx([self.person(60, **{"Mã đơn vị": "T-C"})]))
        self.assertIn('the unit code "T-C" does not exist, is no longer active', wizard.summary)

    def test_officer_cannot_export_other_units(self):
        with self.assertRaises(AccessError):
            self.export(organization_ids=[(6, 0, self.unit_b.ids)])
        data = self.export(user=self.user_officer_a)  # default: the units the officer manages
        names = [row[1] for row in read_back(data)["Đoàn viên"][1:]]
        self.assertNotIn(self.member_b1.name, names)

    def test_export_import_round_trip(self):
        self.member_a1.write({"phone": "0912 345 678", "religion": "Phật giáo", "education_level": "master",
                              "card_number": "CD-001", "union_position": "Tổ trưởng",
                              "ethnicity_id": self.env.ref("union_membership.union_ethnicity_tay").id})
        for one_sheet_per_unit in (False, True):
            with self.subTest(one_sheet_per_unit=one_sheet_per_unit):
                data = self.export(organization_ids=[(6, 0, self.unit_a.ids)],
                                   one_sheet_per_unit=one_sheet_per_unit)
                before = self.snapshot()
                wizard = self.run_import(data)
                self.assertEqual(wizard.state, "done", wizard.summary)
                self.assertEqual((wizard.created_count, wizard.updated_count, wizard.unchanged_count), (0, 0, 2))
                self.assertEqual(self.snapshot(), before)

    # --- scale -------------------------------------------------------------------------

    def count_queries(self, func):
        self.env.flush_all()
        self.env.invalidate_all()
        start = self.env.cr.sql_log_count
        func()
        self.env.flush_all()
        return self.env.cr.sql_log_count - start

    def test_query_count_does_not_grow_with_rows(self):
        small = xlsx([self.person(1000 + i) for i in range(10)])
        large = xlsx([self.person(2000 + i, **{"Mã đơn vị": "T-A-T1" if i % 2 else "T-A"}) for i in range(200)])
        create_small = self.count_queries(lambda: self.run_import(small))
        create_large = self.count_queries(lambda: self.run_import(large))
        self.assertEqual(self.Member.search_count([("citizen_id", "like", "0010900020%")]), 100)
        self.assertLessEqual(create_large - create_small, 10, (create_small, create_large))
        noop_small = self.count_queries(lambda: self.run_import(small))
        noop_large = self.count_queries(lambda: self.run_import(large))
        self.assertLessEqual(noop_large - noop_small, 10, (noop_small, noop_large))
        # updates: every row gets its own new job title and moves to the group (a transfer event);
        # (contact fields kept on res.partner, like the phone, cost the ORM a few queries per changed
        # value, for the dependencies of the contact; unchanged rows cost nothing)
        changed_small = xlsx([self.person(1000 + i, **{"Chức vụ/Công việc": f"Giáo viên {i}",
                                                       "Mã đơn vị": "T-A-T1"}) for i in range(10)])
        changed_large = xlsx([self.person(2000 + i, **{"Chức vụ/Công việc": f"Giáo viên {i}",
                                                       "Mã đơn vị": "T-A-T1"}) for i in range(200)])
        update_small = self.count_queries(lambda: self.run_import(changed_small))
        update_large = self.count_queries(lambda: self.run_import(changed_large))
        self.assertEqual(self.Member.search_count([("job_title", "=", "Giáo viên 199")]), 1)
        self.assertLessEqual(update_large - update_small, 10, (update_small, update_large))


@tagged("post_install", "-at_install")
class TestImportExportDownload(UnionCommon, HttpCase):
    """The files are downloaded through /web/content by the officer who made them."""

    def test_download_template_and_export(self):
        self.authenticate("t_officer_a", "t_officer_a")
        wizard = self.env["union.member.import.wizard"].with_user(self.user_officer_a).create({})
        response = self.url_open(wizard.action_download_template()["url"])
        self.assertEqual(response.status_code, 200)
        self.assertIn("mau_nhap_doan_vien.xlsx", response.headers.get("Content-Disposition", ""))
        self.assertEqual(read_back(response.content)[sheet_rules.TEMPLATE_SHEET][0], HEADERS)
        export = self.env["union.member.export.wizard"].with_user(self.user_officer_a).create(
            {"organization_ids": [(6, 0, self.unit_a.ids)]})
        response = self.url_open(export.action_export()["url"])
        self.assertEqual(response.status_code, 200)
        names = [row[1] for row in read_back(response.content)["Đoàn viên"][1:]]
        self.assertIn(self.member_a1.name, names)
        # another officer cannot fetch it (the file holds citizen IDs)
        self.authenticate("t_officer_b", "t_officer_b")
        with mute_logger("odoo.http", "odoo.addons.base.models.ir_rule"):
            response = self.url_open(export.action_export()["url"])
        self.assertNotEqual(response.status_code, 200)
        self.assertNotEqual(response.content[:2], b"PK")
        with self.assertRaises(AccessError):
            export.with_user(self.user_officer_b).file  # noqa: B018
