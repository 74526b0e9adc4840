from datetime import timedelta

from odoo import fields, models
from odoo.exceptions import UserError


class UnionCongress(models.Model):
    _inherit = "union.congress"
    _union_checked_references = ("organization_id", "term_id", "event_id")

    event_id = fields.Many2one(
        "event.event", string="Event (Registration Desk)", copy=False, index=True, ondelete="set null",
        help="The Odoo event of the congress: its participants are its attendees, and a scan of their "
             "badge at the event's registration desk checks them in to the congress.")
    event_registration_count = fields.Integer(related="event_id.seats_taken", string="Attendees")

    def write(self, vals):
        res = super().write(vals)
        if vals.get("event_id"):
            self.participant_ids._union_sync_registration()
        return res

    def action_create_event(self):
        """The congress's event, organised by its unit, with every participant as an attendee."""
        self.ensure_one()
        if self.event_id:
            raise UserError(self.env._("%(congress)s already has its event.", congress=self.name))
        if self.state not in ("preparation", "in_session"):
            raise UserError(self.env._("%(congress)s is over: it gets no event.", congress=self.name))
        self.event_id = self.env["event.event"].create(self._prepare_event_vals())
        return True

    def _prepare_event_vals(self):
        self.ensure_one()
        return {
            "name": self.name, "union_organization_id": self.organization_id.id,
            "union_include_subtree": True,
            "date_begin": self.date_start, "date_end": self.date_end or self.date_start + timedelta(days=1),
            # the congress summons its participants itself: none of Odoo's event e-mails
            "event_mail_ids": [(5, 0, 0)],
        }

    def action_open_event(self):
        self.ensure_one()
        return {"type": "ir.actions.act_window", "res_model": "event.event", "res_id": self.event_id.id,
                "view_mode": "form"}
