from odoo import api, fields, models
from odoo.exceptions import UserError

from ..rules.lifecycle import MEMBER_STATES


class UnionMemberTransferRequestWizard(models.TransientModel):
    """The member form's "Transfer" dialog (chuyển sinh hoạt): a transfer and nothing else.

    The receiving unit is any unit in operation, picked from the unit directory (name, code
    and parent). A unit the officer manages receives the members at once; any other unit
    gets a transfer request that its officer accepts.
    """

    _name = "union.member.transfer.request.wizard"
    _description = "Transfer to Another Unit"

    member_ids = fields.Many2many("union.member", string="Members", required=True)
    member_count = fields.Integer(compute="_compute_member_count")
    to_unit_id = fields.Many2one(
        "union.organization.directory", string="To Unit", required=True,
        help="Any unit in operation. A unit you do not manage receives the members once its "
             "officer accepts them.")
    date = fields.Date(required=True, default=fields.Date.context_today,
                       help="Date of the transfer, for a unit you manage; a request takes the date "
                            "the receiving unit accepts it.")
    decision_ref = fields.Char(string="Decision")
    decision_date = fields.Date()
    reason = fields.Text()
    needs_acceptance = fields.Boolean(compute="_compute_needs_acceptance")

    @api.depends("member_ids")
    def _compute_member_count(self):
        for wizard in self:
            wizard.member_count = len(wizard.member_ids)

    @api.depends("to_unit_id")
    def _compute_needs_acceptance(self):
        for wizard in self:
            wizard.needs_acceptance = bool(wizard.to_unit_id) and not wizard._target_is_managed()

    def _target(self):
        return self.env["union.organization"].browse(self.to_unit_id.id)

    def _target_is_managed(self):
        """True when the user may read the receiving unit, i.e. manages it (record rules)."""
        return self._target().has_access("read")

    def action_confirm(self):
        self.ensure_one()
        members = self.member_ids
        if not self.to_unit_id.active:
            raise UserError(self.env._("The receiving unit %(unit)s is not in operation.",
                                       unit=self.to_unit_id.name))
        not_current = members.filtered(lambda m: m.state not in MEMBER_STATES)
        if not_current:
            raise UserError(self.env._(
                "Only current members can be transferred: %(names)s.",
                names=", ".join(not_current[:10].mapped("name"))))
        target = self._target()
        members = members.filtered(lambda m: m.organization_id != target)
        if not members:
            raise UserError(self.env._("The members are already in %(unit)s.", unit=self.to_unit_id.name))
        if self._target_is_managed():
            decision = self.decision_ref or ""
            if decision and self.decision_date:
                decision = self.env._("%(ref)s of %(date)s", ref=decision,
                                      date=self.decision_date.strftime("%d/%m/%Y"))
            self.env["union.member.event"].create([{
                "member_id": member.id, "event_type": "transfer", "date": self.date,
                "organization_id": target.id, "reason": self.reason, "decision_ref": decision or False,
            } for member in members])
            return {"type": "ir.actions.act_window_close"}
        requests = self.env["union.member.transfer.request"].create([{
            "member_id": member.id, "to_organization_id": target.id, "reason": self.reason,
            "decision_ref": self.decision_ref, "decision_date": self.decision_date,
        } for member in members])
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "info",
                "title": self.env._("Transfer requested"),
                "message": self.env._(
                    "%(count)s transfer request(s) sent to %(unit)s: the members stay in their unit "
                    "until an officer of %(unit)s accepts them.",
                    count=len(requests), unit=self.to_unit_id.name),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
