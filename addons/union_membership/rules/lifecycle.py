"""The member lifecycle: which event may follow which state, and what it leads to.

The member's state is what the latest lifecycle event says; this module
decides, with no database, whether an event is allowed and what follows.
"""
from .months import add_months

#: the states in which a person counts as a member of their unit (a tuple: ORM domains take it)
MEMBER_STATES = ("active", "suspended")
_MEMBER = frozenset(MEMBER_STATES)

#: events that change nothing in the state (the card is issued to a member as they are)
NEUTRAL_EVENTS = {"card"}

#: event -> (states it may follow, state after it; None keeps the current state)
TRANSITIONS = {
    "admission": ({None, "left", "transferred"}, "active"),
    "recognition": ({None, "left", "transferred"}, "active"),
    "transfer": (_MEMBER, None),
    "transfer_out": (_MEMBER, "transferred"),
    "suspension": ({"active"}, "suspended"),
    "resumption": ({"suspended"}, "active"),
    "withdrawal": (_MEMBER, "left"),
    "removal": (_MEMBER, "left"),
    "expulsion": (_MEMBER, "expelled"),
    "death": (_MEMBER | {"left", "transferred"}, "deceased"),
    "dissolution": (_MEMBER, "left"),
    "card": (_MEMBER, None),
}

#: events that need the unit the member goes to
NEEDS_UNIT = {"admission", "recognition", "transfer"}

#: events by which a person becomes a member
ADMITTING_EVENTS = ("admission", "recognition")

#: suspension after losing one's job: 12 months at most (HD 38/HD-TLĐ 2024)
MAX_SUSPENSION_MONTHS = 12
#: why a member is suspended; a suspension while the labour contract is suspended lasts as long
#: as that suspension (no cap); any other suspension is one after losing one's job (capped)
SUSPENSION_JOB_LOSS = "job_loss"
SUSPENSION_CONTRACT_SUSPENDED = "contract_suspended"


class LifecycleError(ValueError):
    """A refused event; ``code`` says why, ``params`` what to name in the message."""

    def __init__(self, code, **params):
        super().__init__(code)
        self.code = code
        self.params = params


def check_event(state, last_date, event_type, event_date, current_unit=None,
                to_unit=None, end_date=None, suspension_kind=None):
    """Check one event against the member's current state.

    Returns the state after the event. Raises LifecycleError otherwise.
    ``state`` is None for a person who was never a member. ``suspension_kind``: why a
    suspension is recorded (``job_loss``, the default, is capped at 12 months;
    ``contract_suspended`` lasts until the given end date, however far).
    """
    if event_type not in TRANSITIONS:
        raise LifecycleError("unknown_event", event=event_type)
    allowed, after = TRANSITIONS[event_type]
    if state not in allowed:
        raise LifecycleError("bad_state", event=event_type, state=state)
    if last_date and event_date < last_date and event_type not in NEUTRAL_EVENTS:
        raise LifecycleError("before_last", event=event_type, date=event_date, last=last_date)
    if event_type in NEEDS_UNIT and not to_unit:
        raise LifecycleError("needs_unit", event=event_type)
    if event_type == "transfer" and to_unit == current_unit:
        raise LifecycleError("same_unit", event=event_type)
    if event_type == "suspension":
        if not end_date:
            raise LifecycleError("needs_end_date", event=event_type)
        if end_date <= event_date:
            raise LifecycleError("end_before_start", event=event_type)
        if suspension_kind != SUSPENSION_CONTRACT_SUSPENDED \
                and end_date > add_months(event_date, MAX_SUSPENSION_MONTHS):
            raise LifecycleError("suspension_too_long", months=MAX_SUSPENSION_MONTHS)
    return state if after is None else after


def replay(events):
    """Replay (type, date, to_unit, end_date) events in order; return (state, unit, last_date).

    Raises LifecycleError at the first refused event, with ``params['index']``.
    """
    state, unit, last = None, None, None
    for index, (event_type, event_date, to_unit, end_date) in enumerate(events):
        try:
            new_state = check_event(state, last, event_type, event_date, unit, to_unit, end_date)
        except LifecycleError as err:
            err.params["index"] = index
            raise
        if event_type not in NEUTRAL_EVENTS:
            last = event_date
            if to_unit:
                unit = to_unit
        state = new_state
    return state, unit, last
