from . import (
    ir_attachment,
    union_document,
    union_document_demo,
    union_document_distribution,
    union_document_progress,
    union_document_recipient_unit,
    union_document_register,
    union_document_type,
    union_organization,
    union_petition,
    union_petition_deadline,
    union_petition_forward,
)
