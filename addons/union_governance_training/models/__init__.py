from . import event_registration, union_congress, union_congress_participant
