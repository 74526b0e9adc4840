from odoo import api, fields, models
from odoo.exceptions import UserError


class EventRegistration(models.Model):
    _name = "event.registration"
    _inherit = ["event.registration", "union.reference.check.mixin"]
    _union_checked_references = ("event_id", "union_member_id")

    union_member_id = fields.Many2one("union.member", string="Member", index=True,
                                      ondelete="restrict")
    union_organization_id = fields.Many2one(
        "union.organization", string="Member's Unit", index=True, readonly=True,
        help="The member's unit when they registered: the unit the attendance counts for.")
    union_attendance_ids = fields.One2many("union.training.attendance", "registration_id",
                                           string="Sessions Attended")
    union_attendance_count = fields.Integer(compute="_compute_union_attendance_count", store=True,
                                            string="Sessions Attended Count")

    _sql_constraints = [
        ("union_member_once", "unique(event_id, union_member_id)",
         "This member is already registered."),
    ]

    @api.depends("union_attendance_ids")
    def _compute_union_attendance_count(self):
        counts = dict(self.env["union.training.attendance"].sudo()._read_group(
            [("registration_id", "in", self.ids)], ["registration_id"], ["__count"]))
        for registration in self:
            registration.union_attendance_count = counts.get(registration, 0)

    @api.model_create_multi
    def create(self, vals_list):
        members = self.env["union.member"].sudo().browse(
            [vals["union_member_id"] for vals in vals_list if vals.get("union_member_id")])
        unit_of = {member.id: member.organization_id.id for member in members}
        for vals in vals_list:
            if vals.get("union_member_id"):
                vals["union_organization_id"] = unit_of.get(vals["union_member_id"])
        registrations = super().create(vals_list)
        registrations._union_check_audience()
        registrations.event_id._union_check_places()
        return registrations

    def write(self, vals):
        res = super().write(vals)
        if "union_member_id" in vals or "event_id" in vals:
            self._union_check_audience()
        if {"state", "event_id", "union_member_id"} & set(vals):
            self.event_id._union_check_places()
        return res

    def _union_check_audience(self):
        """A member is registered only for a union event that is for them, whoever writes."""
        units_of = {}  # the event's units, read once per event (a subtree query)
        for registration in self.filtered("union_member_id"):
            event = registration.event_id
            if not event.union_organization_id:
                continue
            if event not in units_of:
                units_of[event] = event._union_units()
            member = registration.union_member_id.sudo()
            if member.organization_id not in units_of[event]:
                raise UserError(self.env._(
                    "%(event)s is not open to the members of %(unit)s.",
                    event=event.name, unit=member.organization_id.name))

    def _union_check_in(self, session):
        """Record this registration's presence at ``session`` (once) and confirm it as
        attended, as Odoo's registration desk does."""
        self.ensure_one()
        if self.state == "cancel":
            raise UserError(self.env._("The registration of %(name)s is cancelled.", name=self.name))
        if session.event_id != self.event_id:
            raise UserError(self.env._("%(name)s is not registered for %(event)s.",
                                       name=self.name, event=session.event_id.name))
        if self.union_attendance_ids.filtered(lambda a: a.session_id == session):
            raise UserError(self.env._(
                "%(name)s has already been checked in at %(session)s.",
                name=self.name, session=session.name))
        attendance = self.env["union.training.attendance"].create(
            {"session_id": session.id, "registration_id": self.id})
        if self.state != "done":
            self.action_set_done()
        return attendance

    @api.model
    def register_attendee(self, barcode, event_id):
        """Odoo's registration desk (barcode scan): also record the attendance at the
        session under way, so that a second scan at the same session is refused."""
        registration = self.search([("barcode", "=", barcode)], limit=1)
        # a union's classes and meetings only (Odoo's other events have no sessions, and a desk
        # user without a union role may not read sessions)
        session = registration.event_id.union_organization_id and registration.event_id.union_session_ids.filtered(
            lambda s: s.date_begin <= fields.Datetime.now() <= s.date_end)[:1]
        if registration and session and registration.state in ("open", "done") \
                and (not event_id or registration.event_id.id == event_id):
            if registration.union_attendance_ids.filtered(lambda a: a.session_id == session):
                res = registration._get_registration_summary()
                res["status"] = "already_registered"
                return res
            registration._union_check_in(session)
            res = registration._get_registration_summary()
            res["status"] = "confirmed_registration"
            return res
        return super().register_attendee(barcode, event_id)

    def _union_check_certificate(self):
        for registration in self:
            if not registration.union_attendance_count:
                raise UserError(self.env._(
                    "%(name)s attended no session of %(event)s: there is no certificate to print.",
                    name=registration.name, event=registration.event_id.name))

    def action_union_print_certificate(self):
        self._union_check_certificate()
        return self.env.ref("union_training.union_training_certificate_action").report_action(self)
