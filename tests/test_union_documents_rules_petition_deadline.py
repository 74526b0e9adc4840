"""Plain tests of union_documents/rules/petition_deadline.py (no Odoo)."""
from datetime import date

import pytest
from rule_loader import load_rule

rules = load_rule("union_documents", "petition_deadline")

COMPLAINT = {"days": 30, "complex_days": 45, "remote_days": 45, "remote_complex_days": 60,
             "intake_days": 10, "intake_working_days": False}
DENUNCIATION = {"days": 30, "extension_days": 30, "max_extensions": 2, "intake_days": 7,
                "intake_working_days": True}
HOLIDAYS = {date(2026, 4, 27), date(2026, 4, 30), date(2026, 5, 1)}


def weekday_not_holiday(day):
    return day.weekday() < 5 and day not in HOLIDAYS


def test_complaint_days_by_condition():
    assert rules.settle_days(COMPLAINT) == 30
    assert rules.settle_days(COMPLAINT, is_complex=True) == 45
    assert rules.settle_days(COMPLAINT, is_remote=True) == 45
    assert rules.settle_days(COMPLAINT, is_complex=True, is_remote=True) == 60
    assert rules.settle_days(DENUNCIATION, is_complex=True) == 30  # extended by decisions instead
    assert rules.settle_days(None) == 0


def test_working_days_skip_weekends_and_holidays():
    # received Thu 23/04/2026: Fri 24 (1), weekend, Mon 27 compensatory day off, Tue 28 (2),
    # Wed 29 (3), 30/4 and 1/5 holidays, weekend, Mon 4 (4), Tue 5 (5), Wed 6 (6), Thu 7 (7)
    assert rules.intake_deadline(DENUNCIATION, date(2026, 4, 23), weekday_not_holiday) == date(2026, 5, 7)
    # plain week: received Mon 9/11/2026 -> Wed 18/11/2026
    assert rules.intake_deadline(DENUNCIATION, date(2026, 11, 9), weekday_not_holiday) == date(2026, 11, 18)


def test_complaint_intake_in_calendar_days():
    assert rules.intake_deadline(COMPLAINT, date(2026, 4, 23), weekday_not_holiday) == date(2026, 5, 3)
    assert rules.intake_deadline({"days": 15}, date(2026, 4, 23), weekday_not_holiday) is None


def test_no_working_day_raises():
    with pytest.raises(ValueError):
        rules.add_working_days(date(2026, 1, 1), 3, lambda day: False, horizon=30)


def test_extensions_of_a_denunciation():
    assert rules.extension_refusal(DENUNCIATION, 0, False, False) == "not_complex"
    assert rules.extension_refusal(DENUNCIATION, 0, True, False) is None
    assert rules.extension_refusal(DENUNCIATION, 1, True, False) == "not_especially_complex"
    assert rules.extension_refusal(DENUNCIATION, 1, False, True) is None
    assert rules.extension_refusal(DENUNCIATION, 2, True, True) == "max"
    assert rules.extension_refusal(COMPLAINT, 0, True, True) == "none"
