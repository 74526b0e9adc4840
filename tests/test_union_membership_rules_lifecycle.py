"""The member lifecycle rules, without Odoo."""
from datetime import date

import pytest
from rule_loader import load_rule

lifecycle = load_rule("union_membership", "lifecycle")
cccd = load_rule("union_membership", "citizen_id")
D = date


@pytest.mark.parametrize("state, event, after", [
    (None, "admission", "active"),
    (None, "recognition", "active"),
    ("left", "admission", "active"),
    ("active", "suspension", "suspended"),
    ("suspended", "resumption", "active"),
    ("active", "withdrawal", "left"),
    ("suspended", "withdrawal", "left"),
    ("active", "removal", "left"),
    ("active", "expulsion", "expelled"),
    ("active", "death", "deceased"),
    ("left", "death", "deceased"),
    ("active", "dissolution", "left"),
    ("active", "transfer_out", "transferred"),
    ("active", "transfer", "active"),
    ("suspended", "transfer", "suspended"),
    ("active", "card", "active"),
])
def test_allowed_transitions(state, event, after):
    end = D(2025, 6, 1) if event == "suspension" else None
    to_unit = 7 if event in lifecycle.NEEDS_UNIT else None
    assert lifecycle.check_event(state, D(2024, 1, 1), event, D(2025, 1, 1), 5, to_unit, end) == after


@pytest.mark.parametrize("state, event", [
    (None, "transfer"), (None, "suspension"), ("active", "admission"), ("active", "resumption"),
    ("left", "withdrawal"), ("deceased", "admission"), ("expelled", "resumption"),
    ("suspended", "suspension"), ("deceased", "death"), (None, "card"),
])
def test_refused_transitions(state, event):
    with pytest.raises(lifecycle.LifecycleError) as err:
        lifecycle.check_event(state, None, event, D(2025, 1, 1), 5, 7, D(2025, 3, 1))
    assert err.value.code == "bad_state"


def test_event_before_last_is_refused_but_card_is_not():
    with pytest.raises(lifecycle.LifecycleError) as err:
        lifecycle.check_event("active", D(2025, 5, 1), "withdrawal", D(2025, 4, 30))
    assert err.value.code == "before_last"
    assert lifecycle.check_event("active", D(2025, 5, 1), "card", D(2025, 4, 30)) == "active"
    # the same day is fine
    assert lifecycle.check_event("active", D(2025, 5, 1), "withdrawal", D(2025, 5, 1)) == "left"


def test_transfer_needs_another_unit():
    with pytest.raises(lifecycle.LifecycleError) as err:
        lifecycle.check_event("active", None, "transfer", D(2025, 1, 1), 5, None)
    assert err.value.code == "needs_unit"
    with pytest.raises(lifecycle.LifecycleError) as err:
        lifecycle.check_event("active", None, "transfer", D(2025, 1, 1), 5, 5)
    assert err.value.code == "same_unit"


@pytest.mark.parametrize("start, end, code", [
    (D(2025, 1, 31), None, "needs_end_date"),
    (D(2025, 1, 31), D(2025, 1, 31), "end_before_start"),
    (D(2025, 1, 31), D(2026, 2, 1), "suspension_too_long"),
])
def test_suspension_limits(start, end, code):
    with pytest.raises(lifecycle.LifecycleError) as err:
        lifecycle.check_event("active", None, "suspension", start, 5, None, end)
    assert err.value.code == code


def test_suspension_of_exactly_twelve_months_is_allowed():
    # 31 January + 12 months = 31 January next year; 29 February clamps to 28
    assert lifecycle.check_event("active", None, "suspension", D(2025, 1, 31), 5, None,
                                 D(2026, 1, 31)) == "suspended"
    assert lifecycle.add_months(D(2024, 2, 29), 12) == D(2025, 2, 28)
    assert lifecycle.add_months(D(2025, 1, 31), 1) == D(2025, 2, 28)


def test_replay_gives_state_unit_and_reports_the_failing_index():
    events = [("admission", D(2010, 9, 1), 1, None), ("transfer", D(2020, 9, 1), 2, None),
              ("suspension", D(2024, 1, 1), None, D(2024, 12, 31)), ("card", D(2023, 1, 1), None, None),
              ("resumption", D(2024, 6, 1), None, None)]
    assert lifecycle.replay(events) == ("active", 2, D(2024, 6, 1))
    with pytest.raises(lifecycle.LifecycleError) as err:
        lifecycle.replay(events + [("resumption", D(2025, 1, 1), None, None)])
    assert err.value.params["index"] == 5


