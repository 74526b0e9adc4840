from odoo import api, fields, models


class UnionElectionRule(models.Model):
    """The Charter's rule for congresses and elections, dated and citing the guidance in force."""
    _name = "union.election.rule"
    _description = "Union Election and Quorum Rule"
    _order = "date_from desc, id desc"

    name = fields.Char(required=True, translate=True)
    source = fields.Char(string="Guidance", required=True, help="The text the rule comes from.")
    date_from = fields.Date(string="Valid From", required=True)
    majority_base = fields.Selection(
        [("cast", "Ballots cast"), ("valid", "Valid ballots")], required=True,
        default="valid", help="What the majority is counted on.")
    majority_percent = fields.Integer(
        string="Majority (more than %)", default=50, required=True,
        help="A candidate is elected with more than this share of the base.")
    quorum_numerator = fields.Integer(default=2, required=True)
    quorum_denominator = fields.Integer(default=3, required=True,
                                        help="A congress is valid when at least this share of those summoned attend.")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("majority_check", "CHECK(majority_percent > 0 AND majority_percent < 100)",
         "The majority is a share between 0 and 100%."),
        ("quorum_check", "CHECK(quorum_denominator > 0 AND quorum_numerator > 0 "
                         "AND quorum_numerator <= quorum_denominator)",
         "The quorum is a fraction between 0 and 1."),
    ]

    @api.model
    def _get_rule(self, day):
        """The rule in force on ``day`` (the latest started)."""
        return self.search([("date_from", "<=", day)], limit=1) or self.search([], order="date_from", limit=1)
