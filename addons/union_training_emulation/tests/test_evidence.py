from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.union_emulation.tests.common import EmulationCommon


@tagged("post_install", "-at_install")
class TestTrainingEvidence(EmulationCommon):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.evaluation = cls.env["union.emulation.evaluation"].with_user(cls.user_officer_a).create({
            "organization_id": cls.unit_a.id, "criterion_id": cls.criterion.id})

    def test_figures_attached_to_the_items_that_take_them(self):
        evaluation = self.evaluation.with_user(self.user_officer_a)
        with self.assertRaisesRegex(UserError, "takes the training figures"):
            evaluation.action_union_attach_training_figures()
        item = self.criterion.item_ids[0]
        item.union_training_evidence = True
        evaluation.action_union_attach_training_figures()
        line = evaluation.line_ids.filtered(lambda line: line.item_id == item)
        self.assertEqual(len(line.evidence_ids), 1)
        self.assertTrue(line.evidence_ids.name.endswith("-2025.xlsx"), "school year 2024-2025 → 2025")
        self.assertIn("members trained in digital skills", line.self_comment)
        others = evaluation.line_ids - line
        self.assertFalse(others.evidence_ids)

    def test_officer_of_another_unit_cannot(self):
        self.criterion.item_ids[0].union_training_evidence = True
        with self.assertRaises(AccessError):
            self.evaluation.with_user(self.user_officer_b).action_union_attach_training_figures()
