from . import mis_budget, mis_report, mis_report_instance, union_report_scope_mixin
