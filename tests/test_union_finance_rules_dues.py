"""Plain tests of union_finance/rules/dues.py over DOMAIN.md §2-3."""
import datetime

import pytest
from rule_loader import load_rule

dues = load_rule("union_finance", "dues")
D = datetime.date

# The seed of union_finance/data/union_base_salary_data.xml (DOMAIN.md §3).
BASE_SALARIES = [
    (D(2016, 5, 1), 1_210_000),
    (D(2017, 7, 1), 1_300_000),
    (D(2018, 7, 1), 1_390_000),
    (D(2019, 7, 1), 1_490_000),
    (D(2023, 7, 1), 1_800_000),
    (D(2024, 7, 1), 2_340_000),
    (D(2026, 7, 1), 2_530_000),
]


def _rule(start, group, rate, cap=0.0, minimum=0.0, base="insurance_salary"):
    return {"date_start": start, "member_group": group, "rate": rate, "cap_multiple": cap,
            "minimum_multiple": minimum, "fixed_amount": 0, "base_type": base}


OLD, NEW = D(2017, 1, 1), D(2025, 7, 1)
# The seed of union_finance/data/union_dues_rule_data.xml (DOMAIN.md §2).
RULES = [
    _rule(OLD, "public", 1.0),  # the cap does not apply to the state payroll
    _rule(OLD, "state_enterprise", 1.0, 0.1, base="take_home"),
    _rule(OLD, "employee", 1.0, 0.1),
    _rule(OLD, "no_fixed_salary", 1.0, minimum=0.01, base="fixed"),
    _rule(NEW, "public", 0.5, 0.1),
    _rule(NEW, "state_enterprise", 0.5, 0.1, base="take_home"),
    _rule(NEW, "employee", 0.5, 0.1),
    _rule(NEW, "no_fixed_salary", 0.5, minimum=0.005, base="fixed"),
]


@pytest.mark.parametrize("month, group, salary, expected", [
    # worked examples at 0.5% (from 2025-07-01)
    (D(2025, 7, 1), "public", 17_600_000, 88_000),
    (D(2025, 7, 1), "employee", 30_000_000, 150_000),
    (D(2025, 7, 1), "employee", 60_000_000, 234_000),  # capped, lương cơ sở 2,340,000
    (D(2026, 6, 1), "employee", 60_000_000, 234_000),  # last month at 2,340,000
    (D(2026, 7, 1), "employee", 60_000_000, 253_000),  # lương cơ sở 2,530,000
    (D(2026, 7, 1), "public", 60_000_000, 253_000),  # the new cap applies to public too
    (D(2026, 7, 1), "state_enterprise", 60_000_000, 253_000),
    # old rule at 1%
    (D(2025, 6, 1), "public", 17_600_000, 176_000),  # last month of the old rule
    (D(2025, 6, 1), "employee", 30_000_000, 234_000),  # capped in 2024-07..2025-06
    (D(2024, 7, 1), "employee", 30_000_000, 234_000),  # first month at 2,340,000
    (D(2024, 6, 1), "employee", 30_000_000, 180_000),  # cap 10% of 1,800,000
    (D(2023, 7, 1), "employee", 30_000_000, 180_000),
    (D(2023, 6, 1), "employee", 30_000_000, 149_000),  # cap 10% of 1,490,000
    (D(2025, 6, 1), "public", 30_000_000, 300_000),  # no cap on the state payroll
    (D(2017, 1, 1), "employee", 5_000_000, 50_000),
    # rounding to whole VND, half up
    (D(2025, 7, 1), "employee", 7_654_321, 38_272),  # 38,271.605
    (D(2025, 7, 1), "employee", 7_654_300, 38_272),  # 38,271.5 -> up
    (D(2025, 6, 1), "employee", 4_999_950, 50_000),  # 49,999.5 -> up
    # no salary recorded: nothing due on a salary base
    (D(2025, 7, 1), "employee", 0, 0),
    # fixed amount: at least 0.5% (new) / 1% (old) of lương cơ sở
    (D(2025, 7, 1), "no_fixed_salary", 0, 11_700),
    (D(2026, 7, 1), "no_fixed_salary", 0, 12_650),
    (D(2025, 6, 1), "no_fixed_salary", 0, 23_400),
])
def test_dues_for_month(month, group, salary, expected):
    result = dues.dues_for_month(month, group, salary, RULES, BASE_SALARIES)
    assert result["amount"] == expected
    assert isinstance(result["amount"], int)


