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


@pytest.mark.parametrize("payroll, reduction, waived, expected", [
    (100_000_000, 0, False, 2_000_000),
    (123_456_789, 0, False, 2_469_136),  # 2,469,135.78 rounded half up
    (100_000_000, 20, False, 1_600_000),
    (100_000_000, 10, False, 1_800_000),
    (100_000_000, 0, True, 0),  # waived (dissolved or bankrupt employer)
    (0, 0, False, 0),
])
def test_fund_due(payroll, reduction, waived, expected):
    assert fund.fund_due(payroll, 2, reduction, waived) == expected


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
    assert fund.status(date(2025, 1, 1), 0, 0, date(2026, 1, 1)) == "paid"
    assert fund.status(date(2025, 1, 1), 2_000_000, 0, date(2026, 1, 1), waived=True) == "waived"


@pytest.mark.parametrize("today, expected", [
    (date(2025, 3, 1), "paused"),  # inside the pause (Jan-Jun 2025)
    (date(2025, 6, 30), "paused"),  # its last day
    (date(2025, 7, 1), "due"),  # the pause is over: due by the end of the month after
    (date(2025, 7, 31), "due"),  # the deferred deadline itself
    (date(2025, 8, 1), "late"),
    (date(2025, 9, 29), "late"),  # 60 days after 31/07
    (date(2025, 9, 30), "unpaid"),  # "không đóng"
])
def test_pause_defers_the_month(today, expected):
    pause_to = date(2025, 6, 30)
    assert fund.deadline(date(2025, 1, 1), pause_to) == date(2025, 7, 31)
    assert fund.status(date(2025, 1, 1), 2_000_000, 0, today, 60, pause_to=pause_to) == expected
    # paying the paused month settles it
    assert fund.status(date(2025, 1, 1), 2_000_000, 2_000_000, today, 60, pause_to=pause_to) == "paid"


def test_pause_keeps_the_amount_due():
    decisions = [{"kind": "pause", "date_from": date(2025, 1, 1), "date_to": date(2025, 12, 31)}]
    effects = fund.decision_effects(decisions, date(2025, 12, 1))
    assert effects == {"reduction": 0, "pause_to": date(2025, 12, 31), "waived": False}
    assert fund.fund_due(100_000_000, 2, effects["reduction"], effects["waived"]) == 2_000_000
    assert fund.deadline(date(2025, 12, 1), effects["pause_to"]) == date(2026, 1, 31)
    assert fund.decision_effects(decisions, date(2026, 1, 1))["pause_to"] is None


def test_waiver_only_for_dissolved_or_bankrupt():
    args = ("waiver", date(2025, 1, 1), date(2025, 12, 31), 0)
    assert fund.check_decision(*args, employer_end="dissolved") == []
    assert fund.check_decision(*args, employer_end="bankrupt") == []
    assert [c for c, _v in fund.check_decision(*args, employer_end=None)] == ["waiver"]
    assert [c for c, _v in fund.check_decision(*args, employer_end="hardship")] == ["waiver"]
    decisions = [{"kind": "waiver", "date_from": date(2025, 3, 1), "date_to": date(2025, 4, 30)}]
    assert fund.decision_effects(decisions, date(2025, 4, 1))["waived"] is True
    assert fund.decision_effects(decisions, date(2025, 5, 1))["waived"] is False


@pytest.mark.parametrize("month, expected", [
    (date(2025, 6, 1), "upper"),  # before the authorisation: the upper level collects
    (date(2025, 7, 1), "grassroots"),  # authorised from 15/07: its month counts
    (date(2025, 12, 1), "grassroots"),
    (date(2026, 1, 1), "upper"),  # the authorisation ended on 31/12/2025
])
def test_collector_by_dated_authorisation(month, expected):
    auths = [{"date_from": date(2025, 7, 15), "date_to": date(2025, 12, 31)}]
    assert fund.collector(auths, month) == expected
    assert fund.collector([], month) == "upper"  # the default
    assert fund.collector([{"date_from": date(2020, 1, 1), "date_to": None}], month) == "grassroots"


@pytest.mark.parametrize("amount, percent, allocated, kept", [
    (2_000_000, 75, 1_500_000, 500_000),
    (2_000_000, 71, 1_420_000, 580_000),  # 2021
    (1_000_001, 75, 750_001, 250_000),  # 750,000.75 rounded half up
    (0, 75, 0, 0),
])
def test_allocation_split(amount, percent, allocated, kept):
    assert fund.allocation_split(amount, percent) == {"allocated": allocated, "kept": kept}


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
    assert fund.decision_effects(decisions, date(2025, 8, 1))["pause_to"] == date(2025, 9, 30)


@pytest.mark.parametrize("kind, date_from, date_to, percent, codes", [
    ("reduction", date(2025, 1, 1), date(2025, 6, 30), 20, []),
    ("reduction", date(2025, 1, 1), date(2025, 6, 30), 21, ["percent"]),
    ("reduction", date(2025, 1, 1), date(2025, 6, 30), 0, ["percent"]),
    ("reduction", date(2025, 1, 1), date(2025, 7, 1), 10, ["months"]),
    ("reduction", date(2025, 1, 15), date(2025, 6, 30), 20.01, ["percent"]),
    ("reduction", date(2025, 1, 31), date(2025, 7, 1), 20, ["months"]),  # touches 7 months
    ("reduction", date(2025, 1, 1), date(2025, 1, 1), 0.5, []),
    ("pause", date(2025, 1, 1), date(2025, 12, 31), 0, []),
    ("pause", date(2025, 1, 1), date(2026, 1, 1), 0, ["months"]),
    ("pause", date(2025, 2, 1), date(2025, 1, 1), 0, ["dates"]),
    ("other", date(2025, 1, 1), date(2025, 1, 31), 0, ["kind"]),
])
def test_check_decision(kind, date_from, date_to, percent, codes):
    assert [code for code, _v in fund.check_decision(kind, date_from, date_to, percent)] == codes
