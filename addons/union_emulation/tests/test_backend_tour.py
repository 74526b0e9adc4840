from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from .common import EmulationCommon


class RoutineCommon(EmulationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a new school year to self-score, and the member registered for the movement
        cls.criterion_new = cls.criterion.copy({"year": "2026-2027", "name": "Thang điểm 2026-2027"})
        cls.env["union.emulation.registration"].create(
            {"movement_id": cls.movement.id, "member_id": cls.member_a1.id})


@tagged("post_install", "-at_install")
class TestEmulationRoutineTour(RoutineCommon, HttpCase):
    """Issue 14: the daily emulation routine in a browser, each step by the role that does it."""

    def test_routine(self):
        Evaluation = self.env["union.emulation.evaluation"]
        self.start_tour("/odoo/action-union_emulation.union_emulation_evaluation_action",
                        "union_emulation_self_score", login="t_officer_a")
        evaluation = Evaluation.search([("organization_id", "=", self.unit_a.id), ("year", "=", "2026-2027")])
        self.assertEqual(evaluation.state, "submitted")
        self.assertEqual(evaluation.self_total, 5)

        self.start_tour(f"/odoo/action-union_emulation.union_emulation_evaluation_action/{evaluation.id}",
                        "union_emulation_review", login="t_upper")
        self.assertEqual(evaluation.state, "approved")
        self.assertEqual(evaluation.reviewed_total, 4)
        self.assertEqual(evaluation.classification, "not_completed")
        self.assertEqual(evaluation.reviewer_id, self.user_upper)

        self.start_tour("/odoo/action-union_emulation.union_award_proposal_action",
                        "union_emulation_propose", login="t_officer_a")
        proposal = self.env["union.award.proposal"].search([("organization_id", "=", self.unit_a.id)])
        self.assertEqual(proposal.state, "submitted")
        self.assertEqual(proposal.line_ids.member_id, self.member_a1)
        self.assertEqual(proposal.year, self.movement.year)

        self.start_tour(f"/odoo/action-union_emulation.union_award_proposal_action/{proposal.id}",
                        "union_emulation_decide", login="t_upper")
        decision = self.env["union.award.decision"].search([("name", "=", "25/QĐ-CĐN")])
        self.assertEqual(decision.state, "issued")
        self.assertEqual(proposal.state, "decided")
        self.assertEqual(decision.year, self.movement.year)
        self.assertEqual(decision.recipient_ids.member_id, self.member_a1)
        # printing: the report, never the layout wizard; its page carries the member's name
        action = decision.with_user(self.user_upper).action_print_certificates()
        self.assertEqual(action["type"], "ir.actions.report")
        report = self.env.ref("union_emulation.union_award_certificate_report")
        html = report._render_qweb_html(report.report_name, decision.recipient_ids.ids)[0].decode()
        self.assertIn(self.member_a1.name, html)
        self.assertIn("GIẤY KHEN", html)


@tagged("post_install", "-at_install")
class TestRoutineAccess(RoutineCommon):
    """Who may do each step of the routine, through the ORM as an RPC call would."""

    def _evaluation(self):
        return self.env["union.emulation.evaluation"].with_user(self.user_officer_a).create(
            {"organization_id": self.unit_a.id, "criterion_id": self.criterion_new.id})

    def _proposal(self):
        return self.env["union.award.proposal"].with_user(self.user_officer_a).create({
            "organization_id": self.unit_a.id, "award_title_id": self.form_gk_upper.id,
            "movement_id": self.movement.id, "year": self.movement.year, "date_reference": self.movement.date_end,
            "line_ids": [(0, 0, {"member_id": self.member_a1.id, "achievement": "Dạy giỏi"})]})

    def _decision(self, user):
        return self.env["union.award.decision"].with_user(user).create({
            "name": "25/QĐ-CĐN", "organization_id": self.upper.id, "award_title_id": self.form_gk_upper.id,
            "movement_id": self.movement.id, "signer_name": "Phạm Văn Minh"})

    def test_self_scoring_and_review(self):
        evaluation = self._evaluation()
        evaluation.line_ids[0].self_score = 5
        evaluation.action_submit()
        # the grassroots officer cannot review, return or approve their own unit
        with self.assertRaises(AccessError):
            evaluation.line_ids[0].reviewed_score = 5
        for action in ("action_approve", "action_return"):
            with self.assertRaises(AccessError):
                getattr(evaluation, action)()
        # another unit's officer sees nothing of it, by any path
        other = self.env["union.emulation.evaluation"].with_user(self.user_officer_b)
        self.assertFalse(other.search_read([("id", "=", evaluation.id)], ["name"]))
        self.assertFalse(other.read_group([("organization_id", "=", self.unit_a.id)], ["self_total:sum"], []
                                          )[0]["__count"])
        with self.assertRaises(AccessError):
            evaluation.with_user(self.user_officer_b).action_approve()
        # the member sees it once approved, and cannot score it
        with self.assertRaises(AccessError):
            self.env["union.emulation.evaluation"].with_user(self.user_portal_a1).create(
                {"organization_id": self.unit_a.id, "criterion_id": self.criterion.id})
        # the upper level reviews and classifies
        review = evaluation.with_user(self.user_upper)
        review.line_ids[0].reviewed_score = 4
        review.action_approve()
        self.assertEqual(evaluation.state, "approved")
        self.assertTrue(evaluation.classification)
        self.assertEqual(evaluation.with_user(self.user_portal_a1).search_read(
            [("id", "=", evaluation.id)], ["classification"])[0]["classification"], evaluation.classification)

    def test_proposal_decision_and_certificate(self):
        proposal = self._proposal()
        proposal.action_submit()
        # the proposing unit cannot vote, approve or decide for itself
        with self.assertRaises(AccessError):
            proposal.write({"council_size": 7, "votes_for": 7})
        with self.assertRaises(AccessError):
            proposal.action_review()
        with self.assertRaises(AccessError):
            self._decision(self.user_officer_a)
        # members and other units reach neither the proposal nor its candidates
        with self.assertRaises(AccessError):
            self.env["union.award.proposal"].with_user(self.user_portal_a1).search_read([], ["name"])
        self.assertFalse(self.env["union.award.proposal"].with_user(self.user_officer_b).search_read([], ["name"]))
        self.assertFalse(self.env["union.award.proposal.line"].with_user(self.user_officer_b).export_data(
            ["member_id", "achievement"])["datas"])
        # the upper level records the vote, approves and decides
        review = proposal.with_user(self.user_upper)
        review.write({"council_size": 7, "votes_for": 6, "votes_against": 1})
        review.action_review()
        review.action_approve()
        decision = self._decision(self.user_upper)
        decision.action_add_approved_proposals()
        decision.action_issue()
        self.assertEqual(decision.recipient_ids.member_id, self.member_a1)
        # the grassroots officer reads the decision of their member and prints the certificate
        as_officer = decision.with_user(self.user_officer_a)
        self.assertEqual(as_officer.read(["state"])[0]["state"], "issued")
        self.assertEqual(as_officer.action_print_certificates()["type"], "ir.actions.report")
        with self.assertRaises(AccessError):
            as_officer.write({"place": "Nơi khác"})
        # unit B's officer does not even see it
        self.assertFalse(self.env["union.award.decision"].with_user(self.user_officer_b).search([]))
        # the member reads their own reward only
        mine = self.env["union.award.recipient"].with_user(self.user_portal_a1).search([])
        self.assertEqual(mine, decision.recipient_ids)
