"""Union dues (đoàn phí) of one member for one month.

Plain Python, no Odoo import: the models gather the data (dated rules,
lương cơ sở, the member's dues base and exemptions) and call these functions
in bulk. Money is VND: whole numbers, rounded half up.
"""
import calendar
import datetime
from decimal import ROUND_HALF_UP, Decimal

from dateutil.relativedelta import relativedelta

BASE_INSURANCE = "insurance_salary"  # salary for compulsory social insurance
BASE_TAKE_HOME = "take_home"  # take-home pay (state enterprises)
BASE_FIXED = "fixed"  # fixed amount (no fixed salary / no compulsory insurance)

# Member groups and the unit funding types they follow by default.
GROUP_PUBLIC = "public"  # state payroll (grade salary + allowances)
GROUP_STATE_ENTERPRISE = "state_enterprise"
GROUP_EMPLOYEE = "employee"  # non-public units, enterprises, other employers
GROUP_NO_SALARY = "no_fixed_salary"

FUNDING_TYPE_GROUP = {
    "public_full": GROUP_PUBLIC,
    "public_partial": GROUP_PUBLIC,
    "non_public": GROUP_EMPLOYEE,
    "enterprise": GROUP_EMPLOYEE,
    "other": GROUP_EMPLOYEE,
}


