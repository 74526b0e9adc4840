"""The dues run posted in the background from its form (models/union_dues_run_job.py), with the
shared shape of every background job's test (union_membership/tests/jobs.py)."""
from datetime import date
from unittest.mock import patch

from odoo.exceptions import UserError

from odoo.addons.union_membership.tests.jobs import BackgroundJobAssertions

from .common import UnionFinanceCommon

LOCKED = "Sổ đã khóa đến 31/07/2025"


class TestDuesRunJob(BackgroundJobAssertions, UnionFinanceCommon):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["ir.config_parameter"].sudo().set_param(
            "union_finance.dues_run_background_min_lines", "1")

    def computed_run(self, background=True, month=date(2025, 7, 1)):
        """A computed run of the accountant, its *Confirm and Post* button as the form calls
        it (``background``) or as code does."""
        run = self.env["union.dues.run"].with_user(self.user_accountant).create({
            "organization_id": self.unit_a.id, "month": month, "include_children": True})
        run.action_compute()
        self.assertTrue(run.line_ids)
        return run.with_context(union_confirm_in_background=background)

    def assert_nothing_posted(self, run):
        self.assertEqual(run.state, "computed")
        self.assertFalse(run.move_ids)
        self.assertFalse(self.env["account.move"].search([("ref", "ilike", run.name)]))
        self.assertEqual(set(run.line_ids.mapped("run_state")), {"computed"})

    def test_large_run_posted_once_in_background(self):
        run = self.computed_run()
        job = self.assert_runs_once(
            run, "action_confirm", "_confirm_in_background", self.user_accountant,
            before_run=lambda: self.assert_nothing_posted(run),
            notes=["Creating and posting the journal entries", "Applying the members' credits"])
        self.assertEqual(run.state, "posted")
        self.assertTrue(run.move_ids)
        self.assertEqual((run.union_job_state, run.union_job_id.progress), ("done", 100))
        self.assertIn(run.name, job.message)
        self.assertEqual(run.union_job_message, job.message)

    def test_refusal_posts_nothing(self):
        run = self.computed_run()
        Run = type(self.env["union.dues.run"])
        with patch.object(Run, "_set_lines_posted", side_effect=UserError(LOCKED)):
            job = self.assert_job_refused(run, "action_confirm", LOCKED)
        self.assertEqual(job.message, LOCKED)
        self.assert_nothing_posted(run)

    def test_unexpected_failure_posts_nothing(self):
        """The entries are posted, then the last step breaks: the savepoint takes them back."""
        run = self.computed_run()
        Run = type(self.env["union.dues.run"])
        self.assert_failure_writes_nothing(run, "action_confirm", patch.object(
            Run, "_apply_member_credits", side_effect=RuntimeError("disk full")))
        self.assert_nothing_posted(run)

    def test_code_and_small_runs_post_at_once(self):
        run = self.computed_run(background=False)
        self.assert_stays_synchronous(run, "action_confirm")  # the demo, the benches, other addons
        self.assertEqual(run.state, "posted")
        self.env["ir.config_parameter"].sudo().set_param(
            "union_finance.dues_run_background_min_lines", "100000")
        small = self.computed_run(month=date(2025, 8, 1))
        self.assert_stays_synchronous(small, "action_confirm")  # from the form, a small run
        self.assertEqual(small.state, "posted")
