from odoo import api, fields, models
from odoo.exceptions import UserError

AUDIENCES = [("members", "Members"), ("officers", "Union Officers")]


class EventEvent(models.Model):
    """A class or meeting organised by a union unit for its members or officers (or
    those of the units below it), on Odoo's events."""

    _name = "event.event"
    _inherit = ["event.event", "union.reference.check.mixin"]
    _union_checked_references = ("union_organization_id",)

    union_organization_id = fields.Many2one(
        "union.organization", string="Organising Unit", index=True, ondelete="restrict",
        help="The union unit that organises the class or meeting; its officers manage it.")
    union_audience = fields.Selection(AUDIENCES, string="For", default="members")
    union_include_subtree = fields.Boolean(
        string="Open to the Units Below", default=True,
        help="The members (or officers) of the units below the organising unit may register.")
    union_session_ids = fields.One2many("union.training.session", "event_id", string="Sessions")
    union_seat_ids = fields.One2many("union.training.seat", "event_id", string="Places per Unit")
    union_digital_skills = fields.Boolean(
        compute="_compute_union_digital_skills", store=True, string="Digital Skills",
        help="Tagged as digital skills training: its attendees count as trained.")
    union_session_count = fields.Integer(compute="_compute_union_counts", string="Sessions Count")
    union_absent_count = fields.Integer(compute="_compute_union_counts", string="Absent")

    @api.depends("tag_ids.union_digital_skills")
    def _compute_union_digital_skills(self):
        for event in self:
            event.union_digital_skills = any(event.tag_ids.mapped("union_digital_skills"))

    @api.depends("union_session_ids", "registration_ids.union_attendance_count")
    def _compute_union_counts(self):
        for event in self:
            event.union_session_count = len(event.union_session_ids)
            event.union_absent_count = len(event.registration_ids.filtered(
                lambda r: r.state in ("open", "done") and not r.union_attendance_count))

    # -- who may come -------------------------------------------------------------------

    def _union_units(self):
        """The units whose members (or officers) the event is for."""
        self.ensure_one()
        unit = self.sudo().union_organization_id
        return unit._get_subtree() if self.union_include_subtree else unit

    def _union_refusal(self, member):
        """Why ``member`` may not register (a translated sentence), or "" if they may."""
        self.ensure_one()
        member = member.sudo()
        if not self.union_organization_id:
            return self.env._("%(event)s is not a union class or meeting.", event=self.name)
        if member.state != "active":
            return self.env._("Only active members may register for %(event)s.", event=self.name)
        if member.organization_id not in self._union_units():
            return self.env._("%(event)s is not open to the members of %(unit)s.",
                              event=self.name, unit=member.organization_id.name)
        if self.union_audience == "officers" and not member.user_id.sudo().has_group(
                "union_membership.group_union_officer"):
            return self.env._("%(event)s is for union officers.", event=self.name)
        if self.is_finished:
            return self.env._("%(event)s has ended.", event=self.name)
        if self.seats_limited and self.seats_available <= 0:
            return self.env._("%(event)s is full.", event=self.name)
        return ""

    def _union_registrations_of(self, unit):
        """How many live registrations members of ``unit`` (and below) hold."""
        self.ensure_one()
        units = unit.sudo()._get_subtree()
        return len(self.sudo().registration_ids.filtered(
            lambda r: r.state in ("draft", "open", "done") and r.union_organization_id in units))

    def _union_check_places(self):
        """Refuse more registrations of a unit than its places (the line of places of the
        closest unit above the member counts)."""
        for event in self.sudo().filtered("union_seat_ids"):
            for seat in event.union_seat_ids:
                taken = event._union_registrations_of(seat.organization_id)
                if taken > seat.places:
                    raise UserError(self.env._(
                        "%(unit)s has %(places)s places in %(event)s; %(taken)s are registered.",
                        unit=seat.organization_id.name, places=seat.places, event=event.name,
                        taken=taken))

    def _union_register_member(self, member):
        """Register ``member`` (as the member does on the portal): refused, with the reason,
        when the event is not for them; a second registration returns the first one."""
        self.ensure_one()
        Registration = self.env["event.registration"].sudo()
        existing = Registration.search([("event_id", "=", self.id),
                                        ("union_member_id", "=", member.id)], limit=1)
        if existing.state in ("draft", "open", "done"):
            return existing
        refusal = self._union_refusal(member)
        if refusal:
            raise UserError(refusal)
        if existing:  # cancelled before: registered again
            existing.action_confirm()
            self._union_check_places()
            return existing
        partner = member.sudo().partner_id
        return Registration.create({
            "event_id": self.id, "union_member_id": member.id, "partner_id": partner.id,
            "name": partner.name, "email": partner.email, "phone": partner.phone,
        })

    def action_union_view_absentees(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("event.event_registration_action")
        action.update({
            "name": self.env._("Absent from %(event)s", event=self.name),
            "domain": [("event_id", "=", self.id), ("state", "in", ("open", "done")),
                       ("union_attendance_count", "=", 0)],
            "context": {"default_event_id": self.id},
        })
        return action
