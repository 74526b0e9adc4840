from . import account_financial_report
