from . import (
    event_tag,
    slide_channel_tag,
    union_training_session,
    union_training_attendance,
    union_training_seat,
    event_event,
    event_registration,
    slide_channel,
    union_member,
    union_training_report,
)
