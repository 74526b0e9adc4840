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
    in_decree_30 = fields.Boolean(
        string="In Decree 30/2020", help="A type of administrative document of Decree 30/2020/NĐ-CP.")
    in_qd_933 = fields.Boolean(
        string="In QĐ 933/QĐ-TLĐ", help="A type of the union's own catalogue (QĐ 933/QĐ-TLĐ of 14/05/2024).")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("name_unique", "unique(name)", "A document type with this name already exists."),
    ]
