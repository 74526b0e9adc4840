from odoo import api, fields, models

CRITERION_GROUPS = [
    ("protection", "I. Representing and protecting members"),
    ("building", "II. Building the union"),
    ("communication", "III. Communication and other work"),
]


class UnionEmulationCriterionItem(models.Model):
    _name = "union.emulation.criterion.item"
    _description = "Emulation Scoring Item"
    _order = "criterion_id, group, sequence, id"

    criterion_id = fields.Many2one("union.emulation.criterion", required=True, index=True, ondelete="cascade")
    group = fields.Selection(CRITERION_GROUPS, string="Criterion Group", required=True)
    sequence = fields.Integer(default=10)
    code = fields.Char(required=True)
    name = fields.Char(required=True)
    max_points = fields.Float(required=True)

    _sql_constraints = [
        ("max_points_positive", "check(max_points > 0)", "The maximum points of an item must be positive."),
        ("code_unique", "unique(criterion_id, code)", "The code of an item must be unique in its template."),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        self.env["union.emulation.criterion"].browse(
            {vals["criterion_id"] for vals in vals_list if vals.get("criterion_id")})._check_not_used_by_approved()
        return super().create(vals_list)

    def write(self, vals):
        self.criterion_id._check_not_used_by_approved()
        return super().write(vals)

    def unlink(self):
        self.criterion_id._check_not_used_by_approved()
        return super().unlink()
