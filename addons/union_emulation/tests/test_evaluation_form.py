from odoo import api
from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from .common import EmulationCommon

#: what the web client asks for when it opens a new evaluation (the form view's fields)
FORM_SPEC = {
    "name": {}, "state": {}, "year": {}, "self_total": {}, "reviewed_total": {}, "classification": {},
    "rank": {}, "reviewer_id": {"fields": {"display_name": {}}}, "date_approved": {}, "review_note": {},
    "organization_id": {"fields": {"display_name": {}}},
    "criterion_id": {"fields": {"display_name": {}}},
    "line_ids": {"fields": {
        "group": {}, "name": {}, "max_points": {}, "self_score": {}, "self_comment": {},
        "reviewed_score": {}, "review_comment": {}, "item_id": {"fields": {"display_name": {}}},
    }},
}


@tagged("post_install", "-at_install")
class TestEvaluationNewYear(EmulationCommon):
    """A unit self-scores a new year from the backend form (issue 14: the onchange of a new
    evaluation crashed on its empty scoring template)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.criterion_new = cls.criterion.copy({"year": "2026-2027", "name": "Thang điểm 2026-2027"})
        cls.Evaluation = cls.env["union.emulation.evaluation"]

    def test_form_as_grassroots_officer(self):
        """The officer of one unit gets their unit, the latest template and its items at once."""
        with Form(self.Evaluation.with_user(self.user_officer_a)) as form:
            self.assertEqual(form.organization_id, self.unit_a)
            self.assertEqual(form.criterion_id, self.criterion_new)
            self.assertEqual(len(form.line_ids), len(self.criterion_new.item_ids))
            with form.line_ids.edit(0) as line:
                line.self_score = 5
                line.self_comment = "Đã tổ chức hội nghị người lao động"
            self.assertEqual(form.self_total, 5)
        evaluation = form.record
        self.assertEqual(evaluation.year, "2026-2027")
        self.assertEqual(evaluation.state, "draft")
        self.assertEqual(len(evaluation.line_ids), len(self.criterion_new.item_ids))
        self.assertEqual(evaluation.self_total, 5)
        evaluation.with_user(self.user_officer_a).action_submit()
        self.assertEqual(evaluation.state, "submitted")

    def test_form_without_default_unit(self):
        """A user managing no single grassroots unit opens an empty form: no crash, the template
        follows the unit chosen."""
        with Form(self.Evaluation.with_user(self.user_upper)) as form:
            self.assertFalse(form.organization_id)
            self.assertFalse(form.criterion_id)
            self.assertEqual(form.self_total, 0)
            form.organization_id = self.unit_a
            self.assertEqual(form.criterion_id, self.criterion_new)
            self.assertTrue(form.line_ids)

    def test_web_client_onchange(self):
        """The call the web client makes when "New" is clicked, then when the unit is chosen."""
        model = self.Evaluation.with_user(self.user_upper)
        result = api.call_kw(model, "onchange", [[], {}, [], FORM_SPEC], {})
        self.assertFalse(result["value"].get("classification"))
        values = {"organization_id": self.unit_a.id, "criterion_id": False, "line_ids": []}
        result = api.call_kw(model, "onchange", [[], values, ["organization_id"], FORM_SPEC], {})
        self.assertEqual(result["value"]["criterion_id"]["id"], self.criterion_new.id)
        created = [command for command in result["value"]["line_ids"] if command[0] == 0]
        self.assertEqual(len(created), len(self.criterion_new.item_ids))
        # the officer of the unit, with their default unit
        result = api.call_kw(self.Evaluation.with_user(self.user_officer_a), "onchange",
                             [[], {}, [], FORM_SPEC], {})
        self.assertEqual(result["value"]["organization_id"]["id"], self.unit_a.id)

    def test_items_of_another_template_refused(self):
        other_item = self.env.ref("union_emulation.criterion_2024_2025_non_public").item_ids[0]
        with self.assertRefused(ValidationError, "is not part of the scoring template"):
            self.Evaluation.with_user(self.user_officer_a).create({
                "organization_id": self.unit_a.id, "criterion_id": self.criterion_new.id,
                "line_ids": [(0, 0, {"item_id": other_item.id, "self_score": 1})]})
