from . import test_event_checkin
