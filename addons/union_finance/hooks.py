def post_init_hook(env):
    """Create the dues journal and accounts of every company that has a chart of
    accounts and lacks them. A company whose chart is loaded later (a new
    database: Odoo loads it after every module) gets them when it is loaded
    (models/account_chart_template.py). The document layout of every company is
    union_membership's (res.company._union_set_report_layout)."""
    env["res.company"].search([("chart_template", "!=", False)])._union_finance_setup_accounting()
