from datetime import timedelta

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import EmulationCommon


@tagged("post_install", "-at_install")
class TestReferencesToOtherUnits(EmulationCommon):
    """Issue 13 #6: every many2one of this addon to a member, unit or movement accepts only what
    the user may read, checked on create and write (as an RPC call would send it), not only by the
    view's domain."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Org = cls.env["union.organization"]
        # a second upper union, which the upper-level officer of the tests does not manage
        cls.upper_2 = Org.create({"name": "Công đoàn Khu công nghiệp", "code": "T-KCN", "level": "upper",
                                  "short_name": "CĐKCN", "parent_id": cls.federation.id})
        cls.unit_c = Org.create({"name": "Công đoàn Công ty C", "code": "T-C", "level": "grassroots",
                                 "parent_id": cls.upper_2.id, "funding_type": "enterprise"})
        cls.member_c1 = cls.env["union.member"].create({
            "name": "Đặng Văn Cường", "gender": "male", "organization_id": cls.unit_c.id,
            "citizen_id": "067088000009"})
        cls.movement_2 = cls.env["union.emulation.movement"].create({
            "name": "Phong trào nháp của khu công nghiệp", "organization_id": cls.upper_2.id,
            "date_start": cls.today, "date_end": cls.today + timedelta(days=100),
            "registration_deadline": cls.today + timedelta(days=5)})
        cls.env["union.emulation.registration"].create(
            {"movement_id": cls.movement.id, "member_id": cls.member_a1.id})

    def _proposal(self, user, lines, title=None):
        return self.env["union.award.proposal"].with_user(user).create({
            "organization_id": self.unit_a.id, "award_title_id": (title or self.form_gk_upper).id,
            "movement_id": self.movement.id, "year": self.movement.year,
            "date_reference": self.movement.date_end, "line_ids": [(0, 0, line) for line in lines]})

    def test_proposal_of_another_units_member_refused(self):
        with self.assertRefused(AccessError, "a record you may not see"):
            self._proposal(self.user_officer_a, [{"member_id": self.member_b1.id, "achievement": "Dạy giỏi"}])
        with self.assertRefused(AccessError, "a record you may not see"):
            self._proposal(self.user_officer_a, [{"recipient_organization_id": self.unit_b.id,
                                                  "achievement": "Tập thể xuất sắc"}],
                           title=self.form_gk_upper_unit)
        proposal = self._proposal(self.user_officer_a, [{"member_id": self.member_a1.id, "achievement": "Dạy giỏi"}])
        with self.assertRefused(AccessError, "a record you may not see"):
            proposal.line_ids.write({"member_id": self.member_b1.id})
        with self.assertRefused(AccessError, "a record you may not see"):
            proposal.write({"line_ids": [(0, 0, {"member_id": self.member_b1.id, "achievement": "x"})]})
        with self.assertRefused(AccessError, "a record you may not see"):
            proposal.write({"organization_id": self.unit_b.id})
        self.assertEqual(proposal.line_ids.member_id, self.member_a1)

    def test_scoring_another_unit_refused(self):
        with self.assertRefused(AccessError, "a record you may not see"):
            self.env["union.emulation.evaluation"].with_user(self.user_officer_a).create({
                "organization_id": self.unit_b.id,
                "criterion_id": self.env.ref("union_emulation.criterion_2024_2025_non_public").id})
        evaluation = self.env["union.emulation.evaluation"].with_user(self.user_officer_a).create(
            {"organization_id": self.unit_a.id, "criterion_id": self.criterion.id})
        with self.assertRefused(AccessError, "a record you may not see"):
            evaluation.write({"organization_id": self.unit_b.id})

    def test_registration_of_another_units_member_refused(self):
        Registration = self.env["union.emulation.registration"].with_user(self.user_officer_a)
        with self.assertRefused(AccessError, "a record you may not see"):
            Registration.create({"movement_id": self.movement.id, "member_id": self.member_b1.id})
        with self.assertRefused(AccessError, "a record you may not see"):
            Registration.create({"movement_id": self.movement.id, "registrant_type": "unit",
                                 "organization_id": self.unit_b.id})
        # a draft movement of another tree is not theirs to see, nor to register for
        with self.assertRefused(AccessError, "a record you may not see"):
            Registration.create({"movement_id": self.movement_2.id, "member_id": self.member_a2.id})
        wizard = self.env["union.emulation.register.wizard"].with_user(self.user_officer_a)
        with self.assertRefused(AccessError, "a record you may not see"):
            wizard.create({"movement_id": self.movement.id, "member_ids": [(6, 0, self.member_b1.ids)]})

    def test_upper_level_references_refused(self):
        """The upper-level officer reaches their sub-tree only: not another upper union's units,
        members or draft movements."""
        Decision = self.env["union.award.decision"].with_user(self.user_upper)
        with self.assertRefused(AccessError, "a record you may not see"):
            Decision.create({"name": "1/QĐ-KCN", "organization_id": self.upper_2.id,
                             "award_title_id": self.form_gk_upper.id, "year": "2025",
                             "signer_name": "Phạm Văn Minh"})
        decision = Decision.create({"name": "2/QĐ-CĐN", "organization_id": self.upper.id,
                                    "award_title_id": self.form_gk_upper.id, "year": "2025",
                                    "signer_name": "Phạm Văn Minh"})
        with self.assertRefused(AccessError, "a record you may not see"):
            decision.write({"movement_id": self.movement_2.id})
        with self.assertRefused(AccessError, "a record you may not see"):
            self.env["union.award.recipient"].with_user(self.user_upper).create({
                "decision_id": decision.id, "member_id": self.member_c1.id, "organization_id": self.unit_a.id,
                "achievement": "x", "year": "2025"})
        Movement = self.env["union.emulation.movement"].with_user(self.user_upper)
        with self.assertRefused(AccessError, "a record you may not see"):
            Movement.create({"name": "Thi đua", "organization_id": self.upper.id,
                             "target_organization_ids": [(6, 0, self.unit_c.ids)],
                             "date_start": self.today, "date_end": self.today + timedelta(days=30),
                             "registration_deadline": self.today})
        survey = self.env["survey.survey"].create({"title": "Thi tìm hiểu"})
        with self.assertRefused(AccessError, "a record you may not see"):
            self.env["union.contest"].with_user(self.user_upper).create({
                "name": "Cuộc thi", "movement_id": self.movement_2.id, "survey_id": survey.id,
                "date_start": "2026-01-01 00:00:00", "date_end": "2026-01-02 00:00:00"})

    def test_own_tree_still_accepted(self):
        proposal = self._proposal(self.user_officer_a, [{"member_id": self.member_a2.id, "achievement": "Dạy giỏi"}])
        self.assertEqual(proposal.line_ids.member_id, self.member_a2)
        reg = self.env["union.emulation.registration"].with_user(self.user_officer_a).create(
            {"movement_id": self.movement.id, "member_id": self.member_a2.id})
        self.assertEqual(reg.organization_id, self.group_a)
