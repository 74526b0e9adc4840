from odoo import api, fields, models
from odoo.exceptions import ValidationError

PETITION_KINDS = [
    ("question", "Question"),
    ("recommendation", "Recommendation"),
    ("complaint", "Complaint"),
    ("denunciation", "Denunciation"),
]


class UnionPetitionDeadline(models.Model):
    """Time limit to settle a petition of a kind, dated (rules change: keep them as data)."""

    _name = "union.petition.deadline"
    _description = "Petition Time Limit"
    _order = "kind, date_from desc"

    kind = fields.Selection(PETITION_KINDS, required=True)
    date_from = fields.Date(string="Valid From", required=True)
    days = fields.Integer(required=True, help="Calendar days from acceptance.")
    complex_days = fields.Integer(string="Days if Complex", help="Calendar days for a complex case.")
    legal_basis = fields.Char()

    _sql_constraints = [
        ("kind_date_unique", "unique(kind, date_from)", "One time limit per kind and start date."),
    ]

    @api.constrains("days", "complex_days")
    def _check_days(self):
        for rule in self:
            if rule.days <= 0 or rule.complex_days < 0:
                raise ValidationError(self.env._("A time limit must be a positive number of days."))

    @api.model
    def _get_days(self, kind, on_date, is_complex=False):
        rule = self.search([("kind", "=", kind), ("date_from", "<=", on_date)], order="date_from desc", limit=1)
        if not rule:
            return 0
        return rule.complex_days if is_complex and rule.complex_days else rule.days
