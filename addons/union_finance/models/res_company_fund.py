from dateutil.relativedelta import relativedelta

from odoo import fields, models

from .template_vn_union import UNION_TEMPLATE

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

# Before 18.0.1.3.0 the union chart did not say which accounts take the dues
# collected above the rate and the 2% fund allocations owed to lower levels, so
# _union_ensure_fund_accounts gave a company on the union chart the other charts'
# 711803 and 336802: {old code: union chart code}
UNION_CHART_REPLACED_CODES = {"711803": "5183", "336802": "33684"}
# the settings, other than the company's union accounts, that may point at an account
# (model, field); company-dependent fields are read and written in the company
UNION_ACCOUNT_SETTINGS = [
    ("account.fiscal.position.account", "account_src_id"),
    ("account.fiscal.position.account", "account_dest_id"),
    ("account.journal", "default_account_id"),
    ("account.journal", "suspense_account_id"),
    ("account.journal", "profit_account_id"),
    ("account.journal", "loss_account_id"),
    ("account.reconcile.model.line", "account_id"),
    ("account.tax.repartition.line", "account_id"),
    ("product.category", "property_account_income_categ_id"),
    ("product.category", "property_account_expense_categ_id"),
    ("product.template", "property_account_income_id"),
    ("product.template", "property_account_expense_id"),
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

    def _union_remap_replaced_accounts(self, on_date=None):
        """Companies on the union chart whose union settings still use 711803 and
        336802 (what they got before the chart named its own): add the union
        chart's accounts they lack (5183, 33684, ...), move the balances of the old
        accounts to the new ones by one posted entry (the cut-over wizard's
        steps: posted entries are never rewritten), point the company's union
        accounts and the other settings (fiscal positions, journals,
        reconciliation models, taxes, product categories and products) at the new
        ones. Through the ORM only. Running it again changes nothing.
        Returns {company: cut-over entry or empty recordset}. Called by the
        18.0.1.3.0 migration."""
        done = {}
        Cutover = self.env["union.chart.cutover"].sudo()
        for company in self.sudo().filtered(lambda c: c.chart_template == UNION_TEMPLATE):
            Account = self.env["account.account"].sudo().with_company(company)
            olds = Account.search([*Account._check_company_domain(company),
                                   ("code", "in", list(UNION_CHART_REPLACED_CODES))])
            wizard = Cutover.with_company(company).create({"company_id": company.id})
            if not wizard.journal_id:
                continue
            wizard.date = company._union_remap_date(olds, wizard.journal_id, on_date)
            wizard._union_add_missing_accounts()
            move = wizard._union_move_balances(UNION_CHART_REPLACED_CODES)
            wizard._union_switch_company_fields(UNION_CHART_REPLACED_CODES)
            news = Account.search([*Account._check_company_domain(company),
                                   ("code", "in", list(UNION_CHART_REPLACED_CODES.values()))])
            by_code = {account.code: account for account in news}
            company._union_remap_account_settings(
                {old: by_code[UNION_CHART_REPLACED_CODES[old.code]] for old in olds
                 if UNION_CHART_REPLACED_CODES[old.code] in by_code})
            done[company] = move
        return done

    def _union_remap_date(self, accounts, journal, on_date=None):
        """The date of the remapping entry: ``on_date`` (default today), not before the
        last posted item on ``accounts``, moved after the lock dates."""
        self.ensure_one()
        date = on_date or fields.Date.context_today(self)
        last = self.env["account.move.line"].sudo().search(
            [("account_id", "in", accounts.ids), ("company_id", "=", self.id),
             ("parent_state", "=", "posted")], order="date desc", limit=1).date
        if last and last > date:
            date = last
        violated = self._get_violated_lock_dates(date, False, journal)
        if violated:
            date = max(lock for lock, _field in violated) + relativedelta(days=1)
        return date

    def _union_remap_account_settings(self, old_to_new):
        """Point the settings listed in UNION_ACCOUNT_SETTINGS that use an old account of
        ``old_to_new`` ({old account: new account}) at the new one, in this company."""
        self.ensure_one()
        for model, field in UNION_ACCOUNT_SETTINGS:
            if model not in self.env or field not in self.env[model]._fields:
                continue
            Model = self.env[model].sudo().with_company(self).with_context(active_test=False)
            for old, new in old_to_new.items():
                domain = [(field, "=", old.id)]
                if not Model._fields[field].company_dependent and "company_id" in Model._fields:
                    domain.append(("company_id", "=", self.id))
                records = Model.search(domain)
                if records:
                    records.write({field: new.id})
