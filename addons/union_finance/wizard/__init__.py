# ruff: noqa: I001 - one import per line, so that each developer of this addon appends their own
from . import union_dues_import_mixin
from . import union_dues_checkoff_import
from . import union_welfare_norm_report  # finance-B
from . import union_finance_xlsx_report  # finance-B
from . import union_chart_cutover  # chart
from . import account_statement_import  # issue 16: bank statements
from . import union_lock_date  # issue 15: the lock dates Community shows nowhere
from . import union_organization_dissolve_wizard  # issue 15: closing entry on dissolution
