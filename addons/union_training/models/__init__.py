from . import (
    event_event,
    event_registration,
    event_tag,
    res_users,
    slide_channel,
    slide_channel_tag,
    survey_user_input,
    union_member,
    union_training_attendance,
    union_training_report,
    union_training_seat,
    union_training_session,
)
