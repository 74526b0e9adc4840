from odoo import api, fields, models
from odoo.exceptions import UserError

from ..rules.lifecycle import MEMBER_STATES


class UnionMemberTransferWizard(models.TransientModel):
    _name = "union.member.transfer.wizard"
    _description = "Transfer Members between Units"
    _inherit = ["union.reference.check.mixin"]
    # to_organization_id is a transfer's destination: any unit in operation (checked below)
    _union_checked_references = ("from_organization_id", "member_ids")

    from_organization_id = fields.Many2one("union.organization", string="From Unit", required=True)
    include_subunits = fields.Boolean(string="Include Sub-units", default=True)
    member_ids = fields.Many2many(
        "union.member", string="Members",
        help="Leave empty to transfer every current member of the unit.")
    to_organization_id = fields.Many2one("union.organization", string="To Unit", required=True,
                                         domain=[("state", "=", "active")],
                                         context={"union_transfer_destination": True})
    date = fields.Date(required=True, default=fields.Date.context_today)
    reason = fields.Text()
    decision_ref = fields.Char(string="Decision")
    count = fields.Integer(compute="_compute_count", string="Members to Transfer")

    @api.model
    def _check_union_references(self, vals):
        res = super()._check_union_references(vals)
        if not self.env.su and vals.get("to_organization_id"):
            self.env["union.organization"]._check_transfer_destination(vals["to_organization_id"])
        return res

    @api.depends("from_organization_id", "include_subunits", "member_ids")
    def _compute_count(self):
        for wizard in self:
            wizard.count = len(wizard._get_members())

    def _get_members(self):
        if self.member_ids:
            return self.member_ids
        if not self.from_organization_id:
            return self.env["union.member"]
        units = (self.from_organization_id._get_subtree() if self.include_subunits
                 else self.from_organization_id)
        return self.env["union.member"].search([
            ("organization_id", "in", units.ids), ("state", "in", MEMBER_STATES)])

    def action_transfer(self):
        self.ensure_one()
        members = self._get_members().filtered(lambda m: m.organization_id != self.to_organization_id)
        if not members:
            raise UserError(self.env._("There is no member to transfer."))
        self.env["union.member.event"].create([{
            "member_id": member.id, "event_type": "transfer", "date": self.date,
            "organization_id": self.to_organization_id.id, "reason": self.reason,
            "decision_ref": self.decision_ref,
        } for member in members])
        return {"type": "ir.actions.act_window_close"}
