"""Browser tour of the unit merge as a background job (issue 19), as the upper-level officer
who does it, from the menu; the job waits until the tour has seen it waiting, then the test
plays queue_job's runner (tests/tour_jobs.py)."""
from odoo.tests import Form, HttpCase, tagged

from .common import UnionCommon
from .tour_jobs import TourJobRunnerMixin


class TestMergePreviewOnScreen(UnionCommon):

    def test_preview_names_the_surviving_unit_before_saving(self):
        """Found by the tour: on the screen (a new wizard, onchange) the preview said "Surviving
        unit: the new unit - under -" when an existing unit was chosen."""
        merge = Form(self.env["union.organization.merge"].with_user(self.user_upper))
        merge.source_ids.add(self.unit_b)
        merge.target_id = self.unit_a
        merge.decision_ref = "125/QĐ-LĐLĐ"
        self.assertIn(f"Surviving unit: {self.unit_a.display_name}.", merge.preview)
        self.assertNotIn("the new unit", merge.preview)


@tagged("post_install", "-at_install")
class TestMergeJobTour(TourJobRunnerMixin, UnionCommon, HttpCase):

    def test_merge_in_background(self):
        # every merge is "large": it runs in the background
        self.env["ir.config_parameter"].sudo().set_param("union_membership.merge_background_min_records", "0")
        self.env["res.lang"]._activate_lang("vi_VN")
        self.user_upper.lang = "vi_VN"
        self.start_tour("/odoo", "union_merge_job_tour", login=self.user_upper.login, timeout=180)
        self.assertEqual(self.unit_b.state, "merged")
        self.assertEqual(self.member_b1.organization_id, self.unit_a)
        event = self.member_b1.event_ids.filtered(lambda e: e.event_type == "transfer")
        self.assertEqual(event.decision_ref, "125/QĐ-LĐLĐ ngày 30/06/2025")
        job = self.env["union.background.job"].search([("user_id", "=", self.user_upper.id)])
        self.assertEqual((len(job), job.state, job.progress), (1, "done", 100))
        wizard = self.env["union.organization.merge"].browse(job.res_id)
        self.assertEqual(wizard.card_member_ids, self.member_b1)
        # one job, run once by the runner, as the officer
        jobs = self.union_queue_jobs(wizard)
        self.assertEqual(len(jobs), 1)
        self.assertEqual(self.union_jobs_run, jobs.mapped("uuid"))
        self.assertEqual((jobs.state, jobs.user_id), ("done", self.user_upper))
