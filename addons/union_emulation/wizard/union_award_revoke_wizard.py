from odoo import fields, models


class UnionAwardRevokeWizard(models.TransientModel):
    _name = "union.award.revoke.wizard"
    _description = "Revoke a Reward"

    recipient_ids = fields.Many2many("union.award.recipient", string="Rewards", required=True)
    reason = fields.Text(required=True)

    def action_revoke(self):
        self.ensure_one()
        self.recipient_ids._revoke(self.reason)
        return {"type": "ir.actions.act_window_close"}
