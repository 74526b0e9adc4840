from . import (
    test_access,
    test_courses,
    test_lesson_routes,
    test_non_union_user_privacy,
    test_report,
    test_successor_access,
    test_training,
    test_translation,
)
