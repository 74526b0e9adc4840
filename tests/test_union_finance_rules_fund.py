"""Plain tests of union_finance/rules/fund.py (the 2% union fund)."""
from datetime import date

import pytest
from rule_loader import load_rule

fund = load_rule("union_finance", "fund")


@pytest.mark.parametrize("month, expected", [
    (date(2025, 1, 1), date(2025, 2, 28)),
    (date(2024, 1, 15), date(2024, 2, 29)),  # leap year
    (date(2025, 11, 1), date(2025, 12, 31)),
    (date(2025, 12, 1), date(2026, 1, 31)),  # year boundary
])
def test_deadline_is_last_day_of_next_month(month, expected):
    assert fund.deadline(month) == expected


@pytest.mark.parametrize("payroll, reduction, paused, expected", [
    (100_000_000, 0, False, 2_000_000),
    (123_456_789, 0, False, 2_469_136),  # 2,469,135.78 rounded half up
    (100_000_000, 20, False, 1_600_000),
    (100_000_000, 10, False, 1_800_000),
    (100_000_000, 0, True, 0),
    (0, 0, False, 0),
])
def test_fund_due(payroll, reduction, paused, expected):
    assert fund.fund_due(payroll, 2, reduction, paused) == expected


@pytest.mark.parametrize("today, paid, expected", [
    (date(2025, 2, 10), 0, "due"),
    (date(2025, 2, 28), 0, "due"),  # the deadline itself
    (date(2025, 3, 1), 0, "late"),  # the day after
    (date(2025, 4, 29), 0, "late"),  # 60 days after 28/02
    (date(2025, 4, 30), 0, "unpaid"),  # 61 days after
    (date(2025, 4, 30), 1_000_000, "unpaid"),  # partly paid is still open
    (date(2025, 4, 30), 2_000_000, "paid"),
    (date(2025, 2, 1), 2_500_000, "paid"),  # overpaid
])
def test_status_by_date(today, paid, expected):
    assert fund.status(date(2025, 1, 1), 2_000_000, paid, today, 60) == expected


def test_status_days_are_data():
    assert fund.status(date(2025, 1, 1), 100, 0, date(2025, 3, 15), unpaid_after_days=10) == "unpaid"
    assert fund.status(date(2025, 1, 1), 100, 0, date(2025, 3, 10), unpaid_after_days=10) == "late"


def test_status_nothing_due():
    assert fund.status(date(2025, 1, 1), 0, 0, date(2026, 1, 1), paused=True) == "paused"
    assert fund.status(date(2025, 1, 1), 0, 0, date(2026, 1, 1)) == "paid"


def test_decision_for_month():
    decisions = [
        {"kind": "reduction", "date_from": date(2025, 3, 15), "date_to": date(2025, 5, 10), "percent": 20},
        {"kind": "pause", "date_from": date(2025, 8, 1), "date_to": date(2025, 9, 30), "percent": 0},
    ]
    assert fund.decision_for_month(decisions, date(2025, 2, 1)) == (0, False)
    assert fund.decision_for_month(decisions, date(2025, 3, 1)) == (20, False)
    assert fund.decision_for_month(decisions, date(2025, 5, 1)) == (20, False)
    assert fund.decision_for_month(decisions, date(2025, 6, 1)) == (0, False)
    assert fund.decision_for_month(decisions, date(2025, 9, 1)) == (0, True)
    assert fund.decision_for_month(decisions, date(2025, 10, 1)) == (0, False)


@pytest.mark.parametrize("kind, date_from, date_to, percent, codes", [
    ("reduction", date(2025, 1, 1), date(2025, 6, 30), 20, []),
    ("reduction", date(2025, 1, 1), date(2025, 6, 30), 21, ["percent"]),
    ("reduction", date(2025, 1, 1), date(2025, 6, 30), 0, ["percent"]),
    ("reduction", date(2025, 1, 1), date(2025, 7, 1), 10, ["months"]),
    ("pause", date(2025, 1, 1), date(2025, 12, 31), 0, []),
    ("pause", date(2025, 1, 1), date(2026, 1, 1), 0, ["months"]),
    ("pause", date(2025, 2, 1), date(2025, 1, 1), 0, ["dates"]),
])
def test_check_decision(kind, date_from, date_to, percent, codes):
    assert [code for code, _v in fund.check_decision(kind, date_from, date_to, percent)] == codes
