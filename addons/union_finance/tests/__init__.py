# ruff: noqa: I001 - one import per line, so that each developer of this addon appends their own
from . import test_finance_rules
from . import test_dues_run
from . import test_payments
from . import test_access
from . import test_portal
from . import test_fund  # finance-B
from . import test_remittance  # finance-B
from . import test_welfare  # finance-B
from . import test_finance_reports  # finance-B
from . import test_demo_fund  # finance-B
from . import test_demo_dues
from . import test_analytic  # per-unit analytic
from . import test_union_chart
