from odoo import api, fields, models


class UnionTerm(models.Model):
    _inherit = "union.term"
    _union_checked_references = ("organization_id", "recognition_document_id")

    recognition_document_id = fields.Many2one(
        "union.document", string="Recognition Decision Document", index=True, ondelete="restrict", tracking=True,
        help="The upper level's decision recognising the committee elected by the congress, in the document registers.")

    @api.onchange("recognition_document_id")
    def _onchange_recognition_document_id(self):
        document = self.recognition_document_id
        if document:
            self.decision_ref = document.number_symbol or self.decision_ref
            self.decision_date = document.document_date or self.decision_date
