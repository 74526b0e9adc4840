from . import (
    test_document_access,
    test_document_demo,
    test_document_flow,
    test_document_incoming,
    test_document_numbering,
    test_document_recipient_picker,
    test_document_register_pdf,
    test_petition,
    test_petition_time_limits,
    test_portal_http,
)
