from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from .test_election import ElectionCommon

#: models whose presence in a ballot's fields would link it to a person
PERSON_MODELS = {"res.users", "res.partner", "union.member", "union.congress.participant", "union.election.voter"}


@tagged("post_install", "-at_install")
class TestBallotSecrecy(ElectionCommon, HttpCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.members, cls.users = cls._make_voters(cls.unit_b, 3, "Bí mật")
        cls.congress = cls._open_congress(cls.unit_b, cls.members)
        cls.election = cls._make_election(cls.congress, cls.members, seats=2)
        cls.election.action_approve_list()
        cls.election.action_open_poll()
        for user in cls.users:
            cls.election.with_user(user)._cast_online_ballot(cls.election.candidate_ids[:1].ids)

    def test_no_field_links_a_ballot_to_a_voter(self):
        for user in (self.user_admin, self.user_officer_b):
            fields = self.env["union.election.ballot"].with_user(user).fields_get()
            self.assertFalse({"create_uid", "write_uid", "create_date", "write_date"} & set(fields))
            related = {desc.get("relation") for desc in fields.values()}
            self.assertFalse(related & PERSON_MODELS, user.login)
        voter_fields = self.env["union.election.voter"].fields_get()
        self.assertFalse({"create_uid", "write_uid", "create_date", "write_date"} & set(voter_fields))
        self.assertNotIn("union.election.ballot", {desc.get("relation") for desc in voter_fields.values()})
        # nor does the table itself
        self.env.cr.execute("SELECT column_name FROM information_schema.columns "
                            "WHERE table_name = 'union_election_ballot'")
        columns = {row[0] for row in self.env.cr.fetchall()}
        self.assertEqual(columns, {"id", "election_id", "organization_id", "key", "receipt_hash"})

    def test_every_orm_path_of_an_officer(self):
        Ballot = self.env["union.election.ballot"].with_user(self.user_officer_b)
        ballots = Ballot.search([("election_id", "=", self.election.id)])
        self.assertEqual(len(ballots), 3)
        for row in ballots.read():
            self.assertFalse(set(row) & {"create_uid", "write_uid", "receipt_hash"})
        rows = Ballot.search_read([("election_id", "=", self.election.id)])
        self.assertTrue(all("receipt_hash" not in row for row in rows))
        exported = ballots.export_data(["key", "candidate_ids/member_id/name"])["datas"]
        self.assertEqual(len([row for row in exported if row[0]]), 3)
        with self.assertRaises(AccessError):
            ballots.export_data(["receipt_hash"])
        with self.assertRaises(AccessError):
            ballots.write({"candidate_ids": [(5,)]})
        with self.assertRaises(AccessError):
            ballots.unlink()
        with self.assertRaises(AccessError):
            Ballot.create({"election_id": self.election.id})
        # a ballot sorts by its random key, not in the order of voting
        self.assertEqual(ballots.mapped("key"), sorted(ballots.mapped("key")))
        # voters: whether they voted, nothing else
        voter_rows = self.env["union.election.voter"].with_user(self.user_officer_b).search_read(
            [("election_id", "=", self.election.id)])
        self.assertTrue(all(set(row) == {"id", "election_id", "organization_id", "participant_id", "member_id",
                                         "voted", "display_name"} for row in voter_rows))
        # no chatter message or log line names a voter's choice
        messages = self.env["mail.message"].search([("model", "in", ("union.election.ballot",
                                                                     "union.election.voter"))])
        self.assertFalse(messages)

    def test_members_and_other_units_read_no_ballot(self):
        with self.assertRaises(AccessError):
            self.env["union.election.ballot"].with_user(self.users[0]).search_read([])
        self.assertFalse(self.env["union.election.ballot"].with_user(self.user_officer_a).search(
            [("election_id", "=", self.election.id)]))
        with self.assertRaises(AccessError):
            self.env["union.election.voter"].with_user(self.users[0]).search_read([])

    def test_ballots_purged_after_six_sealed_months(self):
        self.election.action_close_poll()
        self.election.action_count()
        Ballot = self.env["union.election.ballot"]
        self.env["union.election"]._cron_purge_ballots()
        self.assertEqual(Ballot.search_count([("election_id", "=", self.election.id)]), 3)
        self.election.date_close = "2020-01-01 10:00:00"
        self.env["union.election"]._cron_purge_ballots()
        self.assertEqual(Ballot.search_count([("election_id", "=", self.election.id)]), 0)
        self.assertEqual(self.election.candidate_ids[0].votes, 3)
