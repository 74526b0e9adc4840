from . import union_document_reason_wizard
