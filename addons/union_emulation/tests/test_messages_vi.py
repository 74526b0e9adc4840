from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import EmulationCommon


@tagged("post_install", "-at_install")
class TestVietnameseRefusals(EmulationCommon):
    """The refusals the issue names reach Vietnamese users in Vietnamese (the deadline one is in
    test_movement_registration): a score above the maximum, a change to an approved evaluation,
    a duplicate proposal."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("vi_VN")
        cls.vi = {"lang": "vi_VN"}

    def test_score_above_maximum(self):
        evaluation = self.env["union.emulation.evaluation"].with_user(self.user_officer_a).with_context(
            **self.vi).create({"organization_id": self.unit_a.id, "criterion_id": self.criterion.id})
        line = evaluation.line_ids[0]
        with self.assertRefused(ValidationError, "điểm tự chấm") as caught:
            line.self_score = line.max_points + 1
        self.assertIn("phải từ 0 đến tối", str(caught.exception))

    def test_change_to_approved_evaluation(self):
        evaluation = self.env["union.emulation.evaluation"].create(
            {"organization_id": self.unit_a.id, "criterion_id": self.criterion.id})
        evaluation.action_submit()
        evaluation.action_approve()
        locked = evaluation.with_user(self.user_upper).with_context(**self.vi)
        with self.assertRefused(UserError, "đã được phê duyệt và khóa: không thể sửa đổi"):
            locked.review_note = "Sửa lại"
        with self.assertRefused(UserError, "đã được phê duyệt và khóa"):
            locked.line_ids[0].reviewed_score = 0

    def test_duplicate_proposal(self):
        self.env["union.emulation.registration"].create(
            {"movement_id": self.movement.id, "member_id": self.member_a1.id})
        Proposal = self.env["union.award.proposal"].with_user(self.user_officer_a).with_context(**self.vi)
        vals = {
            "organization_id": self.unit_a.id, "award_title_id": self.form_gk_upper.id,
            "movement_id": self.movement.id, "year": self.movement.year,
            "date_reference": self.movement.date_end,
            "line_ids": [(0, 0, {"member_id": self.member_a1.id, "achievement": "Giáo viên dạy giỏi"})]}
        Proposal.create(vals)
        with self.assertRefused(ValidationError, "đã được đề nghị"):
            Proposal.create(vals)
