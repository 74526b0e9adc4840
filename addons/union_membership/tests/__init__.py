from . import (
    test_access,
    test_card,
    test_daily_routines,
    test_demo,
    test_import_export,
    test_import_fast,
    test_lifecycle,
    test_officer_routine,
    test_organization,
    test_portal,
    test_portal_phone,
    test_statistics,
)
