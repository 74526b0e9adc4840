from odoo import fields, models


class UnionEthnicity(models.Model):
    _name = "union.ethnicity"
    _description = "Ethnic Group"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=False)
    code = fields.Char(required=True, index=True)
    sequence = fields.Integer(default=10)
    is_minority = fields.Boolean(string="Ethnic Minority", default=True)
    active = fields.Boolean(default=True)

    _sql_constraints = [("code_unique", "unique(code)", "The ethnic group code must be unique.")]
