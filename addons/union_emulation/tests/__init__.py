from . import (
    test_award,
    test_contest,
    test_evaluation,
    test_http,
    test_movement_registration,
)
