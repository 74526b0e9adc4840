from . import (
    test_award,
    test_backend_tour,
    test_contest,
    test_evaluation,
    test_evaluation_form,
    test_http,
    test_messages_vi,
    test_movement_registration,
    test_officer_face,
    test_reference_check,
    test_registration_portal,
    test_website_tour,
)
