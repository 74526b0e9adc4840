import io

from openpyxl import load_workbook

from odoo.tests import tagged

from .common import TrainingCommon


@tagged("post_install", "-at_install")
class TestTrainingReport(TrainingCommon):

    def test_figures_count_the_attendance_and_completions(self):
        reg_a1 = self._register(self.event_a, self.member_a1)
        reg_a2 = self._register(self.event_a, self.member_a2)
        self.session_1.action_check_in(reg_a1.barcode)
        self.session_2.action_check_in(reg_a1.barcode)
        self.session_1.action_check_in(reg_a2.barcode)
        reg_b = self._register(self.event_b, self.member_b1)
        self.event_b.union_session_ids.action_check_in(reg_b.barcode)
        year = self.session_1.date_begin.year
        report = self.env["union.training.report"].with_user(self.user_upper).create({
            "organization_id": self.upper.id, "year": year,
            "date": self.event_b.union_session_ids.date_begin.date()})
        report.action_compute()
        line = {line.organization_id: line for line in report.line_ids}
        self.assertEqual(line[self.unit_a].classes_held, 1)
        self.assertEqual(line[self.unit_a].person_sessions, 2)
        self.assertEqual(line[self.group_a].person_sessions, 1, "member A2 belongs to the group")
        self.assertEqual(line[self.unit_b].classes_held, 1)
        self.assertEqual(report.person_sessions, 4)
        self.assertEqual(report.people_attended, 3)
        # digital skills: the class of unit A only (the meeting of B is not tagged)
        self.assertEqual(report.trained, 2)
        self.assertEqual(report.members, 3)
        self.assertEqual(report.trained_share, 66.7)
        self.assertEqual((report.units_held, report.units_total), (1, 2))
        self.assertEqual(report.units_share, 50.0)
        # a course completed by B1 (tagged digital) counts them as trained too
        self.course_a.union_organization_ids = [(4, self.unit_b.id)]
        self.course_a._action_add_members(self.member_b1.partner_id)
        self.course_a.channel_partner_ids.write({"member_status": "completed"})
        report.action_compute()
        self.assertEqual(report.trained, 3)
        self.assertEqual(report.courses_completed, 1)

    def test_officer_sees_only_their_subtree_and_xlsx_is_text(self):
        report = self.env["union.training.report"].with_user(self.user_officer_a).create({
            "organization_id": self.unit_a.id, "year": 2026})
        report.action_compute()
        self.assertEqual(set(report.line_ids.organization_id.ids), {self.unit_a.id, self.group_a.id})
        self.unit_a.name = '=1+1'
        data = report._render_xlsx()
        sheet = load_workbook(io.BytesIO(data)).active
        cells = [cell for row in sheet.iter_rows() for cell in row if cell.value]
        self.assertTrue([cell for cell in cells if "=1+1" in str(cell.value)])
        self.assertFalse([cell for cell in cells if cell.data_type == "f"], "no formula")
