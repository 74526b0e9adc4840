import re

from odoo import fields, models
from odoo.exceptions import AccessError


class UnionOrganization(models.Model):
    _inherit = "union.organization"

    document_alias_id = fields.Many2one(
        "mail.alias", string="Document E-mail Alias", copy=False, ondelete="set null",
        help="E-mails sent to this address become incoming documents (drafts) of the unit.")
    document_alias_email = fields.Char(related="document_alias_id.display_name", string="Document E-mail")
    is_remote_area = fields.Boolean(
        string="Remote, Hard-to-reach Area",
        help="Complaints handled by this unit get the longer time limits of remote areas.")
    document_sender_list = fields.Text(
        string="Document Senders",
        help="Addresses (vanthu@ldld.example.vn) or whole domains (@ldld.example.vn) whose e-mails to the "
             "document address become incoming drafts, one a line. Any other e-mail, or one whose "
             "SPF and DKIM checks did not pass, is quarantined for the clerk.")

    def write(self, vals):
        if "document_alias_id" in vals and not self._union_is_document_admin():
            raise AccessError(self.env._("Only an administrator sets the document e-mail address of a unit."))
        return super().write(vals)

    def _union_is_document_admin(self):
        return self.env.su or self.env.user.has_group("union_membership.group_union_admin")

    def action_create_document_alias(self):
        """Give each unit an e-mail alias whose mails become its incoming drafts."""
        if not self._union_is_document_admin():
            raise AccessError(self.env._("Only an administrator creates the document e-mail address of a unit."))
        model_id = self.env["ir.model"]._get_id("union.document")
        for org in self.filtered(lambda o: not o.document_alias_id):
            name = "vanban-" + re.sub(r"[^a-z0-9]+", "-", (org.code or str(org.id)).lower()).strip("-")
            # sudo: aliases are mail configuration that officers cannot create themselves
            alias = self.env["mail.alias"].sudo().create({
                "alias_name": name,
                "alias_model_id": model_id,
                "alias_contact": "everyone",
                "alias_defaults": repr({"organization_id": org.id, "direction": "incoming"}),
            })
            # sudo: the administrator's own write, after the check above
            org.sudo().document_alias_id = alias
        return True
