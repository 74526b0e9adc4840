from odoo import api, fields, models
from odoo.exceptions import UserError


class UnionDocumentReasonWizard(models.TransientModel):
    """Asks for a comment or reason: return a document, decline or forward a petition."""

    _name = "union.document.reason.wizard"
    _description = "Comment or Reason"

    action = fields.Selection(
        [("return", "Return for changes"), ("decline", "Decline"), ("forward", "Forward")], required=True)
    res_model = fields.Char(required=True)
    res_id = fields.Integer(required=True)
    reason = fields.Text()
    # any unit in operation, by name and code (the directory of units): the competent unit may lie
    # outside the officer's units
    organization_id = fields.Many2one("union.document.recipient.unit", string="Forward To")

    @api.model
    def _open(self, record, action):
        wizard = self.create({"action": action, "res_model": record._name, "res_id": record.id})
        return {
            "type": "ir.actions.act_window", "res_model": self._name, "res_id": wizard.id,
            "view_mode": "form", "target": "new",
            "name": dict(self._fields["action"]._description_selection(self.env))[action],
        }

    def action_confirm(self):
        self.ensure_one()
        record = self.env[self.res_model].browse(self.res_id).exists()
        if not record:
            raise UserError(self.env._("The record no longer exists."))
        if self.action == "return":
            record.action_return(self.reason)
        elif self.action == "decline":
            record.action_decline(self.reason)
        else:
            record.action_forward(self.env["union.organization"].browse(self.organization_id.id), self.reason)
        return {"type": "ir.actions.act_window_close"}
