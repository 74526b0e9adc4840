from odoo import api, fields, models
from odoo.exceptions import ValidationError


class UnionEmulationRegistration(models.Model):
    """A unit (for a collective title) or a member (individual title) registers for a movement."""

    _name = "union.emulation.registration"
    _description = "Emulation Registration"
    _inherit = ["union.reference.check.mixin"]
    _union_checked_references = ("movement_id", "member_id", "organization_id")
    _order = "movement_id desc, organization_id, id"
    _rec_name = "movement_id"

    movement_id = fields.Many2one(
        "union.emulation.movement", required=True, index=True, ondelete="cascade")
    registrant_type = fields.Selection(
        [("unit", "Unit"), ("member", "Member")], required=True, default="member")
    member_id = fields.Many2one("union.member", index=True, ondelete="cascade")
    organization_id = fields.Many2one(
        "union.organization", string="Unit", required=True, index=True,
        help="The registering unit, or the member's unit at registration.")
    award_title_id = fields.Many2one(
        "union.award.title", string="Title Aimed At",
        domain="[('kind', '=', 'title')]")
    date_registered = fields.Date(default=fields.Date.context_today, required=True)
    state = fields.Selection(
        [("registered", "Registered"), ("withdrawn", "Withdrawn")], default="registered", required=True)
    note = fields.Text(string="Commitment")

    @api.onchange("member_id")
    def _onchange_member_id(self):
        if self.member_id:
            self.organization_id = self.member_id.organization_id

    @api.model_create_multi
    def create(self, vals_list):
        members = self.env["union.member"].browse(
            [vals["member_id"] for vals in vals_list if vals.get("member_id")])
        # sudo: a portal member may not read the unit record itself; only its id is copied
        unit_of = {m.id: m.organization_id.id for m in members.sudo()}
        today = fields.Date.context_today(self)
        for vals in vals_list:
            if not self.env.su:
                # the registration date is the day it is made: nobody backdates past the deadline
                vals["date_registered"] = today
            if vals.get("member_id"):
                # a member registers in their own unit, whatever unit the caller named
                vals["registrant_type"] = "member"
                vals["organization_id"] = unit_of.get(vals["member_id"])
        return super().create(vals_list)

    @api.constrains("movement_id", "member_id", "organization_id", "registrant_type", "state", "date_registered")
    def _check_registration(self):
        regs = self.sudo()  # sudo: the checks read the movement's units and other units' registrations
        targets = {movement: movement._get_target_units() for movement in regs.movement_id}
        # every other live registration of the same movements, in one query
        others = self.sudo().search_read(
            [("id", "not in", regs.ids), ("movement_id", "in", regs.movement_id.ids), ("state", "=", "registered")],
            ["movement_id", "registrant_type", "member_id", "organization_id"])
        taken = {(o["movement_id"][0], o["registrant_type"],
                  o["member_id"][0] if o["registrant_type"] == "member" else o["organization_id"][0])
                 for o in others}
        for reg in regs:
            movement = reg.movement_id
            if movement.state != "launched":
                raise ValidationError(self.env._(
                    "Movement %(movement)s is not open for registration.", movement=movement.name))
            if reg.date_registered > movement.registration_deadline:
                raise ValidationError(self.env._(
                    "Registration for %(movement)s closed on %(deadline)s; %(date)s is too late.",
                    movement=movement.name, deadline=movement.registration_deadline.strftime("%d/%m/%Y"),
                    date=reg.date_registered.strftime("%d/%m/%Y")))
            if reg.registrant_type == "member" and not reg.member_id:
                raise ValidationError(self.env._("A member registration needs a member."))
            if reg.registrant_type == "unit" and reg.member_id:
                raise ValidationError(self.env._("A unit registration cannot name a member."))
            if reg.organization_id not in targets[movement]:
                raise ValidationError(self.env._(
                    "Unit %(unit)s is not covered by movement %(movement)s.",
                    unit=reg.organization_id.name, movement=movement.name))
            if reg.member_id and reg.member_id.state != "active":
                raise ValidationError(self.env._(
                    "Member %(member)s is not an active member and cannot register.", member=reg.member_id.name))
            if reg.state != "registered":
                continue
            key = (movement.id, reg.registrant_type,
                   reg.member_id.id if reg.registrant_type == "member" else reg.organization_id.id)
            if key in taken:
                raise ValidationError(self.env._(
                    "%(who)s is already registered for %(movement)s.",
                    who=reg.member_id.name or reg.organization_id.name, movement=movement.name))
            taken.add(key)

    def write(self, vals):
        # the rights first: a member (read only) is refused as such, before any check of the values
        self.check_access("write")
        if not self.env.su:
            vals = {key: value for key, value in vals.items() if key != "date_registered"}
        if vals.get("member_id"):
            # sudo: only the id of the member's unit is copied
            vals = dict(vals, registrant_type="member",
                        organization_id=self.env["union.member"].browse(vals["member_id"]).sudo().organization_id.id)
        elif "organization_id" in vals and self.filtered("member_id"):
            raise ValidationError(self.env._("A member registration belongs to the member's own unit."))
        if "date_registered" not in vals and {"movement_id", "member_id", "organization_id", "state"} & set(vals):
            # any change to a registration is itself a registration act: it must happen before the deadline
            vals = dict(vals, date_registered=fields.Date.context_today(self))
        return super().write(vals)

    def action_withdraw(self):
        self.write({"state": "withdrawn"})
