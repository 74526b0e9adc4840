from odoo import fields, models

# (field, code, Vietnamese name, account type, reconcile)
UNION_FUND_ACCOUNTS = [
    ("union_fund_receivable_account_id", "138802", "Phải thu kinh phí công đoàn (2%)",
     "asset_receivable", True),
    ("union_fund_income_account_id", "711802",
     "Thu kinh phí công đoàn (phần công đoàn cơ sở được sử dụng)", "income_other", False),
    ("union_fund_upward_account_id", "338802", "Phải nộp kinh phí công đoàn cho công đoàn cấp trên",
     "liability_current", False),
    ("union_fund_allocation_payable_account_id", "336802",
     "Phải trả nội bộ: kinh phí công đoàn phân phối cho công đoàn cơ sở", "liability_current",
     False),
    ("union_dues_surplus_account_id", "711803",
     "Thu đoàn phí vượt mức (công đoàn cơ sở sử dụng 100%)", "income_other", False),
    ("union_upper_payable_account_id", "331801", "Phải trả công đoàn cấp trên (nộp cấp trên)",
     "liability_payable", True),
    ("union_welfare_expense_account_id", "811801", "Chi chăm lo, thăm hỏi, trợ cấp đoàn viên",
     "expense", False),
]
# (field, code, Vietnamese name)
UNION_FUND_JOURNALS = [
    ("union_fund_journal_id", "KPCĐ", "Kinh phí công đoàn 2%"),
]


class ResCompany(models.Model):
    _inherit = "res.company"

    union_fund_journal_id = fields.Many2one(
        "account.journal", string="Union Fund Journal", check_company=True,
        domain="[('type', '=', 'general')]",
        help="Journal of the employers' 2% fund declarations.")
    union_fund_receivable_account_id = fields.Many2one(
        "account.account", string="2% Fund Receivable Account", check_company=True,
        domain="[('account_type', '=', 'asset_receivable')]")
    union_fund_income_account_id = fields.Many2one(
        "account.account", string="2% Fund Income Account (kept share)", check_company=True)
    union_fund_upward_account_id = fields.Many2one(
        "account.account", string="2% Fund Payable to Upper Level Account", check_company=True)
    union_fund_allocation_payable_account_id = fields.Many2one(
        "account.account", string="2% Fund Allocation Payable Account", check_company=True,
        help="Of the upper level that collects the 2% fund: the grassroots units' share it owes "
             "them until it allocates it.")
    union_dues_surplus_account_id = fields.Many2one(
        "account.account", string="Dues Surplus Income Account", check_company=True,
        help="Dues collected above the rate by a resolution of the grassroots union: kept 100%, "
             "never part of the share sent upward.")
    union_upper_payable_account_id = fields.Many2one(
        "account.account", string="Remittance Payable to Upper Level Account", check_company=True,
        help="What the unit has to pay to its upper level, once a remittance is confirmed.")
    union_welfare_expense_account_id = fields.Many2one(
        "account.account", string="Welfare Expense Account", check_company=True)

    def _union_finance_setup_accounting(self):
        res = super()._union_finance_setup_accounting()
        self._union_ensure_fund_accounts()
        return res

    def _union_ensure_fund_accounts(self):
        """Create the 2% fund, remittance and welfare journals and accounts
        each company lacks (existing settings kept, same codes reused)."""
        for company in self.sudo():
            if not company.currency_id:
                continue
            vals = company._union_missing_setup_vals(UNION_FUND_ACCOUNTS, UNION_FUND_JOURNALS)
            if vals:
                company.write(vals)
