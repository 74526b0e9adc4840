from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..rules import fund as fund_rules

DECISION_KINDS = [
    (fund_rules.KIND_REDUCTION, "Reduction"),
    (fund_rules.KIND_PAUSE, "Pause (deferral)"),
    (fund_rules.KIND_WAIVER, "Waiver (dissolved or bankrupt employer)"),
]
EMPLOYER_ENDS = [
    ("dissolved", "Dissolved"),
    ("bankrupt", "Bankrupt"),
]


class UnionFundDecision(models.Model):
    """A dated decision on an employer's 2% union fund (Law 50/2024 art. 30,
    DOMAIN.md §4): a reduction (up to 20%, up to 6 months, after large
    layoffs), a pause (up to 12 months: it defers, the paused months are due
    by the last day of the month after the pause ends) or a waiver of what is
    unpaid, only for a dissolved or bankrupt employer."""

    _name = "union.fund.decision"
    _description = "2% Fund Reduction or Pause Decision"
    _inherit = ["mail.thread", "union.finance.reference.mixin"]
    _order = "date_from desc, id desc"
    _union_checked_references = ("organization_id", "employer_id")
    _check_company_auto = True

    name = fields.Char(string="Decision Number", required=True, tracking=True)
    organization_id = fields.Many2one("union.organization", string="Unit", required=True, index=True)
    company_id = fields.Many2one(related="organization_id.company_id", store=True, index=True)
    employer_id = fields.Many2one("res.partner", string="Employer", required=True, index=True,
                                  tracking=True)
    kind = fields.Selection(DECISION_KINDS, required=True, default=fund_rules.KIND_REDUCTION,
                            tracking=True)
    date_from = fields.Date(required=True, tracking=True)
    date_to = fields.Date(required=True, tracking=True)
    percent = fields.Float(string="Reduction (%)", digits=(5, 2), tracking=True,
                           aggregator=False)
    employer_end = fields.Selection(
        EMPLOYER_ENDS, string="Employer Ended", tracking=True,
        help="A waiver is granted only to a dissolved or bankrupt employer.")
    reason = fields.Text()

    @api.constrains("kind", "date_from", "date_to", "percent", "employer_end")
    def _check_limits(self):
        get = self.env["ir.config_parameter"].sudo().get_param
        limits = {
            "max_reduction_percent": float(get("union_finance.fund_max_reduction_percent", 20)),
            "max_reduction_months": int(get("union_finance.fund_max_reduction_months", 6)),
            "max_pause_months": int(get("union_finance.fund_max_pause_months", 12)),
        }
        for decision in self:
            errors = fund_rules.check_decision(decision.kind, decision.date_from, decision.date_to,
                                               decision.percent, employer_end=decision.employer_end,
                                               **limits)
            messages = []
            for code, values in errors:
                if code == "dates":
                    messages.append(self.env._("the end date must not be before the start date"))
                elif code == "percent":
                    messages.append(self.env._("the reduction must be more than 0%% and at most "
                                               "%(max)s%%", max=values["max"]))
                elif code == "months":
                    messages.append(self.env._("it may cover at most %(max)s months",
                                               max=values["max"]))
                elif code == "waiver":
                    messages.append(self.env._(
                        "a waiver is granted only to a dissolved or bankrupt employer"))
            if messages:
                raise ValidationError(self.env._(
                    "Decision %(name)s: %(errors)s.", name=decision.name,
                    errors="; ".join(messages)))

    @api.model_create_multi
    def create(self, vals_list):
        decisions = super().create(vals_list)
        decisions._recompute_contributions()
        return decisions

    def write(self, vals):
        employers = self.employer_id
        res = super().write(vals)
        self._recompute_contributions(employers)
        return res

    def unlink(self):
        employers = self.employer_id
        res = super().unlink()
        self.env["union.fund.decision"]._recompute_contributions(employers)
        return res

    def action_write_off(self):
        """A waiver: write off what is still owed on the posted declarations
        of the months it covers (the draft ones already owe nothing)."""
        for decision in self:
            if decision.kind != fund_rules.KIND_WAIVER:
                raise UserError(self.env._("Only a waiver writes off what is owed (%(name)s).",
                                           name=decision.name))
            contributions = self.env["union.fund.contribution"].search([
                ("employer_id", "=", decision.employer_id.id), ("state", "=", "posted"),
                ("month", ">=", decision.date_from.replace(day=1)),
                ("month", "<=", decision.date_to), ("amount_residual", ">", 0)])
            done = contributions._write_off_waived(decision)
            decision.message_post(body=self.env._(
                "Written off: %(names)s.", names=", ".join(done.mapped("name")) or "-"))
        return True

    def _recompute_contributions(self, employers=None):
        """Draft declarations of these employers follow the decisions."""
        employers = (employers or self.env["res.partner"]) | self.employer_id
        contributions = self.env["union.fund.contribution"].sudo().search([
            ("employer_id", "in", employers.ids), ("state", "=", "draft")])
        if contributions:
            contributions._compute_decision()
            contributions.flush_recordset()
        # a posted month follows a pause (its deadline) but never changes its amount
        posted = self.env["union.fund.contribution"].sudo().search([
            ("employer_id", "in", employers.ids), ("state", "=", "posted")])
        if posted:
            posted._compute_pause()
            posted.flush_recordset()

    def _get_decision_dicts(self, employer_ids):
        """{employer id: [decision dicts]} for the fund rules (one query)."""
        result = {}
        for rec in self.sudo().search_read([("employer_id", "in", list(employer_ids))],
                                           ["employer_id", "kind", "date_from", "date_to", "percent"]):
            result.setdefault(rec["employer_id"][0], []).append(rec)
        return result
