"""Level names as at a date (Law 97/2025), without Odoo."""
from datetime import date

import pytest
from rule_loader import load_rule

levels = load_rule("union_membership", "levels")


@pytest.mark.parametrize("level, on_date, key", [
    ("upper", date(2025, 6, 30), "upper_old"),
    ("upper", date(2025, 7, 1), "above_grassroots"),
    ("federation", date(2026, 1, 1), "above_grassroots"),
    ("federation", date(2020, 1, 1), "federation_old"),
    ("grassroots", date(2024, 1, 1), "grassroots_old"),
    ("grassroots", date(2025, 7, 1), "grassroots_new"),
    ("group", date(2026, 1, 1), "group"),
    ("nonsense", date(2025, 7, 1), None),
])
def test_label_follows_the_law_in_force(level, on_date, key):
    assert levels.label_key(level, on_date) == key
