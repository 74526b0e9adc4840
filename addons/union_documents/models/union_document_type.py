from odoo import fields, models


class UnionDocumentType(models.Model):
    _name = "union.document.type"
    _description = "Document Type"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    abbreviation = fields.Char(
        help="Abbreviation used in the symbol (KH, QĐ...). Empty for a công văn or thư công: "
             "their symbol is the issuer, then the drafting department.")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("name_unique", "unique(name)", "A document type with this name already exists."),
    ]
