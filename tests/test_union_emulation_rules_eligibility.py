"""Plain-Python tests of union_emulation/rules/eligibility.py at its limits."""
from datetime import date

import pytest
from rule_loader import load_rule

eligibility = load_rule("union_emulation", "eligibility")

RULES = [
    {"date_from": date(2020, 1, 1), "max_absent_days": 40, "min_membership_months": 10,
     "exclude_disciplined": True, "require_registration": True},
]
END = date(2025, 5, 31)   # end of the 2024-2025 school year


def candidate(**values):
    base = {"absent_days": 0, "maternity_days": 0, "date_employed": date(2015, 9, 1),
            "disciplined": False, "registered": True, "already_rewarded": False}
    base.update(values)
    return base


def reasons(cand, rules=RULES, on_date=END):
    return [code for code, _params in eligibility.check_candidate(cand, rules, on_date)]


@pytest.mark.parametrize("values, expected", [
    ({}, []),
    ({"absent_days": 39}, []),                                   # just under the limit
    ({"absent_days": 40}, ["absent"]),                           # 40 days excludes
    ({"absent_days": 120, "maternity_days": 120}, []),           # maternity is not counted
    ({"absent_days": 130, "maternity_days": 90}, ["absent"]),    # 40 other days
    ({"absent_days": 129, "maternity_days": 90}, []),
    ({"date_employed": date(2024, 7, 31)}, []),                    # exactly 10 months
    ({"date_employed": date(2024, 8, 1)}, ["recruited_too_recently"]),
    ({"date_employed": None}, ["date_employed_missing"]),
    ({"disciplined": True}, ["disciplined"]),
    ({"registered": False}, ["not_registered"]),
    ({"already_rewarded": True}, ["already_rewarded"]),
])
def test_single_reason(values, expected):
    assert reasons(candidate(**values)) == expected


def test_every_failing_reason_is_returned():
    cand = candidate(absent_days=45, date_employed=date(2025, 1, 1), disciplined=True,
                     registered=False, already_rewarded=True)
    result = eligibility.check_candidate(cand, RULES, END)
    # every reason a candidate can fail with at once, in the order of REASONS (a missing
    # employment date and a too recent one exclude each other; the old membership reason is history)
    expected = [code for code in eligibility.REASONS
                if code not in ("date_employed_missing", "membership_too_short")]
    assert [code for code, _p in result] == expected
    params = dict(result)
    assert params["absent"] == {"days": 45, "limit": 40}
    assert params["recruited_too_recently"]["months"] == 10


def test_month_end_joining():
    # joined 31 August: 10 months later is 30 June (no 31 June)
    rules = RULES
    assert reasons(candidate(date_employed=date(2024, 8, 31)), rules, date(2025, 6, 30)) == []
    assert reasons(candidate(date_employed=date(2024, 8, 31)), rules, date(2025, 6, 29)) == ["recruited_too_recently"]


def test_dated_rules_pick_the_one_in_force():
    rules = RULES + [
        {"date_from": date(2025, 9, 1), "max_absent_days": 30, "min_membership_months": 12,
         "exclude_disciplined": True, "require_registration": False},
    ]
    cand = candidate(absent_days=35, registered=False, date_employed=date(2024, 10, 1))
    # the day before the new rule starts, the old one applies: 35 < 40 days,
    # 10 months reached, registration needed
    assert reasons(cand, rules, date(2025, 8, 31)) == ["not_registered"]
    # new rule from its first day: 30 days, 12 months, no registration needed
    assert reasons(cand, rules, date(2025, 9, 1)) == ["absent", "recruited_too_recently"]
    assert reasons(cand, rules, date(2025, 11, 30)) == ["absent"]


def test_rule_without_limits():
    rules = [{"date_from": date(2020, 1, 1), "max_absent_days": None, "min_membership_months": None,
              "exclude_disciplined": False, "require_registration": False}]
    cand = candidate(absent_days=200, date_employed=None, disciplined=True, registered=False)
    assert reasons(cand, rules) == []


def test_no_rule_in_force():
    with pytest.raises(eligibility.EligibilityError) as err:
        eligibility.check_candidate(candidate(), RULES, date(2019, 12, 31))
    assert err.value.code == "no_rule"


@pytest.mark.parametrize("day, months, expected", [
    (date(2024, 1, 31), 1, date(2024, 2, 29)),
    (date(2023, 1, 31), 1, date(2023, 2, 28)),
    (date(2024, 11, 15), 2, date(2025, 1, 15)),
    (date(2024, 3, 31), 10, date(2025, 1, 31)),
])
def test_add_months(day, months, expected):
    # the suite's one month arithmetic (union_membership/rules/months.py), which the rule uses
    assert load_rule("union_membership", "months").add_months(day, months) == expected


def test_recruitment_counts_not_union_admission():
    """A teacher employed for years who joined the union last month is eligible."""
    rules = [{"date_from": date(2020, 1, 1), "max_absent_days": 40, "min_membership_months": 10,
              "exclude_disciplined": True, "require_registration": True}]
    cand = candidate(date_employed=date(2012, 9, 1), date_joined=date(2025, 5, 1))
    assert reasons(cand, rules, date(2025, 6, 1)) == []


def test_missing_employment_date_is_neither_pass_nor_fail():
    rules = [{"date_from": date(2020, 1, 1), "max_absent_days": 40, "min_membership_months": 10,
              "exclude_disciplined": True, "require_registration": True}]
    found = eligibility.check_candidate(candidate(date_employed=None), rules, date(2025, 6, 1))
    assert found == [("date_employed_missing", {})]
    assert eligibility.verdict(found) == "incomplete"
    assert eligibility.verdict([]) == "eligible"
    assert eligibility.verdict(found + [("disciplined", {})]) == "not_eligible"
    # without a minimum, the date is not needed
    rules[0]["min_membership_months"] = None
    assert eligibility.check_candidate(candidate(date_employed=None), rules, date(2025, 6, 1)) == []
