"""Long work in the background (union.background.job.mixin, OCA queue_job): the member import
of a large file runs as a job, once however often Import is clicked, with its progress, its
outcome and, on a failure, a clear message and nothing written. The jobs are trapped with
queue_job's trap_jobs and performed in the test's transaction (never by the runner)."""
import base64
from unittest.mock import patch

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import HttpCase, TransactionCase, tagged

from .common import UnionCommon
from .jobs import BackgroundJobAssertions, trap_jobs
from .test_import_export import xlsx


class TestBackgroundJob(BackgroundJobAssertions, UnionCommon):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # every file is "large" here: the import runs as a job
        cls.env["ir.config_parameter"].sudo().set_param("union_membership.import_background_min_kb", "0")

    def rows(self, count, start=0):
        return [{"Họ và tên": f"Nguyễn Văn Nền {index}", "Giới tính": "Nam", "Ngày sinh": "02/03/1988",
                 "Số CCCD/Hộ chiếu": f"0010880{index:05d}", "Mã đơn vị": "T-A-T1",
                 "Ngày vào công đoàn": "01/09/2012"} for index in range(start, start + count)]

    def wizard(self, rows, user=None):
        return self.env["union.member.import.wizard"].with_user(user or self.user_officer_a).create({
            "file": base64.b64encode(xlsx(rows)), "filename": "lon.xlsx"})

    def imported(self, rows):
        return self.env["union.member"].search([("citizen_id", "in", [r["Số CCCD/Hộ chiếu"] for r in rows])])

    def test_large_import_runs_once_in_background(self):
        rows = self.rows(5)
        wizard = self.wizard(rows)

        def before_run():
            self.assertEqual(wizard.state, "running")
            self.assertFalse(self.imported(rows), "nothing is written before the job runs")

        job = self.assert_runs_once(wizard, "action_import", "_import_in_background", self.user_officer_a,
                                    before_run=before_run)
        self.assertEqual(len(self.imported(rows)), 5)
        self.assertEqual(wizard.state, "done")
        self.assertIn("5", job.message)

    def test_small_file_stays_synchronous(self):
        self.env["ir.config_parameter"].sudo().set_param("union_membership.import_background_min_kb", "200")
        rows = self.rows(2, start=100)
        wizard = self.wizard(rows)
        self.assert_stays_synchronous(wizard, "action_import")
        self.assertEqual(wizard.state, "done")
        self.assertEqual(len(self.imported(rows)), 2)

    def test_bad_rows_give_the_error_file_as_the_result(self):
        rows = self.rows(3, start=200)
        rows[1]["Ngày sinh"] = "31/02/1988"
        wizard = self.wizard(rows)
        with trap_jobs() as trap:
            wizard.action_import()
            trap.perform_enqueued_jobs()
        self.assertEqual(wizard.state, "error")
        self.assertFalse(self.imported(rows))
        job = wizard.union_job_id
        self.assertEqual(job.state, "done")
        self.assertEqual(job.attachment_id.name, "lon_loi.xlsx")
        self.assertEqual(job.attachment_id.raw, base64.b64decode(wizard.result_file))
        # the officer downloads it from the job; another officer sees neither the job nor the file
        action = job.with_user(self.user_officer_a).action_download()
        self.assertEqual(action["type"], "ir.actions.act_url")
        # the suite's one download URL (tools/xlsx.download_action)
        self.assertTrue(action["url"].startswith(
            f"/web/content/ir.attachment/{job.attachment_id.id}/datas/lon_loi.xlsx?download=true"), action)
        Job = self.env["union.background.job"].with_user(self.user_officer_b)
        self.assertFalse(Job.search_read([("id", "=", job.id)], ["name"]))
        self.assertFalse(Job.read_group([("id", "=", job.id)], ["state"], ["state"]))
        self.assertFalse(self.env["ir.attachment"].with_user(self.user_officer_b).search(
            [("id", "=", job.attachment_id.id)]))

    def test_refused_file_fails_with_its_message(self):
        self.assert_job_refused(self.wizard([]), "action_import", "no member rows")

    def test_unexpected_failure_writes_nothing(self):
        """The members are inserted, then the update step breaks: the savepoint takes the
        inserted members back, the job records a clear message, queue_job keeps the error."""
        rows = self.rows(4, start=300)
        wizard = self.wizard(rows)
        members_before = self.env["union.member"].search_count([])
        events_before = self.env["union.member.event"].search_count([])
        Wizard = type(self.env["union.member.import.wizard"])
        self.assert_failure_writes_nothing(
            wizard, "action_import", patch.object(Wizard, "_update_members", side_effect=RuntimeError("disk full")))
        self.assertEqual(self.env["union.member"].search_count([]), members_before)
        self.assertEqual(self.env["union.member.event"].search_count([]), events_before)
        self.assertFalse(self.imported(rows))
        self.assertEqual(wizard.state, "running")

    def test_restart_waits_for_the_running_job(self):
        wizard = self.wizard(self.rows(1, start=400))
        with trap_jobs():
            wizard.action_import()
            wizard.action_restart()
            self.assertEqual(wizard.state, "running")

    def test_job_row_is_written_by_the_helper_only(self):
        wizard = self.wizard(self.rows(1, start=500))
        with trap_jobs():
            wizard.action_import()
        with self.assertRaises(UserError):
            # the officer may read their job, not change it
            wizard.union_job_id.with_user(self.user_officer_a).write({"state": "done"})


