from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..rules import petition_deadline as deadline_rules

PETITION_KINDS = [
    ("question", "Question"),
    ("recommendation", "Recommendation"),
    ("complaint", "Complaint"),
    ("denunciation", "Denunciation"),
]

RULE_FIELDS = ["days", "complex_days", "remote_days", "remote_complex_days", "extension_days",
               "max_extensions", "intake_days", "intake_working_days"]


class UnionPetitionDeadline(models.Model):
    """Time limit to settle a petition of a kind, dated (rules change: keep them as data)."""

    _name = "union.petition.deadline"
    _description = "Petition Time Limit"
    _order = "kind, date_from desc"

    kind = fields.Selection(PETITION_KINDS, required=True)
    date_from = fields.Date(string="Valid From", required=True)
    days = fields.Integer(required=True, help="Calendar days from acceptance.")
    complex_days = fields.Integer(string="Days if Complex", help="Calendar days for a complex case.")
    remote_days = fields.Integer(
        string="Days in Remote Areas",
        help="Calendar days in remote, hard-to-reach areas (complaints); empty: as elsewhere.")
    remote_complex_days = fields.Integer(string="Days in Remote Areas if Complex")
    extension_days = fields.Integer(
        help="Days added by each extension decision (denunciations: 30).")
    max_extensions = fields.Integer(
        string="Extensions at Most",
        help="Denunciations: once for a complex case, twice for an especially complex one.")
    intake_days = fields.Integer(
        string="Days to Accept or Refuse",
        help="Time from receipt to accept or refuse the petition (denunciations: 7 working days; "
             "complaints: 10 days).")
    intake_working_days = fields.Boolean(
        string="In Working Days",
        help="Count the days to accept or refuse in working days of the handling unit's "
             "working schedule (weekends, public holidays and days off excluded).")
    is_local_default = fields.Boolean(
        string="Local Default",
        help="No legal time limit was found: this one is the union's own choice.")
    legal_basis = fields.Char()

    _sql_constraints = [
        ("kind_date_unique", "unique(kind, date_from)", "One time limit per kind and start date."),
    ]

    @api.constrains("days", "complex_days", "remote_days", "remote_complex_days", "extension_days",
                    "max_extensions", "intake_days")
    def _check_days(self):
        for rule in self:
            if rule.days <= 0 or min(rule.complex_days, rule.remote_days, rule.remote_complex_days,
                                     rule.extension_days, rule.max_extensions, rule.intake_days) < 0:
                raise ValidationError(self.env._("A time limit must be a positive number of days."))

    @api.model
    def _get_rule(self, kind, on_date):
        """The rule in force for ``kind`` on ``on_date``, as the dict rules/petition_deadline.py
        reads (None when there is none)."""
        rule = self.search([("kind", "=", kind), ("date_from", "<=", on_date)], order="date_from desc", limit=1)
        if not rule:
            return None
        return rule.read(RULE_FIELDS)[0]

    @api.model
    def _get_days(self, kind, on_date, is_complex=False, is_remote=False):
        return deadline_rules.settle_days(self._get_rule(kind, on_date), is_complex, is_remote)
