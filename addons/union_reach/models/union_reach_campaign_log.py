from odoo import fields, models

KINDS = [("visit", "Visit"), ("contact", "Contact"), ("meeting", "Meeting"), ("other", "Other")]


class UnionReachCampaignLog(models.Model):
    _name = "union.reach.campaign.log"
    _description = "Campaign Log Entry"
    _inherit = ["union.reference.check.mixin"]
    _order = "date desc, id desc"
    _union_checked_references = ("workplace_id",)

    workplace_id = fields.Many2one("union.reach.workplace", required=True, index=True, ondelete="cascade")
    organization_id = fields.Many2one(related="workplace_id.organization_id", store=True, index=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    kind = fields.Selection(KINDS, required=True, default="visit")
    contacts = fields.Integer(string="People Reached")
    note = fields.Text(required=True)
    user_id = fields.Many2one("res.users", string="By", default=lambda self: self.env.user, readonly=True)
