# The mixin first: the models below inherit it.
from . import union_reference_check_mixin  # isort: skip
from . import union_background_job_mixin  # isort: skip
from . import (
    ir_http,
    mail_followers,
    res_company,
    res_partner,
    res_users,
    union_background_job,
    union_consent_text,
    union_ethnicity,
    union_member,
    union_member_change_request,
    union_member_data_request,
    union_member_event,
    union_member_import,
    union_member_statistics,
    union_member_statistics_line,
    union_member_transfer_request,
    union_organization,
    union_organization_directory,
    union_organization_event,
    union_organization_history,
)
