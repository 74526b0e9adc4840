from odoo import api, models


class ResCompany(models.Model):
    _inherit = "res.company"

    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        companies._union_set_report_layout()
        return companies

    def _union_set_report_layout(self):
        """Give the companies without one Odoo's standard document layout on A4 paper: with no
        layout, printing a card, receipt, voucher, certificate or register as an administrator
        opens Odoo's layout wizard (US address block, US Letter) instead of the PDF
        (ir.actions.report.report_action). Only what is missing is written; a layout chosen
        is kept. Called at install (data/union_face_data.xml) and for every new company."""
        layout = self.env.ref("web.external_layout_standard", raise_if_not_found=False)
        a4 = self.env.ref("base.paperformat_euro", raise_if_not_found=False)
        # sudo: the layout is the company's setting, set once for every user who prints
        for company in self.sudo():
            vals = {}
            if layout and not company.external_report_layout_id:
                vals["external_report_layout_id"] = layout.id
            if a4 and not company.paperformat_id:
                vals["paperformat_id"] = a4.id
            if vals:
                company.write(vals)

    @api.model
    def _union_set_report_layout_everywhere(self):
        self.with_context(active_test=False).search([])._union_set_report_layout()
        return True
