from odoo import api, fields, models
from odoo.exceptions import UserError

from ..models.union_member_event import EVENT_TYPES, SUSPENSION_KINDS
from ..rules import lifecycle


class UnionMemberEventWizard(models.TransientModel):
    _name = "union.member.event.wizard"
    _description = "Record a Member Event"
    _inherit = ["union.reference.check.mixin"]
    # organization_id: any unit in operation for a transfer, a unit the user may read otherwise
    _union_checked_references = ("member_ids",)

    member_ids = fields.Many2many("union.member", string="Members", required=True)
    member_count = fields.Integer(compute="_compute_member_count")
    event_type = fields.Selection(EVENT_TYPES, string="Event", required=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    organization_id = fields.Many2one("union.organization", string="To Unit",
                                      domain=[("state", "=", "active")])
    end_date = fields.Date(string="Suspended Until")
    suspension_kind = fields.Selection(
        SUSPENSION_KINDS, string="Suspended Because", default=lifecycle.SUSPENSION_JOB_LOSS,
        help="After losing one's job: 12 months at most. While the labour contract is suspended: "
             "until the end of that suspension.")
    card_number = fields.Char()
    reason = fields.Text()
    decision_ref = fields.Char(string="Decision")
    needs_unit = fields.Boolean(compute="_compute_needs")
    needs_end_date = fields.Boolean(compute="_compute_needs")

    @api.depends("member_ids")
    def _compute_member_count(self):
        for wizard in self:
            wizard.member_count = len(wizard.member_ids)

    @api.depends("event_type")
    def _compute_needs(self):
        for wizard in self:
            wizard.needs_unit = wizard.event_type in ("admission", "recognition", "transfer")
            wizard.needs_end_date = wizard.event_type == "suspension"

    @api.model
    def _check_union_references(self, vals):
        res = super()._check_union_references(vals)
        event_type = vals.get("event_type") or (self[:1].event_type if self else None)
        if self.env.su or not vals.get("organization_id"):
            return res
        if event_type == "transfer":
            self.env["union.organization"]._check_transfer_destination(vals["organization_id"])
        else:
            self.env["union.member.event"]._check_readable_reference(
                "organization_id", self.env["union.organization"].browse(vals["organization_id"]))
        return res

    def action_confirm(self):
        self.ensure_one()
        if self.event_type == "card" and len(self.member_ids) > 1 and self.card_number:
            raise UserError(self.env._("Issue a card number to one member at a time."))
        self.env["union.member.event"].create([{
            "member_id": member.id,
            "event_type": self.event_type,
            "date": self.date,
            "organization_id": self.organization_id.id if self.needs_unit else False,
            "end_date": self.end_date if self.needs_end_date else False,
            "suspension_kind": self.suspension_kind if self.event_type == "suspension" else False,
            "card_number": self.card_number,
            "reason": self.reason,
            "decision_ref": self.decision_ref,
        } for member in self.member_ids])
        return {"type": "ir.actions.act_window_close"}
