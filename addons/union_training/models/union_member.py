from odoo import fields, models


class UnionMember(models.Model):
    _inherit = "union.member"

    union_registration_ids = fields.One2many(
        "event.registration", "union_member_id", string="Classes and Meetings",
        groups="union_membership.group_union_officer")
