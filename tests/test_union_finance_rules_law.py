"""Plain tests of the dues rules of DOMAIN.md §2 (revised 2026-12-02) in
union_finance/rules/dues.py and split.py: cap by group, collecting above the
rate, the partial-month exemption setting, units that stopped on 1 June 2025."""
from datetime import date

import pytest
from rule_loader import load_rule

dues = load_rule("union_finance", "dues")
split = load_rule("union_finance", "split")

BASE_SALARIES = [(date(2024, 7, 1), 2_340_000), (date(2026, 7, 1), 2_530_000)]
# the seeded rules (data/union_dues_rule_data.xml), as the run reads them
RULES = [
    {"date_start": date(2017, 1, 1), "member_group": "public", "rate": 1.0, "cap_multiple": 0},
    {"date_start": date(2017, 1, 1), "member_group": "state_enterprise", "rate": 1.0,
     "cap_multiple": 0.1, "base_type": "take_home"},
    {"date_start": date(2017, 1, 1), "member_group": "employee", "rate": 1.0, "cap_multiple": 0.1},
    {"date_start": date(2025, 7, 1), "member_group": "public", "rate": 0.5, "cap_multiple": 0},
    {"date_start": date(2025, 7, 1), "member_group": "state_enterprise", "rate": 0.5,
     "cap_multiple": 0.1, "base_type": "take_home"},
    {"date_start": date(2025, 7, 1), "member_group": "employee", "rate": 0.5, "cap_multiple": 0.1},
]


@pytest.mark.parametrize("month, group, salary, expected", [
    # group 1 is not capped from 2025-07-01 (QĐ 61)
    (date(2025, 8, 1), "public", 50_000_000, 250_000),
    (date(2025, 7, 1), "public", 60_000_000, 300_000),
    # before: 1%, no cap for the state payroll either
    (date(2025, 6, 1), "public", 60_000_000, 600_000),
    # groups 2 and 3 capped at 10% of lương cơ sở
    (date(2025, 7, 1), "employee", 60_000_000, 234_000),
    (date(2025, 7, 1), "state_enterprise", 60_000_000, 234_000),
    (date(2026, 7, 1), "employee", 60_000_000, 253_000),
    (date(2025, 6, 1), "employee", 30_000_000, 234_000),
    # at the cap exactly: 46,800,000 x 0.5% = 234,000
    (date(2025, 7, 1), "employee", 46_800_000, 234_000),
    (date(2025, 7, 1), "employee", 46_800_200, 234_000),
    (date(2025, 7, 1), "employee", 17_600_000, 88_000),
])
def test_cap_by_group(month, group, salary, expected):
    assert dues.dues_for_month(month, group, salary, RULES, BASE_SALARIES)["amount"] == expected


@pytest.mark.parametrize("unit_group, allowed", [
    ("public", False),  # group 1
    ("state_enterprise", True),  # group 2
    ("employee", True),  # group 3
])
def test_only_groups_2_and_3_collect_above_the_rate(unit_group, allowed):
    assert dues.may_collect_above(unit_group) is allowed


def test_surplus_worked_example():
    """DOMAIN §2: a group 3 unit collecting 1% on 10,000,000: the member pays
    100,000; regular 50,000 of which 70% kept (35,000) and 15,000 up; the
    50,000 surplus is kept whole: the unit keeps 85,000."""
    regular = dues.dues_for_month(date(2025, 8, 1), "employee", 10_000_000, RULES, BASE_SALARIES)
    assert regular["amount"] == 50_000
    resolution = {"base": "rate", "rate": 1.0}
    surplus = dues.surplus_amount(regular["amount"], resolution, 10_000_000, 0, 0.5)
    assert surplus == 50_000
    assert regular["amount"] + surplus == 100_000
    result = split.split_collected(regular["amount"], 70, surplus=surplus)
    assert result == {"kept": 85_000, "upward": 15_000}


