from . import union_officer_event, union_term
