from odoo import models

from .template_vn_union import UNION_TEMPLATE, UNION_TRANSIT_ACCOUNTS


class AccountChartTemplate(models.AbstractModel):
    _inherit = "account.chart.template"

    def _post_load_data(self, template_code, company, template_data):
        # Loading a chart replaces the accounts and journals of a company that has
        # no entries yet: the union dues ones are (re)created after it (on the union
        # chart they are set by the template already).
        res = super()._post_load_data(template_code, company, template_data)
        company = company or self.env.company
        if template_code == UNION_TEMPLATE and not company.parent_id:
            self._union_set_transit_accounts(company)
        company._union_finance_setup_accounting()
        return res

    def _union_set_transit_accounts(self, company):
        """Odoo's outstanding receipts and payments accounts, created with the next
        free code under 112, are money in transit (113) on the union chart."""
        Account = self.env["account.account"].with_company(company)
        for xmlid, (code, name) in UNION_TRANSIT_ACCOUNTS.items():
            account = self.with_company(company).ref(xmlid, raise_if_not_found=False)
            if account and account.code != code and not Account.search_count([
                    *Account._check_company_domain(company), ("code", "=", code)], limit=1):
                account.write({"code": code, "name": name})
