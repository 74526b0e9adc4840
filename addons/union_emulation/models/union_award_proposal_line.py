from odoo import api, fields, models
from odoo.exceptions import ValidationError


class UnionAwardProposalLine(models.Model):
    _name = "union.award.proposal.line"
    _description = "Proposed Candidate"
    _inherit = ["union.reference.check.mixin"]
    _union_checked_references = ("member_id", "recipient_organization_id")
    _order = "proposal_id, id"

    proposal_id = fields.Many2one("union.award.proposal", required=True, index=True, ondelete="cascade")
    organization_id = fields.Many2one(related="proposal_id.organization_id", store=True, index=True)
    award_title_id = fields.Many2one(related="proposal_id.award_title_id", store=True, index=True)
    year = fields.Char(related="proposal_id.year", store=True)
    member_id = fields.Many2one("union.member", index=True)
    recipient_organization_id = fields.Many2one("union.organization", string="Recipient Unit", index=True)
    achievement = fields.Text(required=True)
    absent_days = fields.Integer(string="Working Days Absent")
    maternity_days = fields.Integer(string="Of Which Maternity Leave")
    disciplined = fields.Boolean()
    eligible = fields.Boolean(readonly=True, copy=False)
    eligibility_reasons = fields.Json(
        readonly=True, copy=False,
        help="Why the candidate is not eligible, as codes of rules/eligibility.py with their figures "
             "([[code, params], ...]): the text is written in the reader's language when shown.")
    eligibility_note = fields.Text(string="Why Not Eligible", compute="_compute_eligibility_note")

    @api.model_create_multi
    def create(self, vals_list):
        self.env["union.award.proposal"].browse(
            {vals["proposal_id"] for vals in vals_list if vals.get("proposal_id")})._check_draft()
        return super().create(vals_list)

    def write(self, vals):
        if set(vals) - {"eligible", "eligibility_reasons"}:
            self.proposal_id._check_draft()
        return super().write(vals)

    def unlink(self):
        self.proposal_id._check_draft()
        return super().unlink()

    @api.depends("eligibility_reasons")
    @api.depends_context("lang")
    def _compute_eligibility_note(self):
        Proposal = self.env["union.award.proposal"]
        for line in self:
            line.eligibility_note = "; ".join(Proposal._eligibility_messages(line.eligibility_reasons or [])) or False

    @api.depends("member_id", "recipient_organization_id")
    def _compute_display_name(self):
        for line in self:
            line.display_name = line.member_id.name or line.recipient_organization_id.name or ""

    @api.constrains("member_id", "recipient_organization_id", "absent_days", "maternity_days")
    def _check_candidate(self):
        subtrees = {unit: unit._get_subtree() for unit in self.organization_id}
        for line in self:
            kind = line.proposal_id.recipient_type
            if kind == "individual" and (not line.member_id or line.recipient_organization_id):
                raise ValidationError(self.env._(
                    "%(title)s is for individuals: name a member on each line.", title=line.award_title_id.name))
            if kind == "collective" and (not line.recipient_organization_id or line.member_id):
                raise ValidationError(self.env._(
                    "%(title)s is for collectives: name a unit on each line.", title=line.award_title_id.name))
            if line.absent_days < 0 or line.maternity_days < 0 or line.maternity_days > line.absent_days:
                raise ValidationError(self.env._(
                    "%(who)s: the maternity days (%(maternity)s) are part of the days absent (%(absent)s).",
                    who=line.display_name, maternity=line.maternity_days, absent=line.absent_days))
            unit = line.member_id.sudo().organization_id or line.recipient_organization_id
            if unit not in subtrees[line.organization_id]:
                raise ValidationError(self.env._(
                    "%(who)s does not belong to the proposing unit %(unit)s.",
                    who=line.display_name, unit=line.organization_id.name))

    @api.constrains("member_id", "recipient_organization_id", "proposal_id")
    def _check_duplicate(self):
        """One live proposal per recipient, title, year and movement (checked in one query)."""
        # sudo: a duplicate may sit in another unit's proposal
        others = self.sudo().search_read([
            ("id", "not in", self.ids), ("award_title_id", "in", self.award_title_id.ids),
            ("year", "in", list(set(self.mapped("year")))), ("proposal_id.state", "!=", "rejected"),
            "|", ("member_id", "in", self.member_id.ids),
            ("recipient_organization_id", "in", self.recipient_organization_id.ids),
        ], ["award_title_id", "year", "member_id", "recipient_organization_id", "proposal_id"])
        movement_of = {p.id: p.movement_id.id for p in self.env["union.award.proposal"].sudo().browse(
            list({o["proposal_id"][0] for o in others}))}
        seen = {}
        for other in others:
            recipient = ("member", other["member_id"][0]) if other["member_id"] else \
                ("unit", other["recipient_organization_id"] and other["recipient_organization_id"][0])
            key = (other["award_title_id"][0], other["year"], movement_of[other["proposal_id"][0]], recipient)
            seen[key] = other["proposal_id"][1]
        for line in self:
            recipient = ("member", line.member_id.id) if line.member_id else \
                ("unit", line.recipient_organization_id.id)
            key = (line.award_title_id.id, line.year, line.proposal_id.movement_id.id or False, recipient)
            if key in seen:
                raise ValidationError(self.env._(
                    "%(who)s is already proposed for %(title)s %(year)s in proposal %(proposal)s.",
                    who=line.display_name, title=line.award_title_id.name, year=line.year,
                    proposal=seen[key]))
            seen[key] = line.proposal_id.name
