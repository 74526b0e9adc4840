import re
from datetime import date, timedelta

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged

from .common import EmulationCommon


@tagged("post_install", "-at_install")
class TestEmulationPages(EmulationCommon, HttpCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_portal_a1.password = "t_portal_a1_pw"
        cls.draft = cls.env["union.emulation.movement"].create({
            "name": "Phong trào nháp bí mật", "organization_id": cls.upper.id,
            "date_start": cls.today, "date_end": cls.today + timedelta(days=100),
            "registration_deadline": cls.today + timedelta(days=5)})

    def _csrf(self, html):
        return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)

    def test_public_movement_pages(self):
        response = self.url_open("/union/emulation")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Hai tốt", response.text)
        self.assertNotIn("Phong trào nháp bí mật", response.text)
        response = self.url_open(self.movement.website_url)
        self.assertEqual(response.status_code, 200)
        self.assertIn("Phong trào thi đua dạy tốt - học tốt", response.text)
        self.assertEqual(self.url_open(f"/union/emulation/{self.draft.id}").status_code, 404)
        # news posted on the movement appear on its page; internal notes do not
        self.movement.message_post(body="Tin: tổng kết giữa kỳ phong trào", message_type="comment",
                                   subtype_xmlid="mail.mt_comment")
        self.movement.message_post(body="Ghi chú nội bộ không công bố", message_type="comment",
                                   subtype_xmlid="mail.mt_note")
        response = self.url_open(self.movement.website_url)
        self.assertIn("Tin: tổng kết giữa kỳ phong trào", response.text)
        self.assertNotIn("Ghi chú nội bộ không công bố", response.text)

    def test_public_ranking_page(self):
        criterion = self.env.ref("union_emulation.criterion_2024_2025_public_partial")
        evaluation = self.env["union.emulation.evaluation"].create({
            "organization_id": self.unit_a.id, "criterion_id": criterion.id})
        for line in evaluation.line_ids:
            line.self_score = line.max_points
        evaluation.action_submit()
        response = self.url_open("/union/emulation/ranking?year=2024-2025")
        self.assertNotIn(self.unit_a.name, response.text)   # not approved yet: not published
        evaluation.action_approve()
        response = self.url_open("/union/emulation/ranking?year=2024-2025")
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.unit_a.name, response.text)
        self.assertIn("100", response.text)

    def test_portal_registration_and_deadline(self):
        self.authenticate("t_portal_a1", "t_portal_a1_pw")
        self.assertIn('href="/my/union/emulation"', self.url_open("/my/home").text)
        response = self.url_open("/my/union/emulation")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Hai tốt", response.text)
        self.assertIn("union-register-button", response.text)
        csrf = self._csrf(response.text)
        response = self.url_open("/my/union/emulation/register", data={
            "movement_id": self.movement.id, "note": "Phấn đấu đạt Lao động tiên tiến",
            "csrf_token": csrf})
        self.assertEqual(response.status_code, 200)
        reg = self.env["union.emulation.registration"].search([("member_id", "=", self.member_a1.id)])
        self.assertEqual(reg.movement_id, self.movement)
        self.assertEqual(reg.note, "Phấn đấu đạt Lao động tiên tiến")
        self.assertIn("union-emulation-success", response.text)
        # after the deadline: refused with a message, nothing written
        other = self.movement.copy({"name": "Đổi mới sáng tạo", "state": "launched",
                                    "registration_deadline": self.today - timedelta(days=1)})
        response = self.url_open("/my/union/emulation/register", data={
            "movement_id": other.id, "csrf_token": csrf})
        self.assertIn("union-emulation-error", response.text)
        self.assertFalse(self.env["union.emulation.registration"].search([("movement_id", "=", other.id)]))

    def test_portal_certificate_download(self):
        decision = self.env["union.award.decision"].create({
            "name": "30/QĐ-CĐN", "date": date(2025, 6, 20), "organization_id": self.upper.id,
            "award_title_id": self.form_gk_upper.id, "year": "2024-2025", "signer_name": "Phạm Văn Minh"})
        recipient = self.env["union.award.recipient"].create({
            "decision_id": decision.id, "member_id": self.member_a1.id, "organization_id": self.unit_a.id,
            "achievement": "Hoàn thành xuất sắc nhiệm vụ", "year": "2024-2025"})
        other = self.env["union.award.recipient"].create({
            "decision_id": decision.id, "member_id": self.member_b1.id, "organization_id": self.unit_b.id,
            "achievement": "Khác", "year": "2024-2025"})
        self.authenticate("t_portal_a1", "t_portal_a1_pw")
        response = self.url_open("/my/union/emulation")
        self.assertIn(f"/my/union/emulation/certificate/{recipient.id}", response.text)
        self.assertNotIn(f"/my/union/emulation/certificate/{other.id}", response.text)
        response = self.url_open(f"/my/union/emulation/certificate/{recipient.id}")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "application/pdf")
        # tests render the report's HTML instead of calling wkhtmltopdf (see test_award for the PDF)
        self.assertIn("GIẤY KHEN", response.content.decode())
        self.assertIn(self.member_a1.name, response.content.decode())
        # another member's certificate: refused
        response = self.url_open(f"/my/union/emulation/certificate/{other.id}", allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))

    def test_portal_contest_start(self):
        survey = self.env["survey.survey"].create({"title": "Thi tìm hiểu pháp luật"})
        self.env["survey.question"].create({
            "survey_id": survey.id, "title": "Câu 1", "question_type": "simple_choice",
            "suggested_answer_ids": [(0, 0, {"value": "Đúng", "is_correct": True, "answer_score": 1}),
                                     (0, 0, {"value": "Sai", "answer_score": 0})]})
        contest = self.env["union.contest"].create({
            "name": "Cuộc thi tháng 10", "movement_id": self.movement.id, "survey_id": survey.id,
            "date_start": fields.Datetime.now(), "date_end": fields.Datetime.now() + timedelta(days=3)})
        contest.action_open()
        self.authenticate("t_portal_a1", "t_portal_a1_pw")
        response = self.url_open("/my/union/emulation")
        self.assertIn(contest.start_url, response.text)
        response = self.url_open(contest.start_url)
        self.assertEqual(response.status_code, 200)
        self.assertIn("Thi tìm hiểu pháp luật", response.text)
        # a passed attempt: best score and the survey's certification on the portal
        question = survey.question_ids
        attempt = survey._create_answer(user=self.user_portal_a1)
        attempt._save_lines(question, question.suggested_answer_ids.filtered("is_correct").id)
        attempt._mark_done()
        response = self.url_open("/my/union/emulation")
        self.assertIn("union-contest-certificate", response.text)
        response = self.url_open(f"/survey/{survey.id}/get_certification")
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.member_a1.name, response.text)

    def test_portal_contests_of_movements_covering_the_unit(self):
        """Audit: the portal offers a member the contests of the movements that cover their unit
        only, as it does for the movements open for registration."""
        movement_a = self.env["union.emulation.movement"].create({
            "name": "Phong trào riêng trường A", "organization_id": self.upper.id,
            "target_organization_ids": [(6, 0, self.unit_a.ids)], "date_start": self.today,
            "date_end": self.today + timedelta(days=100), "registration_deadline": self.today + timedelta(days=5)})
        movement_a.action_launch()
        survey = self.env["survey.survey"].create({"title": "Thi riêng trường A"})
        contest = self.env["union.contest"].create({
            "name": "Cuộc thi riêng trường A", "movement_id": movement_a.id, "survey_id": survey.id,
            "date_start": fields.Datetime.now(), "date_end": fields.Datetime.now() + timedelta(days=3)})
        contest.action_open()
        new_test_user(self.env, login="t_portal_b1_contest", partner_id=self.member_b1.partner_id.id,
                      groups="base.group_portal,union_membership.group_union_member")
        self.authenticate("t_portal_b1_contest", "t_portal_b1_contest")
        response = self.url_open("/my/union/emulation")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Hai tốt", response.text)     # the movement of the whole upper union covers B
        self.assertNotIn("Phong trào riêng trường A", response.text)
        self.assertNotIn("Cuộc thi riêng trường A", response.text)
        self.assertNotIn(contest.start_url, response.text)
        self.authenticate("t_portal_a1", "t_portal_a1_pw")
        response = self.url_open("/my/union/emulation")
        self.assertIn("Cuộc thi riêng trường A", response.text)
        self.assertIn(contest.start_url, response.text)

    def test_ranking_tampered_year(self):
        """Audit: a year of non-ASCII digits (full-width, superscript), a trailing newline or other
        junk is ignored (the latest year is shown), never echoed and never a server error."""
        for year in ("２０２６", "²⁰²⁶", "2026%0A", "2026-２０２７", "%00", "9" * 5000, "2026&year=2027"):
            response = self.url_open(f"/union/emulation/ranking?year={year}")
            self.assertEqual(response.status_code, 200, year)
            shown = re.search(r'class="union-ranking-year">([^<]*)<', response.text)
            self.assertTrue(not shown or re.fullmatch(r"[0-9]{4}(-[0-9]{4})?", shown.group(1)), year)
        response = self.url_open("/union/emulation/ranking?year=2024-2025")
        self.assertIn('class="union-ranking-year">2024-2025<', response.text)

    def test_portal_tour(self):
        self.start_tour("/my/union/emulation", "union_emulation_portal_register", login="t_portal_a1")
        reg = self.env["union.emulation.registration"].search([("member_id", "=", self.member_a1.id)])
        self.assertEqual(reg.movement_id, self.movement)

    def test_contest_pages_speak_of_a_contest(self):
        """Issue 14: a contest's survey says "bài thi", not "chứng nhận" (the survey is a certification
        for Odoo, so that members who pass get a certificate)."""
        self.env["res.lang"]._activate_lang("vi_VN")
        self.user_portal_a1.lang = "vi_VN"
        survey = self.env["survey.survey"].create({"title": "Thi tìm hiểu Luật Công đoàn"})
        self.env["survey.question"].create({
            "survey_id": survey.id, "title": "Câu 1", "question_type": "simple_choice",
            "suggested_answer_ids": [(0, 0, {"value": "Đúng", "is_correct": True, "answer_score": 1})]})
        contest = self.env["union.contest"].create({
            "name": "Cuộc thi tháng 11", "movement_id": self.movement.id, "survey_id": survey.id,
            "date_start": fields.Datetime.now(), "date_end": fields.Datetime.now() + timedelta(days=3)})
        contest.action_open()
        self.assertTrue(survey.union_contest)
        self.authenticate("t_portal_a1", "t_portal_a1_pw")
        page = self.url_open(contest.start_url).text
        self.assertIn("Bắt đầu làm bài thi", page)
        self.assertIn("Thời gian làm bài thi", page)
        self.assertNotIn("chứng nhận", page.lower())
        # a survey that is not a contest keeps Odoo's words
        self.assertFalse(self.env["survey.survey"].create({"title": "Khảo sát"}).union_contest)
