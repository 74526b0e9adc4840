import base64
import io
import time
from datetime import date
from unittest.mock import patch

import openpyxl

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.union_membership.tests.jobs import BackgroundJobAssertions, trap_jobs

from ..rules import national
from .common import ReachCommon

HEADER = ["Mã đoàn viên", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Mã công đoàn cơ sở",
          "Số thẻ đoàn viên", "Trạng thái"]


def xlsx(rows, header=None, before=()):
    """An export: ``before`` rows (a heading...), the column titles, then ``rows``."""
    header = header or HEADER
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("DS")
    for row in before:
        sheet.append(row)
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return base64.b64encode(buffer.getvalue())


@tagged("post_install", "-at_install")
class TestNationalRegister(ReachCommon):
    """Comparing the national software's export with the suite, as an upper-level officer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # 1,000 more members in unit B, written with their admission in one batch
        Member = cls.env["union.member"]
        cls.bulk = Member.create([{
            "name": f"Đoàn viên Số {i:05d}", "gender": "male", "birth_date": date(1980, 1, 1 + i % 28),
            "citizen_id": f"0670800{i:05d}", "organization_id": cls.unit_b.id, "date_joined": date(2020, 1, 1),
        } for i in range(1000)])

    def _import(self, data, user=None, unit=None, filename="quoc_gia.xlsx"):
        return self.env["union.reach.national.import"].with_user(user or self.user_upper).create({
            "organization_id": (unit or self.upper).id, "file": data, "filename": filename})

    def _compare_in_job(self, comparison):
        """A file of 10,000 rows is large: it is compared by a background job (run here)."""
        with trap_jobs() as trap:
            comparison.action_compare()
            trap.assert_jobs_count(1)
            trap.perform_enqueued_jobs()
        self.assertEqual(comparison.union_job_state, "done", comparison.union_job_message)

    def _row(self, member, unit_code=None, card="", code="", state="Đang sinh hoạt"):
        return [code, member.name, member.birth_date.strftime("%d/%m/%Y"), "Nam", member.citizen_id,
                unit_code or member.organization_id.code, card, state]

    def test_ten_thousand_rows(self):
        rows = [self._row(m, card=f"TDV{m.id:07d}", code=f"QG{m.id:08d}") for m in self.bulk]
        # one member matched by name and birth date only, in another unit, with another state
        rows.append([ "QG-A1", self.member_a1.name, "02/03/1985", "Nữ", "", "T-B", "", "Tạm dừng sinh hoạt"])
        rows += [[f"QG9{i:07d}", f"Người Ngoài {i}", "01/01/1990", "Nữ", f"0791900{i:05d}", "T-X", "", ""]
                 for i in range(10000 - len(rows))]
        self.assertEqual(len(rows), 10000)
        started = time.time()
        comparison = self._import(xlsx(rows))
        self._compare_in_job(comparison)
        self.assertLess(time.time() - started, 60)
        self.assertEqual(comparison.row_count, 10000)
        diffs = comparison.diff_ids
        count = {kind: len(diffs.filtered(lambda d, k=kind: d.kind == k))
                 for kind in ("only_file", "only_suite", "unit", "state", "card_number", "national_code")}
        self.assertEqual(count["only_file"], 10000 - 1001)
        self.assertEqual(count["card_number"], 1000)
        self.assertEqual(count["national_code"], 1001)
        self.assertEqual(count["unit"], 1)
        self.assertEqual(count["state"], 1)
        # members of the upper unit's tree that the file does not have
        self.assertEqual(count["only_suite"], 2)  # Trần Văn Hùng, Lê Thị Hoa
        # nothing is written before the officer accepts
        self.assertFalse(self.bulk.filtered("card_number"))
        comparison.action_accept_codes()
        self.assertEqual(self.bulk[0].card_number, f"TDV{self.bulk[0].id:07d}")
        self.assertEqual(self.member_a1.national_code, "QG-A1")
        self.assertEqual(self.member_a1.organization_id, self.unit_a, "units and states are for officers to decide")
        # a re-import changes nothing
        again = self._import(xlsx(rows))
        self._compare_in_job(again)
        self.assertFalse(again.diff_ids.filtered(lambda d: d.kind in ("card_number", "national_code")))
        again.action_accept_codes()
        self.assertEqual(again.accepted_count, 0)

    def test_bad_files_write_nothing(self):
        comparison = self._import(base64.b64encode(b"not a workbook"), filename="sai.xlsx")
        with self.assertRaisesRegex(UserError, "not an Excel workbook"):
            comparison.action_compare()
        self.assertFalse(comparison.diff_ids)
        wrong = self._import(xlsx([["a", "b"]], header=["Tên", "Khác"]))
        # the message names the missing columns and the titles the file has instead
        with self.assertRaisesRegex(UserError, "does not match the mapping.*Họ và tên.*Tên, Khác"):
            wrong.action_compare()
        bad_date = self._import(xlsx([self._row(self.member_a1)[:2] + ["32/13/1985"] + self._row(self.member_a1)[3:]]))
        with self.assertRaisesRegex(UserError, "Row 2, column Ngày sinh"):
            bad_date.action_compare()
        self.assertFalse(bad_date.diff_ids)
        self.assertEqual(bad_date.state, "draft")

    def test_officer_compares_own_units_only(self):
        with self.assertRaises(AccessError):
            self._import(xlsx([]), user=self.user_officer_a, unit=self.unit_b)
        mine = self._import(xlsx([self._row(self.member_a1, card="TDV-1")]), user=self.user_officer_a,
                            unit=self.unit_a)
        mine.action_compare()
        self.assertEqual(mine.diff_ids.filtered(lambda d: d.kind == "card_number").member_id, self.member_a1)
        Diff = self.env["union.reach.national.diff"].with_user(self.user_officer_b)
        self.assertFalse(Diff.search_read([], ["name"]))
        self.assertFalse(self.env["union.reach.national.import"].with_user(self.user_officer_b).search([]))

    def test_export_in_the_mapping(self):
        comparison = self._import(False, user=self.user_officer_a, unit=self.unit_a)
        action = comparison.action_export()
        # the suite's one download URL: /web/content/ir.attachment/<id>/datas/<file name>
        self.assertTrue(action["url"].startswith("/web/content/ir.attachment/"), action)
        attachment = self.env["ir.attachment"].browse(int(action["url"].split("/")[4]))
        sheet = openpyxl.load_workbook(io.BytesIO(attachment.raw)).active
        header = [cell.value for cell in sheet[1]]
        self.assertEqual(header[:3], ["Mã đoàn viên", "Họ và tên", "Ngày sinh"])
        names = {row[1] for row in sheet.iter_rows(min_row=2, values_only=True)}
        self.assertEqual(names, {self.member_a1.name, self.member_a2.name})
        ids = {row[4] for row in sheet.iter_rows(min_row=2, values_only=True)}
        self.assertIn("067185000001", ids, "citizen ids keep their leading zero")


@tagged("post_install", "-at_install")
class TestNationalJob(BackgroundJobAssertions, ReachCommon):
    """A large comparison runs as a background job (union.background.job.mixin): once however
    often Compare is clicked, with its progress, its outcome, a notification, and on a failure a
    clear message with nothing written. Every file is "large" here."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["ir.config_parameter"].sudo().set_param("union_reach.national_background_min_kb", "0")

    def _import(self, rows, header=None):
        return self.env["union.reach.national.import"].with_user(self.user_upper).create({
            "organization_id": self.upper.id, "file": xlsx(rows, header), "filename": "quoc_gia.xlsx"})

    def _row(self, member, card=""):
        return ["", member.name, member.birth_date.strftime("%d/%m/%Y"), "Nam", member.citizen_id,
                member.organization_id.code, card, "Đang sinh hoạt"]

    def test_runs_once_with_progress_and_notification(self):
        comparison = self._import([self._row(self.member_a1, card="TDV-J1")])

        def before_run():
            self.assertEqual(comparison.state, "draft")
            self.assertFalse(comparison.diff_ids, "nothing is compared before the job runs")

        job = self.assert_runs_once(comparison, "action_compare", "_compare_in_background", self.user_upper,
                                    before_run=before_run, notes=["Matching the members"])
        self.assertEqual(comparison.state, "compared")
        self.assertEqual(comparison.diff_ids.filtered(lambda d: d.kind == "card_number").member_id, self.member_a1)
        # the lines carry the comparison's unit (written with the rows): the record rules use it
        self.env.invalidate_all()
        self.assertEqual(comparison.diff_ids.organization_id, self.upper)
        self.assertEqual(self.env["union.reach.national.diff"].with_user(self.user_upper).search_count(
            [("import_id", "=", comparison.id)]), len(comparison.diff_ids))
        self.assertIn("1 rows compared", job.message)
        # once done, Compare again starts a new job (the file may have been replaced)
        with trap_jobs() as trap:
            comparison.action_compare()
            trap.assert_jobs_count(1)

    def test_wrong_file_fails_with_its_message(self):
        comparison = self._import([["a", "b"]], header=["Tên", "Khác"])
        self.assert_job_refused(comparison, "action_compare", "does not match the mapping")
        self.assertEqual((comparison.state, len(comparison.diff_ids)), ("draft", 0))

    def test_unexpected_failure_writes_nothing(self):
        """The differences are written, then the last step breaks: the savepoint takes them back."""
        comparison = self._import([self._row(self.member_a1, card="TDV-J2")])
        Import = type(self.env["union.reach.national.import"])
        original_write = Import.write

        def broken_write(records, vals):
            if vals.get("state") == "compared":
                raise RuntimeError("disk full")
            return original_write(records, vals)

        self.assert_failure_writes_nothing(comparison, "action_compare", patch.object(Import, "write", broken_write))
        self.assertFalse(self.env["union.reach.national.diff"].search([("import_id", "=", comparison.id)]))
        self.assertEqual(comparison.state, "draft")

    def test_small_file_stays_synchronous(self):
        self.env["ir.config_parameter"].sudo().set_param("union_reach.national_background_min_kb", "100")
        comparison = self._import([self._row(self.member_a1)])
        self.assert_stays_synchronous(comparison, "action_compare")
        self.assertEqual(comparison.state, "compared")

    def test_mapping_not_checked_is_flagged(self):
        mapping = self.env.ref("union_reach.national_mapping_default")
        self.assertFalse(mapping.official_checked, "the official template was not found: say so")
        comparison = self._import([])
        self.assertFalse(comparison.mapping_official_checked)
        self.assertEqual(set(national.REQUIRED_KEYS) - set(mapping.line_ids.mapped("key")), set())


