from odoo import fields, models


class UnionDocumentProgress(models.Model):
    _name = "union.document.progress"
    _description = "Document Handling Progress Note"
    _inherit = ["union.reference.check.mixin"]
    _order = "date desc, id desc"
    # a note goes only on a document the user may read (a secret one only for the secret group)
    _union_checked_references = ("document_id",)

    document_id = fields.Many2one("union.document", required=True, index=True, ondelete="cascade")
    date = fields.Date(required=True, default=fields.Date.context_today)
    user_id = fields.Many2one("res.users", required=True, default=lambda self: self.env.user)
    note = fields.Text(required=True)
