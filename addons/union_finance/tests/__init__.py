# ruff: noqa: I001 - one import per line, so that each developer of this addon appends their own
from . import test_finance_rules
from . import test_dues_run
from . import test_payments
from . import test_access
from . import test_portal
from . import test_fund  # finance-B
from . import test_remittance  # finance-B
from . import test_welfare  # finance-B
from . import test_translation  # every label in Vietnamese
from . import test_finance_reports  # finance-B
from . import test_demo_fund  # finance-B
from . import test_demo_dues
from . import test_analytic  # per-unit analytic
from . import test_references  # issue 13: references and portal fields
from . import test_xlsx_files  # issue 13: upload limits, user text as text
from . import test_company_books  # issue 13: separate books by company
from . import test_daily_use  # issue 14: roles, run display, money
from . import test_vietqr  # issue 14: VietQR set-up told to officers and members
from . import test_printing  # issue 14: no layout wizard, selectable receipt
from . import test_routines  # issue 14: the month's dues tour, check-off as the accountant
from . import test_union_chart
from . import test_portal_phone
from . import test_fund_rate  # issue 19: the 2% fund rate as a dated rule
from . import test_dues_run_job
from . import test_bank_statements  # issue 16: bank statements
from . import test_bank_statement_before_payment  # the statement imported before the payment
from . import test_books  # issue 15: booked per unit, the dues subledger, hash and lock dates
from . import test_arrears_reminder
from . import test_organization_merge  # issue 18: a merge moves unpaid dues and balances
from . import test_monetary  # issue 19: every amount is Monetary, the migration keeps values
from . import test_books_closing  # issue 15: remap 711803/336802, lock dates
from . import test_finance_law
from . import test_job_tours  # browser tours of the dues run and arrears jobs, lock dates
from . import test_successor_access  # the surviving unit reads the merged unit's books
