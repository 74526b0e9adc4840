from . import test_access, test_courses, test_report, test_successor_access, test_training, test_translation
