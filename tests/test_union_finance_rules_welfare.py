"""Plain tests of union_finance/rules/welfare.py (QĐ 4290 proportions, portal input)."""
from datetime import date

import pytest
from rule_loader import load_rule

welfare = load_rule("union_finance", "welfare")

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
    assert welfare.validate_request(values, {"sickness", "hardship"}, date(2025, 3, 10)) == errors
