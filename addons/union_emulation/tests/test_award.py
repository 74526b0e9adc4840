import re
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import EmulationCommon


@tagged("post_install", "-at_install")
class TestAward(EmulationCommon):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Reg = cls.env["union.emulation.registration"]
        Reg.create({"movement_id": cls.movement.id, "member_id": cls.member_a1.id})
        Reg.create({"movement_id": cls.movement.id, "registrant_type": "unit", "organization_id": cls.unit_a.id})

    def _proposal(self, lines, title=None, user=None):
        return self.env["union.award.proposal"].with_user(user or self.user_officer_a).create({
            "organization_id": self.unit_a.id,
            "award_title_id": (title or self.form_gk_upper).id,
            "movement_id": self.movement.id,
            "year": self.movement.year,
            "date_reference": self.movement.date_end,
            "line_ids": [(0, 0, line) for line in lines],
        })

    def _approve(self, proposal):
        proposal.action_submit()
        review = proposal.with_user(self.user_upper)
        review.write({"council_size": 7, "votes_for": 6, "votes_against": 1})
        review.action_review()
        review.action_approve()
        return review

    def _decision(self, title=None):
        return self.env["union.award.decision"].with_user(self.user_upper).create({
            "name": "25/QĐ-CĐN", "date": date(2025, 6, 15), "organization_id": self.upper.id,
            "award_title_id": (title or self.form_gk_upper).id, "year": self.movement.year,
            "movement_id": self.movement.id, "signer_name": "Phạm Văn Minh", "signer_title": "Chủ tịch",
            "place": "Gia Nghĩa"})

    def test_eligibility_every_reason_shown(self):
        self.member_b1.sudo()  # not registered, other unit: not proposable by unit_a
        proposal = self._proposal([
            {"member_id": self.member_a1.id, "achievement": "Giáo viên dạy giỏi cấp tỉnh"},
            {"member_id": self.member_a2.id, "achievement": "Sáng kiến kinh nghiệm",
             "absent_days": 45, "maternity_days": 0, "disciplined": True},
        ])
        proposal.action_check_eligibility()
        good, bad = proposal.line_ids
        self.assertTrue(good.eligible)
        self.assertFalse(good.eligibility_note)
        self.assertFalse(bad.eligible)
        for reason in ("absent 45 working days", "disciplined", "not registered"):
            self.assertIn(reason, bad.eligibility_note)
        with self.assertRaises(UserError) as err:
            proposal.action_submit()
        self.assertIn("Trần Văn Hùng", str(err.exception))
        self.assertIn("not registered", str(err.exception))
        self.assertEqual(proposal.state, "draft")

    def test_maternity_not_counted_and_recent_member(self):
        self.env["union.emulation.registration"].create(
            {"movement_id": self.movement.id, "member_id": self.member_a2.id})
        self.member_a2.sudo().date_employed = self.movement.date_end.replace(day=1)
        proposal = self._proposal([
            {"member_id": self.member_a1.id, "achievement": "Nghỉ thai sản", "absent_days": 120,
             "maternity_days": 120},
            {"member_id": self.member_a2.id, "achievement": "Mới vào"},
        ])
        proposal.action_check_eligibility()
        self.assertTrue(proposal.line_ids[0].eligible)
        self.assertIn("recruited less than 10 months ago", proposal.line_ids[1].eligibility_note)

    def test_eligibility_counts_from_recruitment(self):
        """A teacher employed for years who joined the union last month is eligible; a member
        without an employment start date is reported as missing it, neither passed nor failed."""
        from ..rules import eligibility
        self.env["union.emulation.registration"].create(
            {"movement_id": self.movement.id, "member_id": self.member_a2.id})
        last_month = self.movement.date_end - relativedelta(months=1)
        self.member_a2.sudo().write({"date_employed": date(2012, 9, 1), "date_joined": last_month})
        self.member_a1.sudo().date_employed = False
        proposal = self._proposal([
            {"member_id": self.member_a1.id, "achievement": "Chưa có ngày tuyển dụng"},
            {"member_id": self.member_a2.id, "achievement": "Giáo viên lâu năm, mới vào công đoàn"},
        ])
        proposal.action_check_eligibility()
        no_date, teacher = proposal.line_ids.sorted(lambda line: line.member_id != self.member_a1)
        self.assertTrue(teacher.eligible, teacher.eligibility_note)
        self.assertFalse(no_date.eligible)
        self.assertEqual(no_date.eligibility_reasons, [["date_employed_missing", {}]])
        self.assertEqual(eligibility.verdict(no_date.eligibility_reasons), "incomplete")
        self.assertIn("missing employment start date", no_date.eligibility_note)
        vi_note = proposal.with_context(lang="vi_VN")._eligibility_messages(no_date.eligibility_reasons)[0]
        self.assertIn("thiếu ngày tuyển dụng", vi_note.lower())

    def test_duplicate_proposal_refused(self):
        self._proposal([{"member_id": self.member_a1.id, "achievement": "A"}])
        with self.assertRefused(ValidationError, "already proposed"):
            self._proposal([{"member_id": self.member_a1.id, "achievement": "A again"}])
        self.assertEqual(self.env["union.award.proposal"].search_count([("organization_id", "=", self.unit_a.id)]), 1)

    def test_candidate_outside_unit_refused(self):
        # the officer of A may not even name a member of B (issue 13 #6: test_reference_check)
        with self.assertRefused(AccessError, "a record you may not see"):
            self._proposal([{"member_id": self.member_b1.id, "achievement": "B"}])
        # the upper level sees both, but A's proposal is for A's members only
        with self.assertRefused(ValidationError, "does not belong"):
            self._proposal([{"member_id": self.member_b1.id, "achievement": "B"}], user=self.user_upper)

    def test_officer_b_cannot_see_proposal_of_a(self):
        proposal = self._proposal([{"member_id": self.member_a1.id, "achievement": "A"}])
        with self.assertRaises(AccessError):
            proposal.with_user(self.user_officer_b).read(["name"])

    def test_review_needs_upper_officer_and_majority(self):
        proposal = self._proposal([{"member_id": self.member_a1.id, "achievement": "A"}])
        proposal.action_submit()
        with self.assertRaises(AccessError):
            proposal.action_review()
        review = proposal.with_user(self.user_upper)
        with self.assertRefused(ValidationError, "council"):
            review.write({"council_size": 5, "votes_for": 4, "votes_against": 2})
        review.write({"council_size": 6, "votes_for": 3, "votes_against": 3})
        review.action_review()
        with self.assertRefused(UserError, "more than half"):
            review.action_approve()
        self.assertEqual(review.state, "reviewed")
        with self.assertRefused(UserError, "reason"):
            review.action_reject()
        review.review_note = "Chưa đủ phiếu"
        review.action_reject()
        self.assertEqual(review.state, "rejected")

    def test_own_unit_officer_cannot_review_even_from_above(self):
        """No self-review: an upper-level officer who is also an officer of the proposing unit is
        refused, as for evaluations (the two checks had drifted apart)."""
        both = self.env["res.users"].create({
            "name": "t_upper_and_a", "login": "t_upper_and_a",
            "groups_id": [(6, 0, [self.env.ref("base.group_user").id,
                                  self.env.ref("union_membership.group_union_upper_officer").id])],
            "union_organization_ids": [(6, 0, (self.upper | self.unit_a).ids)]})
        proposal = self._proposal([{"member_id": self.member_a1.id, "achievement": "A"}])
        proposal.action_submit()
        review = proposal.with_user(both)
        with self.assertRefused(AccessError, "cannot review"):
            review.write({"council_size": 7, "votes_for": 6, "votes_against": 1})
        with self.assertRefused(AccessError, "cannot review"):
            review.action_review()
        upper = proposal.with_user(self.user_upper)
        upper.write({"council_size": 7, "votes_for": 6, "votes_against": 1})
        upper.action_review()
        self.assertEqual(proposal.state, "reviewed")

    def test_proposal_form_flow(self):
        with Form(self.env["union.award.proposal"].with_user(self.user_officer_a)) as form:
            form.organization_id = self.unit_a
            form.award_title_id = self.form_gk_cdcs
            form.movement_id = self.movement
            self.assertEqual(form.year, self.movement.year)
            self.assertEqual(form.date_reference, self.movement.date_end)
            with form.line_ids.new() as line:
                line.member_id = self.member_a1
                line.achievement = "Hoàn thành xuất sắc nhiệm vụ"
        proposal = form.record
        self.assertTrue(proposal.name.startswith("DN/"))
        proposal.action_submit()
        self.assertEqual(proposal.state, "submitted")
        self.assertTrue(proposal.line_ids.eligible)

    def test_workflow_cannot_be_skipped(self):
        proposal = self._proposal([{"member_id": self.member_a1.id, "achievement": "A"}])
        with self.assertRefused(UserError, "cannot go from Draft to Approved"):
            proposal.write({"state": "approved"})
        with self.assertRaises(AccessError):
            proposal.write({"council_size": 3, "votes_for": 3})
        proposal.write({"state": "submitted"})   # checked like the button: eligible candidates only
        with self.assertRaises(AccessError):
            proposal.write({"state": "reviewed"})
        created = self.env["union.award.proposal"].with_user(self.user_officer_a).create({
            "organization_id": self.unit_a.id, "award_title_id": self.form_gk_cdcs.id, "year": "2031",
            "date_reference": self.date_2025, "state": "approved", "votes_for": 9, "council_size": 9})
        self.assertEqual((created.state, created.votes_for), ("draft", 0))
        bad = self._proposal([{"member_id": self.member_a2.id, "achievement": "B"}], title=self.form_gk_cdcs)
        with self.assertRefused(UserError, "not registered"):
            bad.write({"state": "submitted"})

    def test_decision_certificate_revocation_and_achievements(self):
        self.env["union.emulation.registration"].create(
            {"movement_id": self.movement.id, "member_id": self.member_a2.id})
        proposal = self._approve(self._proposal([
            {"member_id": self.member_a1.id, "achievement": "Giáo viên dạy giỏi cấp tỉnh năm học"},
            {"member_id": self.member_a2.id, "achievement": "Sáng kiến kinh nghiệm cấp ngành"}]))
        unit_proposal = self._approve(self._proposal(
            [{"recipient_organization_id": self.unit_a.id, "achievement": "Công đoàn cơ sở vững mạnh"}],
            title=self.form_gk_upper_unit))
        decision = self._decision()
        decision.action_add_approved_proposals()
        self.assertEqual(decision.proposal_ids, proposal)   # only the proposals for this form
        decision.action_issue()
        self.assertEqual(decision.state, "issued")
        with self.assertRefused(UserError, "has been issued"):
            decision.name = "99/QĐ-CĐN"
        with self.assertRefused(UserError, "has been submitted"):
            proposal.line_ids[0].achievement = "Sửa sau khi gửi"
        self.assertEqual(proposal.state, "decided")
        self.assertEqual(decision.recipient_ids.member_id, self.member_a1 | self.member_a2)
        recipient = decision.recipient_ids.filtered(lambda r: r.member_id == self.member_a1)
        self.assertEqual(recipient.organization_id, self.unit_a)
        self.assertEqual(decision.recipient_ids.filtered(lambda r: r.member_id == self.member_a2).organization_id,
                         self.group_a)
        self.assertEqual(unit_proposal.state, "approved")

        # achievements over the years on the member's and the unit's forms
        self.assertEqual(self.member_a1.award_count, 1)
        action = self.unit_a.action_view_awards()
        self.assertEqual(self.env["union.award.recipient"].search(action["domain"]), decision.recipient_ids)
        self.assertEqual(self.env["union.award.recipient"].search(self.member_a1.action_view_awards()["domain"]),
                         recipient)

        # the same achievement cannot be rewarded twice (one achievement, one form)
        second = self._proposal([{"member_id": self.member_a1.id, "achievement": "Again"}],
                                title=self.env.ref("union_emulation.award_title_bang_khen_ldld_ca_nhan"))
        second.action_check_eligibility()
        self.assertIn("already been rewarded", second.line_ids.eligibility_note)

        # achievements: the member sees their own, officer B sees none
        mine = self.env["union.award.recipient"].with_user(self.user_portal_a1).search([])
        self.assertEqual(mine, recipient)
        self.assertFalse(self.env["union.award.recipient"].with_user(self.user_officer_b).search([]))
        self.assertEqual(self.env["union.award.recipient"].with_user(self.user_officer_a).search([]),
                         decision.recipient_ids)

        # certificate: QWeb PDF, one page per recipient, Vietnamese text
        report = self.env.ref("union_emulation.union_award_certificate_report")
        action = decision.action_print_certificates()
        self.assertEqual(action["report_name"], report.report_name)
        self.assertEqual(sorted(action["context"]["active_ids"]), sorted(decision.recipient_ids.ids))
        self.assertEqual(report.paperformat_id.orientation, "Landscape")
        self.assertEqual(report.paperformat_id.format, "A4")
        html, _fmt = report._render_qweb_html(report.report_name, recipient.ids)
        html = html.decode()
        self.assertIn("GIẤY KHEN", html)
        self.assertIn("Nguyễn Thị Lan", html)
        self.assertIn("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", html)
        self.assertIn("ngày 15 tháng 06 năm 2025", html)
        self.assertIn("25/QĐ-CĐN", html)
        # wkhtmltopdf warns that this build ignores header/footer switches: not our concern
        with mute_logger("odoo.addons.base.models.ir_actions_report"):
            pdf, fmt = report.with_context(force_report_rendering=True)._render_qweb_pdf(
                report.report_name, decision.recipient_ids.ids)
        self.assertEqual(fmt, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        self.assertEqual(len(re.findall(rb"/Type\s*/Page(?!s)", pdf)), 2)   # one page per recipient

        # revocation needs a reason; the officer of the unit cannot revoke
        with self.assertRaises(AccessError):
            recipient.with_user(self.user_officer_a).action_open_revoke_wizard()
            self.env["union.award.revoke.wizard"].with_user(self.user_officer_a).create(
                {"recipient_ids": [(6, 0, recipient.ids)], "reason": "x"})
        wizard = Form(self.env["union.award.revoke.wizard"].with_user(self.user_upper).with_context(
            default_recipient_ids=recipient.ids))
        wizard.reason = "Thành tích không trung thực"
        wizard.save().action_revoke()
        self.assertEqual(recipient.state, "revoked")
        self.assertEqual(recipient.revoke_reason, "Thành tích không trung thực")
        with self.assertRefused(UserError, "already revoked"):
            recipient.with_user(self.user_upper)._revoke("again")

    def test_decision_level_check(self):
        with self.assertRefused(ValidationError, "cannot grant"):
            self.env["union.award.decision"].create({
                "name": "1/QĐ-CĐCS", "organization_id": self.unit_a.id,
                "award_title_id": self.form_gk_upper.id, "year": "2025", "signer_name": "A"})

    def test_federation_grants_upper_level_titles_from_law_97(self):
        """From 1 July 2025 a provincial federation is a union above the grassroots (Law
        97/2025/QH15): it grants the upper level's certificates; before, it did not."""
        Decision = self.env["union.award.decision"]
        vals = {"name": "2/QĐ-LĐLĐ", "organization_id": self.federation.id,
                "award_title_id": self.form_gk_upper.id, "year": "2025", "signer_name": "A"}
        with self.assertRefused(ValidationError, "cannot grant"):
            Decision.create(dict(vals, date=date(2025, 6, 30)))
        self.assertTrue(Decision.create(dict(vals, date=date(2025, 7, 1))))

    def test_collective_line_needs_unit(self):
        with self.assertRefused(ValidationError, "collectives"):
            self._proposal([{"member_id": self.member_a1.id, "achievement": "x"}], title=self.form_gk_upper_unit)
