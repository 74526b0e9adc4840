from odoo import fields, models

BODY_KINDS = [
    ("executive", "Executive Committee"),
    ("standing", "Standing Committee"),
    ("inspection", "Inspection Committee"),
]


class UnionPosition(models.Model):
    _name = "union.position"
    _description = "Union Officer Position"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, index=True)
    body_kind = fields.Selection(BODY_KINDS, string="Body", required=True)
    sequence = fields.Integer(default=10)
    is_chair = fields.Boolean(
        string="Heads the Unit",
        help="The chair of the executive committee: the post that may carry officer rights on the unit.")
    active = fields.Boolean(default=True)

    _sql_constraints = [("code_unique", "unique(code)", "The position code must be unique.")]
