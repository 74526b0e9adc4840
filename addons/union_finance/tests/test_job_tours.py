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
        self.start_tour("/odoo", "union_dues_run_job_tour", login=self.user_accountant.login)
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
