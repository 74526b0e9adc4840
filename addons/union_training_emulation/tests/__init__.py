from . import test_evidence
