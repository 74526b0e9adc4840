"""Every amount becomes ``fields.Monetary`` (PostgreSQL ``numeric``) instead of an Integer
(``int4``) or the former ``VndAmount`` (``int8``).

Odoo does not cast an integer column to numeric when a field changes type: it renames the old
column (``amount_moved0``) and creates an empty one, which would lose every amount. So, before
the module's models are loaded, each money column of the suite's own tables that is still an
integer is converted in place (``ALTER COLUMN ... TYPE numeric USING col::numeric``): exact
for every value, an int8 above 2^31 included. Accounting tables are never touched (they are
numeric already). A column that is missing (a table of a model not created yet, a computed
field) or already numeric is left alone, so the script can run twice.
"""
import logging

from odoo.tools import SQL

_logger = logging.getLogger(__name__)

# (table, column) of every stored money field of union_finance before 18.0.1.3.0
MONEY_COLUMNS = (
    ("union_base_salary", "amount"),
    ("union_dues_rule", "fixed_amount"),
    ("union_welfare_kind", "default_amount"),
    ("union_member_dues_base", "amount"),
    ("union_member_dues_base", "take_home_amount"),
    ("union_dues_line", "base_salary"),
    ("union_dues_line", "base_amount"),
    ("union_dues_line", "cap"),
    ("union_dues_line", "amount"),
    ("union_dues_line", "amount_residual"),
    ("union_dues_line", "amount_paid"),
    ("union_dues_line", "amount_surplus"),
    ("union_dues_run", "amount_kept"),
    ("union_dues_run", "amount_upward"),
    ("union_dues_run", "amount_surplus"),
    ("union_dues_allocation", "amount"),
    ("union_dues_payment", "amount"),
    ("union_dues_refund", "amount"),
    ("union_arrears_reminder", "amount"),
    ("union_arrears_reminder", "amount_due_now"),
    ("union_welfare_request", "amount_requested"),
    ("union_welfare_request", "amount"),
    ("union_fund_contribution", "payroll_fund"),
    ("union_fund_contribution", "amount_due"),
    ("union_fund_contribution", "amount_kept"),
    ("union_fund_contribution", "amount_upward"),
    ("union_fund_contribution", "amount_paid"),
    ("union_fund_contribution", "amount_residual"),
    ("union_fund_payment", "amount"),
    ("union_fund_allocation", "amount"),
    ("union_remittance", "collected_dues"),
    ("union_remittance", "collected_fund"),
    ("union_remittance", "dues_upward"),
    ("union_remittance", "fund_upward"),
    ("union_remittance", "amount"),
    ("union_remittance", "amount_paid"),
    ("union_remittance", "amount_residual"),
    ("union_dues_checkoff_import_line", "amount"),
    ("union_dues_checkoff_import_line", "amount_due"),
)

INTEGER_TYPES = ("smallint", "integer", "bigint")


def columns_to_numeric(cr, columns=MONEY_COLUMNS):
    """Convert the integer columns of ``columns`` ([(table, column)]) to numeric, values
    unchanged. Returns the (table, column) pairs converted."""
    cr.execute("""SELECT table_name, column_name FROM information_schema.columns
                   WHERE table_schema = current_schema() AND data_type IN %s
                     AND (table_name, column_name) IN %s""",
               [INTEGER_TYPES, tuple(columns)])
    found = set(cr.fetchall())
    converted = [pair for pair in columns if pair in found]
    by_table = {}
    for table, column in converted:
        by_table.setdefault(table, []).append(column)
    for table, names in by_table.items():
        # one ALTER TABLE per table: the table is rewritten once for all its columns
        cr.execute(SQL("ALTER TABLE %s %s", SQL.identifier(table), SQL(", ").join(
            SQL("ALTER COLUMN %s TYPE numeric USING %s::numeric",
                SQL.identifier(column), SQL.identifier(column)) for column in names)))
        _logger.info("union_finance: %s.%s now numeric (Monetary)", table, ", ".join(names))
    return converted


def migrate(cr, version):
    if version:
        columns_to_numeric(cr)
