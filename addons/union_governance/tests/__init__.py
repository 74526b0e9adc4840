from . import (
    test_access,
    test_congress,
    test_counting_rule,
    test_credentials,
    test_delegates_upward,
    test_election,
    test_officers,
    test_portal,
    test_secrecy,
    test_successor_access,
    test_translation,
)
