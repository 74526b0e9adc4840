from . import (
    test_access,
    test_card,
    test_click_everywhere,
    test_demo,
    test_face,
    test_import_export,
    test_import_fast,
    test_lifecycle,
    test_organization,
    test_portal,
    test_statistics,
)
