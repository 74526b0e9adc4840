from . import test_join, test_application, test_workplace, test_national, test_news, test_demo
