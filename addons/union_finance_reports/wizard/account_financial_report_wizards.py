from odoo import api, models


class UnionReportWizardMixin(models.AbstractModel):
    """What the three ledgers share: choosing a unit sets its company; the
    report models read the scope back from the wizard (never from the data
    the browser sends), see report/account_financial_report.py."""

    _name = "union.report.wizard.mixin"
    _inherit = ["union.report.scope.mixin"]
    _description = "Union: a ledger report's unit"

    @api.onchange("union_organization_id")
    def _onchange_union_organization_id(self):
        unit = self.union_organization_id.sudo()  # its company only: a bookkeeping key
        if unit and unit.company_id:
            self.company_id = unit.company_id

    def _union_report_data(self):
        """Checked when the report is asked for, so that a refusal comes at once
        (the report checks again from the wizard when it reads the figures)."""
        return {"union_analytic_ids": self._union_report_analytic_ids(self.company_id),
                "union_organization_id": self.union_organization_id.id}


class GeneralLedgerReportWizard(models.TransientModel):
    _name = "general.ledger.report.wizard"
    _inherit = ["general.ledger.report.wizard", "union.report.wizard.mixin"]

    def _prepare_report_data(self):
        # here, not in the mixin: the ledgers' own method does not call the mixin's
        return dict(super()._prepare_report_data(), **self._union_report_data())


class TrialBalanceReportWizard(models.TransientModel):
    _name = "trial.balance.report.wizard"
    _inherit = ["trial.balance.report.wizard", "union.report.wizard.mixin"]

    def _prepare_report_data(self):
        # here, not in the mixin: the ledgers' own method does not call the mixin's
        return dict(super()._prepare_report_data(), **self._union_report_data())


class JournalLedgerReportWizard(models.TransientModel):
    _name = "journal.ledger.report.wizard"
    _inherit = ["journal.ledger.report.wizard", "union.report.wizard.mixin"]

    def _prepare_report_data(self):
        # here, not in the mixin: the ledgers' own method does not call the mixin's
        return dict(super()._prepare_report_data(), **self._union_report_data())
