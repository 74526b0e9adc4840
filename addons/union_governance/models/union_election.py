import hashlib
import secrets

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..rules import counting

ELECTION_KINDS = [
    ("executive", "Executive committee"),
    ("chair", "Chair (elected directly)"),
    ("inspection", "Inspection committee"),
    ("delegates", "Delegates to the upper congress"),
    ("alternates", "Alternate delegates to the upper congress"),
]
#: what confirming an election's results creates: the committee and the position of the elected
KIND_POSTS = {
    "executive": ("executive", "executive_member"),
    "chair": ("executive", "chair"),
    "inspection": ("inspection", "inspection_member"),
}
#: ballots are kept sealed this long after the poll closes, then purged
SEAL_MONTHS = 6


class UnionElection(models.Model):
    _name = "union.election"
    _description = "Union Election"
    _inherit = ["mail.thread", "union.reference.check.mixin"]
    _union_checked_references = ("congress_id",)
    _order = "congress_id, id"

    name = fields.Char(required=True, tracking=True)
    congress_id = fields.Many2one("union.congress", required=True, index=True, ondelete="cascade")
    organization_id = fields.Many2one(related="congress_id.organization_id", store=True, index=True, string="Unit")
    kind = fields.Selection(ELECTION_KINDS, required=True, default="executive")
    seats = fields.Integer(string="Number to Elect", required=True, default=1, tracking=True)
    method = fields.Selection([("online", "Online secret ballot"), ("paper", "Paper ballot")],
                              required=True, default="online", tracking=True)
    rule_id = fields.Many2one(related="congress_id.rule_id", string="Charter Rule")
    round_number = fields.Integer(string="Round", default=1, readonly=True)
    previous_id = fields.Many2one("union.election", string="Previous Round", readonly=True, ondelete="set null")
    state = fields.Selection(
        [("draft", "Nominations"), ("approved", "List approved"), ("open", "Poll open"),
         ("closed", "Poll closed"), ("counted", "Counted"), ("confirmed", "Confirmed")],
        default="draft", required=True, index=True, tracking=True)
    date_open = fields.Datetime(string="Poll Opened At", readonly=True)
    date_close = fields.Datetime(string="Poll Closes At", tracking=True)
    sealed_until = fields.Date(compute="_compute_sealed_until", store=True,
                               help="Ballots are kept sealed until this date, then purged.")
    candidate_ids = fields.One2many("union.election.candidate", "election_id", string="Candidates")
    voter_ids = fields.One2many("union.election.voter", "election_id", string="Voters")
    voted_count = fields.Integer(compute="_compute_voted_count", string="Have Voted")
    ballots_issued = fields.Integer()
    ballots_cast = fields.Integer()
    ballots_valid = fields.Integer(string="Valid Ballots")
    ballots_invalid = fields.Integer(string="Invalid Ballots")
    majority_base = fields.Integer(compute="_compute_majority")
    majority_votes = fields.Integer(compute="_compute_majority", string="Votes Needed",
                                    help="The fewest votes that are more than the majority.")
    seats_left = fields.Integer(compute="_compute_seats_left", string="Seats Left Empty")
    counting_committee = fields.Char(help="The members of the counting committee.")

    @api.depends("date_close")
    def _compute_sealed_until(self):
        for election in self:
            election.sealed_until = (election.date_close.date() + relativedelta(months=SEAL_MONTHS)
                                     if election.date_close else False)

    @api.depends("voter_ids.voted")
    def _compute_voted_count(self):
        groups = dict(self.env["union.election.voter"]._read_group(
            [("election_id", "in", self.ids), ("voted", "=", True)], ["election_id"], ["__count"]))
        for election in self:
            election.voted_count = groups.get(election, 0)

    @api.depends("ballots_cast", "ballots_valid", "rule_id.majority_base", "rule_id.majority_percent")
    def _compute_majority(self):
        for election in self:
            rule = election.rule_id
            base = election.ballots_cast if rule.majority_base == "cast" else election.ballots_valid
            percent = rule.majority_percent or 50
            election.majority_base = base
            election.majority_votes = base * percent // 100 + 1 if base else 0

    @api.depends("seats", "state", "candidate_ids.result")
    def _compute_seats_left(self):
        for election in self:
            elected = len(election.candidate_ids.filtered(lambda c: c.result == "elected"))
            election.seats_left = max(election.seats - elected, 0) if election.state in ("counted", "confirmed") else 0

    @api.constrains("seats")
    def _check_seats(self):
        for election in self:
            if election.seats <= 0:
                raise ValidationError(self.env._("The number to elect in %(election)s must be at least 1.",
                                                 election=election.name))

    # ------------------------------------------------------------
    # Nominations and the poll
    # ------------------------------------------------------------

    def action_approve_list(self):
        """The congress approves the candidate list and the number to elect."""
        for election in self:
            candidates = election.candidate_ids
            if election.state != "draft":
                raise UserError(self.env._("The candidate list of %(election)s is already approved.",
                                           election=election.name))
            if len(candidates) < election.seats:
                raise UserError(self.env._(
                    "%(election)s: the list has %(count)s candidates for %(seats)s seats.",
                    election=election.name, count=len(candidates), seats=election.seats))
        self.write({"state": "approved"})
        return True

    def action_open_poll(self):
        """Open the poll: every participant with a vote gets a voter line (one create)."""
        for election in self:
            if election.state != "approved":
                raise UserError(self.env._("Approve the candidate list of %(election)s before opening the poll.",
                                           election=election.name))
            if election.congress_id.state != "in_session":
                raise UserError(self.env._("The poll opens while the congress is in session."))
            if election.method == "online":
                participants = election.congress_id.participant_ids.filtered("can_vote")
                # sudo: voter lines are the system's record of who has voted (no officer edits them)
                self.env["union.election.voter"].sudo().create([
                    {"election_id": election.id, "participant_id": participant.id} for participant in participants])
        self.write({"state": "open", "date_open": fields.Datetime.now()})
        return True

    def action_close_poll(self):
        for election in self:
            if election.state != "open":
                raise UserError(self.env._("The poll of %(election)s is not open.", election=election.name))
            now = fields.Datetime.now()
            election.write({"state": "closed",
                            "date_close": min(election.date_close, now) if election.date_close else now})
        return True

    def _check_can_vote(self):
        """Refuse the vote of the current user, with a clear message; return their voter line.

        One query finds the user's voter line with whether they have voted and are checked in,
        and locks that row only (``FOR UPDATE OF``: not the participant, not the election), so
        that two requests of one voter at the same moment cannot both vote.
        """
        self.ensure_one()
        # the voter line of the current user only (by their own partner), as the system: voter
        # lines are the system's record of who has voted; flushed first, read in SQL with its lock
        Voter = self.env["union.election.voter"].sudo()
        Voter.flush_model(["election_id", "member_id", "participant_id", "voted"])
        self.env["union.congress.participant"].flush_model(["state"])
        self.env.cr.execute("""
            SELECT voter.id, voter.voted, participant.state
              FROM union_election_voter voter
              JOIN union_member member ON member.id = voter.member_id
              JOIN union_congress_participant participant ON participant.id = voter.participant_id
             WHERE voter.election_id = %s AND member.partner_id = %s
             LIMIT 1
               FOR UPDATE OF voter
        """, [self.id, self.env.user.partner_id.id])
        row = self.env.cr.fetchone()
        if not row:
            raise UserError(self.env._("You have no vote in %(election)s.", election=self.name))
        if self.state != "open" or (self.date_close and self.date_close <= fields.Datetime.now()):
            raise UserError(self.env._("The poll of %(election)s is closed: your vote was not recorded.",
                                       election=self.name))
        voter_id, voted, participant_state = row
        if voted:
            raise UserError(self.env._("You have already voted in %(election)s: a second ballot is refused.",
                                       election=self.name))
        if participant_state != "present":
            raise UserError(self.env._(
                "You have not checked in at the congress: check in at the registration desk, then vote."))
        return Voter.browse(voter_id)

    def _cast_online_ballot(self, candidate_ids):
        """Cast the current user's secret ballot; return its receipt code.

        In one transaction: the voter line is marked as voted, and the ballot is written by the
        neutral ballot-box user; the ballot carries no voter, no creator, no date, and the voter
        line no ballot. Everything is checked before anything is written. A fixed number of
        queries whatever the size of the congress: no recompute, no mail, no tracking.
        """
        self.ensure_one()
        voter = self._check_can_vote()
        wanted = set(candidate_ids)
        # sudo: the candidates of this election named on the ballot (one query)
        candidates = self.env["union.election.candidate"].sudo().search(
            [("id", "in", list(wanted)), ("election_id", "=", self.id)], order="id") if wanted else \
            self.env["union.election.candidate"]
        if len(candidates) != len(wanted):
            raise UserError(self.env._("Your ballot names a person who is not a candidate in %(election)s.",
                                       election=self.name))
        if len(candidates) > self.seats:
            raise UserError(self.env._(
                "You kept %(count)s names but %(election)s elects %(seats)s: cross out more names.",
                count=len(candidates), election=self.name, seats=self.seats))
        receipt = secrets.token_hex(5).upper()
        voter.write({"voted": True})
        ballot_box = self.env.ref("union_governance.user_union_ballot_box")
        self.env["union.election.ballot"].with_user(ballot_box).create({
            "election_id": self.id,
            "candidate_ids": [(6, 0, candidates.ids)],
            "receipt_hash": hashlib.sha256(receipt.encode()).hexdigest(),
        })
        return receipt

    @api.model
    def _check_receipt(self, receipt):
        """Whether a ballot with this receipt code was counted: nothing else is told."""
        digest = hashlib.sha256((receipt or "").strip().upper().encode()).hexdigest()
        # sudo: only the existence of a ballot with this receipt leaves this method
        return bool(self.env["union.election.ballot"].sudo().search_count([("receipt_hash", "=", digest)]))

    # ------------------------------------------------------------
    # Counting and results
    # ------------------------------------------------------------

    def action_count(self):
        """Count the votes by the Charter's rule (online: from the ballots; paper: as entered)."""
        for election in self:
            if election.state != "closed":
                raise UserError(self.env._("Close the poll of %(election)s before counting.",
                                           election=election.name))
            if election.method == "online":
                election._count_online_ballots()
            else:
                election._check_paper_counts()
            election._apply_counting_rule()
        self.write({"state": "counted"})
        return True

    def _count_online_ballots(self):
        self.ensure_one()
        # sudo: counting reads the sealed ballots as figures per candidate
        Ballot = self.env["union.election.ballot"].sudo()
        cast = Ballot.search_count([("election_id", "=", self.id)])
        votes = dict(Ballot._read_group([("election_id", "=", self.id)], ["candidate_ids"], ["__count"]))
        for candidate in self.candidate_ids:
            candidate.votes = votes.get(candidate.sudo(), 0)
        present = len(self.voter_ids.filtered(lambda v: v.participant_id.state == "present"))
        self.write({"ballots_issued": max(present, cast), "ballots_cast": cast,
                    "ballots_valid": cast, "ballots_invalid": 0})

    def _check_paper_counts(self):
        """The counting committee's figures hold together, or nothing is counted."""
        self.ensure_one()
        errors = []
        if self.ballots_valid + self.ballots_invalid != self.ballots_cast:
            errors.append(self.env._(
                "valid ballots (%(valid)s) and invalid ballots (%(invalid)s) "
                "do not add up to the ballots cast (%(cast)s)",
                valid=self.ballots_valid, invalid=self.ballots_invalid, cast=self.ballots_cast))
        if self.ballots_cast > self.ballots_issued:
            errors.append(self.env._("more ballots cast (%(cast)s) than issued (%(issued)s)",
                                     cast=self.ballots_cast, issued=self.ballots_issued))
        for candidate in self.candidate_ids:
            if candidate.votes < 0 or candidate.votes > self.ballots_valid:
                errors.append(self.env._("%(name)s has %(votes)s votes, more than the valid ballots (%(valid)s)",
                                         name=candidate.member_id.name, votes=candidate.votes,
                                         valid=self.ballots_valid))
        total = sum(self.candidate_ids.mapped("votes"))
        if total > self.ballots_valid * self.seats:
            errors.append(self.env._("%(total)s votes in all, more than %(seats)s per valid ballot",
                                     total=total, seats=self.seats))
        if errors:
            raise ValidationError(self.env._("The paper count of %(election)s is not consistent: %(errors)s.",
                                             election=self.name, errors="; ".join(errors)))

    def _apply_counting_rule(self):
        self.ensure_one()
        rule = self.rule_id
        base = self.ballots_cast if rule.majority_base == "cast" else self.ballots_valid
        votes = {candidate.id: candidate.votes for candidate in self.candidate_ids}
        elected, tied = counting.count_votes(votes, self.seats, base, rule.majority_percent or 50)
        for candidate in self.candidate_ids:
            candidate.result = ("elected" if candidate.id in elected
                                else "tie" if candidate.id in tied else "not_elected")

    def action_new_round(self):
        """A further round: among the tied candidates, or for the seats left empty."""
        self.ensure_one()
        if self.state not in ("counted", "confirmed") or not self.seats_left:
            raise UserError(self.env._("%(election)s has no seat left for a further round.", election=self.name))
        tied = self.candidate_ids.filtered(lambda c: c.result == "tie")
        candidates = tied or self.candidate_ids.filtered(lambda c: c.result == "not_elected")
        new = self.create({
            "name": self.env._("%(name)s — round %(round)s", name=self.name.split(" — ")[0],
                               round=self.round_number + 1),
            "congress_id": self.congress_id.id, "kind": self.kind, "seats": self.seats_left,
            "method": self.method, "round_number": self.round_number + 1, "previous_id": self.id,
            "counting_committee": self.counting_committee,
            "candidate_ids": [(0, 0, {"member_id": c.member_id.id, "nominated_by": c.nominated_by})
                              for c in candidates],
        })
        return {"type": "ir.actions.act_window", "res_model": "union.election", "res_id": new.id,
                "view_mode": "form"}

    def action_confirm(self):
        """Confirm the results: the new term's committee and the posts of those elected."""
        Post = self.env["union.officer.post"]
        for election in self:
            if election.state != "counted":
                raise UserError(self.env._("Count %(election)s before confirming its results.",
                                           election=election.name))
            further = self.search_count([("previous_id", "=", election.id)])
            if not further and any(c.result == "tie" for c in election.candidate_ids):
                raise UserError(self.env._(
                    "%(election)s has candidates tied at the last seat: hold a further round first.",
                    election=election.name))
            if election.kind in ("delegates", "alternates"):
                election._push_delegates_upward()
            body_kind, position_code = KIND_POSTS.get(election.kind, (False, False))
            if not body_kind:
                continue
            congress = election.congress_id
            term = congress._get_or_create_term()
            body = term.body_ids.filtered(lambda b, kind=body_kind: b.kind == kind)
            if not body:
                body = self.env["union.body"].create({"term_id": term.id, "kind": body_kind,
                                                      "seats": election.seats})
            position = self.env["union.position"].search([("code", "=", position_code)], limit=1)
            elected = election.candidate_ids.filtered(lambda c: c.result == "elected")
            already = set(Post.search([("body_id", "=", body.id), ("position_id", "=", position.id)]).member_id.ids)
            self.env["union.officer.event"].create([{
                "kind": "elected", "body_id": body.id, "member_id": candidate.member_id.id,
                "position_id": position.id, "date": term.date_start,
            } for candidate in elected if candidate.member_id.id not in already])
        self.write({"state": "confirmed"})
        return True

    def _push_delegates_upward(self):
        """The official or alternate delegates elected here join the delegates' congress in
        preparation of the nearest unit above (if there is one yet; otherwise that congress
        takes them later with "Take the Delegates Elected Below")."""
        self.ensure_one()
        parent = self.organization_id.parent_id
        if not parent:
            return self.env["union.congress.participant"]
        # sudo: the lower unit's officers confirm their results; the upper unit's congress, which
        # they do not manage, receives the delegates they elected (and nothing else)
        congresses = self.env["union.congress"].sudo().search([
            ("organization_id", "parent_of", parent.id), ("kind", "=", "delegates"),
            ("state", "=", "preparation")])
        if not congresses:
            return self.env["union.congress.participant"]
        nearest = max(congresses, key=lambda c: (len(c.organization_id.parent_path or ""), c.id))
        return nearest._add_elected_delegates(self.sudo())

    def _elected_ranked(self):
        """``[(rank, candidate)]`` of those elected in this round, most votes first; the ranks of
        a further round continue after everyone elected in the rounds before it (round 1's
        elected, then round 2's...), so the final ranking of the election is continuous."""
        self.ensure_one()
        earlier = 0
        previous = self.previous_id
        while previous:
            earlier += len(previous.candidate_ids.filtered(lambda c: c.result == "elected"))
            previous = previous.previous_id
        elected = self.candidate_ids.filtered(lambda c: c.result == "elected").sorted(
            lambda c: (-c.votes, c.sequence, c.id))
        return list(enumerate(elected, start=earlier + 1))

    def action_print_minutes(self):
        self.ensure_one()
        return self.env.ref("union_governance.action_report_union_election_minutes").report_action(self)

    @api.model
    def _cron_purge_ballots(self):
        """Ballots are sealed for six months after the poll closes, then purged."""
        today = fields.Date.context_today(self)
        elections = self.search([("sealed_until", "<", today), ("state", "in", ("counted", "confirmed"))])
        # sudo: nobody but this job deletes ballots
        self.env["union.election.ballot"].sudo().search([("election_id", "in", elections.ids)]).unlink()
