from odoo import api, fields, models

from .union_welfare_kind import SPENDING_CATEGORIES


class UnionSpendingNorm(models.Model):
    """A dated proportion of the unit's share of the dues that a spending
    category may use (at most) or must use (at least), e.g. QĐ 4290."""

    _name = "union.spending.norm"
    _description = "Spending Proportion of the Kept Dues"
    _inherit = ["mail.thread"]
    _order = "date_start desc, category"

    date_start = fields.Date(string="Valid From", required=True, index=True, tracking=True)
    category = fields.Selection(SPENDING_CATEGORIES, required=True, tracking=True)
    comparison = fields.Selection([("max", "At Most"), ("min", "At Least")], required=True,
                                  tracking=True)
    percent = fields.Float(string="Share of Kept Dues (%)", digits=(5, 2), required=True,
                           aggregator=False,
                           tracking=True)
    decision_ref = fields.Char(string="Legal Basis")

    _sql_constraints = [
        ("category_date_uniq", "unique(date_start, category)",
         "There is already a proportion for this category from this date."),
        ("percent_range", "CHECK(percent BETWEEN 0 AND 100)", "A proportion is between 0 and 100%."),
    ]

    @api.model
    def _norms_at(self, day):
        """[(category, comparison, percent)] in force on ``day``: for each
        category, the latest proportion started on or before that day."""
        norms = {}
        for rec in self.sudo().search_read([("date_start", "<=", day)],
                                           ["category", "comparison", "percent"],
                                           order="date_start desc"):
            norms.setdefault(rec["category"], (rec["category"], rec["comparison"], rec["percent"]))
        order = [code for code, _label in SPENDING_CATEGORIES]
        return sorted(norms.values(), key=lambda norm: order.index(norm[0]))
