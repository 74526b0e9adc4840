from odoo import api, models


class ResCompany(models.Model):
    _inherit = "res.company"

    @api.model
    def _union_emulation_ensure_report_layout(self):
        """Give every company without a document layout Odoo's standard one.

        Printing a report as an administrator opens Odoo's document-layout wizard (with its US address
        and US Letter paper) as long as the company has no ``external_report_layout_id``
        (ir.actions.report.report_action). Called at install and update, and for new companies; it only
        fills what is missing, so it is harmless when another addon of the suite does the same.
        """
        layout = self.env.ref("web.external_layout_standard", raise_if_not_found=False)
        if not layout:
            return False
        # sudo: the layout is company configuration, set here for the system at install
        companies = self.sudo().with_context(active_test=False).search([("external_report_layout_id", "=", False)])
        companies.write({"external_report_layout_id": layout.id})
        return True

    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        if any(not company.external_report_layout_id for company in companies):
            self._union_emulation_ensure_report_layout()
        return companies
