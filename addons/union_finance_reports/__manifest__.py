{
    "name": "Union Finance Reports",
    "summary": "The reports an auditor reads: settlement (B07-TLĐ) and budget (B14-TLĐ) as MIS "
    "templates drilling down to journal items, general ledger, trial balance and journal "
    "ledger per union unit",
    "version": "18.0.1.0.0",
    "category": "Association",
    "license": "LGPL-3",
    "author": "Union suite developers",
    "depends": [
        "union_finance",
        "mis_builder",
        "mis_builder_budget",
        "account_financial_report",
    ],
    "data": [
        "security/union_finance_reports_security.xml",
        "security/ir.model.access.csv",
        "data/mis_report_styles.xml",
        "data/mis_report_b07.xml",
        "data/mis_report_b14.xml",
        "views/mis_report_views.xml",
        "views/account_financial_report_wizard_views.xml",
        "wizard/union_mis_report_wizard_views.xml",
        "views/union_finance_reports_menus.xml",
    ],
    "installable": True,
    "application": False,
}
