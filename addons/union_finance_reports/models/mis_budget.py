from odoo import fields, models


class MisBudget(models.Model):
    """A budget (dự toán, B14-TLĐ) belongs to the union unit it plans for:
    the unit's accountants enter and read it, no one else below the
    administrator (record rules)."""

    _name = "mis.budget"
    _inherit = ["mis.budget", "union.reference.check.mixin"]
    _union_checked_references = ("union_organization_id",)

    union_organization_id = fields.Many2one(
        "union.organization", string="Union Unit", index=True, ondelete="restrict")
