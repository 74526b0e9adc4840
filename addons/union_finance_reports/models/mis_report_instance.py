from odoo import fields, models


class MisReportInstance(models.Model):
    """A settlement or budget of a union unit is a MIS report instance that
    carries the unit: the record rules show it to the unit's officers only,
    and its analytic filter keeps the unit's journal items only (see
    ``union.mis.report.wizard``)."""

    _name = "mis.report.instance"
    _inherit = ["mis.report.instance", "union.reference.check.mixin"]
    _union_checked_references = ("union_organization_id",)

    union_organization_id = fields.Many2one(
        "union.organization", string="Union Unit", index=True, ondelete="cascade", readonly=True)
    union_year = fields.Integer(string="Year", readonly=True)
    union_provisional = fields.Boolean(related="report_id.union_provisional")
