"""Split of a collected sum between the grassroots unit and the upper levels.

Plain Python, no Odoo import. VND: whole numbers; the parts always add up to
the collected sum (the rounding difference stays with the grassroots unit).
"""
from decimal import ROUND_HALF_UP, Decimal


def _vnd(value):
    return int(Decimal(str(value)).quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def split_collected(amount, kept_percent, surplus=0):
    """Split ``amount`` collected by a grassroots unit.

    :param amount: the sum collected at the regular rate, VND.
    :param kept_percent: the share kept by the grassroots unit, in percent
        (60 = 60%).
    :param surplus: what was collected above the regular rate by the unit's
        own decision: it stays 100% with the unit.
    :returns: dict with ``kept`` and ``upward`` (kept + upward = amount + surplus).
    """
    amount = int(amount or 0)
    upward = amount - _vnd(Decimal(amount) * Decimal(str(kept_percent or 0)) / Decimal(100))
    return {"kept": amount - upward + int(surplus or 0), "upward": upward}


def split_upward(amount, shares):
    """Split the upward part among the upper levels.

    :param shares: list of (level, percent); percents should add up to 100.
    :returns: dict level -> VND; the parts add up to ``amount`` (largest
        remainder method, so no đồng is lost).
    """
    amount = int(amount or 0)
    total = sum(Decimal(str(p)) for _level, p in shares)
    if not shares or not total:
        return {}
    exact = [(level, Decimal(amount) * Decimal(str(p)) / total) for level, p in shares]
    parts = {level: int(value) for level, value in exact}
    rest = amount - sum(parts.values())
    order = sorted(exact, key=lambda item: item[1] - int(item[1]), reverse=True)
    for level, _value in order[:rest]:
        parts[level] += 1
    return parts


def share_at(shares, day):
    """The share rule in force on ``day``.

    :param shares: iterable of (date_start, dues_kept_percent, fund_kept_percent).
    :returns: (dues_kept_percent, fund_kept_percent), or None before the first rule.
    """
    best = None
    for date_start, dues_kept, fund_kept in shares:
        if date_start <= day and (best is None or date_start >= best[0]):
            best = (date_start, dues_kept, fund_kept)
    return best[1:] if best else None
