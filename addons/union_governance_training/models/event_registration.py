from odoo import api, models
from odoo.exceptions import UserError


class EventRegistration(models.Model):
    _inherit = "event.registration"

    def action_set_done(self):
        res = super().action_set_done()
        # an attendee marked attended (the desk, the attendee list) is present at the congress;
        # a congress's event is its unit's: Odoo's other events (whose desk users may have no
        # union role) have no participants to look for
        union_registrations = self.filtered(lambda registration: registration.event_id.union_organization_id)
        if not union_registrations:
            return res
        participants = self.env["union.congress.participant"].search(
            [("registration_id", "in", union_registrations.ids), ("state", "!=", "present")])
        if participants:
            participants.action_check_in()
        return res

    @api.model
    def register_attendee(self, barcode, event_id):
        """Odoo's registration desk: the attendee of a congress's event is checked in to the
        congress (attendance, quorum) as the desk officer; a second scan, the badge of someone
        who is not a participant of this congress, or a congress not open for check-in are refused."""
        # sudo: only whether the desk's event is a congress's, so that a desk user without a union
        # role (no access to congresses) still checks in the attendees of Odoo's other events;
        # the congress's participants are then read as the desk user
        Congress = self.env["union.congress"].sudo()
        registration = self.search([("barcode", "=", barcode)], limit=1)
        desk_congress = Congress.search([("event_id", "=", event_id)], limit=1) if event_id else Congress
        if not desk_congress and not (registration and Congress.search_count(
                [("event_id", "=", registration.event_id.id)], limit=1)):
            return super().register_attendee(barcode, event_id)
        participant = self.env["union.congress.participant"].search(
            [("registration_id", "=", registration.id)], limit=1) if registration else False
        if not participant or registration.state == "cancel" \
                or (desk_congress and participant.congress_id != desk_congress):
            return {"error": "invalid_ticket"}
        res = registration._get_registration_summary()
        if participant.state == "present":
            res["status"] = "already_registered"
            return res
        try:
            with self.env.cr.savepoint():
                participant.action_check_in()
        except UserError:
            res["status"] = "not_ongoing_event"
            return res
        res["status"] = "confirmed_registration"
        return res