def test_rule_boundaries():
    assert dues.rule_at(RULES, "employee", D(2025, 6, 30))["rate"] == 1.0
    assert dues.rule_at(RULES, "employee", D(2025, 7, 1))["rate"] == 0.5
    # a date inside the month takes the rule in force on the 1st
    assert dues.rule_at(RULES, "employee", D(2025, 7, 31))["rate"] == 0.5
    assert dues.rule_at(RULES, "employee", D(2016, 12, 1)) is None
    assert dues.dues_for_month(D(2016, 12, 1), "employee", 1, RULES, BASE_SALARIES) is None


@pytest.mark.parametrize("day, expected", [
    (D(2019, 6, 30), 1_390_000),
    (D(2019, 7, 1), 1_490_000),
    (D(2023, 6, 30), 1_490_000),
    (D(2023, 7, 1), 1_800_000),
    (D(2024, 6, 30), 1_800_000),
    (D(2024, 7, 1), 2_340_000),
    (D(2026, 6, 30), 2_340_000),
    (D(2026, 7, 1), 2_530_000),
    (D(2010, 1, 1), None),
])
def test_base_salary_at(day, expected):
    assert dues.value_at(BASE_SALARIES, day) == expected


def test_fixed_amount_above_minimum_and_cap_flag():
    res = dues.compute_dues(0, 0.5, 2_340_000, minimum_multiple=0.005, fixed_amount=20_000,
                            base_type="fixed")
    assert res["amount"] == 20_000
    res = dues.compute_dues(0, 0.5, 2_340_000, minimum_multiple=0.005, fixed_amount=5_000,
                            base_type="fixed")
    assert res["amount"] == 11_700
    res = dues.compute_dues(60_000_000, 0.5, 2_340_000, cap_multiple=0.1)
    assert (res["amount"], res["computed"], res["cap"], res["capped"]) == (234_000, 300_000, 234_000, True)


@pytest.mark.parametrize("funding, group, expected", [
    ("public_full", None, "public"),
    ("public_partial", None, "public"),
    ("non_public", None, "employee"),
    ("enterprise", None, "employee"),
    ("other", None, "employee"),
    (False, None, "employee"),
    ("enterprise", "state_enterprise", "state_enterprise"),
])
def test_group_for(funding, group, expected):
    assert dues.group_for(funding, group) == expected


@pytest.mark.parametrize("month, date_from, date_to, expected", [
    (D(2025, 8, 1), D(2025, 8, 1), D(2025, 8, 31), True),  # the whole month
    (D(2025, 8, 1), D(2025, 8, 5), D(2025, 8, 31), False),  # less than a month
    (D(2025, 3, 1), D(2025, 3, 15), D(2025, 9, 14), True),  # 17 of 31 days
    (D(2025, 4, 1), D(2025, 3, 15), D(2025, 9, 14), True),
    (D(2025, 9, 1), D(2025, 3, 15), D(2025, 9, 14), False),  # 14 of 30 days
    (D(2025, 3, 1), D(2025, 3, 17), D(2025, 9, 14), False),  # 15 of 31 days
    (D(2025, 10, 1), D(2025, 3, 15), D(2025, 9, 14), False),  # after
    (D(2025, 2, 1), D(2025, 3, 15), D(2025, 9, 14), False),  # before
    (D(2026, 1, 1), D(2025, 12, 1), None, True),  # open-ended
    (D(2025, 2, 1), D(2025, 2, 1), D(2025, 2, 28), True),  # February is a month
])
def test_exempt_in_month(month, date_from, date_to, expected):
    assert dues.exempt_in_month(month, date_from, date_to) is expected


def test_months_and_reference():
    assert dues.add_months(D(2025, 12, 15), 1) == D(2026, 1, 1)
    assert dues.add_months(D(2025, 1, 31), -1) == D(2024, 12, 1)
    assert dues.month_end(D(2024, 2, 10)) == D(2024, 2, 29)
    assert dues.payment_reference("DP", "m-00012", D(2025, 7, 1)) == "DP-M00012-202507"


def test_normalize_month_moves_dates_and_iso_strings_to_the_first_day():
    assert dues.normalize_month({"month": datetime.date(2025, 7, 31)})["month"] == datetime.date(2025, 7, 1)
    assert dues.normalize_month({"month": "2026-02-14"})["month"] == datetime.date(2026, 2, 1)
    assert dues.normalize_month({"name": "x"}) == {"name": "x"}
