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


def _rule_at(shares, day):
    best = None
    for rule in shares:
        if rule[0] <= day and (best is None or rule[0] >= best[0]):
            best = rule
    return best


def share_at(shares, day):
    """The share rule in force on ``day``.

    :param shares: iterable of (date_start, dues_kept_percent, fund_kept_percent).
    :returns: (dues_kept_percent, fund_kept_percent), or None before the first rule.
    """
    best = _rule_at(shares, day)
    return tuple(best[1:3]) if best else None


def split_by_month(collected, shares):
    """Split what was collected over a period, month by month, each month by
    the share rule in force on its first day (a period may span a change of
    rule: every month keeps its own rule).

    :param collected: {first day of a month: {"dues": VND, "fund": VND}}.
    :param shares: iterable of (date_start, dues_kept_percent, fund_kept_percent).
    :returns: dict with
        ``dues`` and ``fund``: {"collected", "kept", "upward"} for the period
        (the sums of the months, each month rounded on its own);
        ``months``: [{"month", "rule_start", "dues": split, "fund": split}]
        in month order, ``rule_start`` being the date_start of the rule used;
        ``missing``: the months that no rule covers (nothing split for them).
    """
    shares = list(shares)
    result = {kind: {"collected": 0, "kept": 0, "upward": 0} for kind in ("dues", "fund")}
    result.update(months=[], missing=[])
    for month in sorted(collected):
        amounts = collected[month]
        if not any(amounts.get(kind) for kind in ("dues", "fund")):
            continue
        rule = _rule_at(shares, month)
        if rule is None:
            result["missing"].append(month)
            continue
        row = {"month": month, "rule_start": rule[0]}
        for kind, percent in (("dues", rule[1]), ("fund", rule[2])):
            amount = int(amounts.get(kind) or 0)
            row[kind] = split_collected(amount, percent)
            result[kind]["collected"] += amount
            result[kind]["kept"] += row[kind]["kept"]
            result[kind]["upward"] += row[kind]["upward"]
        result["months"].append(row)
    return result
