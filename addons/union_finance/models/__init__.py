# ruff: noqa: I001 - the order matters: a mixin is imported before the models that inherit it
from . import res_company
from . import res_users
from . import account_move
from . import res_config_settings
from . import account_chart_template
from . import ir_actions_report
from . import union_finance_rule_mixin
from . import union_payment_mixin
from . import union_finance_reference_mixin
from . import union_base_salary
from . import union_dues_rule
from . import union_share_rule
from . import union_fund_rate
from . import union_member_dues_base
from . import union_dues_exemption
from . import union_member
from . import union_organization
from . import union_dues_run
from . import union_dues_run_job
from . import union_dues_line
from . import union_dues_allocation
from . import union_dues_payment
# 2% fund, remittance, welfare (finance-B)
from . import res_company_fund
from . import union_organization_employer
from . import union_fund_decision
from . import union_fund_contribution
from . import union_fund_payment
# money as the law says (DOMAIN.md §1, §2, §4, §5 revised 2026-12-02)
from . import union_fund_authorization
from . import union_fund_allocation
from . import union_dues_surplus_resolution
from . import union_dues_law
from . import union_dues_refund
from . import union_remittance
from . import union_welfare_kind
from . import union_spending_norm
from . import union_welfare_request
from . import union_settlement_line
from . import account_journal
from . import ir_module_module
from . import template_vn_union
from . import union_chart_mapping
from . import account_statement_import_sheet_mapping  # issue 16: bank statements
from . import account_statement_import_sheet_parser  # issue 16
from . import account_bank_statement_line  # issue 16
from . import account_chart_template_bank  # issue 16: fee and interest reconciliation models
from . import union_arrears_reminder
from . import union_organization_merge
