from . import test_lifecycle, test_organization, test_access, test_statistics, test_demo
