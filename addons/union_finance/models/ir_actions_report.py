from odoo import models

VOUCHER_TEMPLATE = "union_finance.union_payment_voucher_document"


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _get_rendering_context(self, report, docids, data):
        """The payment voucher (C41-BB) is shared by welfare requests and payments to
        the upper level: a record that is not paid is refused with a clear message
        before anything is rendered (inside the template the error would come out
        wrapped in a rendering error)."""
        if report.report_name == VOUCHER_TEMPLATE:
            for doc in self.env[report.model].browse(docids):
                doc._union_payment_voucher_values()
        return super()._get_rendering_context(report, docids, data)
