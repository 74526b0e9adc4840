from odoo import api, fields, models
from odoo.exceptions import ValidationError

EXEMPTION_REASONS = [
    ("benefit_leave", "On social-insurance benefit (sickness, maternity...)"),
    ("unpaid_leave", "Unpaid leave without income"),
    ("suspension", "Membership suspended"),
]


class UnionDuesExemption(models.Model):
    _name = "union.dues.exemption"
    _description = "Dues Exemption"
    _inherit = ["union.finance.reference.mixin"]
    _order = "member_id, date_from desc"
    _union_checked_references = ("member_id",)

    member_id = fields.Many2one("union.member", required=True, index=True, ondelete="cascade")
    organization_id = fields.Many2one(related="member_id.organization_id", store=True, index=True)
    reason = fields.Selection(EXEMPTION_REASONS, required=True)
    date_from = fields.Date(required=True, index=True)
    date_to = fields.Date(index=True, help="Empty: until further notice.")
    note = fields.Char(string="Details")

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for rec in self:
            if rec.date_to and rec.date_to < rec.date_from:
                raise ValidationError(self.env._(
                    "The exemption of %(member)s ends (%(end)s) before it starts (%(start)s).",
                    member=rec.member_id.display_name, end=rec.date_to, start=rec.date_from))
