"""Browser tours of the finance routines that had none (issues 19 and 20): the province dues run
posted in the background, the arrears report as a background job, the lock dates of the books.
Each runs as the role that does it, from the menu; the background jobs wait until the tour has
seen them waiting, then the test plays queue_job's runner (union_membership/tests/tour_jobs.py)."""
from datetime import date

from odoo.tests import HttpCase, tagged

from odoo.addons.union_membership.tests.tour_jobs import TourJobRunnerMixin

from .common import UnionFinanceCommon


class FinanceTourCommon(TourJobRunnerMixin, UnionFinanceCommon, HttpCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the union's people work in Vietnamese (dates dd/mm/yyyy)
        cls.env["res.lang"]._activate_lang("vi_VN")
        (cls.user_accountant | cls.user_officer_a).write({"lang": "vi_VN"})


@tagged("post_install", "-at_install")
class TestDuesRunJobTour(FinanceTourCommon):

    def test_province_dues_run_posted_in_background(self):
        # every run is "large": posted by a background job
        self.env["ir.config_parameter"].sudo().set_param("union_finance.dues_run_background_min_lines", "1")
        self.start_tour("/odoo", "union_dues_run_job_tour", login=self.user_accountant.login, timeout=180)
        run = self.env["union.dues.run"].search([("organization_id", "=", self.upper.id),
                                                 ("month", "=", date(2025, 7, 1))])
        self.assertEqual(len(run), 1)
        self.assertEqual(run.state, "posted")
        self.assertTrue(run.move_ids)
        self.assertEqual(run.line_ids.member_id, self.member_a1 | self.member_a2 | self.member_b1)
        # one job however often Confirm was clicked, run once, by the runner, as the accountant
        jobs = self.union_queue_jobs(run)
        self.assertEqual(len(jobs), 1)
        self.assertEqual(self.union_jobs_run, jobs.mapped("uuid"))
        self.assertEqual((jobs.state, jobs.user_id), ("done", self.user_accountant))
        job = run.union_job_id
        self.assertEqual((job.state, job.progress, job.user_id), ("done", 100, self.user_accountant))
        self.assertIn(run.name, job.message)


@tagged("post_install", "-at_install")
class TestArrearsReportJobTour(FinanceTourCommon):

    def test_arrears_report_in_background(self):
        # July 2025 posted, unpaid: the unit's members are in arrears
        self._run(self.unit_a, date(2025, 7, 1))
        # every unit is "large": its arrears report is a background job
        self.env["ir.config_parameter"].sudo().set_param("union_finance.arrears_background_min_members", "1")
        self.start_tour("/odoo", "union_arrears_report_job_tour", login=self.user_officer_a.login, timeout=180)
        job = self.env["union.background.job"].search([("user_id", "=", self.user_officer_a.id)])
        self.assertEqual((len(job), job.state, job.progress), (1, "done", 100))
        self.assertEqual(job.res_model, "union.finance.xlsx.report")
        wizard = self.env["union.finance.xlsx.report"].browse(job.res_id)
        self.assertEqual((wizard.report_type, wizard.organization_id, wizard.year), ("arrears", self.unit_a, 2025))
        self.assertTrue(wizard.file_data)
        self.assertEqual(job.attachment_id.name, wizard.file_name)
        self.assertIn("T-A-2025", wizard.file_name)
        # one job however often Export was clicked, run once by the runner, as the officer
        jobs = self.union_queue_jobs(wizard)
        self.assertEqual(len(jobs), 1)
        self.assertEqual(self.union_jobs_run, jobs.mapped("uuid"))
        self.assertEqual((jobs.state, jobs.user_id), ("done", self.user_officer_a))


@tagged("post_install", "-at_install")
class TestLockDateTour(FinanceTourCommon):

    def test_lock_dates_set_and_shown_again(self):
        self.assertFalse(self.company.fiscalyear_lock_date)
        self.start_tour("/odoo", "union_lock_date_tour", login=self.user_accountant.login, timeout=180)
        self.assertEqual(self.company.fiscalyear_lock_date, date(2025, 7, 31))
        self.assertFalse(self.company.hard_lock_date, "only the date the accountant set changes")
