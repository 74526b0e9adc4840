from . import test_founding_document
