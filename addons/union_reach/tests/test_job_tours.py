"""Browser tour of the national register comparison as a background job (issue 19), as the
upper-level officer who reaches the members, from the menu; the job waits until the tour has
seen it waiting, then the test plays queue_job's runner (union_membership/tests/tour_jobs.py)."""
from odoo.tests import HttpCase, tagged

from odoo.addons.union_membership.tests.tour_jobs import TourJobRunnerMixin

from .common import ReachCommon


@tagged("post_install", "-at_install")
class TestNationalCompareJobTour(TourJobRunnerMixin, ReachCommon, HttpCase):

    def test_national_comparison_in_background(self):
        # every file is "large": compared in the background
        self.env["ir.config_parameter"].sudo().set_param("union_reach.national_background_min_kb", "0")
        self.env["res.lang"]._activate_lang("vi_VN")
        self.user_upper.lang = "vi_VN"
        self.start_tour("/odoo", "union_national_compare_job_tour", login=self.user_upper.login, timeout=180)
        comparison = self.env["union.reach.national.import"].search([("create_uid", "=", self.user_upper.id)])
        self.assertEqual(len(comparison), 1)
        self.assertEqual((comparison.organization_id, comparison.state, comparison.row_count),
                         (self.upper, "accepted", 3))
        kinds = {(diff.kind, diff.name) for diff in comparison.diff_ids}
        self.assertIn(("card_number", "Nguyễn Thị Lan"), kinds)
        self.assertIn(("only_file", "Phạm Thị Ngoài"), kinds)
        self.assertIn(("only_suite", "Lê Thị Hoa"), kinds)
        # accepted in its own step: the national codes and card numbers written
        self.assertEqual((self.member_a1.national_code, self.member_a1.card_number), ("QG00000001", "TDV0000001"))
        self.assertEqual((self.member_a2.national_code, self.member_a2.card_number), ("QG00000002", "TDV0000002"))
        self.assertFalse(self.member_b1.card_number)
        # one job however often Compare was clicked, run once by the runner, as the officer
        jobs = self.union_queue_jobs(comparison)
        self.assertEqual(len(jobs), 1)
        self.assertEqual(self.union_jobs_run, jobs.mapped("uuid"))
        self.assertEqual((jobs.state, jobs.user_id), ("done", self.user_upper))
        self.assertEqual((comparison.union_job_state, comparison.union_job_id.progress), ("done", 100))
