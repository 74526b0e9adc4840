from datetime import date

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..rules.lifecycle import MEMBER_STATES

#: units 100% state-funded or below 10% self-financing ended on this day (Conclusion 157-KL/TW,
#: dispatch 4181/TLĐ-TC; DOMAIN.md §1)
STATE_FUNDED_END = date(2025, 6, 1)


class UnionOrganizationDissolveWizard(models.TransientModel):
    _name = "union.organization.dissolve.wizard"
    _description = "Dissolve a Union Unit"
    _inherit = ["union.reference.check.mixin"]
    # target_id receives the members by transfer: any unit in operation (checked below)
    _union_checked_references = ("organization_id",)

    organization_id = fields.Many2one("union.organization", string="Unit", required=True)
    date = fields.Date(string="Dissolved On", required=True, default=fields.Date.context_today)
    reason = fields.Text(required=True)
    decision_ref = fields.Char(string="Decision")
    target_id = fields.Many2one(
        "union.organization", string="Move Members To", domain=[("state", "=", "active")],
        context={"union_transfer_destination": True},
        help="Leave empty to end the membership of the unit's members on the dissolution date.")
    member_count = fields.Integer(related="organization_id.member_count_total")
    reason_kind = fields.Selection(
        [("state_funded_2025", "Fully state-funded or below 10% self-financing: ended 1 June 2025"),
         ("other", "Other reason")], string="Why", default="other", required=True)
    settlement = fields.Html(compute="_compute_settlement", sanitize=False, string="To Settle")

    @api.onchange("reason_kind")
    def _onchange_reason_kind(self):
        if self.reason_kind == "state_funded_2025":
            self.date = STATE_FUNDED_END
            self.reason = self.env._(
                "Unit 100%% state-funded or below 10%% self-financing: ended on 1 June 2025 "
                "(Conclusion 157-KL/TW, dispatch 4181/TLĐ-TC).")

    @api.depends("organization_id", "date", "reason_kind")
    def _compute_settlement(self):
        for wizard in self:
            lines = wizard.organization_id._union_dissolution_settlement(wizard.date) \
                if wizard.organization_id and wizard.date else []
            wizard.settlement = Markup("<ul>%s</ul>") % Markup("").join(
                Markup("<li>%s</li>") % line for line in lines) if lines else False

    @api.model
    def _check_union_references(self, vals):
        res = super()._check_union_references(vals)
        if not self.env.su and vals.get("target_id"):
            self.env["union.organization"]._check_transfer_destination(vals["target_id"])
        return res

    def action_dissolve(self):
        """End the unit and its sub-units; its members are moved or their membership ends."""
        self.ensure_one()
        units = self.organization_id._get_subtree().filtered(lambda u: u.state == "active")
        if self.target_id and self.target_id in units:
            raise UserError(self.env._("The members cannot be moved into a unit that is being dissolved."))
        members = self.env["union.member"].search([
            ("organization_id", "in", units.ids), ("state", "in", MEMBER_STATES)])
        if self.target_id:
            vals = {"event_type": "transfer", "organization_id": self.target_id.id}
        else:
            vals = {"event_type": "dissolution"}
        self.env["union.member.event"].create([dict(
            vals, member_id=member.id, date=self.date, reason=self.reason,
            decision_ref=self.decision_ref) for member in members])
        units.write({"state": "dissolved", "date_ended": self.date,
                     "end_reason": self.reason})
        # a logged note, not a message_post: a note needs no sender e-mail address (an officer
        # may have none) and notifies nobody; one batch for the whole subtree
        body = self.env._(
            "Unit dissolved on %(date)s (%(decision)s): %(reason)s",
            date=self.date.strftime("%d/%m/%Y"), decision=self.decision_ref or "-", reason=self.reason)
        units._message_log_batch({unit.id: body for unit in units})
        return {"type": "ir.actions.act_window_close"}
