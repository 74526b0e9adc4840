from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..rules import dues as dues_rules

SURPLUS_BASES = [
    (dues_rules.SURPLUS_BASE_RATE, "A higher rate on the regular base"),
    (dues_rules.SURPLUS_BASE_TAKE_HOME, "Take-home pay"),
]


class UnionDuesSurplusResolution(models.Model):
    """A grassroots union's resolution to collect dues above the rate
    (DOMAIN.md §2): only groups 2 and 3, by its expanded executive committee,
    written into its internal spending rules. The surplus of each dues line
    stays 100% with the unit and is not part of the share sent upward."""

    _name = "union.dues.surplus.resolution"
    _description = "Resolution to Collect Dues above the Rate"
    _inherit = ["mail.thread", "union.reference.check.mixin"]
    _union_checked_references = ("organization_id",)
    _order = "date_from desc, id desc"

    name = fields.Char(string="Resolution Number", required=True, tracking=True)
    organization_id = fields.Many2one(
        "union.organization", string="Grassroots Union", required=True, index=True,
        ondelete="cascade", domain="[('level', '=', 'grassroots')]", tracking=True)
    company_id = fields.Many2one(related="organization_id.company_id", store=True, index=True)
    date = fields.Date(string="Resolution Date", required=True, tracking=True)
    date_from = fields.Date(string="Applies From", required=True, tracking=True)
    date_to = fields.Date(string="Applies Until", tracking=True, help="Empty: until further notice.")
    base = fields.Selection(SURPLUS_BASES, required=True, default=dues_rules.SURPLUS_BASE_RATE,
                            tracking=True)
    rate = fields.Float(string="Rate (%)", digits=(5, 3), tracking=True,
                        help="The rate the unit collects; empty on take-home pay: the rule's rate.")
    note = fields.Text()

    @api.constrains("organization_id", "date_from", "date_to", "base", "rate")
    def _check_allowed(self):
        for rec in self:
            unit = rec.organization_id
            group = dues_rules.group_for(unit.funding_type)
            if unit.level != "grassroots" or not dues_rules.may_collect_above(group):
                raise ValidationError(self.env._(
                    "%(unit)s may not collect dues above the rate: only grassroots unions of "
                    "groups 2 and 3 (enterprises, non-public units) may, by a resolution of their "
                    "executive committee; group 1 (public units) may not.", unit=unit.name))
            if rec.date_to and rec.date_to < rec.date_from:
                raise ValidationError(self.env._(
                    "Resolution %(name)s ends (%(end)s) before it applies (%(start)s).",
                    name=rec.name, end=rec.date_to.strftime("%d/%m/%Y"),
                    start=rec.date_from.strftime("%d/%m/%Y")))
            if rec.rate < 0 or (rec.base == dues_rules.SURPLUS_BASE_RATE and not rec.rate):
                raise ValidationError(self.env._(
                    "Resolution %(name)s: give the rate the unit collects.", name=rec.name))
