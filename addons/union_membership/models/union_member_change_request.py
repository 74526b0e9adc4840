from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..rules import citizen_id as cccd


class UnionMemberChangeRequest(models.Model):
    _name = "union.member.change.request"
    _description = "Member Data Change Request"
    _inherit = ["mail.thread", "union.reference.check.mixin"]
    _order = "create_date desc, id desc"
    # new_organization_id is a transfer's destination: any unit in operation (checked below)
    _union_checked_references = ("member_id",)

    member_id = fields.Many2one("union.member", required=True, index=True, ondelete="cascade")
    organization_id = fields.Many2one(related="member_id.organization_id", store=True, index=True)
    new_name = fields.Char()
    new_citizen_id = fields.Char(string="New Citizen ID")
    new_birth_date = fields.Date()
    new_organization_id = fields.Many2one("union.organization", string="Requested Unit")
    note = fields.Text(string="Explanation")
    state = fields.Selection(
        [("pending", "Pending"), ("approved", "Approved"), ("rejected", "Rejected")],
        default="pending", required=True, index=True, tracking=True)
    reviewer_id = fields.Many2one("res.users", readonly=True)
    review_note = fields.Text(string="Officer's Answer", tracking=True)

    @api.constrains("new_name", "new_citizen_id", "new_birth_date", "new_organization_id")
    def _check_something_asked(self):
        for request in self:
            if not (request.new_name or request.new_citizen_id or request.new_birth_date
                    or request.new_organization_id):
                raise ValidationError(self.env._("Say what should change: a name, citizen ID, birth date or unit."))
            if request.new_citizen_id and not cccd.is_valid(cccd.normalize(request.new_citizen_id)):
                raise ValidationError(self.env._(
                    "The citizen ID %(value)s is not valid: it must have 12 digits.",
                    value=request.new_citizen_id))

    @api.model
    def _check_union_references(self, vals):
        res = super()._check_union_references(vals)
        if not self.env.su and vals.get("new_organization_id"):
            self.env["union.organization"]._check_transfer_destination(vals["new_organization_id"])
        return res

    def action_approve(self):
        for request in self:
            if request.state != "pending":
                raise UserError(self.env._("Only a pending request can be approved."))
            member = request.member_id
            # decided first: a unit change moves the request out of this officer's units
            request.write({"state": "approved", "reviewer_id": self.env.user.id})
            vals = {}
            if request.new_name:
                vals["name"] = request.new_name
            if request.new_citizen_id:
                vals["citizen_id"] = cccd.normalize(request.new_citizen_id)
            if request.new_birth_date:
                vals["birth_date"] = request.new_birth_date
            if vals:
                member.write(vals)
            target = request.new_organization_id
            if target and target != member.organization_id:
                reason = request.note or self.env._("Requested by the member.")
                # the member may ask for any unit in operation; whether the approving officer
                # manages it decides between moving now and asking the receiving unit
                if self.env["union.organization"].browse(target.id).has_access("read"):
                    self.env["union.member.event"].create({
                        "member_id": member.id, "event_type": "transfer",
                        "organization_id": target.id, "reason": reason,
                    })
                else:
                    # the receiving unit's officers accept the arrival, as for an officer's transfer
                    self.env["union.member.transfer.request"].create({
                        "member_id": member.id, "to_organization_id": target.id, "reason": reason,
                    })
        return True

    def action_reject(self):
        for request in self:
            if request.state != "pending":
                raise UserError(self.env._("Only a pending request can be rejected."))
            if not request.review_note:
                raise UserError(self.env._("Write the reason for the refusal in the officer's answer."))
        self.write({"state": "rejected", "reviewer_id": self.env.user.id})
        return True