class TestBackgroundJobCleanup(UnionCommon):
    """Finished jobs and their files are removed after N days (System Parameter); queue_job's
    own rows by queue_job's autovacuum cron, which is active."""

    def make_job(self, state, days_ago, with_file=True):
        Job = self.env["union.background.job"].sudo()
        job = Job.create({"name": f"Job {state} {days_ago}", "res_model": "union.member.import.wizard",
                          "user_id": self.user_officer_a.id, "state": state})
        vals = {}
        if state in ("done", "failed"):
            vals["date_done"] = fields.Datetime.subtract(fields.Datetime.now(), days=days_ago)
        if with_file:
            vals["attachment_id"] = self.env["ir.attachment"].create({
                "name": "ket_qua.xlsx", "raw": b"PK", "res_model": job._name, "res_id": job.id}).id
        job.write(vals)
        return job

    def test_cron_removes_old_finished_jobs_and_their_files(self):
        old_done = self.make_job("done", 31)
        old_failed = self.make_job("failed", 45, with_file=False)
        recent = self.make_job("done", 5)
        running = self.make_job("running", 0)
        self.env.cr.execute("UPDATE union_background_job SET create_date = now() - interval '60 days' WHERE id = %s",
                            [running.id])
        files = old_done.attachment_id
        wizard = self.env["union.member.import.wizard"].with_user(self.user_officer_a).create({})
        wizard.sudo().union_job_id = old_done
        cron = self.env.ref("union_membership.ir_cron_union_remove_old_background_jobs")
        self.assertTrue(cron.active)
        self.assertEqual(self.env["union.background.job"]._cron_remove_old_jobs(), 2)
        self.assertFalse((old_done | old_failed).exists())
        self.assertFalse(files.exists(), "the result file goes with its job")
        self.assertEqual((recent | running).exists(), recent | running)
        self.assertTrue(recent.attachment_id.exists())
        self.assertFalse(wizard.union_job_id)
        # the number of days is a System Parameter
        self.env["ir.config_parameter"].sudo().set_param("union_membership.background_job_keep_days", "3")
        self.assertEqual(self.env["union.background.job"]._cron_remove_old_jobs(), 1)
        self.assertFalse(recent.exists())
        self.assertTrue(running.exists(), "a job under way is never removed")

    def test_queue_job_cleans_its_own_rows(self):
        self.assertTrue(self.env.ref("queue_job.ir_cron_autovacuum_queue_jobs").active)


@tagged("post_install", "-at_install")
class TestBackgroundJobTour(UnionCommon, HttpCase):

    def test_import_job_in_the_browser(self):
        """The officer imports from the menu (the job runs inline: queue_job__no_delay, never the
        runner in a test) and finds the job, done, among their background jobs."""
        self.env["ir.config_parameter"].sudo().set_param("union_membership.import_background_min_kb", "0")
        self.env.ref("union_membership.union_member_import_wizard_action").context = "{'queue_job__no_delay': True}"
        self.start_tour("/odoo/action-union_membership.union_member_action", "union_import_job_tour",
                        login=self.user_officer_a.login)
        members = self.env["union.member"].search([("citizen_id", "in", ["067190000771", "067086000772"])])
        self.assertEqual(set(members.organization_id), {self.unit_a, self.group_a})
        job = self.env["union.background.job"].search([("user_id", "=", self.user_officer_a.id)])
        self.assertEqual((len(job), job.state, job.progress), (1, "done", 100))


@tagged("post_install", "-at_install")
class TestJobPollRendered(TransactionCase):
    def test_poll_widget_is_never_invisible(self):
        """Odoo 18 mounts no component for a field with invisible="1": the poll widget that
        reloads a form while its job runs must be rendered (it draws nothing itself)."""
        from lxml import etree

        views = self.env["ir.ui.view"].search([("arch_db", "like", "union_job_poll")])
        self.assertTrue(views)
        for view in views:
            for node in etree.fromstring(view.arch_db.encode()).iter("field"):
                if node.get("widget") == "union_job_poll":
                    self.assertNotIn(node.get("invisible"), ("1", "True", "true"), view.xml_id)
