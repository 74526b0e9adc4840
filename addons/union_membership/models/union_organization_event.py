from odoo import api, fields, models
from odoo.exceptions import UserError

from .union_organization import LEVELS

ORGANIZATION_EVENT_TYPES = [
    ("founding", "Founding"),
    ("change", "Change"),
    ("move", "Moved under another unit"),
    ("merge", "Merged into another unit"),
    ("dissolution", "Dissolution"),
]

#: the fields of a unit whose history is kept: every change of one of them writes an event
HISTORY_FIELDS = ("parent_id", "name", "short_name", "level", "state")


class UnionOrganizationEvent(models.Model):
    """A dated event of a unit, as members have theirs: the unit's parent, name, abbreviation,
    level and state from that date on. The tree as at a date is the latest event of each unit on
    or before it (one query, ``union.organization._get_tree_at``)."""
    _name = "union.organization.event"
    _description = "Union Unit Event"
    _order = "date desc, id desc"
    _rec_name = "event_type"

    organization_id = fields.Many2one("union.organization", string="Unit", required=True, index=True,
                                      ondelete="cascade", readonly=True)
    date = fields.Date(index=True, readonly=True,
                       help="From when the values hold. Empty on a founding event whose date is unknown: "
                            "the unit then counts as existing at any earlier date.")
    event_type = fields.Selection(ORGANIZATION_EVENT_TYPES, string="Event", required=True, readonly=True)
    parent_id = fields.Many2one("union.organization", string="Parent Unit", readonly=True, ondelete="set null")
    name = fields.Char(readonly=True)
    short_name = fields.Char(string="Abbreviation", readonly=True)
    level = fields.Selection(LEVELS, readonly=True)
    state = fields.Selection(
        [("active", "In operation"), ("dissolved", "Dissolved"), ("merged", "Merged")], readonly=True)
    merged_into_id = fields.Many2one("union.organization", string="Merged Into", readonly=True,
                                     ondelete="set null", help="On a merge: the surviving unit.")
    decision_ref = fields.Char(string="Decision", readonly=True)
    user_id = fields.Many2one("res.users", string="Recorded By", default=lambda self: self.env.user,
                              readonly=True)

    def write(self, vals):
        if set(vals) - {"decision_ref"}:
            raise UserError(self.env._(
                "A unit's recorded history cannot be changed; record a new dated change instead."))
        return super().write(vals)

    @api.model
    def _prepare_values(self, units, event_type, on_date, decision_ref=None):
        """One event per unit holding the unit's current values (the values from ``on_date`` on)."""
        return [{
            "organization_id": unit.id, "date": on_date, "event_type": event_type,
            "parent_id": unit.parent_id.id, "name": unit.name, "short_name": unit.short_name,
            "level": unit.level, "state": unit.state, "decision_ref": decision_ref or False,
            "merged_into_id": unit.merged_into_id.id if event_type == "merge" else False,
        } for unit in units]
