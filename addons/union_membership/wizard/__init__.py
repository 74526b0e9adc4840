from . import union_member_event_wizard
from . import union_organization_dissolve_wizard
from . import union_member_transfer_wizard
from . import union_member_import_wizard
from . import union_member_export_wizard
