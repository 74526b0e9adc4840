from datetime import date, timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged

from odoo.addons.union_membership.tests.phone import PhonePortalMixin

from .common import EmulationCommon

LONG_TEXT = ("Hoàn thành xuất sắc nhiệm vụ năm học theo "
             "https://congdoan.example.vn/thi-dua/huong-dan-so-12-hd-cdn-ve-tieu-chi-danh-gia-xep-loai-nam-hoc")


@tagged("post_install", "-at_install")
class TestEmulationPortalPhone(PhonePortalMixin, EmulationCommon, HttpCase):
    """The emulation pages, on the portal and the website, on a phone (390 px wide, touch): issue 14."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.movement.write({"description": f"<p>{LONG_TEXT}</p>", "criteria": f"<p>{LONG_TEXT}</p>"})
        # member A1 registered in the movement; a second movement still open to them
        cls.env["union.emulation.registration"].create(
            {"movement_id": cls.movement.id, "member_id": cls.member_a1.id, "note": LONG_TEXT})
        cls.env["union.emulation.movement"].create({
            "name": "Phong trào Giỏi việc trường - Đảm việc nhà - Giàu lòng nhân ái năm học mới",
            "organization_id": cls.upper.id, "kind": "regular",
            "date_start": cls.today - timedelta(days=10), "date_end": cls.today + timedelta(days=100),
            "registration_deadline": cls.today + timedelta(days=20),
            "description": f"<p>{LONG_TEXT}</p>"}).action_launch()
        # an achievement with its certificate
        decision = cls.env["union.award.decision"].create({
            "name": "30/QĐ-CĐN", "date": date(2025, 6, 20), "organization_id": cls.upper.id,
            "award_title_id": cls.form_gk_upper.id, "year": "2024-2025", "signer_name": "Phạm Văn Minh"})
        cls.env["union.award.recipient"].create({
            "decision_id": decision.id, "member_id": cls.member_a1.id, "organization_id": cls.unit_a.id,
            "achievement": LONG_TEXT, "year": "2024-2025"})
        # approved results of the movement's year: the unit's results and the public ranking
        cls._approved_evaluation(cls.unit_a, "public_partial", cls.movement.year, 1.0)
        cls._approved_evaluation(cls.unit_b, "non_public", cls.movement.year, 0.75)
        # an open online contest of the movement
        survey = cls.env["survey.survey"].create({"title": "Thi tìm hiểu pháp luật về công đoàn"})
        cls.env["survey.question"].create({
            "survey_id": survey.id, "title": "Câu 1", "question_type": "simple_choice",
            "suggested_answer_ids": [(0, 0, {"value": "Đúng", "is_correct": True, "answer_score": 1}),
                                     (0, 0, {"value": "Sai", "answer_score": 0})]})
        cls.env["union.contest"].create({
            "name": "Cuộc thi tìm hiểu Luật Công đoàn năm 2024 dành cho đoàn viên công đoàn",
            "movement_id": cls.movement.id, "survey_id": survey.id,
            "date_start": fields.Datetime.now(), "date_end": fields.Datetime.now() + timedelta(days=3),
        }).action_open()

    @classmethod
    def _approved_evaluation(cls, unit, funding_type, year, ratio):
        Criterion = cls.env["union.emulation.criterion"]
        criterion = Criterion.search([("year", "=", year), ("funding_type", "=", funding_type)])
        if not criterion:
            template = cls.env.ref(f"union_emulation.criterion_2024_2025_{funding_type}")
            criterion = template.copy({"year": year, "name": f"Thang điểm {year} - {funding_type}"})
        evaluation = cls.env["union.emulation.evaluation"].create(
            {"organization_id": unit.id, "criterion_id": criterion.id})
        for line in evaluation.line_ids:
            line.self_score = line.max_points * ratio
        evaluation.action_submit()
        evaluation.action_approve()
        return evaluation

    def test_member_pages_on_a_phone(self):
        self.start_tour("/my", "union_emulation_phone_tour", login=self.user_portal_a1.login)

    def test_public_pages_on_a_phone(self):
        self.start_tour("/union/emulation", "union_emulation_public_phone_tour", login=None)

    def test_stacked_labels_are_translated(self):
        html = self._page_in_vietnamese("/my/union/emulation", self.user_portal_a1.login)
        for label in ("Phong trào", "Danh hiệu/hình thức", "Xếp loại", "Số lượt thi", "Điểm cao nhất"):
            self.assertIn(f'data-label="{label}"', html)
        html = self._page_in_vietnamese(f"/union/emulation/ranking?year={self.movement.year}")
        for label in ("Thứ hạng", "Đơn vị", "Điểm", "Xếp loại"):
            self.assertIn(f'data-label="{label}"', html)
