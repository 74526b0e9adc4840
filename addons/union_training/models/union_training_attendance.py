from odoo import fields, models


class UnionTrainingAttendance(models.Model):
    """One registration present at one session."""

    _name = "union.training.attendance"
    _description = "Attendance at a Session"
    _order = "check_in desc, id desc"
    _inherit = ["union.reference.check.mixin"]
    _union_checked_references = ("session_id", "registration_id")

    session_id = fields.Many2one("union.training.session", required=True, ondelete="cascade",
                                 index=True)
    registration_id = fields.Many2one("event.registration", required=True, ondelete="cascade",
                                      index=True)
    event_id = fields.Many2one(related="session_id.event_id", store=True, index=True)
    union_member_id = fields.Many2one(related="registration_id.union_member_id", store=True,
                                      index=True, string="Member")
    union_organization_id = fields.Many2one(
        related="registration_id.union_organization_id", store=True, index=True, string="Unit")
    check_in = fields.Datetime(required=True, default=fields.Datetime.now, string="Checked In At")

    _sql_constraints = [
        ("once_per_session", "unique(session_id, registration_id)",
         "This person has already been checked in at this session."),
    ]