@pytest.mark.parametrize("regular, resolution, base, take_home, expected", [
    (50_000, None, 10_000_000, 0, 0),  # no resolution: no surplus
    (0, {"base": "rate", "rate": 1.0}, 10_000_000, 0, 0),  # exempt member: nothing
    (50_000, {"base": "rate", "rate": 0.5}, 10_000_000, 0, 0),  # same rate: no surplus
    (50_000, {"base": "rate", "rate": 0.4}, 10_000_000, 0, 0),  # never negative
    # take-home pay at the regular rate: 0.5% x 16,000,000 = 80,000
    (50_000, {"base": "take_home", "rate": 0}, 10_000_000, 16_000_000, 30_000),
    # take-home pay unknown: the regular base
    (50_000, {"base": "take_home", "rate": 0}, 10_000_000, 0, 0),
    # above the cap: the cap stays on the regular dues, the surplus is the rest
    (234_000, {"base": "rate", "rate": 1.0}, 60_000_000, 0, 366_000),
])
def test_surplus_amount(regular, resolution, base, take_home, expected):
    assert dues.surplus_amount(regular, resolution, base, take_home, 0.5) == expected


def test_resolution_at():
    resolutions = [
        {"date_from": date(2025, 8, 20), "date_to": None, "rate": 1.0},
        {"date_from": date(2026, 1, 1), "date_to": date(2026, 6, 30), "rate": 0.8},
    ]
    assert dues.resolution_at(resolutions, date(2025, 7, 1)) is None
    assert dues.resolution_at(resolutions, date(2025, 8, 1))["rate"] == 1.0  # its month counts
    assert dues.resolution_at(resolutions, date(2026, 3, 1))["rate"] == 0.8  # the latest
    assert dues.resolution_at(resolutions, date(2026, 7, 1))["rate"] == 1.0


@pytest.mark.parametrize("date_from, date_to, month, policy, expected", [
    # the default: no insurance salary paid that month (14 working days off or more)
    (date(2025, 7, 1), date(2025, 9, 15), date(2025, 9, 1), "no_insurance_salary", False),  # 11 days
    (date(2025, 7, 1), date(2025, 9, 18), date(2025, 9, 1), "no_insurance_salary", True),  # 14 days
    (date(2025, 7, 14), date(2025, 9, 30), date(2025, 7, 1), "no_insurance_salary", True),  # 14 days
    (date(2025, 7, 15), date(2025, 9, 30), date(2025, 7, 1), "no_insurance_salary", False),  # 13 days
    (date(2025, 7, 1), date(2025, 9, 30), date(2025, 8, 1), "no_insurance_salary", True),
    # other settings of the unit
    (date(2025, 7, 1), date(2025, 9, 15), date(2025, 9, 1), "majority", False),
    (date(2025, 7, 1), date(2025, 9, 16), date(2025, 9, 1), "majority", True),
    (date(2025, 7, 1), date(2025, 9, 29), date(2025, 9, 1), "whole_month", False),
    (date(2025, 7, 1), date(2025, 9, 30), date(2025, 9, 1), "whole_month", True),
    (date(2025, 7, 1), date(2025, 9, 1), date(2025, 9, 1), "any_day", True),
    # shorter than a month exempts nothing, whatever the setting
    (date(2025, 7, 1), date(2025, 7, 30), date(2025, 7, 1), "any_day", False),
])
def test_partial_month_setting(date_from, date_to, month, policy, expected):
    assert dues.exempt_in_month(month, date_from, date_to, policy) is expected


def test_working_days():
    assert dues.working_days(date(2025, 9, 1), date(2025, 9, 30)) == 22
    assert dues.working_days(date(2025, 9, 6), date(2025, 9, 7)) == 0  # a weekend
    assert dues.working_days(date(2025, 9, 2), date(2025, 9, 1)) == 0


@pytest.mark.parametrize("month, stop_date, expected", [
    (date(2025, 5, 1), date(2025, 6, 1), False),
    (date(2025, 6, 1), date(2025, 6, 1), True),  # from 1 June 2025
    (date(2025, 7, 15), date(2025, 6, 1), True),
    (date(2025, 7, 1), None, False),  # a unit that goes on
])
def test_stopped_units(month, stop_date, expected):
    assert dues.stopped(month, stop_date) is expected
