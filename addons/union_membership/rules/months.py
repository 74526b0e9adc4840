"""Month arithmetic of the suite, in one place: ``dateutil.relativedelta`` does the counting.

Plain Python, no Odoo. Rule modules of union_membership import it as ``from .months import ...``,
models of every addon as ``odoo.addons.union_membership.rules.months``. (Rule modules of the
other addons load on their own in the plain tests and use ``relativedelta`` directly.)
"""
from dateutil.relativedelta import relativedelta


def month_start(day):
    """The first day of the month of ``day``."""
    return day + relativedelta(day=1)


def month_end(day):
    """The last day of the month of ``day``."""
    return day + relativedelta(day=31)


def add_months(day, months):
    """``day`` moved by ``months`` months, kept on the last day of a shorter month
    (31/01 + 1 month = 28/02 or 29/02)."""
    return day + relativedelta(months=months)
