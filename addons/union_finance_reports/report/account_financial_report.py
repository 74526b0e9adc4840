"""The unit's scope in OCA's general ledger, trial balance and journal ledger.

The scope is read back from the user's own wizard (a transient record only
its creator may read), never from the report data the browser sends, so a
report opened by URL keeps the same limits as one printed from the wizard.
"""
from odoo import models

_ANALYTIC = "union_report_analytic_ids"


def _scope(report, data, wizard_model):
    """The analytic account ids the report keeps, or None (the whole company)."""
    wizard = report.env[wizard_model].browse(data["wizard_id"])
    company = report.env["res.company"].browse(data["company_id"])
    return wizard._union_report_analytic_ids(company)


def _analytic_domain(report, field="analytic_distribution"):
    """The unit's journal items: by their analytic distribution, which Odoo
    searches itself (OCA's stored ``analytic_account_ids`` is not used: it is
    only as right as the last recomputation of each item)."""
    ids = report.env.context.get(_ANALYTIC)
    return [] if ids is None else [(field, "in", ids)]


class GeneralLedgerReport(models.AbstractModel):
    _inherit = "report.account_financial_report.general_ledger"

    def _get_report_values(self, docids, data):
        analytic_ids = _scope(self, data, "general.ledger.report.wizard")
        if analytic_ids is not None:
            # the ledger's extra domain applies to every query of the report
            data = dict(data, domain=list(data.get("domain") or [])
                        + [("analytic_distribution", "in", analytic_ids)])
        return super()._get_report_values(docids, data)


class TrialBalanceReport(models.AbstractModel):
    _inherit = "report.account_financial_report.trial_balance"

    def _get_report_values(self, docids, data):
        analytic_ids = _scope(self, data, "trial.balance.report.wizard")
        return super(TrialBalanceReport, self.with_context(
            **{_ANALYTIC: analytic_ids}))._get_report_values(docids, data)

    def _get_initial_balances_bs_ml_domain(self, *args, **kwargs):
        return super()._get_initial_balances_bs_ml_domain(*args, **kwargs) + _analytic_domain(self)

    def _get_initial_balances_pl_ml_domain(self, *args, **kwargs):
        return super()._get_initial_balances_pl_ml_domain(*args, **kwargs) + _analytic_domain(self)

    def _get_period_ml_domain(self, *args, **kwargs):
        return super()._get_period_ml_domain(*args, **kwargs) + _analytic_domain(self)

    def _get_initial_balance_fy_pl_ml_domain(self, *args, **kwargs):
        return super()._get_initial_balance_fy_pl_ml_domain(*args, **kwargs) \
            + _analytic_domain(self)


class JournalLedgerReport(models.AbstractModel):
    _inherit = "report.account_financial_report.journal_ledger"

    def _get_report_values(self, docids, data):
        analytic_ids = _scope(self, data, "journal.ledger.report.wizard")
        return super(JournalLedgerReport, self.with_context(
            **{_ANALYTIC: analytic_ids}))._get_report_values(docids, data)

    def _get_moves_domain(self, wizard, journal_ids):
        return super()._get_moves_domain(wizard, journal_ids) + _analytic_domain(
            self, "line_ids.analytic_distribution")

    def _get_move_lines_domain(self, move_ids, wizard, journal_ids):
        return super()._get_move_lines_domain(move_ids, wizard, journal_ids) \
            + _analytic_domain(self)
