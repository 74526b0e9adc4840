from odoo import fields, models


class UnionCongressCredentialsReopen(models.TransientModel):
    """Why the officer re-opens a confirmed credentials report (logged on the congress)."""
    _name = "union.congress.credentials.reopen"
    _description = "Re-open a Credentials Report"

    congress_id = fields.Many2one("union.congress", required=True, ondelete="cascade")
    reason = fields.Text(required=True)

    def action_reopen(self):
        self.ensure_one()
        self.congress_id._reopen_credentials(self.reason)
        return {"type": "ir.actions.act_window_close"}