@pytest.mark.parametrize("raw, normalized, valid", [
    ("067185000001", "067185000001", True),
    (" 067 185 000 001 ", "067185000001", True),
    (67185000001, "067185000001", True),
    (67185000001.0, "067185000001", True),
    ("000185000001", "000185000001", False),  # province 000 does not exist
    ("097185000001", "097185000001", False),
    ("6718500000", "6718500000", False),  # 10 digits
    ("0671850000011", "0671850000011", False),
    ("06718500000A", "06718500000A", False),
    (None, "", False),
])
def test_citizen_id(raw, normalized, valid):
    # as a spreadsheet import reads it (the lost leading zero put back)
    assert cccd.normalize(raw, pad=True) == normalized
    assert cccd.is_valid(normalized) is valid


def test_citizen_id_encodes_birth_year_and_gender():
    assert cccd.birth_year("067185000001") == 1985
    assert cccd.gender("067185000001") == "female"
    assert cccd.birth_year("067205000001") == 2005
    assert cccd.gender("067205000001") == "male"


# --- suspension: capped after losing one's job, as long as the contract's suspension otherwise ---

@pytest.mark.parametrize("kind", [None, "job_loss"])
def test_suspension_after_job_loss_capped_at_12_months(kind):
    start = D(2025, 3, 15)
    assert lifecycle.check_event("active", None, "suspension", start, end_date=D(2026, 3, 15),
                                 suspension_kind=kind) == "suspended"
    with pytest.raises(lifecycle.LifecycleError) as err:
        lifecycle.check_event("active", None, "suspension", start, end_date=D(2026, 3, 16),
                              suspension_kind=kind)
    assert err.value.code == "suspension_too_long"


def test_suspension_while_contract_suspended_lasts_as_long():
    start = D(2025, 3, 15)
    for end in (D(2026, 3, 16), D(2027, 9, 30), D(2030, 1, 1)):
        assert lifecycle.check_event("active", None, "suspension", start, end_date=end,
                                     suspension_kind="contract_suspended") == "suspended"
    # still an end date, after the start
    with pytest.raises(lifecycle.LifecycleError) as err:
        lifecycle.check_event("active", None, "suspension", start, suspension_kind="contract_suspended")
    assert err.value.code == "needs_end_date"
    with pytest.raises(lifecycle.LifecycleError) as err:
        lifecycle.check_event("active", None, "suspension", start, end_date=start,
                              suspension_kind="contract_suspended")
    assert err.value.code == "end_before_start"


# --- foreign members (Law 50/2024) ---

foreign = load_rule("union_membership", "foreign_member")


@pytest.mark.parametrize("start, end, indefinite, ok", [
    (D(2026, 1, 1), D(2026, 12, 31), False, True),    # 12 months, the end day included
    (D(2026, 1, 1), D(2026, 12, 30), False, False),   # one day short
    (D(2026, 1, 31), D(2027, 1, 30), False, True),
    (D(2026, 1, 1), D(2027, 6, 30), False, True),
    (None, None, True, True),                          # indefinite term
    (D(2026, 1, 1), None, False, False),
])
def test_contract_of_12_months_or_more(start, end, indefinite, ok):
    assert foreign.contract_long_enough(start, end, indefinite) is ok


def test_foreign_admission_problems():
    ok = ("KR", "passport", "M1234567", "KR", D(2026, 1, 1), D(2027, 1, 1), False)
    assert foreign.admission_problems(*ok) == []
    assert foreign.admission_problems("VN", "citizen_id", None, None, None, None, False) == []
    assert foreign.admission_problems(None, "citizen_id", None, None, None, None, False) == ["no_nationality"]
    assert foreign.admission_problems("KR", "citizen_id", None, "VN", None, None, True) == ["no_document"]
    assert foreign.admission_problems("KR", "passport", "", "KR", None, None, True) == ["no_document"]
    assert foreign.admission_problems("KR", "work_permit", "GP-1", None, None, None, True) == ["no_document"]
    assert foreign.admission_problems("KR", "passport", "M1", "KR", None, None, False) == ["no_contract"]
    assert foreign.admission_problems("KR", "passport", "M1", "KR", D(2026, 1, 1), D(2026, 6, 30),
                                      False) == ["contract_too_short"]
