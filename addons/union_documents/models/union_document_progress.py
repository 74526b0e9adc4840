from odoo import fields, models


class UnionDocumentProgress(models.Model):
    _name = "union.document.progress"
    _description = "Document Handling Progress Note"
    _order = "date desc, id desc"

    document_id = fields.Many2one("union.document", required=True, index=True, ondelete="cascade")
    date = fields.Date(required=True, default=fields.Date.context_today)
    user_id = fields.Many2one("res.users", required=True, default=lambda self: self.env.user)
    note = fields.Text(required=True)
