from odoo.tests import HttpCase, tagged

from .test_election import ElectionCommon


@tagged("post_install", "-at_install")
class TestGovernancePortal(ElectionCommon, HttpCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.members, cls.users = cls._make_voters(cls.unit_b, 3, "Cổng")
        cls.congress = cls._make_congress(cls.unit_b, name="Đại hội Công đoàn Trường THCS B lần thứ V",
                                          agenda="<p>Báo cáo tổng kết nhiệm kỳ</p>")
        cls.congress.action_summon_members()
        cls.congress.action_open_session()
        cls.election = cls._make_election(cls.congress, cls.members, seats=2)
        cls.election.action_approve_list()
        cls.election.action_open_poll()
        cls.post = cls.env["union.officer.post"].create({
            "body_id": cls.exec_b.id, "member_id": cls.members[0].id,
            "position_id": cls.env.ref("union_governance.position_vice_chair").id, "date_start": "2024-01-01"})

    def test_my_union_shows_posts_and_congress(self):
        self.authenticate(self.users[0].login, self.users[0].login)
        res = self.url_open("/my/union")
        self.assertIn("o_union_member_posts", res.text)
        self.assertIn("Phó Chủ tịch", res.text)
        counters = self.make_jsonrpc_request("/my/counters", {"counters": ["union_congress_count"]})
        self.assertEqual(counters["union_congress_count"], 1)
        res = self.url_open("/my/union/congresses")
        self.assertIn(f"/my/union/congress/{self.congress.id}", res.text)
        res = self.url_open(f"/my/union/congress/{self.congress.id}")
        self.assertIn("o_union_checkin_qr", res.text)
        self.assertIn("Báo cáo tổng kết nhiệm kỳ", res.text)
        # not checked in yet: the form is there, the vote would be refused
        self.assertIn("o_union_ballot_form", res.text)

    def test_results_published_to_participants(self):
        self.election.action_close_poll()
        self.election.action_count()
        self.authenticate(self.users[1].login, self.users[1].login)
        res = self.url_open(f"/my/union/congress/{self.congress.id}")
        self.assertIn("o_union_election_results", res.text)
        self.assertNotIn("o_union_ballot_form", res.text)

    def test_portal_tour(self):
        participant = self.congress.participant_ids.filtered(lambda p: p.member_id == self.members[0])
        participant.action_check_in()
        self.start_tour("/my", "union_governance_portal_tour", login=self.users[0].login)
        self.assertEqual(self.election.voted_count, 1)
        self.assertEqual(len(self.env["union.election.ballot"].search([("election_id", "=", self.election.id)])), 1)
