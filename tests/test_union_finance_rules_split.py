"""Plain tests of union_finance/rules/split.py over DOMAIN.md §5."""
import datetime

import pytest
from rule_loader import load_rule

split = load_rule("union_finance", "split")


@pytest.mark.parametrize("amount, kept_percent, kept, upward", [
    (1_000_000, 60, 600_000, 400_000),  # dues, 2017 and 2022 (HD 906, QĐ 4290)
    (1_000_000, 70, 700_000, 300_000),  # dues from 2023 (QĐ 8108)
    (1_000_000, 67, 670_000, 330_000),  # 2% fund, 2017
    (1_000_000, 75, 750_000, 250_000),  # 2% fund from 2022
    (88_001, 70, 61_601, 26_400),  # 61,600.7 kept: rounding stays with the unit
    (88_005, 70, 61_604, 26_401),  # 61,603.5 -> half up
    (0, 70, 0, 0),
    (234_000, 100, 234_000, 0),
])
def test_split_collected(amount, kept_percent, kept, upward):
    result = split.split_collected(amount, kept_percent)
    assert result == {"kept": kept, "upward": upward}
    assert result["kept"] + result["upward"] == amount


def test_surplus_stays_with_the_unit():
    result = split.split_collected(1_000_000, 70, surplus=50_000)
    assert result == {"kept": 750_000, "upward": 300_000}


def test_split_upward_adds_up():
    parts = split.split_upward(100, [("upper", 1), ("federation", 1), ("national", 1)])
    assert sum(parts.values()) == 100
    assert sorted(parts.values()) == [33, 33, 34]
    assert split.split_upward(300_000, [("upper", 60), ("federation", 40)]) == {
        "upper": 180_000, "federation": 120_000}
    assert split.split_upward(1000, []) == {}


D = datetime.date
# The seed of union_finance/data/union_share_rule_data.xml (DOMAIN.md §5).
SHARES = [(D(2017, 1, 1), 60, 67), (D(2022, 1, 1), 60, 75), (D(2023, 1, 1), 70, 75)]


@pytest.mark.parametrize("day, expected", [
    (D(2016, 12, 31), None),
    (D(2017, 1, 1), (60, 67)),  # HD 906/TLĐ
    (D(2021, 12, 31), (60, 67)),
    (D(2022, 1, 1), (60, 75)),  # QĐ 3308, QĐ 4290
    (D(2022, 12, 31), (60, 75)),
    (D(2023, 1, 1), (70, 75)),  # QĐ 8108
    (D(2026, 7, 1), (70, 75)),
])
def test_share_at_boundaries(day, expected):
    assert split.share_at(SHARES, day) == expected


@pytest.mark.parametrize("day, amount, kept, upward", [
    (D(2022, 12, 1), 322_000, 193_200, 128_800),  # 60% kept
    (D(2023, 1, 1), 322_000, 225_400, 96_600),  # 70% kept
])
def test_split_of_a_month(day, amount, kept, upward):
    dues_kept, _fund_kept = split.share_at(SHARES, day)
    assert split.split_collected(amount, dues_kept) == {"kept": kept, "upward": upward}


# A period across a change of rule: the seed's 2023-01-01 change, and a
# hypothetical new rule from 2025-07-01 (80% of dues, 75% of the fund kept;
# DOMAIN.md lists no such change: it stands for the next dated rule).
SHARES_2025 = SHARES + [(D(2025, 7, 1), 80, 75)]


@pytest.mark.parametrize("collected, dues, fund, rules_used", [
    # Q4 2022 + Q1 2023: December at 60%, January at 70%
    ({D(2022, 12, 1): {"dues": 322_000, "fund": 1_000_000},
      D(2023, 1, 1): {"dues": 322_000, "fund": 1_000_000}},
     {"collected": 644_000, "kept": 193_200 + 225_400, "upward": 128_800 + 96_600},
     {"collected": 2_000_000, "kept": 1_500_000, "upward": 500_000},
     [D(2022, 1, 1), D(2023, 1, 1)]),
    # 2025-06 (70%) and 2025-07 (80%): not the rule of the first day for both
    ({D(2025, 6, 1): {"dues": 100_000, "fund": 0},
      D(2025, 7, 1): {"dues": 100_000, "fund": 400_000}},
     {"collected": 200_000, "kept": 70_000 + 80_000, "upward": 30_000 + 20_000},
     {"collected": 400_000, "kept": 300_000, "upward": 100_000},
     [D(2023, 1, 1), D(2025, 7, 1)]),
    # each month rounded on its own: 88,001 at 70% then at 80%
    ({D(2025, 6, 1): {"dues": 88_001}, D(2025, 7, 1): {"dues": 88_001}},
     {"collected": 176_002, "kept": 61_601 + 70_401, "upward": 26_400 + 17_600},
     {"collected": 0, "kept": 0, "upward": 0},
     [D(2023, 1, 1), D(2025, 7, 1)]),
    # within one rule: the same as splitting the total
    ({D(2025, 8, 1): {"dues": 50_000}, D(2025, 9, 1): {"dues": 50_000}},
     {"collected": 100_000, "kept": 80_000, "upward": 20_000},
     {"collected": 0, "kept": 0, "upward": 0},
     [D(2025, 7, 1), D(2025, 7, 1)]),
    # months with nothing collected are left out
    ({D(2025, 6, 1): {"dues": 0, "fund": 0}}, {"collected": 0, "kept": 0, "upward": 0},
     {"collected": 0, "kept": 0, "upward": 0}, []),
])
def test_split_by_month_across_rule_changes(collected, dues, fund, rules_used):
    result = split.split_by_month(collected, SHARES_2025)
    assert result["dues"] == dues
    assert result["fund"] == fund
    assert [row["rule_start"] for row in result["months"]] == rules_used
    assert result["missing"] == []
    for row in result["months"]:
        for kind in ("dues", "fund"):
            assert row[kind]["kept"] + row[kind]["upward"] == collected[row["month"]].get(kind, 0)


def test_split_by_month_without_a_rule():
    result = split.split_by_month(
        {D(2016, 12, 1): {"dues": 10_000}, D(2017, 1, 1): {"dues": 10_000}}, SHARES)
    assert result["missing"] == [D(2016, 12, 1)]
    assert result["dues"] == {"collected": 10_000, "kept": 6_000, "upward": 4_000}
