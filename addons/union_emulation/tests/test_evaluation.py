import base64

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import EmulationCommon


@tagged("post_install", "-at_install")
class TestEvaluation(EmulationCommon):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.evaluation = cls.env["union.emulation.evaluation"].with_user(cls.user_officer_a).create({
            "organization_id": cls.unit_a.id, "criterion_id": cls.criterion.id})

    def _score(self, evaluation, field, points):
        """Give every item ``points`` percent of its maximum."""
        for line in evaluation.line_ids:
            line[field] = line.max_points * points / 100

    def test_template_data(self):
        self.assertEqual(self.criterion.max_total, 100)
        self.assertEqual(set(self.criterion.item_ids.mapped("group")), {"protection", "building", "communication"})
        other = self.env.ref("union_emulation.criterion_2024_2025_non_public")
        # the point scales differ by unit type
        self.assertNotEqual(self.criterion.item_ids.mapped("max_points"), other.item_ids.mapped("max_points"))

    def test_bad_thresholds_refused(self):
        with self.assertRefused(ValidationError, "thresholds"):
            self.criterion.threshold_good = 95

    def test_full_cycle_self_score_review_approve(self):
        evaluation = self.evaluation
        self.assertEqual(len(evaluation.line_ids), len(self.criterion.item_ids))
        self._score(evaluation, "self_score", 90)
        evidence = self.env["ir.attachment"].with_user(self.user_officer_a).create({
            "name": "bien-ban.pdf", "datas": base64.b64encode(b"%PDF-1.4 test")})
        evaluation.line_ids[0].evidence_ids = evidence
        self.assertAlmostEqual(evaluation.self_total, 90)
        self.assertFalse(evaluation.classification)
        evaluation.action_submit()
        self.assertEqual(evaluation.state, "submitted")
        self.assertAlmostEqual(evaluation.reviewed_total, 90)
        # the grassroots officer cannot review its own evaluation
        with self.assertRaises(AccessError):
            evaluation.line_ids[0].reviewed_score = 1
        with self.assertRaises(AccessError):
            evaluation.action_approve()
        # the upper level reviews item by item with comments
        review = evaluation.with_user(self.user_upper)
        line = review.line_ids[0]
        line.write({"reviewed_score": line.reviewed_score - 5, "review_comment": "Thiếu biên bản đối thoại"})
        self.assertAlmostEqual(review.reviewed_total, 85)
        self.assertEqual(review.classification, "good")
        review.action_approve()
        self.assertEqual(review.state, "approved")
        self.assertEqual(review.reviewer_id, self.user_upper)
        # approved: locked for everybody, even the reviewer and the admin
        for user in (self.user_officer_a, self.user_upper, self.user_admin):
            with self.assertRefused(UserError, "locked"):
                evaluation.with_user(user).line_ids[1].reviewed_score = 0
            with self.assertRefused(UserError, "locked"):
                evaluation.with_user(user).review_note = "x"
        self.assertAlmostEqual(evaluation.reviewed_total, 85)

    def test_score_above_max_refused_nothing_written(self):
        line = self.evaluation.line_ids[0]
        with self.assertRefused(ValidationError, "maximum"):
            self.evaluation.write({"line_ids": [
                    (1, self.evaluation.line_ids[1].id, {"self_score": 1}),
                    (1, line.id, {"self_score": line.max_points + 0.5})]})
        self.evaluation.invalidate_recordset()
        self.assertEqual(self.evaluation.line_ids[1].self_score, 0)
        with self.assertRaises(ValidationError):
            line.self_score = -1

    def test_form_self_scoring(self):
        with Form(self.evaluation.with_user(self.user_officer_a)) as form:
            with form.line_ids.edit(0) as line:
                line.self_score = 5
                line.self_comment = "Đã ký thỏa ước"
        self.assertEqual(self.evaluation.line_ids[0].self_score, 5)
        self.assertEqual(self.evaluation.self_total, 5)

    def test_self_score_frozen_after_submit(self):
        self.evaluation.action_submit()
        with self.assertRefused(UserError, "before the evaluation is submitted"):
            self.evaluation.line_ids[0].self_score = 3

    def test_wrong_template_and_duplicate_refused(self):
        with self.assertRefused(ValidationError, "another type of unit"):
            self.env["union.emulation.evaluation"].create({
                "organization_id": self.unit_b.id, "criterion_id": self.criterion.id})
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self.env["union.emulation.evaluation"].create({
                "organization_id": self.unit_a.id, "criterion_id": self.criterion.id})
            self.env.flush_all()

    def test_ranking_and_member_visibility(self):
        ev_a = self.evaluation
        self._score(ev_a, "self_score", 80)
        ev_b = self.env["union.emulation.evaluation"].create({
            "organization_id": self.unit_b.id,
            "criterion_id": self.env.ref("union_emulation.criterion_2024_2025_non_public").id})
        self._score(ev_b, "self_score", 92)
        both = (ev_a | ev_b).with_env(self.env)
        both.action_submit()
        both.with_user(self.user_upper).action_approve()
        ranking = self.env["union.emulation.evaluation"]._get_ranking("2024-2025")
        self.assertEqual([(rank, ev.organization_id) for rank, ev in ranking], [(1, self.unit_b), (2, self.unit_a)])
        self.assertEqual((ev_b.rank, ev_a.rank), (1, 2))
        self.assertEqual(ev_b.classification, "excellent")
        self.assertEqual(ev_a.classification, "good")
        # a member sees the approved result of their own unit only
        seen = self.env["union.emulation.evaluation"].with_user(self.user_portal_a1).search([])
        self.assertEqual(seen, ev_a)
        # officers see their unit only
        seen_b = self.env["union.emulation.evaluation"].with_user(self.user_officer_b).search([])
        self.assertEqual(seen_b, ev_b)

    def test_template_frozen_once_used_by_approved(self):
        criterion = self.criterion.copy({"year": "2030-2031"})
        evaluation = self.env["union.emulation.evaluation"].create(
            {"organization_id": self.unit_a.id, "criterion_id": criterion.id})
        criterion.threshold_good = 75     # not used by an approved evaluation yet
        evaluation.action_submit()
        evaluation.action_approve()
        with self.assertRefused(UserError, "copy it for changes"):
            criterion.threshold_good = 60
        with self.assertRefused(UserError, "copy it for changes"):
            criterion.item_ids[0].max_points = 50
        self.assertEqual(criterion.threshold_good, 75)

    def test_workflow_cannot_be_skipped(self):
        """Writing the state directly (as an RPC call could) goes through the same checks as the buttons."""
        evaluation = self.evaluation
        with self.assertRaises(AccessError):
            evaluation.write({"state": "submitted", "reviewer_id": self.user_officer_a.id})
        with self.assertRefused(UserError, "cannot go from Self-scoring to Approved"):
            evaluation.write({"state": "approved"})
        evaluation.write({"state": "submitted"})
        with self.assertRaises(AccessError):
            evaluation.write({"state": "approved"})
        created = self.env["union.emulation.evaluation"].with_user(self.user_officer_b).create({
            "organization_id": self.unit_b.id, "state": "approved",
            "criterion_id": self.env.ref("union_emulation.criterion_2024_2025_non_public").id})
        self.assertEqual(created.state, "draft")

    def test_member_does_not_see_unapproved(self):
        self.evaluation.action_submit()
        self.assertFalse(self.env["union.emulation.evaluation"].with_user(self.user_portal_a1).search([]))
