from datetime import date

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged

from .common import EmulationCommon


@tagged("post_install", "-at_install")
class TestStateTitles(EmulationCommon):
    """Issue 17: State titles are recorded (granting body, decision, evidence), counted, checked in
    "one achievement, one reward", and never proposed or decided by the union."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["union.emulation.registration"].create(
            {"movement_id": cls.movement.id, "member_id": cls.member_a1.id})
        cls.union_title = cls.env["union.award.title"].create({
            "name": "Danh hiệu thi đua của công đoàn (thử)", "code": "T_UNION_TITLE", "kind": "title",
            "recipient_type": "individual", "grant_level": "grassroots"})

    def _record(self, user=None, **vals):
        return self.env["union.state.achievement"].with_user(user or self.user_officer_a).create(dict({
            "award_title_id": self.title_ldtt.id, "member_id": self.member_a1.id, "year": self.movement.year,
            "granting_body": "Hiệu trưởng Trường THPT A", "decision_number": "15/QĐ-THPTA",
            "decision_date": date(2025, 6, 5)}, **vals))

    def test_state_titles_are_data(self):
        Title = self.env["union.award.title"]
        state = Title.search([("state_title", "=", True)])
        self.assertEqual(set(state.mapped("code")), {
            "LAO_DONG_TIEN_TIEN", "CHIEN_SI_THI_DUA_CO_SO", "TAP_THE_LAO_DONG_TIEN_TIEN", "TAP_THE_LAO_DONG_XUAT_SAC"})
        names = Title.search([]).mapped("name")
        self.assertIn('Kỷ niệm chương "Vì sự nghiệp xây dựng tổ chức Công đoàn"', names)
        self.assertIn("Công đoàn cơ sở hoàn thành xuất sắc nhiệm vụ", names)
        self.assertNotIn("Công đoàn cơ sở vững mạnh", names)

    def test_state_title_cannot_be_proposed_or_decided(self):
        with self.assertRefused(ValidationError, "granted by the employer or a State body"):
            self.env["union.award.proposal"].with_user(self.user_officer_a).create({
                "organization_id": self.unit_a.id, "award_title_id": self.title_ldtt.id, "year": "2025",
                "date_reference": self.date_2025})
        proposal = self.env["union.award.proposal"].with_user(self.user_officer_a).create({
            "organization_id": self.unit_a.id, "award_title_id": self.form_gk_cdcs.id, "year": "2025",
            "date_reference": self.date_2025})
        with self.assertRefused(ValidationError, "granted by the employer or a State body"):
            proposal.award_title_id = self.title_ldtt
        with self.assertRefused(ValidationError, "granted by the employer or a State body"):
            self.env["union.award.decision"].with_user(self.user_upper).create({
                "name": "9/QĐ-CĐN", "organization_id": self.upper.id,
                "award_title_id": self.env.ref("union_emulation.award_title_chien_si_thi_dua_co_so").id,
                "signer_name": "Phạm Văn Minh"})
        # and a union form cannot be "recorded" as a State title
        with self.assertRefused(ValidationError, "union title or form"):
            self._record(award_title_id=self.form_gk_cdcs.id)

    def test_recorded_and_counted(self):
        with Form(self.env["union.state.achievement"].with_user(self.user_officer_a)) as form:
            form.award_title_id = self.title_ldtt
            form.member_id = self.member_a1
            form.year = self.movement.year
            form.granting_body = "Hiệu trưởng Trường THPT A"
            form.decision_number = "15/QĐ-THPTA"
            form.decision_date = date(2025, 6, 5)
        achievement = form.record
        self.assertEqual(achievement.organization_id, self.unit_a)
        self.assertEqual(self.member_a1.state_achievement_count, 1)
        self.assertEqual(self.unit_a.state_achievement_count, 1)
        self.assertEqual(self.upper.with_user(self.user_upper).state_achievement_count, 1)
        # the unit's statistics by title and granting body
        groups = self.env["union.state.achievement"].with_user(self.user_upper).read_group(
            [], ["award_title_id", "granting_body"], ["award_title_id", "granting_body"], lazy=False)
        self.assertEqual([(g["award_title_id"][0], g["granting_body"], g["__count"]) for g in groups],
                         [(self.title_ldtt.id, "Hiệu trưởng Trường THPT A", 1)])
        # the member reads their own; another unit's officer nothing, and cannot record for A
        self.assertEqual(self.env["union.state.achievement"].with_user(self.user_portal_a1).search([]), achievement)
        self.assertFalse(self.env["union.state.achievement"].with_user(self.user_officer_b).search_read([], ["name"]))
        with self.assertRaises(AccessError):
            self._record(user=self.user_officer_b, member_id=self.member_a2.id)
        with self.assertRaises(AccessError):
            achievement.with_user(self.user_portal_a1).write({"decision_number": "99/QĐ"})

    def test_one_achievement_one_reward(self):
        """A State title of the year blocks a union title for the same recipient and year, and the
        reason names the granting body and the decision."""
        self._record()
        proposal = self.env["union.award.proposal"].with_user(self.user_officer_a).create({
            "organization_id": self.unit_a.id, "award_title_id": self.union_title.id,
            "movement_id": self.movement.id, "year": self.movement.year,
            "date_reference": self.movement.date_end,
            "line_ids": [(0, 0, {"member_id": self.member_a1.id, "achievement": "Giáo viên dạy giỏi"})]})
        proposal.action_check_eligibility()
        line = proposal.line_ids
        self.assertFalse(line.eligible)
        self.assertIn("Hiệu trưởng Trường THPT A", line.eligibility_note)
        self.assertIn("15/QĐ-THPTA of 05/06/2025", line.eligibility_note)
        self.env["res.lang"]._activate_lang("vi_VN")
        note_vi = line.with_context(lang="vi_VN").eligibility_note
        self.assertIn("quyết định số 15/QĐ-THPTA ngày 05/06/2025", note_vi)
        self.assertIn("chỉ được khen thưởng một lần", note_vi)
        # a form of commendation (Giấy khen) for the year is another kind of reward: not blocked
        form_proposal = self.env["union.award.proposal"].with_user(self.user_officer_a).create({
            "organization_id": self.unit_a.id, "award_title_id": self.form_gk_cdcs.id,
            "movement_id": self.movement.id, "year": self.movement.year,
            "date_reference": self.movement.date_end,
            "line_ids": [(0, 0, {"member_id": self.member_a1.id, "achievement": "Giáo viên dạy giỏi"})]})
        form_proposal.action_check_eligibility()
        self.assertTrue(form_proposal.line_ids.eligible)