def export_with_heading(titles, rows):
    """An export as the national software may write it: a heading, a blank row, then the titles."""
    return xlsx(rows, header=titles, before=[["DANH SÁCH ĐOÀN VIÊN CÔNG ĐOÀN (TỔNG HỢP)"], []])


OTHER_TITLES = ["STT", "Họ tên", "Ngày tháng năm sinh", "Giới tính", "Số định danh cá nhân", "Mã CĐCS",
                "Tên CĐCS", "Số thẻ", "Tình trạng sinh hoạt", "Ghi chú"]


@tagged("post_install", "-at_install")
class TestNationalMappingBuild(ReachCommon):
    """An administrator builds a mapping from a real export whose titles differ from the default
    mapping's: no code, and the comparison then reads that export."""

    def _file(self, card="TDV-A1"):
        member = self.member_a1
        return export_with_heading(OTHER_TITLES, [[1, member.name, member.birth_date.strftime("%d/%m/%Y"), "Nữ",
                                                   member.citizen_id, member.organization_id.code,
                                                   member.organization_id.name, card, "Đang sinh hoạt", ""]])

    def _wizard(self, data, user=None, filename="xuat_quoc_gia.xlsx"):
        return self.env["union.reach.national.mapping.build"].with_user(user or self.user_admin).create(
            {"file": data, "filename": filename})

    def test_admin_builds_a_mapping_and_compares_with_it(self):
        data = self._file()
        # the default mapping refuses this export, naming what it found
        comparison = self.env["union.reach.national.import"].with_user(self.user_upper).create(
            {"organization_id": self.unit_a.id, "file": data, "filename": "xuat_quoc_gia.xlsx"})
        with self.assertRaisesRegex(UserError, "missing in row 1, whose titles are: DANH SÁCH ĐOÀN VIÊN"):
            comparison.action_compare()
        # the administrator opens the wizard from that comparison: the file comes with it
        wizard = self.env["union.reach.national.mapping.build"].with_user(self.user_admin).with_context(
            union_reach_comparison_id=comparison.id).create({})
        self.assertEqual(wizard.filename, "xuat_quoc_gia.xlsx")
        wizard.action_read_titles()
        self.assertEqual(wizard.header_row, 3)
        proposal = {line.column: line.key for line in wizard.line_ids}
        self.assertEqual(proposal, {
            "STT": False, "Họ tên": "name", "Ngày tháng năm sinh": "birth_date", "Giới tính": "gender",
            "Số định danh cá nhân": "citizen_id", "Mã CĐCS": "unit_code", "Tên CĐCS": "unit_name",
            "Số thẻ": "card_number", "Tình trạng sinh hoạt": "state", "Ghi chú": False})
        wizard.real_export = True
        action = wizard.action_create_mapping()
        mapping = self.env["union.reach.national.mapping"].browse(action["res_id"])
        self.assertTrue(mapping.official_checked)
        self.assertEqual(mapping.header_row, 3)
        self.assertIn("xuat_quoc_gia.xlsx", mapping.source)
        self.assertEqual(len(mapping.line_ids), 8)
        # the officer compares the same export with the new mapping
        comparison.mapping_id = mapping
        comparison.action_compare()
        card = comparison.diff_ids.filtered(lambda d: d.kind == "card_number")
        self.assertEqual(card.member_id, self.member_a1)
        self.assertEqual(card.file_value, "TDV-A1")

    def test_a_proposal_is_checked_before_it_is_saved(self):
        wizard = self._wizard(self._file())
        with self.assertRaisesRegex(UserError, "Read the column titles"):
            wizard.action_create_mapping()
        wizard.action_read_titles()
        # two columns for one value: refused, naming both
        wizard.line_ids.filtered(lambda line: line.column == "Tên CĐCS").key = "unit_code"
        with self.assertRaisesRegex(UserError, "Mã CĐCS and Tên CĐCS both hold"):
            wizard.action_create_mapping()
        # a value the comparison needs without a column: refused, naming it
        wizard.line_ids.filtered(lambda line: line.column == "Tên CĐCS").key = False
        wizard.line_ids.filtered(lambda line: line.column == "Ngày tháng năm sinh").key = False
        with self.assertRaisesRegex(UserError, "Choose the column that holds: Birth date"):
            wizard.action_create_mapping()
        self.assertFalse(self.env["union.reach.national.mapping"].search([("source", "ilike", "xuat_quoc_gia")]))
        # not a workbook, or no titles: a clear message
        with self.assertRaisesRegex(UserError, "not an Excel workbook"):
            self._wizard(base64.b64encode(b"not a workbook")).action_read_titles()
        with self.assertRaisesRegex(UserError, "no column titles"):
            self._wizard(xlsx([], header=["", ""])).action_read_titles()

    def test_only_administrators_build_mappings(self):
        for user in (self.user_upper, self.user_officer_a):
            with self.assertRaises(AccessError):
                self._wizard(self._file(), user=user)
            with self.assertRaises(AccessError):
                self.env["union.reach.national.mapping"].with_user(user).create({"name": "x"})

    def test_titles_proposed_from_common_wordings(self):
        self.assertEqual(national.suggest_mapping(HEADER), {
            "Mã đoàn viên": "national_code", "Họ và tên": "name", "Ngày sinh": "birth_date",
            "Giới tính": "gender", "Số CCCD": "citizen_id", "Mã công đoàn cơ sở": "unit_code",
            "Số thẻ đoàn viên": "card_number", "Trạng thái": "state"})
        # a title holding a known wording is proposed; each title serves one value only
        self.assertEqual(national.suggest_mapping(["Họ và tên đoàn viên (viết hoa)", "Ngày kết nạp vào CĐ"]),
                         {"Họ và tên đoàn viên (viết hoa)": "name", "Ngày kết nạp vào CĐ": "date_joined"})
