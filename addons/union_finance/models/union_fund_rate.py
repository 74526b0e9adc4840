from odoo import api, fields, models


class UnionFundRate(models.Model):
    """The rate of the 2% union fund, a dated rule like the dues and share rules: a declaration
    takes the rate in force in its month; a change of law is a new record with its start date."""
    _name = "union.fund.rate"
    _description = "2% Union Fund Rate"
    _inherit = ["union.finance.rule.mixin"]

    rate_percent = fields.Float(
        string="Rate (% of the payroll fund)", digits=(5, 2), required=True, tracking=True,
        aggregator=False, help="Percent of the payroll fund used for compulsory social insurance.")

    _sql_constraints = [
        ("date_start_uniq", "unique(date_start)", "There is already a 2% fund rate from this date."),
        ("rate_range", "CHECK(rate_percent > 0 AND rate_percent <= 100)",
         "The 2% fund rate is a percentage above 0 and at most 100."),
    ]

    @api.depends("rate_percent", "date_start")
    def _compute_display_name(self):
        for rule in self:
            rate = f"{rule.rate_percent:g}"
            start = rule.date_start.strftime("%d/%m/%Y") if rule.date_start else ""
            rule.display_name = self.env._("%(rate)s%% from %(date)s", rate=rate, date=start)

    def _get_posted_usage(self):
        """A rate is used by the posted declarations of the months it was in force."""
        if not self:
            return set()
        # sudo: rules are public figures; the lock holds whoever edits, whatever they may read
        starts = sorted(self.sudo().search([]).mapped("date_start"))
        Contribution = self.env["union.fund.contribution"].sudo()
        used = set()
        for rule in self:
            later = [start for start in starts if start > rule.date_start]
            domain = [("state", "=", "posted"), ("month", ">=", rule.date_start)]
            if later:
                domain.append(("month", "<", later[0]))
            if Contribution.search_count(domain, limit=1):
                used.add(rule.id)
        return used

    @api.model
    def _rate_at(self, day):
        """The rate (percent) in force on ``day``; None when no rule covers it."""
        # sudo: rules are public figures, needed by any officer who declares the fund
        rule = self.sudo().search([("date_start", "<=", day)], order="date_start desc", limit=1)
        return rule.rate_percent if rule else None
