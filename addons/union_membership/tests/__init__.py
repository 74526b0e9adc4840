from . import (
    test_access,
    test_card,
    test_demo,
    test_import_export,
    test_import_fast,
    test_lifecycle,
    test_organization,
    test_portal,
    test_security,
    test_statistics,
)
