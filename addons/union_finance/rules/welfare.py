"""Spending of a unit's share of the dues against the QĐ 4290 proportions.

Plain Python, no Odoo import. Under QĐ 4290/QĐ-TLĐ the grassroots unit's
share of the dues is spent: allowances and salaries at most 45%, visits and
care for members at least 40%, other at most 15%. The proportions are data
(``norms``), so a new decision only changes records.
"""
from decimal import ROUND_HALF_UP, Decimal

MAX = "max"
MIN = "min"

#: the most a member may ask for on the portal, VND: above any welfare payment, and far below
#: what a Monetary field (a float) holds to the đồng; a tampered 400-digit amount stops here
MAX_REQUESTED_AMOUNT = 10**12


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
        if unreadable), ``description`` (str), ``amount`` (str as typed, may be empty) and
        ``amount_number`` (the whole number written in ``amount_digits(amount)``, read by
        union_membership's ``form.whole_number``: None when it is not one).
    :param kinds: set of the kind codes a member may ask for.
    :returns: list of (field, code) errors; empty when valid. ``("amount", "too_large")``
        is an amount above ``MAX_REQUESTED_AMOUNT``, ``("description", "invalid")`` a text
        holding a NUL character.
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
    if "\x00" in description:  # only a tampered form sends it, and PostgreSQL refuses it
        errors.append(("description", "invalid"))
    elif len(description) < 10:
        errors.append(("description", "short"))
    elif len(description) > max_description:
        errors.append(("description", "long"))
    if amount_digits(values.get("amount")):
        number = values.get("amount_number")
        if number is None or number <= 0:
            errors.append(("amount", "invalid"))
        elif number > MAX_REQUESTED_AMOUNT:
            errors.append(("amount", "too_large"))
    return errors


def amount_digits(text):
    """The amount typed on the portal without its thousands separators ("500.000", "500,000"
    give "500000"), for union_membership's ``form.whole_number`` to read."""
    return (text or "").replace(".", "").replace(",", "").strip()
