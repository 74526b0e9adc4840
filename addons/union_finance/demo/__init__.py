# Demo data generators (not product models): called by the demo XML files of this folder.
from . import union_finance_demo_dues, union_finance_demo_fund
