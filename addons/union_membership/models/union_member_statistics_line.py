from odoo import fields, models

from .union_organization import LEVELS


class UnionMemberStatisticsLine(models.Model):
    _name = "union.member.statistics.line"
    _description = "Membership Statistics Line"
    _inherit = ["union.reference.check.mixin"]
    _order = "statistics_id, organization_id"
    _union_checked_references = ("statistics_id", "organization_id")

    statistics_id = fields.Many2one("union.member.statistics", required=True, index=True, ondelete="cascade")
    date_to = fields.Date(related="statistics_id.date_to", store=True, string="As At")
    organization_id = fields.Many2one("union.organization", string="Unit", required=True, index=True)
    # the unit's name, level and parent as they were at the date (the unit's history), not today's
    unit_name = fields.Char(string="Name at the Date")
    level = fields.Selection(LEVELS)
    parent_id = fields.Many2one("union.organization", string="Parent Unit")
    members = fields.Integer(aggregator="sum")
    women = fields.Integer(aggregator="sum")
    age_under_30 = fields.Integer(string="Under 30", aggregator="sum")
    age_30_39 = fields.Integer(string="30 to 39", aggregator="sum")
    age_40_49 = fields.Integer(string="40 to 49", aggregator="sum")
    age_50_plus = fields.Integer(string="50 and over", aggregator="sum")
    minority = fields.Integer(string="Ethnic Minorities", aggregator="sum")
    party = fields.Integer(string="Party Members", aggregator="sum")
    foreign = fields.Integer(string="Foreign Members", aggregator="sum",
                             help="Members of another nationality than Vietnamese (Law 50/2024).")
    admitted = fields.Integer(string="Admitted in Period", aggregator="sum")
    left = fields.Integer(string="Left in Period", aggregator="sum")
