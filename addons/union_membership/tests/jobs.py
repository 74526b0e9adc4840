"""queue_job's test helpers, and the shape every test of a background job shares.

queue_job 18.0.4.x registers its method patcher in ``odoo.tests.common.SETATTR_SOURCES``,
which later builds of Odoo 18.0 define (the check of class attributes patched by tests);
an earlier 18.0 build lacks it, and queue_job's helpers then fail to import. The name is
given an empty registry there, which is all that check needs: nothing else changes.

``BackgroundJobAssertions`` (mixed into a test case) checks what every job of
union.background.job.mixin promises: one job however often the button is clicked, its
progress, its outcome and the notification; a refusal as the job's message; an unexpected
failure that leaves nothing written; small inputs kept synchronous. The jobs are trapped with
queue_job's ``trap_jobs`` and performed in the test's transaction (never by the runner).
"""
import json
from unittest.mock import patch

from odoo.tests import common as odoo_test_common

from odoo.addons.union_membership.models.union_background_job import UnionBackgroundJob

if not hasattr(odoo_test_common, "SETATTR_SOURCES"):
    odoo_test_common.SETATTR_SOURCES = {}

from odoo.addons.queue_job.tests.common import trap_jobs  # noqa: E402

__all__ = ["BackgroundJobAssertions", "trap_jobs"]

#: the logger of the mixin, which logs an unexpected failure of a job
MIXIN_LOGGER = "odoo.addons.union_membership.models.union_background_job_mixin"


class BackgroundJobAssertions:
    """Assertions on a record of a model with union.background.job.mixin and its button
    ``action`` (a method name), for a test case (TransactionCase or HttpCase)."""

    def assert_runs_once(self, record, action, method, user, before_run=None, notes=()):
        """``action`` clicked three times (a double click, then again as ``user``) queues one
        job, identified by the record and its ``method``; ``before_run()`` may check what is
        (not) written before it runs. Run, the job says it is running, its progress grows over
        at least four steps (``notes`` among their texts) to 100 %, it ends done for ``user``,
        who is told on their own bus channel. Returns the job."""
        with trap_jobs() as trap:
            getattr(record, action)()
            getattr(record, action)()  # the double click
            getattr(record.with_user(user), action)()
            trap.assert_jobs_count(1)
            self.assertEqual(trap.enqueued_jobs[0].identity_key, f"{record._name},{record.id},{method}")
            self.assertEqual(record.union_job_state, "queued")
            if before_run:
                before_run()
            seen = []
            original = UnionBackgroundJob._union_write_now

            def write_now(job, vals):
                seen.append(dict(vals))
                return original(job, vals)

            with patch.object(UnionBackgroundJob, "_union_write_now", write_now):
                trap.perform_enqueued_jobs()
        job = record.union_job_id
        self.assertEqual((job.state, job.progress, job.user_id), ("done", 100, user), job.message)
        progress = [vals["progress"] for vals in seen if "progress" in vals]
        self.assertEqual(progress, sorted(progress))
        self.assertGreaterEqual(len(set(progress)), 4, seen)
        self.assertIn("running", [vals.get("state") for vals in seen])
        for note in notes:
            self.assertIn(note, [vals.get("progress_note") for vals in seen])
        sent = self.env.cr.precommit.data.get("bus.bus.values", [])
        channel = f'"res.partner",{user.partner_id.id}]'
        told = [json.loads(note["message"]) for note in sent if channel in note["channel"]]
        self.assertTrue(any(message.get("type") == "simple_notification"
                            and message["payload"].get("title") == job.name for message in told), sent)
        return job

    def assert_job_refused(self, record, action, message):
        """The job of ``action`` fails with ``message`` in its text (a refused input). Returns the job."""
        with trap_jobs() as trap:
            getattr(record, action)()
            trap.perform_enqueued_jobs()
        job = record.union_job_id
        self.assertEqual(job.state, "failed")
        self.assertIn(message, job.message)
        self.assertEqual(record.union_job_message, job.message)
        return job

    def assert_failure_writes_nothing(self, record, action, breaking, error="disk full"):
        """The job of ``action`` runs under ``breaking`` (a context manager making a late step
        raise ``RuntimeError(error)``): queue_job gets the error (and keeps its traceback), the
        mixin logs it, the job fails saying nothing was saved. The caller then checks that
        nothing was written. Returns the job."""
        raised = None
        with trap_jobs() as trap:
            getattr(record, action)()
            with breaking, self.assertLogs(MIXIN_LOGGER, "ERROR"):
                # not assertRaises: it would roll back what the failure recorded
                try:
                    trap.perform_enqueued_jobs()
                except RuntimeError as exc:
                    raised = exc
        self.assertEqual(str(raised), error, "queue_job gets the error (and keeps its traceback)")
        job = record.union_job_id
        self.assertEqual(job.state, "failed")
        self.assertIn("nothing was saved", job.message)
        self.assertEqual(record.union_job_state, "failed")
        return job

    def assert_stays_synchronous(self, record, action):
        """A small input: ``action`` does the work at once, no job."""
        with trap_jobs() as trap:
            getattr(record, action)()
            trap.assert_jobs_count(0)
        self.assertFalse(record.union_job_id)
