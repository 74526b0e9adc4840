from odoo import api, fields, models


class UnionCongressAllotment(models.Model):
    """How many delegates a sub-unit elects to a delegates' congress."""
    _name = "union.congress.allotment"
    _description = "Congress Delegate Allotment"
    _inherit = ["union.reference.check.mixin"]
    _union_checked_references = ("congress_id", "sub_organization_id")
    _order = "congress_id, sub_organization_id"

    congress_id = fields.Many2one("union.congress", required=True, index=True, ondelete="cascade")
    organization_id = fields.Many2one(related="congress_id.organization_id", store=True, index=True)
    sub_organization_id = fields.Many2one("union.organization", string="Sub-unit", required=True,
                                          ondelete="restrict")
    seats = fields.Integer(string="Delegates Allotted", required=True, default=1)
    elected_count = fields.Integer(compute="_compute_elected_count", string="Delegates Elected")

    _sql_constraints = [
        ("unit_unique", "unique(congress_id, sub_organization_id)", "A sub-unit has one allotment per congress."),
        ("seats_check", "CHECK(seats >= 0)", "The number of delegates cannot be negative."),
    ]

    @api.depends("congress_id.participant_ids.origin_organization_id", "congress_id.participant_ids.kind")
    def _compute_elected_count(self):
        groups = {
            (congress.id, unit.id): count
            for congress, unit, count in self.env["union.congress.participant"]._read_group(
                [("congress_id", "in", self.congress_id.ids), ("kind", "=", "elected")],
                ["congress_id", "origin_organization_id"], ["__count"])
        }
        for allotment in self:
            allotment.elected_count = groups.get((allotment.congress_id.id, allotment.sub_organization_id.id), 0)
