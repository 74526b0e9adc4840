from odoo import api, fields, models


class SurveyUserInput(models.Model):
    """A member's answers (a course certification, a contest) carry the member's unit, so
    that the union's record rule keeps them to the officers over that unit."""

    _inherit = "survey.user_input"

    union_organization_id = fields.Many2one(
        "union.organization", string="Member's Unit", index=True, readonly=True)

    @api.model_create_multi
    def create(self, vals_list):
        unit_of = self.env["union.member"]._union_unit_by_partner(
            {vals["partner_id"] for vals in vals_list if vals.get("partner_id")})
        for vals in vals_list:
            if vals.get("partner_id") in unit_of:
                vals.setdefault("union_organization_id", unit_of[vals["partner_id"]])
        return super().create(vals_list)
