from odoo import fields, models


class UnionEmulationCriterionItem(models.Model):
    _inherit = "union.emulation.criterion.item"

    union_training_evidence = fields.Boolean(
        string="Training Figures as Evidence",
        help="The unit's training figures of the year (classes, attendance, members trained in "
             "digital skills) are attached to this item as evidence.")
