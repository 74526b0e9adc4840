from odoo import api, fields, models

from .template_vn_union import UNION_CHART_ACCOUNT_FIELDS, UNION_TEMPLATE

# (field, code, Vietnamese name, account type, reconcile)
UNION_ACCOUNTS = [
    ("union_dues_receivable_account_id", "138801", "Phải thu đoàn phí công đoàn",
     "asset_receivable", True),
    ("union_dues_income_account_id", "711801", "Thu đoàn phí công đoàn (phần công đoàn cơ sở được sử dụng)",
     "income_other", False),
    ("union_dues_upward_account_id", "338801", "Phải nộp đoàn phí cho công đoàn cấp trên",
     "liability_current", False),
]
# (field, code, Vietnamese name) of general journals
UNION_JOURNALS = [
    ("union_dues_journal_id", "ĐPCĐ", "Đoàn phí công đoàn"),
]
SETUP_FIELDS = [field for field, *_rest in UNION_ACCOUNTS + UNION_JOURNALS] + [
    "union_dues_payment_journal_id", "union_dues_cash_journal_id"]


class ResCompany(models.Model):
    _inherit = "res.company"

    union_dues_journal_id = fields.Many2one(
        "account.journal", string="Union Dues Journal", check_company=True,
        domain="[('type', '=', 'general')]",
        help="Journal of the monthly dues runs.")
    union_dues_receivable_account_id = fields.Many2one(
        "account.account", string="Dues Receivable Account", check_company=True,
        domain="[('account_type', '=', 'asset_receivable')]")
    union_dues_income_account_id = fields.Many2one(
        "account.account", string="Dues Income Account (kept share)", check_company=True)
    union_dues_upward_account_id = fields.Many2one(
        "account.account", string="Dues Payable to Upper Level Account", check_company=True)
    union_dues_payment_journal_id = fields.Many2one(
        "account.journal", string="Dues Bank Journal", check_company=True,
        domain="[('type', 'in', ('bank', 'cash'))]",
        help="Default journal for bank transfers and payroll check-off payments.")
    union_dues_cash_journal_id = fields.Many2one(
        "account.journal", string="Dues Cash Journal", check_company=True,
        domain="[('type', '=', 'cash')]",
        help="Default journal of cash receipts (vouchers C40-BB).")
    union_dues_reference_prefix = fields.Char(
        string="Dues Payment Reference Prefix", default="DP",
        help="Prefix of the payment references of the members' dues (e.g. DP-M000123-202507).")

    def _union_finance_setup_accounting(self):
        """Create, for each company, the dues journal and accounts it lacks.

        Existing settings are kept; an account with the same code is reused.
        sudo: the accountant who confirms the first run of a new company may
        not manage the chart of accounts.
        """
        Journal = self.env["account.journal"].sudo()
        for company in self.sudo():
            if not company.currency_id or all(company[f] for f in SETUP_FIELDS):
                continue
            vals = company._union_missing_setup_vals(UNION_ACCOUNTS, UNION_JOURNALS)
            for field, journal_type in (("union_dues_payment_journal_id", "bank"),
                                        ("union_dues_cash_journal_id", "cash")):
                if not company[field]:
                    journal = Journal.search([
                        *Journal._check_company_domain(company), ("type", "=", journal_type),
                        ("company_id", "=", company.id)], limit=1)
                    if journal:
                        vals[field] = journal.id
            if vals:
                company.write(vals)

    def _union_missing_setup_vals(self, accounts, journals):
        """Values for the empty fields of this company among ``accounts``
        [(field, code, name, account type, reconcile)] and ``journals``
        [(field, code, name)] of type general: the account or journal with
        the same code when there is one, else a new one (call it with sudo)."""
        self.ensure_one()
        Account = self.env["account.account"]
        Journal = self.env["account.journal"]
        vals = {}
        for field, code, name, account_type, reconcile in accounts:
            if self[field]:
                continue
            # the union chart's account, on a company loaded with it or cut over to it
            account = self._union_chart_account(field) or Account.search(
                [*Account._check_company_domain(self), ("code", "=", code)], limit=1)
            if not account:
                account = Account.with_company(self).create({
                    "code": code, "name": name, "account_type": account_type,
                    "reconcile": reconcile, "company_ids": [fields.Command.link(self.id)],
                })
            vals[field] = account.id
        for field, code, name in journals:
            if self[field]:
                continue
            journal = Journal.search([*Journal._check_company_domain(self), ("code", "=", code)],
                                     limit=1)
            if not journal:
                journal = Journal.with_company(self).create({
                    "name": name, "code": code, "type": "general", "company_id": self.id,
                    "show_on_dashboard": False,
                })
            vals[field] = journal.id
        return vals

    def _union_chart_account(self, field):
        """The union chart's account for the company field ``field``, when the
        company has it (models/template_vn_union.py)."""
        self.ensure_one()
        xmlid = UNION_CHART_ACCOUNT_FIELDS.get(field)
        return xmlid and self.env.ref(f"account.{self.id}_{xmlid}", raise_if_not_found=False)

    @api.model
    def _union_demo_load_union_chart(self):
        """Demo: the companies that keep the books of the demo province are put on
        the union chart before the finance demo books anything. A company with
        entries outside a demo database is left alone (see the cut-over wizard)."""
        root = self.env.ref("union_membership.demo_org_sector", raise_if_not_found=False)
        if not root:
            return False
        while root.parent_id:
            root = root.parent_id
        companies = self.env["union.organization"].with_context(active_test=False).search(
            [("id", "child_of", root.id)]).company_id
        demo = self.env.ref("base.module_account").demo
        chart_template = self.env["account.chart.template"]
        for company in companies.filtered(lambda c: c.chart_template != UNION_TEMPLATE):
            if company.root_id._existing_accounting() and not demo:
                continue
            # _load, not try_loading: called while the demo modules are installed
            chart_template._load(UNION_TEMPLATE, company, install_demo=False)
        return True
