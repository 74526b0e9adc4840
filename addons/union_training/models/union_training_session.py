from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class UnionTrainingSession(models.Model):
    """A session of a class or meeting (Odoo's events have none): a date, a time and a
    place, with the attendance of each registration."""

    _name = "union.training.session"
    _description = "Class or Meeting Session"
    _order = "date_begin, id"

    event_id = fields.Many2one("event.event", string="Class or Meeting", required=True,
                               ondelete="cascade", index=True)
    union_organization_id = fields.Many2one(related="event_id.union_organization_id", store=True,
                                            index=True, string="Organising Unit")
    name = fields.Char(string="Session", required=True)
    date_begin = fields.Datetime(string="Start", required=True)
    date_end = fields.Datetime(string="End", required=True)
    place = fields.Char(help="Room and address, or leave empty for an online session.")
    online_url = fields.Char(string="Online Link")
    attendance_ids = fields.One2many("union.training.attendance", "session_id", string="Attendance")
    attended_count = fields.Integer(compute="_compute_attended_count", string="Present")

    @api.constrains("date_begin", "date_end")
    def _check_dates(self):
        for session in self:
            if session.date_end < session.date_begin:
                raise ValidationError(self.env._(
                    "The session %(session)s ends before it starts.", session=session.name))

    @api.depends("attendance_ids")
    def _compute_attended_count(self):
        counts = dict(self.env["union.training.attendance"]._read_group(
            [("session_id", "in", self.ids)], ["session_id"], ["__count"]))
        for session in self:
            session.attended_count = counts.get(session, 0)

    def action_open_attendance(self):
        self.ensure_one()
        return {"type": "ir.actions.act_window", "res_model": self._name, "res_id": self.id,
                "view_mode": "form", "target": "current"}

    def action_check_in(self, barcode):
        """Record the arrival of the holder of ``barcode`` (the attendee barcode of Odoo's
        events) at this session; a second check-in is refused."""
        self.ensure_one()
        registration = self.env["event.registration"].search(
            [("barcode", "=", (barcode or "").strip()), ("event_id", "=", self.event_id.id)], limit=1)
        if not registration:
            raise UserError(self.env._(
                "The code %(code)s is not a registration of %(event)s.",
                code=barcode, event=self.event_id.name))
        return registration._union_check_in(self)


