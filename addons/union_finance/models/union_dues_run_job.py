"""The dues run of a province confirmed in the background (union_membership's
union.background.job.mixin, OCA queue_job): a thin wrapper around ``action_confirm``, which
posts one journal entry per run; nothing of the posting itself changes here.

Only the form's *Confirm and Post* button asks for it (context key
``union_confirm_in_background``): code that calls ``action_confirm`` (the demo, the benches,
other addons) still posts at once."""
from odoo import models

ACTIVE_STATES = ("queued", "running")


class UnionDuesRun(models.Model):
    _name = "union.dues.run"
    _inherit = ["union.dues.run", "union.background.job.mixin"]

    def action_confirm(self):
        """From the form: a run of many lines (System Parameter
        ``union_finance.dues_run_background_min_lines``, 5,000 by default) is posted in the
        background, once however often the button is clicked, with its progress on the run."""
        if self.env.context.get("union_confirm_in_background") and len(self) == 1:
            if self.union_job_state in ACTIVE_STATES:
                return True  # a second click: the posting under way goes on
            if self.state == "computed" and self._union_confirm_in_background():
                self.check_access("write")
                self._union_job_start("_confirm_in_background", self.env._(
                    "Posting of the dues run %(run)s", run=self.name))
                return True
        return super().action_confirm()

    def _union_confirm_in_background(self):
        # sudo: a setting every accountant's run follows
        value = self.env["ir.config_parameter"].sudo().get_param(
            "union_finance.dues_run_background_min_lines", "5000")
        try:
            threshold = int(value)
        except ValueError:
            threshold = 5000
        return self.env["union.dues.line"].search_count([("run_id", "=", self.id)], limit=threshold) >= threshold

    def _confirm_in_background(self):
        self._union_job_progress(5, note=self.env._("Posting the journal entry"))
        self.with_context(union_confirm_in_background=False).action_confirm()
        return {"message": self.env._("The dues run %(run)s is posted.", run=self.name)}
