from odoo import api, fields, models
from odoo.exceptions import UserError

#: a member's contact data kept on their partner, tracked on the member's chatter
MEMBER_CONTACT_FIELDS = ("email", "phone", "mobile", "street", "street2", "city", "zip", "state_id", "country_id")


class ResPartner(models.Model):
    _inherit = "res.partner"

    # the members behind this contact (archived ones too): the officers' record rule on
    # contacts reads it, so that a member's contact follows the member's access
    union_member_ids = fields.One2many(
        "union.member", "partner_id", string="Union Members", context={"active_test": False},
        groups="base.group_user")

    def write(self, vals):
        # A member changes their own contact data on the portal, but their name only
        # through a request an officer approves (the portal account page writes as sudo).
        check_name = "name" in vals and self.env.user._is_portal()
        track = not self.env.context.get("tracking_disable") and any(name in vals for name in MEMBER_CONTACT_FIELDS)
        members = self.env["union.member"]
        if (check_name or track) and self.ids:
            # sudo: which contacts are members, whatever the writer may read (one query)
            members = self.env["union.member"].sudo().with_context(active_test=False).search(
                [("partner_id", "in", self.ids)])
        if check_name and members and any(vals["name"] != partner.name for partner in members.partner_id):
            raise UserError(self.env._(
                "Your name is part of your union record: send a change request from "
                "the My union page instead."))
        if track and members:
            # a member's e-mail, phone and address are personal data: every change, through the
            # member form, the contact form, the portal or any other path, is tracked (who, when,
            # old and new value) on the member's chatter
            members._track_prepare(MEMBER_CONTACT_FIELDS)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_union_member(self):
        # sudo: a member's contact is never deleted, also when the user cannot read the member
        if self.env["union.member"].sudo().with_context(active_test=False).search_count(
                [("partner_id", "in", self.ids)], limit=1):
            raise UserError(self.env._(
                "This contact belongs to a union member: it cannot be deleted. "
                "Record the end of the membership in the member's history instead."))
