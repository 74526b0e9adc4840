from . import (
    test_application,
    test_demo,
    test_join,
    test_national,
    test_news,
    test_non_union_user_privacy,
    test_successor_access,
    test_translation,
    test_workplace,
)
