from odoo import api, fields, models


class UnionMemberDuesBase(models.Model):
    _name = "union.member.dues.base"
    _description = "Member's Dues Base (dated salary)"
    _inherit = ["union.finance.reference.mixin"]
    _order = "member_id, date_start desc"
    _union_checked_references = ("member_id",)

    member_id = fields.Many2one("union.member", required=True, index=True, ondelete="cascade")
    organization_id = fields.Many2one(related="member_id.organization_id", store=True, index=True)
    date_start = fields.Date(string="Valid From", required=True, index=True)
    # computed, not related: Monetary's insert looks a related currency up through a new
    # record per value when the related path's first field is in the create values
    currency_id = fields.Many2one("res.currency", compute="_compute_currency_id", compute_sudo=True)
    amount = fields.Monetary(string="Salary (VND/month)", required=True, aggregator=False,
                             help="Salary for compulsory social insurance (or take-home pay "
                                  "for state enterprises, or the fixed amount for members "
                                  "without fixed salary).")
    take_home_amount = fields.Monetary(
        string="Take-home Pay (VND/month)",
        help="Used only when the unit collects above the rate on take-home pay by a resolution "
             "of its executive committee (the surplus is kept 100% by the unit).")
    note = fields.Char()

    _sql_constraints = [
        ("member_date_uniq", "unique(member_id, date_start)",
         "This member already has a dues base from this date."),
        ("amount_positive", "CHECK(amount >= 0 AND COALESCE(take_home_amount, 0) >= 0)",
         "The salary cannot be negative."),
    ]

    @api.depends("member_id.company_id.currency_id")
    def _compute_currency_id(self):
        for rec in self:
            rec.currency_id = rec.member_id.company_id.currency_id