def vnd(value):
    """Round a number to whole VND, half up (no banker's rounding)."""
    return int(Decimal(str(value)).quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def month_start(day):
    """First day of the month of ``day`` (called for every member of a run: a plain
    ``replace``, five times faster than building a ``relativedelta``; the month arithmetic
    stays with ``dateutil.relativedelta``, as union_membership/rules/months.py)."""
    return day.replace(day=1)


def normalize_month(vals):
    """Move ``vals['month']`` (a date or an ISO date string) to the first day of its month, in place."""
    month = vals.get("month")
    if month:
        if isinstance(month, str):
            month = datetime.date.fromisoformat(month[:10])
        vals["month"] = month_start(month)
    return vals


def month_end(day):
    """Last day of the month of ``day`` (``calendar.monthrange``: see month_start)."""
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def add_months(day, months):
    """First day of the month ``months`` after the month of ``day``."""
    return day + relativedelta(months=months, day=1)


def group_for(funding_type, group=None):
    """The member's dues group: the one set on the member, else the unit's."""
    return group or FUNDING_TYPE_GROUP.get(funding_type or "", GROUP_EMPLOYEE)


def value_at(dated, day):
    """From ``dated`` (iterable of (date_start, value)), the value in force on ``day``.

    Returns None when nothing starts on or before ``day``.
    """
    best = None
    for date_start, value in dated:
        if date_start <= day and (best is None or date_start >= best[0]):
            best = (date_start, value)
    return best[1] if best else None


def rule_at(rules, group, month):
    """The dues rule (a dict with ``date_start`` and ``member_group``) in force
    for ``group`` on the first day of ``month``; None when there is none."""
    day = month_start(month)
    return value_at(
        ((r["date_start"], r) for r in rules if r["member_group"] == group), day
    )


def compute_dues(base_amount, rate, base_salary, cap_multiple=0, minimum_multiple=0,
                 fixed_amount=0, base_type=BASE_INSURANCE):
    """Dues of one member for one month, in whole VND.

    :param base_amount: the member's salary used as base (social-insurance
        salary or take-home pay), VND per month; ignored for ``fixed``.
    :param rate: rate in percent (1.0 = 1%, 0.5 = 0.5%).
    :param base_salary: lương cơ sở in force for the month, VND.
    :param cap_multiple: cap as a multiple of lương cơ sở (0.1 = 10%); 0 = no cap.
    :param minimum_multiple: minimum as a multiple of lương cơ sở (0.005 = 0.5%);
        0 = no minimum.
    :param fixed_amount: the amount a member on the ``fixed`` base pays
        (raised to the minimum when lower).
    :param base_type: ``insurance_salary``, ``take_home`` or ``fixed``.
    :returns: dict with ``amount``, ``computed`` (before cap/minimum), ``cap``,
        ``minimum``, ``capped`` (bool).
    """
    base_salary = Decimal(str(base_salary or 0))
    cap = vnd(base_salary * Decimal(str(cap_multiple or 0))) if cap_multiple else 0
    minimum = vnd(base_salary * Decimal(str(minimum_multiple or 0))) if minimum_multiple else 0
    if base_type == BASE_FIXED:
        computed = vnd(fixed_amount or 0)
    else:
        if not base_amount or base_amount < 0:
            return {"amount": 0, "computed": 0, "cap": cap, "minimum": minimum, "capped": False}
        computed = vnd(Decimal(str(base_amount)) * Decimal(str(rate or 0)) / Decimal(100))
    amount = computed
    capped = False
    if cap and amount > cap:
        amount, capped = cap, True
    if minimum and amount < minimum:
        amount = minimum
    return {"amount": amount, "computed": computed, "cap": cap, "minimum": minimum, "capped": capped}


def dues_for_month(month, group, base_amount, rules, base_salaries, fixed_amount=0):
    """Dues of one member for ``month`` with the dated rules and lương cơ sở.

    :param rules: iterable of dicts (date_start, member_group, base_type, rate,
        cap_multiple, minimum_multiple, fixed_amount).
    :param base_salaries: iterable of (date_start, amount).
    :param fixed_amount: the member's own fixed amount (else the rule's).
    :returns: the dict of :func:`compute_dues` plus ``rule`` and
        ``base_salary``; None when no rule covers the month.
    """
    rule = rule_at(rules, group, month)
    if rule is None:
        return None
    base_salary = value_at(base_salaries, month_start(month)) or 0
    result = compute_dues(
        base_amount,
        rule["rate"],
        base_salary,
        cap_multiple=rule.get("cap_multiple") or 0,
        minimum_multiple=rule.get("minimum_multiple") or 0,
        fixed_amount=fixed_amount or rule.get("fixed_amount") or 0,
        base_type=rule.get("base_type") or BASE_INSURANCE,
    )
    result["rule"] = rule
    result["base_salary"] = base_salary
    return result


# How a month partly covered by an exemption counts: a unit's setting
# (DOMAIN.md §2: the texts exempt "the period of the benefit" and say nothing
# of splitting a month).
PARTIAL_NO_INSURANCE = "no_insurance_salary"  # default: no insurance salary paid that month
PARTIAL_MAJORITY = "majority"  # more than half of the month's days
PARTIAL_WHOLE = "whole_month"  # every day of the month
PARTIAL_ANY = "any_day"  # any day of the month


def working_days(date_from, date_to):
    """Working days (Monday to Friday) from ``date_from`` to ``date_to`` inclusive."""
    if date_to < date_from:
        return 0
    days = (date_to - date_from).days + 1
    weeks, rest = divmod(days, 7)
    count = weeks * 5
    for offset in range(rest):
        if (date_from + datetime.timedelta(days=weeks * 7 + offset)).weekday() < 5:
            count += 1
    return count


def exempt_in_month(month, date_from, date_to, policy=PARTIAL_MAJORITY, no_insurance_days=14):
    """Whether an exemption from ``date_from`` to ``date_to`` (inclusive; None =
    open-ended) exempts the member from the dues of ``month``.

    The rule (HD 38/HD-TLĐ): a member on a social-insurance benefit or unpaid
    leave for a month or more pays no dues for that time. An exemption shorter
    than one month exempts nothing; a longer one exempts a calendar month it
    touches by the unit's ``policy``: ``no_insurance_salary`` (no salary for
    social insurance is paid for the month: the exemption covers at least
    ``no_insurance_days`` working days of it, the social-insurance rule of
    14 days off without pay), ``majority`` (more than half of the days),
    ``whole_month`` or ``any_day``.
    """
    if date_to is not None:
        if date_to < date_from:
            return False
        # at least one month: date_to reaches the day before the same day next month
        one_month = add_months(date_from, 1)
        day = min(date_from.day, month_end(one_month).day)
        if date_to < one_month.replace(day=day) - datetime.timedelta(days=1):
            return False
    first, last = month_start(month), month_end(month)
    start = max(first, date_from)
    end = min(last, date_to) if date_to is not None else last
    if end < start:
        return False
    covered = (end - start).days + 1
    if policy == PARTIAL_WHOLE:
        return covered == last.day
    if policy == PARTIAL_ANY:
        return True
    if policy == PARTIAL_NO_INSURANCE:
        return working_days(start, end) >= min(no_insurance_days, working_days(first, last))
    return covered * 2 > last.day


# Collecting above the rate (DOMAIN.md §2): only grassroots unions of groups 2
# and 3, by their executive committee's resolution.
SURPLUS_BASE_RATE = "rate"  # a higher rate on the regular base
SURPLUS_BASE_TAKE_HOME = "take_home"  # take-home pay as base


def may_collect_above(unit_group):
    """Whether a grassroots unit whose members are in ``unit_group`` may
    collect above the rate: groups 2 (state enterprises) and 3 (others) may,
    group 1 (public units) may not."""
    return unit_group != GROUP_PUBLIC


def resolution_at(resolutions, month):
    """The resolution (dict with ``date_from`` and ``date_to``, None =
    open-ended) in force on the first day of ``month``, the latest first."""
    start = month_start(month)
    found = None
    for resolution in resolutions:
        if month_start(resolution["date_from"]) <= start and (
                not resolution.get("date_to") or start <= resolution["date_to"]):
            if found is None or resolution["date_from"] > found["date_from"]:
                found = resolution
    return found


def surplus_amount(regular_amount, resolution, base_amount, take_home_amount, rule_rate):
    """What one member pays above the regular dues under ``resolution``, VND.

    :param regular_amount: the regular dues of the month (after cap/minimum);
        an exempt member (0) pays no surplus either.
    :param resolution: dict with ``base`` (``rate`` or ``take_home``) and
        ``rate`` (percent; 0 = the rule's rate).
    :param base_amount: the member's regular base (insurance salary).
    :param take_home_amount: the member's take-home pay (0 = unknown: the
        regular base is used).
    :returns: the surplus (never negative): the amount the resolution
        collects less the regular dues.
    """
    if not resolution or regular_amount <= 0:
        return 0
    base = base_amount
    if resolution.get("base") == SURPLUS_BASE_TAKE_HOME and take_home_amount:
        base = take_home_amount
    rate = resolution.get("rate") or rule_rate or 0
    total = vnd(Decimal(str(base or 0)) * Decimal(str(rate)) / Decimal(100))
    return max(total - regular_amount, 0)


def stopped(month, stop_date):
    """Whether a unit that stopped collecting on ``stop_date`` (None: never)
    may have dues or fund declarations for ``month``: not from that month on."""
    return bool(stop_date) and month_start(month) >= month_start(stop_date)


def payment_reference(prefix, member_code, month):
    """Payment reference of a member's dues for a month: unique per member and
    month, short and free of spaces and accents so that it survives a bank
    transfer description (e.g. ``DP-M000123-202507``)."""
    code = "".join(ch for ch in str(member_code or "").upper() if ch.isalnum())
    return f"{prefix}-{code}-{month.year:04d}{month.month:02d}"
