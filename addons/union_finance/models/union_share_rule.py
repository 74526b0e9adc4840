from odoo import fields, models
from odoo.exceptions import UserError

from ..rules import split as split_rules


class UnionShareRule(models.Model):
    _name = "union.share.rule"
    _description = "Union Revenue Share Rule"
    _inherit = ["union.finance.rule.mixin"]

    name = fields.Char(required=True, tracking=True)
    dues_kept_percent = fields.Float(
        string="Dues Kept by Grassroots (%)", digits=(5, 2), required=True, tracking=True,
        aggregator=False)
    fund_kept_percent = fields.Float(
        string="2% Fund Kept by Grassroots (%)", digits=(5, 2), required=True, tracking=True,
        aggregator=False)
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
        used = set()
        for model, state in (("union.dues.run", "posted"), ("union.fund.contribution", "posted")):
            used |= {rec["share_rule_id"][0] for rec in self.env[model].sudo().search_read(
                [("share_rule_id", "in", self.ids), ("state", "=", state)], ["share_rule_id"])}
        remittances = self.env["union.remittance"].sudo().search(
            [("share_rule_ids", "in", self.ids), ("state", "!=", "draft")])
        return used | (set(remittances.share_rule_ids.ids) & set(self.ids))

    def _rule_at(self, day):
        """The share rule in force on ``day`` (empty recordset if none)."""
        # sudo: rules are public figures, needed by any user who posts dues
        return self.sudo().search([("date_start", "<=", day)], order="date_start desc", limit=1)

    def _split_by_month(self, collected, strict=True):
        """Split what was collected, month by month, each by the rule in force
        in its month (rules/split.split_by_month); adds ``rules``, the share
        rules used. ``strict``: a month that no rule covers is an error."""
        # sudo: rules are public figures, needed by any user who remits
        rules = self.sudo().search([])
        result = split_rules.split_by_month(
            collected, [(r.date_start, r.dues_kept_percent, r.fund_kept_percent) for r in rules])
        if strict and result["missing"]:
            raise UserError(self.env._("No share rule is in force on %(date)s.",
                                       date=result["missing"][0]))
        starts = {row["rule_start"] for row in result["months"]}
        result["rules"] = self.browse(r.id for r in rules if r.date_start in starts)
        return result
