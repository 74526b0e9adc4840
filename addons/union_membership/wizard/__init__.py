from . import (
    union_member_event_wizard,
    union_member_export_wizard,
    union_member_import_wizard,
    union_member_transfer_request_wizard,
    union_member_transfer_wizard,
    union_organization_as_at_wizard,
    union_organization_dissolve_wizard,
    union_organization_merge,
)
