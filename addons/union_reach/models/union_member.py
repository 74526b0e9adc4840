from odoo import fields, models


class UnionMember(models.Model):
    _inherit = "union.member"

    national_code = fields.Char(
        string="National Member Code", copy=False, index=True, tracking=True,
        help="The member's code in VGCL's national member software, accepted from its export "
             "(Trade Union > Reach > National Register).")
