from odoo import api, fields, models


class UnionEmulationRegisterWizard(models.TransientModel):
    """An officer registers many members of their units for a movement at once (all or nothing)."""

    _name = "union.emulation.register.wizard"
    _description = "Register Members for a Movement"
    _inherit = ["union.reference.check.mixin"]
    _union_checked_references = ("movement_id", "member_ids")

    movement_id = fields.Many2one(
        "union.emulation.movement", required=True, domain="[('state', '=', 'launched')]")
    member_ids = fields.Many2many("union.member", string="Members", required=True,
                                  domain="[('state', '=', 'active')]")
    award_title_id = fields.Many2one(
        "union.award.title", string="Title Aimed At", domain="[('kind', '=', 'title'), "
                                                             "('recipient_type', '=', 'individual')]")
    note = fields.Text(string="Commitment")

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if self.env.context.get("active_model") == "union.member" and "member_ids" in fields_list:
            values["member_ids"] = [fields.Command.set(self.env.context.get("active_ids", []))]
        return values

    def _prepare_registration_vals(self):
        self.ensure_one()
        return [{"movement_id": self.movement_id.id, "member_id": member.id, "registrant_type": "member",
                 "award_title_id": self.award_title_id.id, "note": self.note} for member in self.member_ids]

    def action_register(self):
        self.ensure_one()
        registrations = self.env["union.emulation.registration"].create(self._prepare_registration_vals())
        action = self.movement_id.action_view_registrations()
        action["domain"] = [("id", "in", registrations.ids)]
        return action
