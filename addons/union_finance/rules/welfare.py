"""Spending of a unit's share of the dues against the QĐ 4290 proportions.

Plain Python, no Odoo import. Under QĐ 4290/QĐ-TLĐ the grassroots unit's
share of the dues is spent: allowances and salaries at most 45%, visits and
care for members at least 40%, other at most 15%. The proportions are data
(``norms``), so a new decision only changes records.
"""
from decimal import ROUND_HALF_UP, Decimal

MAX = "max"
MIN = "min"


def _percent(part, whole):
    if not whole:
        return 0.0
    return float((Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.01"), ROUND_HALF_UP))


def compare_spending(kept_dues, spent, norms):
    """Rows comparing what was spent with the norms.

    :param kept_dues: the unit's share of the dues collected in the year, VND.
    :param spent: {category: VND spent in the year}.
    :param norms: list of (category, comparison ``max``/``min``, percent).
    :returns: list of dicts: category, spent, percent (of the kept dues),
        limit_percent, limit_amount (the VND bound), comparison, ok.
    """
    rows = []
    for category, comparison, limit in norms:
        amount = int(spent.get(category, 0) or 0)
        bound = int((Decimal(int(kept_dues or 0)) * Decimal(str(limit)) / 100).quantize(
            Decimal("1"), ROUND_HALF_UP))
        ok = amount <= bound if comparison == MAX else amount >= bound
        rows.append({
            "category": category, "spent": amount, "percent": _percent(amount, kept_dues),
            "limit_percent": float(limit), "limit_amount": bound, "comparison": comparison,
            "ok": ok,
        })
    return rows


def validate_request(values, kinds, today, max_description=2000):
    """Errors of a member's welfare request from the portal.

    :param values: dict with ``kind`` (code), ``date`` (datetime.date or None
        if unreadable), ``description`` (str) and ``amount`` (str as typed, may be empty).
    :param kinds: set of the kind codes a member may ask for.
    :returns: list of (field, code) errors; empty when valid.
    """
    errors = []
    if values.get("kind") not in kinds:
        errors.append(("kind", "unknown"))
    day = values.get("date")
    if day is None:
        errors.append(("date", "invalid"))
    elif day > today:
        errors.append(("date", "future"))
    description = (values.get("description") or "").strip()
    if len(description) < 10:
        errors.append(("description", "short"))
    elif len(description) > max_description:
        errors.append(("description", "long"))
    amount = (values.get("amount") or "").replace(".", "").replace(",", "").strip()
    if amount and (not amount.isdigit() or int(amount) <= 0):
        errors.append(("amount", "invalid"))
    return errors
