"""queue_job's test helpers, for the suite's tests of background jobs.

queue_job 18.0.4.x registers its method patcher in ``odoo.tests.common.SETATTR_SOURCES``,
which later builds of Odoo 18.0 define (the check of class attributes patched by tests);
an earlier 18.0 build lacks it, and queue_job's helpers then fail to import. The name is
given an empty registry there, which is all that check needs: nothing else changes.
"""
from odoo.tests import common as odoo_test_common

if not hasattr(odoo_test_common, "SETATTR_SOURCES"):
    odoo_test_common.SETATTR_SOURCES = {}

from odoo.addons.queue_job.tests.common import trap_jobs  # noqa: E402

__all__ = ["trap_jobs"]
