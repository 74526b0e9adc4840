from odoo import fields, models


class UnionOrganization(models.Model):
    _inherit = "union.organization"

    employer_ids = fields.Many2many(
        "res.partner", "union_organization_employer_rel", "organization_id", "partner_id",
        string="Employers",
        help="The employers whose workers are members of this unit: they declare and pay "
             "the 2% union fund to it.")
