from odoo import api, fields, models


class UnionTrainingSeat(models.Model):
    """How many places of a class or meeting a unit (with the units below it) may fill."""

    _name = "union.training.seat"
    _description = "Places of a Unit in a Class or Meeting"
    _inherit = ["union.reference.check.mixin"]
    _union_checked_references = ("organization_id",)

    event_id = fields.Many2one("event.event", required=True, ondelete="cascade", index=True)
    organization_id = fields.Many2one("union.organization", string="Unit", required=True,
                                      index=True, ondelete="restrict")
    places = fields.Integer(required=True, default=1)
    taken = fields.Integer(compute="_compute_taken", string="Registered")

    _sql_constraints = [
        ("unit_unique", "unique(event_id, organization_id)",
         "A unit has one line of places per class or meeting."),
        ("places_positive", "CHECK(places >= 0)", "The number of places cannot be negative."),
    ]

    @api.depends("event_id.registration_ids.state", "event_id.registration_ids.union_organization_id")
    def _compute_taken(self):
        for seat in self:
            seat.taken = seat.event_id._union_registrations_of(seat.organization_id)
