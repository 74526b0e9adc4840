import secrets

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

PARTICIPANT_KINDS = [
    ("member", "Member (full members' congress)"),
    ("elected", "Elected delegate"),
    ("alternate", "Alternate delegate"),
    ("ex_officio", "Ex officio delegate"),
    ("invited", "Invited guest"),
]


class UnionCongressParticipant(models.Model):
    _name = "union.congress.participant"
    _description = "Congress Participant"
    _inherit = ["union.reference.check.mixin"]
    _union_checked_references = ("congress_id", "member_id", "origin_organization_id")
    _order = "congress_id, origin_organization_id, id"
    _rec_name = "member_id"

    congress_id = fields.Many2one("union.congress", required=True, index=True, ondelete="cascade")
    organization_id = fields.Many2one(related="congress_id.organization_id", store=True, index=True,
                                      string="Unit")
    member_id = fields.Many2one("union.member", string="Member", required=True, index=True, ondelete="restrict")
    partner_id = fields.Many2one(related="member_id.partner_id", string="Contact")
    origin_organization_id = fields.Many2one("union.organization", string="Represents",
                                             help="The sub-unit that elected or sends the delegate.")
    kind = fields.Selection(PARTICIPANT_KINDS, required=True, default="member")
    can_vote = fields.Boolean(string="Votes", compute="_compute_can_vote", store=True, readonly=False)
    state = fields.Selection(
        [("summoned", "Summoned"), ("present", "Present"), ("absent", "Absent")],
        default="summoned", required=True, index=True)
    absence_reason = fields.Char()
    checkin_time = fields.Datetime(string="Checked In At", readonly=True)
    alternate_rank = fields.Integer(
        readonly=True,
        help="The order in which the alternates elected by a sub-unit replace its absent official delegates.")
    replaces_id = fields.Many2one("union.congress.participant", string="Replaces", readonly=True, index=True,
                                  ondelete="set null", help="The absent official delegate this alternate replaces.")
    replaced_by_id = fields.Many2one("union.congress.participant", string="Replaced By", readonly=True,
                                     ondelete="set null")
    checkin_token = fields.Char(
        string="Check-in Code", readonly=True, copy=False, index=True, groups="union_membership.group_union_officer",
        default=lambda self: secrets.token_urlsafe(16))

    _sql_constraints = [
        ("member_unique", "unique(congress_id, member_id)", "A member takes part in a congress once."),
        ("token_unique", "unique(checkin_token)", "Check-in codes are unique."),
    ]

    @api.depends("kind", "replaces_id", "replaced_by_id")
    def _compute_can_vote(self):
        for participant in self:
            if participant.kind == "alternate":
                # an alternate votes once they replace an absent official delegate, who no longer does
                participant.can_vote = bool(participant.replaces_id)
            else:
                participant.can_vote = participant.kind != "invited" and not participant.replaced_by_id

    @api.constrains("kind", "origin_organization_id", "congress_id")
    def _check_allotment(self):
        for congress in self.filtered(lambda p: p.kind == "elected").congress_id:
            for allotment in congress.allotment_ids:
                if allotment.elected_count > allotment.seats:
                    raise ValidationError(self.env._(
                        "%(unit)s was allotted %(seats)s delegates to %(congress)s, not %(count)s.",
                        unit=allotment.sub_organization_id.name, seats=allotment.seats,
                        congress=congress.name, count=allotment.elected_count))

    def action_check_in(self):
        for participant in self:
            if participant.congress_id.state not in ("preparation", "in_session"):
                raise UserError(self.env._("%(congress)s is not open for check-in.",
                                           congress=participant.congress_id.name))
        self.filtered(lambda p: p.state != "present").write(
            {"state": "present", "checkin_time": fields.Datetime.now(), "absence_reason": False})
        return True

    @api.model_create_multi
    def create(self, vals_list):
        # the unit a participant represents is, unless given, the member's own unit
        missing = [vals for vals in vals_list if vals.get("member_id") and not vals.get("origin_organization_id")]
        if missing:
            # sudo: the members' contacts only, to find their units
            partner_of = {member.id: member.partner_id.id for member in self.env["union.member"].sudo().browse(
                {vals["member_id"] for vals in missing})}
            unit_of = self.env["union.member"]._union_unit_by_partner(set(partner_of.values()))
            for vals in missing:
                vals["origin_organization_id"] = unit_of.get(partner_of[vals["member_id"]])
        return super().create(vals_list)

    def action_replace_by_alternate(self):
        """The upper officer swaps an absent official delegate for the first alternate elected by
        the same sub-unit (one action, logged on the congress)."""
        self.ensure_one()
        self.check_access("write")
        if self.kind != "elected" or self.replaced_by_id:
            raise UserError(self.env._("%(name)s is not an official delegate who can be replaced.",
                                       name=self.member_id.name))
        if self.state != "absent":
            raise UserError(self.env._(
                "Mark %(name)s absent (with the reason) before an alternate replaces them.", name=self.member_id.name))
        if self.congress_id.state not in ("preparation", "in_session"):
            raise UserError(self.env._("%(congress)s is over: delegates are no longer replaced.",
                                       congress=self.congress_id.name))
        alternate = self.search([
            ("congress_id", "=", self.congress_id.id), ("kind", "=", "alternate"), ("replaces_id", "=", False),
            ("origin_organization_id", "=", self.origin_organization_id.id)], order="alternate_rank, id", limit=1)
        if not alternate:
            raise UserError(self.env._("%(unit)s has no alternate delegate left to replace %(name)s.",
                                       unit=self.origin_organization_id.name, name=self.member_id.name))
        alternate.replaces_id = self
        self.replaced_by_id = alternate
        self.congress_id._message_log(body=self.env._(
            "%(alternate)s, alternate delegate of %(unit)s, replaces %(official)s (absent: %(reason)s).",
            alternate=alternate.member_id.name, unit=self.origin_organization_id.name,
            official=self.member_id.name, reason=self.absence_reason or "-"))
        return True

    def action_mark_absent(self):
        self.write({"state": "absent", "checkin_time": False})
        return True

    def _get_checkin_code(self):
        """What the participant's QR code (portal, badge) holds: the check-in URL here; another
        addon may give another registration desk's code."""
        self.ensure_one()
        return self._get_checkin_url()

    def _get_checkin_url(self):
        self.ensure_one()
        base = self.get_base_url()
        return f"{base}/union/congress/checkin/{self.sudo().checkin_token}"
