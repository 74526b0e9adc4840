from . import mailing_trace_report
