from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.union_membership.rules.levels import LAW_97_2025


class UnionAwardDecision(models.Model):
    """A commendation decision: number, date, signer and the recipients it lists."""

    _name = "union.award.decision"
    _description = "Commendation Decision"
    _inherit = ["union.reference.check.mixin", "mail.thread", "mail.activity.mixin"]
    _union_checked_references = ("organization_id", "movement_id")
    _order = "date desc, id desc"

    name = fields.Char(string="Number", required=True, tracking=True, help="Number and symbol, e.g. 25/QĐ-CĐN.")
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    organization_id = fields.Many2one("union.organization", string="Issuing Unit", required=True, index=True,
                                      default=lambda self: self._default_organization_id())
    award_title_id = fields.Many2one("union.award.title", string="Title or Form", required=True)
    year = fields.Char(required=True, default=lambda self: str(fields.Date.context_today(self).year),
                       help="The year (or school year, e.g. 2024-2025) rewarded: the movement's, when one is chosen.")
    movement_id = fields.Many2one("union.emulation.movement")
    signer_name = fields.Char(string="Signer", required=True)
    signer_title = fields.Char(string="Signer's Position", required=True, default="CHỦ TỊCH")
    signing_mode = fields.Selection(
        [("tm", "TM. (on behalf of the committee)"), ("kt", "KT. (deputy signing)"), ("none", "Direct")],
        default="tm", required=True)
    place = fields.Char(string="Place of Issue")
    proposal_ids = fields.One2many("union.award.proposal", "decision_id", string="Proposals")
    recipient_ids = fields.One2many("union.award.recipient", "decision_id", string="Recipients")
    recipient_count = fields.Integer(compute="_compute_recipient_count")
    state = fields.Selection([("draft", "Draft"), ("issued", "Issued")], default="draft", required=True,
                             tracking=True)

    _sql_constraints = [
        ("number_unique", "unique(organization_id, name)", "This decision number is already used by the unit."),
    ]

    @api.model
    def _default_organization_id(self):
        """The officer's unit, when they manage exactly one."""
        units = self.env.user.union_organization_ids
        return units.id if len(units) == 1 else False

    def _creation_message(self):
        return self.env._("Commendation decision created")

    @api.depends("recipient_ids")
    def _compute_recipient_count(self):
        for decision in self:
            decision.recipient_count = len(decision.recipient_ids)

    @api.onchange("movement_id")
    def _onchange_movement_id(self):
        if self.movement_id:
            self.year = self.movement_id.year

    @api.onchange("organization_id")
    def _onchange_organization_id(self):
        """The place printed on certificates: the issuing unit's city, unless already written."""
        if self.organization_id and not self.place:
            self.place = self.organization_id._get_certificate_place()

    @api.constrains("award_title_id")
    def _check_not_state_title(self):
        for decision in self:
            if decision.award_title_id.state_title:
                raise ValidationError(self.env._(
                    "%(title)s is granted by the employer or a State body, not by the union: record it as a "
                    "State title achievement instead of deciding it.", title=decision.award_title_id.name))

    @api.constrains("organization_id", "award_title_id", "date")
    def _check_grant_level(self):
        for decision in self:
            level = decision.award_title_id.grant_level
            granting = {level}
            if level == "upper" and decision.date and decision.date >= LAW_97_2025:
                # from 1 July 2025 a provincial federation is itself a union above the
                # grassroots (công đoàn cấp trên cơ sở, Law 97/2025/QH15; DOMAIN.md §1)
                granting.add("federation")
            if level != "national" and decision.organization_id.level not in granting:
                raise ValidationError(self.env._(
                    "%(unit)s cannot grant %(title)s: it is granted at another level.",
                    unit=decision.organization_id.name, title=decision.award_title_id.name))

    @api.model_create_multi
    def create(self, vals_list):
        movements = self.env["union.emulation.movement"].browse(
            [vals["movement_id"] for vals in vals_list if vals.get("movement_id") and not vals.get("year")])
        year_of = {movement.id: movement.year for movement in movements}
        for vals in vals_list:
            if vals.get("movement_id") in year_of:
                # the year rewarded is the movement's, unless given (the form does the same on change)
                vals["year"] = year_of[vals["movement_id"]]
        return super().create(vals_list)

    def write(self, vals):
        locked = {"name", "date", "organization_id", "award_title_id", "year", "movement_id", "signer_name",
                  "signer_title", "signing_mode"}
        if locked & set(vals):
            issued = self.filtered(lambda d: d.state == "issued")
            if issued:
                raise UserError(self.env._(
                    "Decision %(name)s has been issued: its number, date, signer and title can no longer change.",
                    name=issued[0].name))
        return super().write(vals)

    def action_add_approved_proposals(self):
        """Attach the approved proposals for this title, in the issuing unit's sub-tree."""
        for decision in self:
            proposals = self.env["union.award.proposal"].search([
                ("state", "=", "approved"), ("decision_id", "=", False),
                ("award_title_id", "=", decision.award_title_id.id), ("year", "=", decision.year),
                ("organization_id", "child_of", decision.organization_id.id)])
            # sudo: the issuing officer attaches approved proposals of their sub-tree, which they may
            # not review themselves (their own unit's proposals are reviewed by the level above)
            proposals.sudo().write({"decision_id": decision.id})
        return True

    def _prepare_recipient_vals(self, line):
        return {
            "decision_id": self.id,
            "proposal_line_id": line.id,
            "member_id": line.member_id.id,
            "recipient_organization_id": line.recipient_organization_id.id,
            "organization_id": (line.member_id.sudo().organization_id or line.recipient_organization_id).id,
            "achievement": line.achievement,
            "year": self.year,
            "movement_id": self.movement_id.id or line.proposal_id.movement_id.id,
        }

    def action_issue(self):
        vals_list = []
        for decision in self:
            if decision.state != "draft":
                raise UserError(self.env._("Decision %(name)s was already issued.", name=decision.name))
            proposals = decision.proposal_ids
            if not proposals:
                raise UserError(self.env._("Decision %(name)s lists no approved proposal.", name=decision.name))
            title = decision.award_title_id
            wrong = proposals.filtered(lambda p, title=title: p.state != "approved" or p.award_title_id != title)
            if wrong:
                raise UserError(self.env._(
                    "Proposal %(proposal)s is not approved for %(title)s.", proposal=wrong[0].name,
                    title=decision.award_title_id.name))
            vals_list += [decision._prepare_recipient_vals(line)
                          for line in proposals.line_ids.filtered("eligible")]
        self.env["union.award.recipient"].create(vals_list)
        # sudo: see action_add_approved_proposals
        self.proposal_ids.sudo().write({"state": "decided"})
        self.write({"state": "issued"})
        return True

    def action_print_certificates(self):
        self.ensure_one()
        return self.env.ref("union_emulation.union_award_certificate_report").report_action(
            self.recipient_ids.filtered(lambda r: r.state == "granted"))
