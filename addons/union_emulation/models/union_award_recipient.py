from odoo import api, fields, models
from odoo.exceptions import UserError


class UnionAwardRecipient(models.Model):
    """One reward granted by a decision: a member's or a unit's achievement."""

    _name = "union.award.recipient"
    _description = "Achievement (Reward Granted)"
    _inherit = ["union.reference.check.mixin"]
    _union_checked_references = ("member_id", "recipient_organization_id", "organization_id", "movement_id")
    _order = "date desc, id desc"

    decision_id = fields.Many2one("union.award.decision", required=True, index=True, ondelete="restrict")
    proposal_line_id = fields.Many2one("union.award.proposal.line", readonly=True)
    award_title_id = fields.Many2one(related="decision_id.award_title_id", store=True, index=True)
    kind = fields.Selection(related="award_title_id.kind", store=True)
    date = fields.Date(related="decision_id.date", store=True)
    member_id = fields.Many2one("union.member", index=True)
    recipient_organization_id = fields.Many2one("union.organization", string="Recipient Unit", index=True)
    organization_id = fields.Many2one(
        "union.organization", string="Unit", required=True, index=True,
        help="The recipient unit, or the member's unit when the reward was granted.")
    name = fields.Char(compute="_compute_name", store=True, string="Recipient")
    achievement = fields.Text()
    year = fields.Char(index=True)
    movement_id = fields.Many2one("union.emulation.movement", index=True)
    state = fields.Selection([("granted", "Granted"), ("revoked", "Revoked")], default="granted",
                             required=True, index=True)
    revoke_reason = fields.Text(readonly=True)
    date_revoked = fields.Date(readonly=True)

    @api.depends("member_id.name", "recipient_organization_id.name")
    def _compute_name(self):
        for recipient in self:
            recipient.name = recipient.member_id.name or recipient.recipient_organization_id.name

    def _revoke(self, reason):
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason for revoking the reward."))
        revoked = self.filtered(lambda r: r.state == "revoked")
        if revoked:
            raise UserError(self.env._("The reward of %(name)s is already revoked.", name=revoked[0].name))
        self.write({"state": "revoked", "revoke_reason": reason, "date_revoked": fields.Date.context_today(self)})
        for decision in self.decision_id:
            names = [r.name for r in self if r.decision_id == decision]
            decision.message_post(body=self.env._(
                "Reward revoked for %(names)s: %(reason)s", names=", ".join(names), reason=reason))

    def action_open_revoke_wizard(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": "union.award.revoke.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_recipient_ids": self.ids},
        }

    def _get_certificate_title(self):
        self.ensure_one()
        return dict(self.award_title_id._fields["certificate_type"].selection).get(
            self.award_title_id.certificate_type) if self.award_title_id.certificate_type != "none" else ""
