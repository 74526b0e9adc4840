from odoo import fields, models


class UnionShareRule(models.Model):
    _name = "union.share.rule"
    _description = "Union Revenue Share Rule"
    _inherit = ["union.finance.rule.mixin"]

    name = fields.Char(required=True, tracking=True)
    dues_kept_percent = fields.Float(
        string="Dues Kept by Grassroots (%)", digits=(5, 2), required=True, tracking=True)
    fund_kept_percent = fields.Float(
        string="2% Fund Kept by Grassroots (%)", digits=(5, 2), required=True, tracking=True)
    upper_split = fields.Text(
        string="Split among Upper Levels",
        help="How the upper levels share what goes up, by their own decision.")

    _sql_constraints = [
        ("date_start_uniq", "unique(date_start)", "There is already a share rule from this date."),
        ("percent_range",
         "CHECK(dues_kept_percent BETWEEN 0 AND 100 AND fund_kept_percent BETWEEN 0 AND 100)",
         "Shares are percentages between 0 and 100."),
    ]

    def _get_posted_usage(self):
        # sudo: the lock holds whoever edits, whatever runs they may read
        runs = self.env["union.dues.run"].sudo().search_read(
            [("share_rule_id", "in", self.ids), ("state", "=", "posted")], ["share_rule_id"])
        return {run["share_rule_id"][0] for run in runs}

    def _rule_at(self, day):
        """The share rule in force on ``day`` (empty recordset if none)."""
        # sudo: rules are public figures, needed by any user who posts dues
        return self.sudo().search([("date_start", "<=", day)], order="date_start desc", limit=1)
