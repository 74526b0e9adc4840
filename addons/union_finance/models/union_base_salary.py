from odoo import api, fields, models

from ..vnd import format_vnd


class UnionBaseSalary(models.Model):
    _name = "union.base.salary"
    _description = "Base Salary (lương cơ sở)"
    _inherit = ["union.finance.rule.mixin"]
    _rec_name = "date_start"

    amount = fields.Monetary(string="Base Salary (VND/month)", required=True, tracking=True,
                             aggregator=False)

    _sql_constraints = [
        ("date_start_uniq", "unique(date_start)", "There is already a base salary from this date."),
        ("amount_positive", "CHECK(amount > 0)", "The base salary must be positive."),
    ]

    @api.depends("date_start", "amount")
    def _compute_display_name(self):
        for rec in self:
            amount = format_vnd(self.env, rec.amount)
            rec.display_name = f"{amount} ({rec.date_start.strftime('%d/%m/%Y')})" \
                if rec.date_start else amount

    def _get_posted_usage(self):
        # sudo: the lock holds whoever edits, whatever dues lines they may read
        lines = self.env["union.dues.line"].sudo().search_read(
            [("base_salary_id", "in", self.ids), ("run_id.state", "=", "posted")],
            ["base_salary_id"])
        return {line["base_salary_id"][0] for line in lines}

    @api.model
    def _get_dated(self):
        """[(date_start, amount, id)] of every base salary, for rules/dues.py."""
        # sudo: rules are public figures, needed by any user who computes dues
        # whole đồng: the plain-Python rules compute with ints (Monetary reads a float)
        return [(rec["date_start"], (int(rec["amount"]), rec["id"]))
                for rec in self.sudo().search_read([], ["date_start", "amount"])]
