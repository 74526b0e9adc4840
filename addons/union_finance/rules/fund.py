"""The 2% union fund (kinh phí công đoàn) paid by employers, per month.

Plain Python, no Odoo import. VND: whole numbers.

- due: ``rate`` percent of the payroll fund used for compulsory social
  insurance, less a granted reduction (DOMAIN.md §4);
- deadline: the last day of the month after the declared month; a pause
  (up to 12 months) only defers: a paused month stays due, by the last day of
  the month after the pause ends;
- status: ``paid`` when paid in full; else ``paused`` while a pause defers
  it, ``due`` until the deadline, ``late`` after it, ``unpaid`` ("không
  đóng") once ``unpaid_after_days`` days have passed since the deadline;
  ``waived`` when a waiver (miễn) of a dissolved or bankrupt employer covers
  the month: only then is the fund not owed;
- who collects (§4): the upper level (công đoàn cấp trên cơ sở) by default,
  which allocates the grassroots share back; the grassroots union only under
  a dated authorisation (ủy quyền thu), and it then remits the upper share.
"""
import datetime
from decimal import ROUND_HALF_UP, Decimal

from dateutil.relativedelta import relativedelta

from .dues import month_start

STATUS_DUE = "due"
STATUS_PAID = "paid"
STATUS_LATE = "late"
STATUS_UNPAID = "unpaid"
STATUS_PAUSED = "paused"
STATUS_WAIVED = "waived"

KIND_REDUCTION = "reduction"
KIND_PAUSE = "pause"
KIND_WAIVER = "waiver"

# the only employers whose unpaid fund may be waived (Law 50/2024 art. 30)
WAIVER_REASONS = ("dissolved", "bankrupt")

COLLECTOR_UPPER = "upper"  # the upper level collects and allocates (default)
COLLECTOR_GRASSROOTS = "grassroots"  # the grassroots union, when authorised


def _vnd(value):
    return int(Decimal(str(value)).quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def deadline(month, pause_to=None):
    """The last day of the month following ``month`` (any day of it); for a
    paused month, the last day of the month following the pause's end
    ``pause_to``."""
    if pause_to:
        month = max(month, pause_to)
    return month + relativedelta(months=1, day=31)


def months_between(date_from, date_to):
    """Number of months covered from ``date_from`` to ``date_to`` (inclusive)."""
    return (date_to.year - date_from.year) * 12 + date_to.month - date_from.month + 1


def check_decision(kind, date_from, date_to, percent=0, max_reduction_percent=20,
                   max_reduction_months=6, max_pause_months=12, employer_end=None):
    """Errors (list of (code, values)) of a reduction, pause or waiver
    decision; empty if valid. A waiver needs ``employer_end`` in
    :data:`WAIVER_REASONS` (the employer was dissolved or went bankrupt)."""
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
    elif kind == KIND_WAIVER:
        if employer_end not in WAIVER_REASONS:
            errors.append(("waiver", {}))
    else:
        errors.append(("kind", {}))
    return errors


def decision_effects(decisions, month):
    """What the decisions of one employer do to ``month``: a dict with
    ``reduction`` (percent), ``pause_to`` (the end of the pause covering the
    month, else None) and ``waived`` (bool).

    :param decisions: iterable of dicts with ``kind``, ``date_from``, ``date_to``
        and ``percent``; a decision covers the months it touches.
    """
    start = month_start(month)
    effects = {"reduction": 0, "pause_to": None, "waived": False}
    for decision in decisions:
        if month_start(decision["date_from"]) <= start <= month_start(decision["date_to"]):
            if decision["kind"] == KIND_PAUSE:
                effects["pause_to"] = max(effects["pause_to"] or decision["date_to"],
                                          decision["date_to"])
            elif decision["kind"] == KIND_REDUCTION:
                effects["reduction"] = max(effects["reduction"], decision.get("percent") or 0)
            elif decision["kind"] == KIND_WAIVER:
                effects["waived"] = True
    return effects


def decision_for_month(decisions, month):
    """(reduction percent, paused) for ``month`` (see :func:`decision_effects`)."""
    effects = decision_effects(decisions, month)
    return effects["reduction"], bool(effects["pause_to"])


def fund_due(payroll_fund, rate_percent=2, reduction_percent=0, waived=False):
    """The fund due for one month, VND (a pause defers it: still due)."""
    if waived:
        return 0
    full = Decimal(int(payroll_fund or 0)) * Decimal(str(rate_percent)) / Decimal(100)
    return _vnd(full * (Decimal(100) - Decimal(str(reduction_percent or 0))) / Decimal(100))


def status(month, amount_due, amount_paid, today, unpaid_after_days=60, pause_to=None,
           waived=False):
    """The status of one month's fund on ``today``; a month paused until
    ``pause_to`` is ``paused`` until the pause ends, then due by the deadline
    of :func:`deadline`."""
    if waived:
        return STATUS_WAIVED
    if amount_due <= 0 or (amount_paid or 0) >= amount_due:
        return STATUS_PAID
    limit = deadline(month, pause_to)
    if pause_to and today <= pause_to:
        return STATUS_PAUSED
    if today <= limit:
        return STATUS_DUE
    if today <= limit + datetime.timedelta(days=unpaid_after_days):
        return STATUS_LATE
    return STATUS_UNPAID


def collector(authorisations, month):
    """Who collects the fund of a grassroots unit for ``month``: the
    grassroots union when one of its ``authorisations`` (dicts with
    ``date_from`` and ``date_to``, None = open-ended; a month is covered when
    its first day is) covers the month, else the upper level."""
    start = month_start(month)
    for auth in authorisations:
        if month_start(auth["date_from"]) <= start and (
                not auth.get("date_to") or start <= auth["date_to"]):
            return COLLECTOR_GRASSROOTS
    return COLLECTOR_UPPER


def allocation_split(amount, grassroots_percent):
    """The split of a month's fund collected by the upper level: ``allocated``
    to the grassroots unit (its share, rounded half up) and ``kept`` by the
    upper level; they add up to ``amount``."""
    amount = int(amount or 0)
    allocated = _vnd(Decimal(amount) * Decimal(str(grassroots_percent or 0)) / Decimal(100))
    return {"allocated": allocated, "kept": amount - allocated}
