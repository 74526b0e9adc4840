from . import test_ledger_reports, test_mis_reports, test_translation
