from markupsafe import Markup, escape

from odoo import fields, models
from odoo.exceptions import UserError


class EventEvent(models.Model):
    _inherit = "event.event"

    union_invitation_id = fields.Many2one(
        "union.document", string="Invitation", readonly=True, copy=False, index=True,
        help="The invitation (giấy mời) sent to the units concerned, as an outgoing document of "
             "the organising unit.")

    def action_union_prepare_invitation(self):
        """A draft outgoing invitation of the organising unit to the units with places (or
        the units directly below it), listing the sessions and the places per unit; the
        officer completes, registers and distributes it as any outgoing document."""
        self.ensure_one()
        if not self.union_organization_id:
            raise UserError(self.env._("Set the organising unit of %(event)s first.", event=self.name))
        if not self.union_invitation_id:
            recipients = self.union_seat_ids.organization_id or self.union_organization_id.child_ids
            self.union_invitation_id = self.env["union.document"].create({
                "direction": "outgoing",
                "organization_id": self.union_organization_id.id,
                "type_id": self.env.ref("union_documents.union_document_type_giay_moi").id,
                "subject": self.env._("Invitation to %(event)s", event=self.name),
                "body": self._union_invitation_body(),
                "recipient_organization_ids": [(6, 0, recipients.ids)],
            })
        return {"type": "ir.actions.act_window", "res_model": "union.document",
                "res_id": self.union_invitation_id.id, "view_mode": "form", "target": "current"}

    def _union_invitation_body(self):
        lang_date = "%d/%m/%Y %H:%M"
        sessions = Markup("").join(
            Markup("<li>%s: %s – %s%s</li>") % (
                session.name,
                fields.Datetime.context_timestamp(self, session.date_begin).strftime(lang_date),
                fields.Datetime.context_timestamp(self, session.date_end).strftime("%H:%M"),
                (", " + session.place) if session.place else "")
            for session in self.union_session_ids)
        places = Markup("").join(
            Markup("<li>%s: %s</li>") % (seat.organization_id.name, seat.places)
            for seat in self.union_seat_ids)
        body = Markup("<p>%s</p><ul>%s</ul>") % (
            self.env._("%(unit)s invites the units below to %(event)s. Sessions:",
                       unit=self.union_organization_id.name, event=self.name), sessions)
        if places:
            body += Markup("<p>%s</p><ul>%s</ul>") % (self.env._("Places per unit:"), places)
        body += Markup("<p>%s</p>") % escape(self.env._(
            "Members register on their portal page Training and meetings."))
        return body
