from odoo import models


class AccountChartTemplate(models.AbstractModel):
    _inherit = "account.chart.template"

    def _post_load_data(self, template_code, company, template_data):
        # Loading a chart replaces the accounts and journals of a company that has
        # no entries yet: the union dues ones are (re)created after it.
        res = super()._post_load_data(template_code, company, template_data)
        (company or self.env.company)._union_finance_setup_accounting()
        return res
