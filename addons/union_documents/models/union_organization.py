import re

from odoo import fields, models


class UnionOrganization(models.Model):
    _inherit = "union.organization"

    document_alias_id = fields.Many2one(
        "mail.alias", string="Document E-mail Alias", copy=False, ondelete="set null",
        help="E-mails sent to this address become incoming documents (drafts) of the unit.")
    document_alias_email = fields.Char(related="document_alias_id.display_name", string="Document E-mail")
    is_remote_area = fields.Boolean(
        string="Remote, Hard-to-reach Area",
        help="Complaints handled by this unit get the longer time limits of remote areas.")

    def action_create_document_alias(self):
        """Give each unit an e-mail alias whose mails become its incoming drafts."""
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
            org.document_alias_id = alias
        return True
