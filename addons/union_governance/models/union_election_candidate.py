from odoo import api, fields, models


class UnionElectionCandidate(models.Model):
    _name = "union.election.candidate"
    _description = "Election Candidate"
    _inherit = ["union.reference.check.mixin"]
    _union_checked_references = ("election_id", "member_id")
    _order = "election_id, sequence, id"
    _rec_name = "member_id"

    election_id = fields.Many2one("union.election", required=True, index=True, ondelete="cascade")
    organization_id = fields.Many2one(related="election_id.organization_id", store=True, index=True, string="Unit")
    sequence = fields.Integer(default=10)
    member_id = fields.Many2one("union.member", string="Candidate", required=True, ondelete="restrict")
    name = fields.Char(related="member_id.name", string="Name")
    job_title = fields.Char(related="member_id.job_title", string="Job")
    nominated_by = fields.Selection(
        [("committee", "Outgoing committee"), ("delegates", "Delegates"), ("self", "Self-nomination")],
        required=True, default="committee")
    votes = fields.Integer()
    vote_percent = fields.Float(compute="_compute_vote_percent", string="% of Base", digits=(5, 2))
    result = fields.Selection(
        [("elected", "Elected"), ("tie", "Tied: further round"), ("not_elected", "Not elected")], readonly=True)

    _sql_constraints = [("member_unique", "unique(election_id, member_id)", "A member is on a list once.")]

    @api.depends("votes", "election_id.majority_base")
    def _compute_vote_percent(self):
        for candidate in self:
            base = candidate.election_id.majority_base
            candidate.vote_percent = 100.0 * candidate.votes / base if base else 0.0
