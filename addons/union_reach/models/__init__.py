from . import (
    res_users,
    union_member,
    union_organization,
    union_reach_application,
    union_reach_campaign_log,
    union_reach_national_import,
    union_reach_national_mapping,
    union_reach_news,
    union_reach_route,
    union_reach_target,
    union_reach_workplace,
)
