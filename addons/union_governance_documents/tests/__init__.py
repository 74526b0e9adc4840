from . import test_decision_documents
