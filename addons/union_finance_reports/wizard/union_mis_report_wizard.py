from datetime import date

from odoo import api, fields, models
from odoo.exceptions import ValidationError

REPORT_KINDS = [
    ("settlement", "Settlement (B07-TLĐ)"),
    ("budget", "Budget (B14-TLĐ)"),
]
_TEMPLATES = {
    "settlement": "union_finance_reports.mis_report_b07",
    "budget": "union_finance_reports.mis_report_b14",
}


class UnionMisReportWizard(models.TransientModel):
    """Opens the settlement or budget of a unit and year: the MIS report
    instance of that unit, template and year (made once, found again
    afterwards), filtered by the unit's analytic accounts when the unit
    books in its parent's company."""

    _name = "union.mis.report.wizard"
    _inherit = ["union.report.scope.mixin"]
    _description = "Union: settlement and budget report"

    report_kind = fields.Selection(REPORT_KINDS, required=True, default="settlement")
    union_organization_id = fields.Many2one(required=True)
    year = fields.Integer(required=True, default=lambda self: fields.Date.context_today(self).year)
    budget_id = fields.Many2one(
        "mis.budget", string="Budget",
        domain="[('union_organization_id', '=', union_organization_id)]",
        help="The budget (dự toán) of the year entered for the unit: shown in its own column "
             "between last year's settlement and this year's actual figures.")

    @api.constrains("year")
    def _check_year(self):
        for wizard in self:
            if not 2000 <= wizard.year <= 2100:
                raise ValidationError(self.env._("The year %(year)s is not a valid year.",
                                           year=wizard.year))

    def action_open(self):
        self.ensure_one()
        return self._get_instance().preview()

    def _get_instance(self):
        """The unit's instance of the template for the year, made when missing."""
        self.ensure_one()
        unit = self.union_organization_id
        company = unit.sudo().company_id  # the unit's books: a bookkeeping key, checked next
        analytic_ids = self._union_report_analytic_ids(company)
        report = self.env.ref(_TEMPLATES[self.report_kind])
        # sudo: the instances of union units are the suite's, not the user's: mis_builder lets
        # only Odoo's accounting managers make them; the unit was checked above
        Instance = self.env["mis.report.instance"].sudo()
        name = self.env._("%(form)s %(year)s: %(unit)s", form=report.union_form_code,
                          year=self.year, unit=unit.sudo().name)
        instance = Instance.search([
            ("report_id", "=", report.id), ("union_organization_id", "=", unit.id),
            ("union_year", "=", self.year)], limit=1)
        vals = self._prepare_instance_vals(report, company, analytic_ids, name)
        if instance:
            instance.period_ids.unlink()
            instance.write(vals)
        else:
            instance = Instance.create(vals)
        return instance.sudo(False)

    def _prepare_instance_vals(self, report, company, analytic_ids, name):
        year = self.year
        periods = []
        if self.report_kind == "budget":
            periods.append(self._period(self.env._("Settlement %(year)s", year=year - 1),
                                        year - 1, 10))
            if self.budget_id:
                periods.append(dict(self._period(self.env._("Budget %(year)s", year=year),
                                                 year, 20),
                                    source="mis_budget", source_mis_budget_id=self.budget_id.id))
            periods.append(self._period(self.env._("Actual %(year)s", year=year), year, 30))
        else:
            periods.append(self._period(self.env._("Year %(year)s", year=year), year, 10))
        return {
            "name": name, "report_id": report.id, "company_id": company.id,
            "union_organization_id": self.union_organization_id.id,
            "union_year": year, "date_from": False, "date_to": False,
            "target_move": "posted",
            "analytic_domain": repr([("analytic_distribution", "in", analytic_ids)])
            if analytic_ids is not None else False,
            "period_ids": [fields.Command.create(period) for period in periods],
        }

    @api.model
    def _period(self, name, year, sequence):
        return {"name": name, "sequence": sequence, "mode": "fix",
                "manual_date_from": date(year, 1, 1), "manual_date_to": date(year, 12, 31)}
