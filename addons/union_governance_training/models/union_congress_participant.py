from odoo import api, fields, models


class UnionCongressParticipant(models.Model):
    _inherit = "union.congress.participant"

    registration_id = fields.Many2one(
        "event.registration", string="Attendee", readonly=True, copy=False, index=True, ondelete="set null",
        help="The participant as an attendee of the congress's event: their badge and QR code.")

    _sql_constraints = [
        ("registration_unique", "unique(registration_id)", "An attendee is one congress participant."),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        participants = super().create(vals_list)
        participants.filtered(lambda p: p.congress_id.event_id)._union_sync_registration()
        return participants

    def unlink(self):
        registrations = self.registration_id
        res = super().unlink()
        registrations.filtered(lambda r: r.state != "cancel").action_cancel()
        return res

    def _union_sync_registration(self):
        """Participants of a congress with an event and no attendee yet become attendees (one
        create), stamped with their unit so that its officers see them."""
        todo = self.filtered(lambda p: p.congress_id.event_id and not p.registration_id)
        if not todo:
            return
        partners = todo.member_id.partner_id
        unit_of = self.env["union.member"]._union_unit_by_partner(partners.ids)
        registrations = self.env["event.registration"].create([{
            "event_id": participant.congress_id.event_id.id,
            "partner_id": participant.member_id.partner_id.id,
            "name": participant.member_id.name,
            "email": participant.member_id.partner_id.email,
            "union_organization_id": unit_of.get(participant.member_id.partner_id.id),
            "state": "open",
        } for participant in todo])
        for participant, registration in zip(todo, registrations):
            participant.registration_id = registration

    def _get_checkin_code(self):
        """The attendee's barcode, as on the badge Odoo prints: the registration desk reads it."""
        self.ensure_one()
        return self.registration_id.barcode or super()._get_checkin_code()

    def action_check_in(self):
        res = super().action_check_in()
        # sudo: the attendee follows the participant's check-in, whoever checks in (the desk
        # officer, or the officer's QR route) and whatever the event's rules
        self.sudo().registration_id.filtered(lambda r: r.state == "open").action_set_done()
        return res
