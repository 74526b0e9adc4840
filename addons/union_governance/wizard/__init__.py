from . import union_officer_register_wizard
from . import union_congress_credentials_reopen
