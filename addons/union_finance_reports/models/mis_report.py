from odoo import fields, models


class MisReport(models.Model):
    _inherit = "mis.report"

    union_form_code = fields.Char(
        string="Union Form", help="The union's form this template lays out (B07-TLĐ, B14-TLĐ).")
    union_provisional = fields.Boolean(
        string="Provisional Layout",
        help="The layout is the suite's reading of the form, not the official one: every view "
             "of the report says so until the administrator replaces the layout with the "
             "official form and unticks this box.")
