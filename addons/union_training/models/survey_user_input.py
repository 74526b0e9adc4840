from odoo import api, fields, models


class SurveyUserInput(models.Model):
    """A member's answers (a course certification, a contest) carry the member's unit, so
    that the union's record rule keeps them to the officers over that unit."""

    _inherit = "survey.user_input"

    union_organization_id = fields.Many2one(
        "union.organization", string="Member's Unit", index=True, readonly=True)

    @api.model_create_multi
    def create(self, vals_list):
        partner_ids = [vals["partner_id"] for vals in vals_list if vals.get("partner_id")]
        if partner_ids:
            members = self.env["union.member"].sudo().search([("partner_id", "in", partner_ids)])
            unit_of = {member.partner_id.id: member.organization_id.id for member in members}
            for vals in vals_list:
                if vals.get("partner_id") in unit_of:
                    vals.setdefault("union_organization_id", unit_of[vals["partner_id"]])
        return super().create(vals_list)
