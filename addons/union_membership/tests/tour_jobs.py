"""Browser tours of background jobs (union.background.job.mixin, OCA queue_job): the test plays
queue_job's job runner between two steps of the tour.

In production the runner, a separate process, marks a waiting job ``enqueued`` and asks Odoo to
run it (``GET /queue_job/runjob``), a moment after the officer's click. A tour has to see the
job *waiting* first (the form's progress bar, the button gone), so the job must not run at once
(unlike the import tour's ``queue_job__no_delay``), and must run when the tour has seen that.
The tour asks for it with a request to an outside address, ``RUNNER_URL``; HttpCase answers the
browser's outside requests through ``fetch_proxy`` (its hook for them), which here runs every
waiting job exactly as the runner does, and answers once they are done. The officer's screen
then shows the outcome by itself: the ``union_job_poll`` widget reloads the record every
2 seconds while its job waits or runs.

A job runs in one transaction: its "running" state and intermediate percentages are never seen
by another request inside a test (one test cursor, serialized); they are tested without a
browser (tests/test_background_job.py records every progress write).

Use: ``class TestX(TourJobRunnerMixin, SomeCommon, HttpCase)``; in the tour, the step
``runJobs(trigger)`` of static/tests/tours/union_job_tour_utils.js.
"""
import json

from odoo import SUPERUSER_ID, api

#: the address the tour fetches to have the waiting jobs run (never reached: answered by fetch_proxy)
RUNNER_URL = "https://queue-job-runner.union.test/run"


class TourJobRunnerMixin:
    """Plays queue_job's runner when the tour fetches ``RUNNER_URL``."""

    def setUp(self):
        super().setUp()
        #: uuids of the queue_job jobs run, in order
        self.union_jobs_run = []

    def fetch_proxy(self, url):
        if url.startswith(RUNNER_URL):
            return self.make_fetch_proxy_response(json.dumps({"ran": self._union_run_waiting_jobs()}))
        return super().fetch_proxy(url)

    def _union_run_waiting_jobs(self):
        """Run every waiting job as queue_job's runner does: mark it enqueued (the runner's own
        statement, jobrunner/runner.py set_job_enqueued), then GET /queue_job/runjob, which runs it
        as the user who started it and records it done (or failed)."""
        # a test cursor of its own (this runs in the browser's message thread, not the test's),
        # committed on leaving the block, as the runner's own connection does
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            uuids = env["queue.job"].search([("state", "=", "pending")], order="id").mapped("uuid")
            for uuid in uuids:
                cr.execute("UPDATE queue_job SET state = 'enqueued', "
                           "date_enqueued = date_trunc('seconds', now() at time zone 'utc') WHERE uuid = %s",
                           [uuid])
        for uuid in uuids:
            response = self.url_open(f"/queue_job/runjob?db={self.env.cr.dbname}&job_uuid={uuid}", timeout=120)
            response.raise_for_status()
        self.union_jobs_run += uuids
        return len(uuids)

    def union_queue_jobs(self, record):
        """The queue_job jobs started for ``record`` (one however often its button was clicked)."""
        # the identity key of union.background.job.mixin: model, record, method
        return self.env["queue.job"].sudo().search(
            [("identity_key", "=like", f"{record._name},{record.id},%")])
