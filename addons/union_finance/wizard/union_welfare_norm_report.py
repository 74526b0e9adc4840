from datetime import date

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError

from ..models.union_welfare_kind import SPENDING_CATEGORIES
from ..rules import welfare as welfare_rules
from ..vnd import format_vnd


class UnionWelfareNormReport(models.TransientModel):
    """The year's spending of a unit compared with the QĐ 4290 proportions
    of its share of the dues."""

    _name = "union.welfare.norm.report"
    _description = "Spending against the QĐ 4290 Proportions"
    _inherit = ["union.finance.reference.mixin"]
    _union_checked_references = ("organization_id",)

    organization_id = fields.Many2one("union.organization", string="Unit", required=True)
    year = fields.Integer(required=True, default=lambda self: fields.Date.context_today(self).year)
    result_html = fields.Html(compute="_compute_result_html", sanitize=False, string="Result")

    @api.depends("organization_id", "year")
    def _compute_result_html(self):
        labels = dict(self.env["union.welfare.kind"]._fields["category"]._description_selection(self.env))
        for wizard in self:
            if not wizard.organization_id or not wizard.year:
                wizard.result_html = False
                continue
            data = wizard._get_report_data()
            rows = Markup("").join(
                Markup("<tr class='%s'><td>%s</td><td class='text-end'>%s</td><td class='text-end'>%s%%</td>"
                       "<td>%s %s%%</td><td class='text-end'>%s</td><td>%s</td></tr>") % (
                    "table-success" if row["ok"] else "table-danger",
                    labels.get(row["category"], row["category"]),
                    format_vnd(self.env, row["spent"], unit=False), row["percent"],
                    "≤" if row["comparison"] == welfare_rules.MAX else "≥", row["limit_percent"],
                    format_vnd(self.env, row["limit_amount"], unit=False),
                    self.env._("Yes") if row["ok"] else self.env._("No"))
                for row in data["rows"])
            wizard.result_html = Markup(
                "<p>%s <strong class='kept-dues'>%s</strong></p>"
                "<table class='table table-sm'><thead><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th>"
                "<th>%s</th><th>%s</th></tr></thead><tbody>%s</tbody></table>") % (
                self.env._("Dues kept by the unit in the year:"),
                format_vnd(self.env, data["kept_dues"]),
                self.env._("Category"), self.env._("Spent (VND)"), self.env._("Share"),
                self.env._("Norm"), self.env._("Bound (VND)"), self.env._("Within the Norm"), rows)

    def _check_unit_access(self, unit):
        """The figures are read with sudo: only for the user's units and below, and the closed
        units whose archive they keep as a successor (reading their books, never changing them)."""
        user = self.env.user
        if user.has_group("union_membership.group_union_admin"):
            return
        if not unit._union_is_managed_by(user) and not unit._union_is_archive_of(user):
            raise AccessError(self.env._("You may only see the figures of the units you manage "
                                         "(%(unit)s).", unit=unit.name))

    def _get_report_data(self):
        """{'kept_dues': VND, 'rows': [...]} for the unit (and the units below it)."""
        self.ensure_one()
        unit = self.organization_id
        self._check_unit_access(unit)
        start, end = date(self.year, 1, 1), date(self.year, 12, 31)
        collected = self.env["union.remittance"]._collected_by_month(
            unit, unit.company_id, start, end)
        # each month by the share rule of that month; a month before any rule keeps it all
        split = self.env["union.share.rule"]._split_by_month(collected, strict=False)
        kept = split["dues"]["kept"] + sum(collected[month]["dues"] for month in split["missing"])
        spent = {category: 0 for category, _label in SPENDING_CATEGORIES}
        for category, amount in self.env["union.welfare.request"].sudo()._read_group([
                ("organization_id", "child_of", unit.id), ("state", "=", "paid"),
                ("payment_date", ">=", start), ("payment_date", "<=", end)],
                ["category"], ["amount:sum"]):
            spent[category] = amount
        norms = self.env["union.spending.norm"]._norms_at(end)
        return {"kept_dues": kept, "spent": spent,
                "rows": welfare_rules.compare_spending(kept, spent, norms)}
