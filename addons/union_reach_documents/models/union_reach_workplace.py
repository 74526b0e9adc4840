from odoo import fields, models
from odoo.exceptions import UserError


class UnionReachWorkplace(models.Model):
    _inherit = "union.reach.workplace"
    _union_checked_references = ("organization_id", "decision_document_id")

    decision_document_id = fields.Many2one(
        "union.document", string="Recognition Decision Document", index=True,
        domain="[('direction', '=', 'outgoing'), ('organization_id', '=', organization_id)]",
        help="The upper level's decision recognising the new union, from the document register: its "
             "number and date become the founding and admission decision.")

    def _founding_decision(self):
        self.ensure_one()
        document = self.decision_document_id
        if not document:
            return super()._founding_decision()
        if not document.number_symbol or document.state in ("draft", "submitted", "approved"):
            raise UserError(self.env._(
                "The recognition decision %(subject)s has not been released yet: release it in the "
                "document register first.", subject=document.subject))
        return document.number_symbol, document.document_date
