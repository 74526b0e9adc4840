"""The dues run posted in the background from its form (models/union_dues_run_job.py)."""
from datetime import date
from unittest.mock import patch

from odoo.exceptions import UserError

from odoo.addons.union_membership.tests.jobs import trap_jobs

from .common import UnionFinanceCommon


class TestDuesRunJob(UnionFinanceCommon):

    def computed_run(self):
        run = self.env["union.dues.run"].with_user(self.user_accountant).create({
            "organization_id": self.unit_a.id, "month": date(2025, 7, 1), "include_children": True})
        run.action_compute()
        self.assertTrue(run.line_ids)
        return run

    def test_large_run_posted_once_in_background(self):
        self.env["ir.config_parameter"].sudo().set_param("union_finance.dues_run_background_min_lines", "1")
        run = self.computed_run()
        button = run.with_context(union_confirm_in_background=True)
        with trap_jobs() as trap:
            button.action_confirm()
            button.action_confirm()  # the double click
            trap.assert_jobs_count(1)
            self.assertEqual(run.state, "computed")
            self.assertFalse(run.move_ids)
            trap.perform_enqueued_jobs()
        self.assertEqual(run.state, "posted")
        self.assertTrue(run.move_ids)
        self.assertEqual((run.union_job_state, run.union_job_id.progress), ("done", 100))
        self.assertIn(run.name, run.union_job_message)

    def test_failure_posts_nothing(self):
        self.env["ir.config_parameter"].sudo().set_param("union_finance.dues_run_background_min_lines", "1")
        run = self.computed_run()
        Run = type(self.env["union.dues.run"])
        with trap_jobs() as trap:
            run.with_context(union_confirm_in_background=True).action_confirm()
            with patch.object(Run, "_set_lines_posted", side_effect=UserError("Sổ đã khóa đến 31/07/2025")):
                trap.perform_enqueued_jobs()
        self.assertEqual(run.state, "computed")
        self.assertFalse(run.move_ids)
        self.assertFalse(self.env["account.move"].search([("ref", "ilike", run.name)]))
        self.assertEqual(run.union_job_state, "failed")
        self.assertEqual(run.union_job_message, "Sổ đã khóa đến 31/07/2025")

    def test_code_and_small_runs_post_at_once(self):
        self.env["ir.config_parameter"].sudo().set_param("union_finance.dues_run_background_min_lines", "1")
        run = self.computed_run()
        with trap_jobs() as trap:
            run.action_confirm()  # no button context: the demo, the benches, other addons
            trap.assert_jobs_count(0)
        self.assertEqual(run.state, "posted")
