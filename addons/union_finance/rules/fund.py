"""The 2% union fund (kinh phí công đoàn) paid by employers, per month.

Plain Python, no Odoo import. VND: whole numbers.

- due: ``rate`` percent of the payroll fund used for compulsory social
  insurance, less a granted reduction, nothing during a granted pause;
- deadline: the last day of the month after the declared month;
- status: ``paid`` when paid in full; else ``due`` until the deadline,
  ``late`` after it, ``unpaid`` once ``unpaid_after_days`` days have passed
  since the deadline. ``paused`` when nothing is due because of a pause.
"""
import calendar
import datetime
from decimal import ROUND_HALF_UP, Decimal

STATUS_DUE = "due"
STATUS_PAID = "paid"
STATUS_LATE = "late"
STATUS_UNPAID = "unpaid"
STATUS_PAUSED = "paused"

KIND_REDUCTION = "reduction"
KIND_PAUSE = "pause"


def _vnd(value):
    return int(Decimal(str(value)).quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def month_start(day):
    return day.replace(day=1)


def deadline(month):
    """The last day of the month following ``month`` (any day of it)."""
    year, mon = (month.year + 1, 1) if month.month == 12 else (month.year, month.month + 1)
    return datetime.date(year, mon, calendar.monthrange(year, mon)[1])


def months_between(date_from, date_to):
    """Number of months covered from ``date_from`` to ``date_to`` (inclusive)."""
    return (date_to.year - date_from.year) * 12 + date_to.month - date_from.month + 1


def check_decision(kind, date_from, date_to, percent=0, max_reduction_percent=20,
                   max_reduction_months=6, max_pause_months=12):
    """Errors (list of (code, values)) of a reduction or pause decision; empty if valid."""
    errors = []
    if not date_from or not date_to or date_to < date_from:
        return [("dates", {})]
    months = months_between(date_from, date_to)
    if kind == KIND_REDUCTION:
        if not 0 < (percent or 0) <= max_reduction_percent:
            errors.append(("percent", {"max": max_reduction_percent}))
        if months > max_reduction_months:
            errors.append(("months", {"max": max_reduction_months}))
    elif kind == KIND_PAUSE:
        if months > max_pause_months:
            errors.append(("months", {"max": max_pause_months}))
    else:
        errors.append(("kind", {}))
    return errors


def decision_for_month(decisions, month):
    """(reduction percent, paused) for ``month`` from the decisions of one employer.

    :param decisions: iterable of dicts with ``kind``, ``date_from``, ``date_to``
        and ``percent``; a decision covers the months it touches.
    """
    start = month_start(month)
    reduction, paused = 0, False
    for decision in decisions:
        if month_start(decision["date_from"]) <= start <= month_start(decision["date_to"]):
            if decision["kind"] == KIND_PAUSE:
                paused = True
            elif decision["kind"] == KIND_REDUCTION:
                reduction = max(reduction, decision.get("percent") or 0)
    return reduction, paused


def fund_due(payroll_fund, rate_percent=2, reduction_percent=0, paused=False):
    """The fund due for one month, VND."""
    if paused:
        return 0
    full = Decimal(int(payroll_fund or 0)) * Decimal(str(rate_percent)) / Decimal(100)
    return _vnd(full * (Decimal(100) - Decimal(str(reduction_percent or 0))) / Decimal(100))


def status(month, amount_due, amount_paid, today, unpaid_after_days=60, paused=False):
    """The status of one month's fund on ``today``."""
    if amount_due <= 0:
        return STATUS_PAUSED if paused else STATUS_PAID
    if (amount_paid or 0) >= amount_due:
        return STATUS_PAID
    limit = deadline(month)
    if today <= limit:
        return STATUS_DUE
    if today <= limit + datetime.timedelta(days=unpaid_after_days):
        return STATUS_LATE
    return STATUS_UNPAID
