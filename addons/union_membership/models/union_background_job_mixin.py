"""Long work started from a record, run in the background by OCA's queue_job.

A model that inherits ``union.background.job.mixin`` starts its long method with
``self._union_job_start("_method", description)``; the method reports its progress with
``self._union_job_progress(done, total, note)`` and returns its outcome
(``{"message": str, "file": (filename, bytes)}``, both optional). The helper:

- runs it once: the job has an identity key (model, record, method), and a record whose
  job is waiting or running does not start a second one (a double click returns the first);
- keeps a ``union.background.job`` row with the state and the percentage the officer sees
  on the record (``union_job_progress``, refreshed by the ``union_job_poll`` widget);
- runs the method in a savepoint: on a failure nothing it wrote remains, and the row gets
  a clear (translated) message; the user who started it gets a notification either way;
- runs the method inline when asked to (``queue_job__no_delay`` in the context: tours) and,
  as queue_job does, never commits under test (tests use queue_job's ``trap_jobs``).
"""
import logging

from psycopg2 import OperationalError, errorcodes

from odoo import fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

_logger = logging.getLogger(__name__)

#: PostgreSQL errors queue_job retries: they are re-raised untouched
RETRIED_PG_CODES = (errorcodes.SERIALIZATION_FAILURE, errorcodes.DEADLOCK_DETECTED,
                    errorcodes.LOCK_NOT_AVAILABLE)
ACTIVE_STATES = ("queued", "running")


class UnionBackgroundJobMixin(models.AbstractModel):
    _name = "union.background.job.mixin"
    _description = "Record whose long work runs in the background"

    union_job_id = fields.Many2one("union.background.job", string="Background Job", readonly=True, copy=False)
    union_job_state = fields.Selection(related="union_job_id.state", string="Job State")
    union_job_progress = fields.Float(related="union_job_id.progress", string="Progress")
    union_job_progress_note = fields.Char(related="union_job_id.progress_note", string="Step")
    union_job_message = fields.Text(related="union_job_id.message", string="Job Result")

    def _union_job_identity_key(self, method_name):
        return f"{self._name},{self.id},{method_name}"

    def _union_job_start(self, method_name, description, *args):
        """Start ``method_name(*args)`` of this record in the background; return its
        union.background.job. A job of this record that is waiting or running is returned
        instead of starting another one."""
        self.ensure_one()
        # sudo: the job row is written by the helper only (users read their own ones)
        current = self.union_job_id.sudo()
        if current.state in ACTIVE_STATES:
            return current
        key = self._union_job_identity_key(method_name)
        running = self.env["union.background.job"].sudo().search(
            [("identity_key", "=", key), ("state", "in", ACTIVE_STATES)], limit=1)
        if running:
            return running
        job = self.env["union.background.job"].sudo().create({
            "name": description, "res_model": self._name, "res_id": self.id, "identity_key": key,
            "user_id": self.env.uid})
        # the record's write takes its row lock: of two clicks at once, the second waits, fails
        # to serialize and is replayed by Odoo, and then finds the job above
        self.write({"union_job_id": job.id})
        self.with_delay(description=description, identity_key=key)._union_job_run(job.id, method_name, list(args))
        return job

    def _union_job_run(self, job_id, method_name, args):
        """The job: runs ``method_name`` in a savepoint and records its outcome."""
        job = self.env["union.background.job"].sudo().browse(job_id)
        if not job.exists() or job.state not in ACTIVE_STATES:
            return False
        job._union_write_now({"state": "running", "progress": 0})
        record = self.with_context(union_background_job_id=job.id)
        try:
            with self.env.cr.savepoint():
                result = getattr(record, method_name)(*args) or {}
                self.env.flush_all()
        except OperationalError as error:
            if error.pgcode in RETRIED_PG_CODES:
                raise  # queue_job runs it again
            self._union_job_failed(job, error)
            raise
        except (UserError, ValidationError, AccessError) as error:
            # a verdict on the input: the officer's to correct; the job itself went fine
            self.env.invalidate_all()
            job._union_finish("failed", str(error.args[0] if error.args else error))
            return False
        except Exception as error:
            self._union_job_failed(job, error)
            raise  # queue_job keeps the traceback for the administrator
        attachment = False
        if result.get("file"):
            filename, content = result["file"]
            # sudo: the file belongs to the job row, which only its user (and admins) may read
            attachment = self.env["ir.attachment"].sudo().create({
                "name": filename, "raw": content, "res_model": job._name, "res_id": job.id})
        job._union_finish("done", result.get("message") or self.env._("Done."), attachment)
        return True

    def _union_job_failed(self, job, error):
        self.env.invalidate_all()
        _logger.exception("Background job %s failed", job.id)
        job._union_finish("failed", self.env._(
            "The work stopped on an unexpected error (%(error)s) and nothing was saved. Try again; if it "
            "fails again, tell the union administrator (background job %(job)s).",
            error=type(error).__name__, job=job.id))

    def _union_job_progress(self, done, total=100, note=None):
        """Report progress from inside the job (nothing outside one): ``done`` of ``total``."""
        job_id = self.env.context.get("union_background_job_id")
        if not job_id:
            return
        job = self.env["union.background.job"].sudo().browse(job_id)
        percent = round(100.0 * done / total, 1) if total else 0.0
        vals = {"progress": min(percent, 99.0)}
        if note is not None:
            vals["progress_note"] = note
        job._union_write_now(vals)
