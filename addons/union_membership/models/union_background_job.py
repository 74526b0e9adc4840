"""One row per long piece of work an officer started (a large member import, the arrears
report, a province dues run): what the officer sees while it runs in the background (state,
percentage), and its outcome (a message, a file) once it is done.

The work itself runs as an OCA queue_job job (see union_background_job_mixin.py). While it
runs, its progress is written to this row through a cursor of its own, committed at once,
so that the officer's screen can read it while the job's own transaction is still open;
the job's transaction therefore never writes this row (a concurrent update of a row under
REPEATABLE READ would fail): the outcome is written after the job's commit.
"""
import logging

from odoo import api, fields, models
from odoo.tools import config

from ..tools.xlsx import XLSX_MIMETYPE, download_action

_logger = logging.getLogger(__name__)

#: days a finished job and its file are kept (System Parameter union_membership.background_job_keep_days)
KEEP_DAYS = 30


class UnionBackgroundJob(models.Model):
    _name = "union.background.job"
    _description = "Background Job"
    _order = "id desc"

    name = fields.Char(required=True, readonly=True)
    user_id = fields.Many2one("res.users", string="Started by", required=True, readonly=True, index=True,
                              ondelete="cascade", default=lambda self: self.env.user)
    res_model = fields.Char(string="Model", required=True, readonly=True)
    res_id = fields.Many2oneReference(string="Started from", model_field="res_model", readonly=True)
    identity_key = fields.Char(readonly=True, index=True)
    state = fields.Selection(
        [("queued", "Waiting"), ("running", "Running"), ("done", "Done"), ("failed", "Failed")],
        default="queued", required=True, readonly=True)
    progress = fields.Float(string="Progress (%)", readonly=True)
    progress_note = fields.Char(string="Step", readonly=True)
    message = fields.Text(string="Result", readonly=True)
    attachment_id = fields.Many2one("ir.attachment", string="File", readonly=True)
    date_done = fields.Datetime(string="Finished on", readonly=True)

    # --- writing from inside the job ------------------------------------------------------

    @api.model
    def _union_in_real_job(self):
        """True inside a job run by queue_job's runner (its own transaction, committed at
        the end); False when the work runs inline (small input, tests, a tour), where the
        current transaction is the only one and is simply written."""
        # queue_job itself does not commit under test (controllers/main.py): neither do we;
        # queue_job__no_delay runs the job inline, in the caller's transaction
        return (bool(self.env.context.get("job_uuid")) and not config["test_enable"]
                and not self.env.context.get("queue_job__no_delay"))

    def _union_write_now(self, vals):
        """Write ``vals`` so that other transactions see them at once (progress)."""
        self.ensure_one()
        if not self._union_in_real_job():
            self.sudo().write(vals)
            return
        # a cursor of its own, committed on leaving the block: the officer's screen reads the
        # progress while the job's transaction is still open
        with self.env.registry.cursor() as cr:
            self.with_env(self.env(cr=cr)).sudo().write(vals)

    def _union_finish(self, state, message, attachment=None):
        """Record the outcome and tell the user who started the job."""
        self.ensure_one()
        vals = {"state": state, "message": message, "progress_note": False, "date_done": fields.Datetime.now(),
                "attachment_id": attachment.id if attachment else False}
        if state == "done":
            vals["progress"] = 100
        if not self._union_in_real_job():
            self.sudo().write(vals)
            self._union_notify()
            return
        job_id, env = self.id, self.env

        def write_outcome():
            with env.registry.cursor() as cr:
                job = env(cr=cr)["union.background.job"].sudo().browse(job_id)
                job.write(vals)
                job._union_notify()

        if state == "done":
            # after the job's commit only: "done" must never show work that was rolled back
            env.cr.postcommit.add(write_outcome)
        else:
            # now, in a transaction of its own: the job's transaction is rolled back
            write_outcome()

    def _union_notify(self):
        # sudo: the notification goes to the user who started the job, on their own channel
        self.user_id.sudo()._bus_send("simple_notification", {
            "type": "success" if self.state == "done" else "danger",
            "title": self.name,
            "message": self.message or "",
            "sticky": self.state != "done",
        })

    # --- actions ------------------------------------------------------------------------

    def action_open_record(self):
        """The record the job worked on (the import wizard, the report wizard, the dues run)."""
        self.ensure_one()
        record = self.env[self.res_model].browse(self.res_id).exists()
        if not record:
            return False
        record.check_access("read")
        return {
            "type": "ir.actions.act_window",
            "res_model": self.res_model,
            "res_id": self.res_id,
            "view_mode": "form",
            "target": "new" if record._transient else "current",
        }

    def action_download(self):
        self.ensure_one()
        if not self.attachment_id:
            return False
        attachment = self.attachment_id
        # the suite's one download URL (tools/xlsx.py)
        return download_action(attachment, "datas", attachment.name,
                               mimetype=attachment.mimetype or XLSX_MIMETYPE)

    # --- cleanup --------------------------------------------------------------------------

    @api.model
    def _union_keep_days(self):
        # sudo: a setting of the administrator, read by the cron
        value = self.env["ir.config_parameter"].sudo().get_param(
            "union_membership.background_job_keep_days", str(KEEP_DAYS))
        try:
            return max(int(float(value)), 1)
        except ValueError:
            return KEEP_DAYS

    @api.model
    def _cron_remove_old_jobs(self):
        """Remove the finished jobs (done or failed) of more than N days (System Parameter
        ``union_membership.background_job_keep_days``, 30 by default) with their result
        files. Waiting and running jobs stay. queue_job's own rows (queue.job) are removed by
        queue_job's "AutoVacuum Job Queue" cron."""
        limit = fields.Datetime.subtract(fields.Datetime.now(), days=self._union_keep_days())
        # sudo: the cron removes every user's old jobs
        jobs = self.sudo().search([("state", "in", ("done", "failed")),
                                   "|", ("date_done", "<", limit),
                                   "&", ("date_done", "=", False), ("create_date", "<", limit)])
        if not jobs:
            return 0
        attachments = jobs.attachment_id | self.env["ir.attachment"].sudo().search(
            [("res_model", "=", self._name), ("res_id", "in", jobs.ids)])
        # the records that started them lose their link (union_job_id: ondelete set null)
        attachments.unlink()
        count = len(jobs)
        jobs.unlink()
        _logger.info("Removed %s background jobs finished before %s", count, limit)
        return count
