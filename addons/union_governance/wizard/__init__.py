from . import union_officer_register_wizard
