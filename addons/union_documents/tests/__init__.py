from . import (
    test_document_access,
    test_document_flow,
    test_document_incoming,
    test_document_numbering,
    test_petition,
    test_portal_http,
)
