import secrets

from odoo import fields, models


class UnionElectionBallot(models.Model):
    """A secret ballot: the names kept, and nothing about who cast it.

    No voter field, no creator, writer or dates (``_log_access = False``), a random key the list
    is sorted by (not the order of voting), written by the neutral ballot-box user in the
    transaction that marks the voter as having voted. The receipt is kept only as a hash,
    readable by the system administrator alone.
    """
    _name = "union.election.ballot"
    _description = "Secret Ballot"
    _log_access = False
    _order = "key"
    _rec_name = "key"

    election_id = fields.Many2one("union.election", required=True, index=True, ondelete="cascade")
    organization_id = fields.Many2one(related="election_id.organization_id", store=True, index=True, string="Unit")
    key = fields.Char(required=True, index=True, readonly=True, default=lambda self: secrets.token_hex(16))
    candidate_ids = fields.Many2many(
        "union.election.candidate", "union_election_ballot_candidate_rel", "ballot_id", "candidate_id",
        string="Names Kept", readonly=True)
    receipt_hash = fields.Char(index=True, readonly=True, groups="base.group_system")

    _sql_constraints = [("key_unique", "unique(key)", "Ballot keys are unique.")]
