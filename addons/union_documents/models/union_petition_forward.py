from odoo import fields, models


class UnionPetitionForward(models.Model):
    _name = "union.petition.forward"
    _description = "Petition Forwarding"
    _order = "date desc, id desc"

    petition_id = fields.Many2one("union.petition", required=True, index=True, ondelete="cascade")
    date = fields.Datetime(required=True, default=fields.Datetime.now)
    from_organization_id = fields.Many2one("union.organization", string="From Unit", required=True)
    to_organization_id = fields.Many2one("union.organization", string="To Unit", required=True)
    user_id = fields.Many2one("res.users", string="By", required=True, default=lambda self: self.env.user)
    reason = fields.Text()
