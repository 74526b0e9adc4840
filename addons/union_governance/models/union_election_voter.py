from odoo import fields, models


class UnionElectionVoter(models.Model):
    """Who may vote in an online election and whether they have: never which ballot is theirs.

    No creator, writer or dates (``_log_access = False``): nothing tells when a voter voted,
    so the order of the ballots links to nobody. The lines are made when the poll opens.
    """
    _name = "union.election.voter"
    _description = "Election Voter"
    _log_access = False
    _order = "election_id, id"
    _rec_name = "member_id"

    election_id = fields.Many2one("union.election", required=True, index=True, ondelete="cascade")
    organization_id = fields.Many2one(related="election_id.organization_id", store=True, index=True, string="Unit")
    participant_id = fields.Many2one("union.congress.participant", required=True, index=True, ondelete="cascade")
    member_id = fields.Many2one(related="participant_id.member_id", store=True, index=True, string="Member")
    voted = fields.Boolean(readonly=True)

    _sql_constraints = [("voter_unique", "unique(election_id, participant_id)", "A participant votes once.")]
