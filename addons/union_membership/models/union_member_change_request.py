from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..rules import citizen_id as cccd
from .union_member import ID_DOCUMENT_TYPES

#: what a member asks to change on the portal -> the member's field, written only once an officer
#: of their unit approves (the old value stays until then); personal data of Decree 13/2023
REQUESTED_FIELDS = {
    "new_name": "name",
    "new_citizen_id": "citizen_id",
    "new_birth_date": "birth_date",
    "new_ethnicity_id": "ethnicity_id",
    "new_religion": "religion",
    "new_nationality_id": "nationality_id",
    "new_id_document_type": "id_document_type",
    "new_id_document_number": "id_document_number",
    "new_id_document_country_id": "id_document_country_id",
}
#: what a member may set when asking (state, reviewer and answer are the officer's)
PORTAL_FIELDS = ("member_id", "new_organization_id", "note", *REQUESTED_FIELDS)


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
    new_ethnicity_id = fields.Many2one("union.ethnicity", string="New Ethnic Group")
    new_religion = fields.Char()
    new_nationality_id = fields.Many2one("res.country", string="New Nationality")
    new_id_document_type = fields.Selection(ID_DOCUMENT_TYPES, string="New Identity Document")
    new_id_document_number = fields.Char(string="New Document Number")
    new_id_document_country_id = fields.Many2one("res.country", string="New Issuing Country")
    new_organization_id = fields.Many2one("union.organization", string="Requested Unit")
    note = fields.Text(string="Explanation")
    state = fields.Selection(
        [("pending", "Pending"), ("approved", "Approved"), ("rejected", "Rejected")],
        default="pending", required=True, index=True, tracking=True)
    reviewer_id = fields.Many2one("res.users", readonly=True)
    review_note = fields.Text(string="Officer's Answer", tracking=True)

    @api.constrains("new_organization_id", *REQUESTED_FIELDS)
    def _check_something_asked(self):
        for request in self:
            if not (request.new_organization_id or any(request[name] for name in REQUESTED_FIELDS)):
                raise ValidationError(self.env._(
                    "Say what should change: a name, citizen ID, birth date, ethnic group, religion, "
                    "nationality, identity document or unit."))
            if request.new_citizen_id and not cccd.is_valid(cccd.normalize(request.new_citizen_id)):
                raise ValidationError(self.env._(
                    "The citizen ID %(value)s is not valid: it must have 12 digits.",
                    value=request.new_citizen_id))

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and not self.env.user.has_group("union_membership.group_union_officer"):
            # a member asks; the state, the reviewer and the answer are the officer's
            vals_list = [{name: vals[name] for name in PORTAL_FIELDS if name in vals} for vals in vals_list]
        return super().create(vals_list)

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
            vals = request._get_member_values()
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

    def _get_member_values(self):
        """{member field: requested value} of what this request changes on the member."""
        self.ensure_one()
        vals = {}
        for name, member_field in REQUESTED_FIELDS.items():
            value = self[name]
            if value:
                vals[member_field] = value.id if isinstance(value, models.BaseModel) else value
        if vals.get("citizen_id"):
            vals["citizen_id"] = cccd.normalize(vals["citizen_id"])
        # a new identity document replaces the old one: a passport or work permit takes the place
        # of the citizen ID, a citizen ID that of the passport's number and country
        if vals.get("id_document_type") == "citizen_id":
            vals.update(id_document_number=False, id_document_country_id=self.env.ref("base.vn").id)
        elif vals.get("id_document_type"):
            vals.setdefault("citizen_id", False)
        return vals

    def action_reject(self):
        for request in self:
            if request.state != "pending":
                raise UserError(self.env._("Only a pending request can be rejected."))
            if not request.review_note:
                raise UserError(self.env._("Write the reason for the refusal in the officer's answer."))
        self.write({"state": "rejected", "reviewer_id": self.env.user.id})
        return True
