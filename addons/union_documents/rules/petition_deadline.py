"""Time limits of petitions (Quy định 05/QĐ-TLĐ 2024; Complaints Law 02/2011; Denunciation
Law 25/2018), computed from a dated rule given as a dict. Plain Python: no Odoo import.

A rule has: ``days`` (to settle, from acceptance), ``complex_days``, ``remote_days``,
``remote_complex_days`` (complaints in remote, hard-to-reach areas), ``extension_days`` and
``max_extensions`` (denunciations: extended once for a complex case, twice for an especially
complex one), ``intake_days`` and ``intake_working_days`` (the time to accept or refuse a
petition after receiving it, in working days or calendar days).
"""
from datetime import timedelta


def settle_days(rule, is_complex=False, is_remote=False):
    """Days from acceptance to settle a petition under ``rule`` (0: no limit)."""
    if not rule:
        return 0
    if is_remote and rule.get("remote_days"):
        if is_complex and rule.get("remote_complex_days"):
            return rule["remote_complex_days"]
        return rule["remote_days"]
    if is_complex and rule.get("complex_days"):
        return rule["complex_days"]
    return rule.get("days") or 0


def add_working_days(start, count, is_working_day, horizon=400):
    """The ``count``-th working day after ``start`` (``start`` itself not counted).

    ``is_working_day(date)`` says whether a date is worked (the unit's working schedule, its
    public holidays and compensatory days off). Gives up after ``horizon`` days: a schedule
    without working days raises ValueError.
    """
    day, found = start, 0
    for _step in range(horizon):
        if found == count:
            return day
        day += timedelta(days=1)
        if is_working_day(day):
            found += 1
    if found == count:
        return day
    raise ValueError("no working days in the schedule")


def intake_deadline(rule, received, is_working_day):
    """The last day to accept or refuse a petition received on ``received`` (None: no limit)."""
    if not rule or not rule.get("intake_days"):
        return None
    if rule.get("intake_working_days"):
        return add_working_days(received, rule["intake_days"], is_working_day)
    return received + timedelta(days=rule["intake_days"])


def extension_refusal(rule, done, is_complex, is_especially_complex):
    """Why one more extension of the settling time is not allowed, or None when it is.

    ``done`` is the number of extensions already decided. Codes: ``none`` (the kind has no
    extension), ``not_complex`` (the case is not complex), ``max`` (no more extensions),
    ``not_especially_complex`` (a second extension needs an especially complex case).
    """
    if not rule or not rule.get("extension_days") or not rule.get("max_extensions"):
        return "none"
    if done >= rule["max_extensions"]:
        return "max"
    if not (is_complex or is_especially_complex):
        return "not_complex"
    if done >= 1 and not is_especially_complex:
        return "not_especially_complex"
    return None
