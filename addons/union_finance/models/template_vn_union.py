"""The union chart of accounts (public-sector regime of Circular 24/2024/TT-BTC as
applied to unions), a chart template a company selects like any fiscal
localization. The accounts are data (data/template/account.account-vn_union.csv);
where each code comes from, and which ones are provisional: readme/CONFIGURE.md."""

from odoo import models

from odoo.addons.account.models.chart_template import template

UNION_TEMPLATE = "vn_union"
# company field -> template record (xmlid in the template) it points at
UNION_CHART_ACCOUNT_FIELDS = {
    "union_dues_receivable_account_id": "union_13881",
    "union_dues_income_account_id": "union_5182",
    "union_dues_upward_account_id": "union_33681",
    "union_fund_receivable_account_id": "union_13882",
    "union_fund_income_account_id": "union_5181",
    "union_fund_upward_account_id": "union_33682",
    "union_upper_payable_account_id": "union_33683",
    "union_welfare_expense_account_id": "union_61131",
    # dues collected above the rate (kept 100%, own settlement line) and the 2% fund
    # allocations owed to lower levels: without them a union-chart company got the
    # other charts' 711803 and 336802 (res_company_fund.py)
    "union_dues_surplus_account_id": "union_5183",
    "union_fund_allocation_payable_account_id": "union_33684",
}
UNION_CHART_JOURNAL_FIELDS = {
    "union_dues_journal_id": "union_dues_journal",
    "union_fund_journal_id": "union_fund_journal",
    "union_dues_payment_journal_id": "bank",
    "union_dues_cash_journal_id": "cash",
}
# Odoo's outstanding receipts/payments accounts (no company field; found by xmlid):
# money recorded before the bank statement shows it, i.e. 113 "money in transit"
UNION_TRANSIT_ACCOUNTS = {
    "account_journal_payment_debit_account_id": (
        "1131", "Tiền đang chuyển - khoản thu chờ ngân hàng báo Có"),
    "account_journal_payment_credit_account_id": (
        "1132", "Tiền đang chuyển - khoản chi chờ ngân hàng báo Nợ"),
}


class AccountChartTemplate(models.AbstractModel):
    _inherit = "account.chart.template"

    @template(UNION_TEMPLATE)
    def _get_vn_union_template_data(self):
        return {
            "name": "Công đoàn Việt Nam (Thông tư 24/2024/TT-BTC)",
            "country": "vn",
            "sequence": 20,
            "code_digits": "4",
            "property_account_receivable_id": "union_1388",
            "property_account_payable_id": "union_331",
            "property_account_expense_categ_id": "union_61140",
            "property_account_income_categ_id": "union_5188",
        }

    @template(UNION_TEMPLATE, "res.company")
    def _get_vn_union_res_company(self):
        return {
            self.env.company.id: {
                "account_fiscal_country_id": "base.vn",
                "bank_account_code_prefix": "112",
                "cash_account_code_prefix": "111",
                "transfer_account_code_prefix": "113",
                "account_default_pos_receivable_account_id": "union_1388",
                "income_currency_exchange_account_id": "union_5158",
                "expense_currency_exchange_account_id": "union_6158",
                "account_journal_early_pay_discount_loss_account_id": "union_8118",
                "account_journal_early_pay_discount_gain_account_id": "union_7118",
                "default_cash_difference_income_account_id": "union_7118",
                "default_cash_difference_expense_account_id": "union_8118",
                "account_journal_suspense_account_id": "union_1138",
                "transfer_account_id": "union_1133",
                **UNION_CHART_ACCOUNT_FIELDS,
                **UNION_CHART_JOURNAL_FIELDS,
            },
        }

    @template(UNION_TEMPLATE, "account.journal")
    def _get_vn_union_account_journal(self):
        return {
            "bank": {"name": "Tiền gửi ngân hàng", "code": "NH",
                     "default_account_id": "union_1121"},
            "cash": {"name": "Tiền mặt", "code": "TM", "default_account_id": "union_1111"},
            "general": {"name": "Nghiệp vụ khác", "code": "KHAC"},
            "union_dues_journal": {"name": "Đoàn phí công đoàn", "code": "ĐPCĐ", "type": "general",
                                   "show_on_dashboard": False, "sequence": 20},
            "union_fund_journal": {"name": "Kinh phí công đoàn 2%", "code": "KPCĐ",
                                   "type": "general", "show_on_dashboard": False, "sequence": 21},
        }
