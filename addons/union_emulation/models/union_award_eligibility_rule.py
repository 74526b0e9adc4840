from odoo import fields, models


class UnionAwardEligibilityRule(models.Model):
    """Dated exclusions from individual titles: the latest one not after the reference date applies."""

    _name = "union.award.eligibility.rule"
    _description = "Eligibility Rule for Individual Titles"
    _order = "date_from desc"

    name = fields.Char(required=True)
    date_from = fields.Date(string="Valid From", required=True, index=True)
    max_absent_days = fields.Integer(
        string="Absent Days Excluding", default=40,
        help="Working days absent (maternity leave not counted) from which a person is excluded; 0: no limit.")
    min_membership_months = fields.Integer(
        string="Minimum Months Since Recruitment", default=10,
        help="A person recruited fewer months ago than this (employment start date, not union "
             "admission) is excluded; a member without an employment start date is reported as "
             "missing it. 0: no minimum.")
    exclude_disciplined = fields.Boolean(default=True)
    require_registration = fields.Boolean(string="Registration Required", default=True)
    note = fields.Text()

    _sql_constraints = [
        ("date_from_unique", "unique(date_from)", "Only one eligibility rule may start on a given date."),
    ]

    def _get_rule_sets(self):
        """All rules as plain dicts for rules/eligibility.py."""
        return [{
            "date_from": rule["date_from"],
            "max_absent_days": rule["max_absent_days"] or None,
            "min_membership_months": rule["min_membership_months"] or None,
            "exclude_disciplined": rule["exclude_disciplined"],
            "require_registration": rule["require_registration"],
        } for rule in self.sudo().search_read([], [  # sudo: rules are reference data every proposer applies
            "date_from", "max_absent_days", "min_membership_months",
            "exclude_disciplined", "require_registration"])]
