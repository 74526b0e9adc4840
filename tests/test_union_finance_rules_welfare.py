"""Plain tests of union_finance/rules/welfare.py (QĐ 4290 proportions, portal input)."""
from datetime import date

import pytest
from rule_loader import load_rule

welfare = load_rule("union_finance", "welfare")
form = load_rule("union_membership", "form")

NORMS = [("allowance", "max", 45), ("care", "min", 40), ("other", "max", 15)]


def test_compare_spending_within_norms():
    rows = welfare.compare_spending(10_000_000, {"allowance": 4_500_000, "care": 4_000_000,
                                                 "other": 1_500_000}, NORMS)
    assert [(r["category"], r["percent"], r["limit_amount"], r["ok"]) for r in rows] == [
        ("allowance", 45.0, 4_500_000, True),
        ("care", 40.0, 4_000_000, True),
        ("other", 15.0, 1_500_000, True),
    ]


def test_compare_spending_breaches():
    rows = welfare.compare_spending(10_000_000, {"allowance": 4_500_001, "care": 3_999_999}, NORMS)
    assert [r["ok"] for r in rows] == [False, False, True]
    assert rows[1]["percent"] == 40.0  # 39.99999 rounds for display, the check is on VND
    assert rows[2]["spent"] == 0


def test_compare_spending_nothing_kept():
    rows = welfare.compare_spending(0, {"care": 100}, NORMS)
    assert rows[1]["percent"] == 0.0 and rows[1]["ok"]
    assert rows[0]["ok"] and rows[0]["spent"] == 0


@pytest.mark.parametrize("values, errors", [
    ({"kind": "sickness", "date": date(2025, 3, 1), "description": "Ốm nằm viện 5 ngày", "amount": ""}, []),
    ({"kind": "sickness", "date": date(2025, 3, 1), "description": "Ốm nằm viện 5 ngày",
      "amount": "500.000"}, []),
    ({"kind": "xyz", "date": date(2025, 3, 1), "description": "Ốm nằm viện 5 ngày", "amount": ""},
     [("kind", "unknown")]),
    ({"kind": "sickness", "date": None, "description": "Ốm nằm viện 5 ngày", "amount": ""},
     [("date", "invalid")]),
    ({"kind": "sickness", "date": date(2025, 3, 11), "description": "Ốm nằm viện 5 ngày", "amount": ""},
     [("date", "future")]),
    ({"kind": "sickness", "date": date(2025, 3, 1), "description": " ốm ", "amount": "-5"},
     [("description", "short"), ("amount", "invalid")]),
    ({"kind": "sickness", "date": date(2025, 3, 1), "description": "Ốm nằm viện 5 ngày", "amount": "abc"},
     [("amount", "invalid")]),
])
def test_validate_request(values, errors):
    assert _validate(values) == errors


def _validate(values):
    """``validate_request`` as the portal calls it: the amount read by union_membership's parser."""
    values = dict(values, amount_number=form.whole_number(welfare.amount_digits(values["amount"])))
    return welfare.validate_request(values, {"sickness", "hardship"}, date(2025, 3, 10))


@pytest.mark.parametrize("amount, errors", [
    ("", []),
    ("   ", []),
    ("1", []),
    (" 1.000.000 ", []),
    ("1,000,000", []),
    ("1.000.000.000.000", []),  # the limit itself
    ("1.000.000.000.001", [("amount", "too_large")]),
    ("9" * 400, [("amount", "too_large")]),  # Monetary's float() overflowed: a 500
    ("²", [("amount", "invalid")]),  # isdigit() is true, int() refused it: a 500
    ("5²", [("amount", "invalid")]),
    ("٣٠٠", [("amount", "invalid")]),  # Arabic-Indic digits
    ("１０００", [("amount", "invalid")]),  # full-width digits
    ("0", [("amount", "invalid")]),
    ("0.000", [("amount", "invalid")]),
    ("-5", [("amount", "invalid")]),
    ("+5", [("amount", "invalid")]),
    ("1e9", [("amount", "invalid")]),
    ("500 000", [("amount", "invalid")]),
    ("5\x00", [("amount", "invalid")]),
])
def test_validate_request_amount(amount, errors):
    values = {"kind": "sickness", "date": date(2025, 3, 1), "description": "Ốm nằm viện 5 ngày",
              "amount": amount}
    assert _validate(values) == errors


def test_validate_request_nul_in_description():
    """PostgreSQL refuses a NUL character in a text: the form says so instead of a 500."""
    values = {"kind": "sickness", "date": date(2025, 3, 1),
              "description": "Ốm nằm viện\x00 5 ngày", "amount": ""}
    assert _validate(values) == [("description", "invalid")]


def test_validate_request_amount_unread_is_invalid():
    """A caller that did not read the amount (no ``amount_number``) gets an error, not a pass."""
    values = {"kind": "sickness", "date": date(2025, 3, 1), "description": "Ốm nằm viện 5 ngày",
              "amount": "500.000"}
    assert welfare.validate_request(values, {"sickness"}, date(2025, 3, 10)) == [("amount", "invalid")]
