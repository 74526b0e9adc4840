from datetime import timedelta

from odoo import fields, http
from odoo.exceptions import UserError, ValidationError
from odoo.tests import HttpCase, tagged

from .common import GovernanceCommon

#: the refusals, in the voter's language (i18n/vi.po)
MSG_TWICE = "Bạn đã bỏ phiếu trong Bầu Ban Chấp hành: không nhận phiếu thứ hai."
MSG_NOT_CHECKED_IN = "Bạn chưa điểm danh tại đại hội: hãy điểm danh tại bàn đón tiếp rồi bỏ phiếu."
MSG_CLOSED = "Cuộc bỏ phiếu Bầu Ban Chấp hành đã kết thúc: phiếu của bạn không được ghi nhận."
MSG_TOO_MANY = "Bạn giữ lại 4 tên nhưng Bầu Ban Chấp hành chỉ bầu 3 người: hãy gạch bớt tên."


class ElectionCommon(GovernanceCommon):

    @classmethod
    def _make_voters(cls, unit, count, prefix):
        """``count`` members of ``unit`` with a portal login each (no password: tests log in directly)."""
        cls.env["res.lang"]._activate_lang("vi_VN")
        members = cls._make_members(unit, count, prefix)
        groups = [cls.env.ref("base.group_portal").id, cls.env.ref("union_membership.group_union_member").id]
        users = cls.env["res.users"].with_context(no_reset_password=True).create([{
            "name": member.name, "login": f"{prefix.replace(' ', '').lower()}_{index}",
            "partner_id": member.partner_id.id, "groups_id": [(6, 0, groups)], "lang": "vi_VN",
        } for index, member in enumerate(members)])
        return members, users

    @classmethod
    def _open_congress(cls, unit, present_members):
        congress = cls._make_congress(unit)
        congress.action_summon_members()
        congress.participant_ids.filtered(lambda p: p.member_id in present_members).action_check_in()
        congress.action_open_session()
        return congress


@tagged("post_install", "-at_install")
class TestOnlineElection(ElectionCommon, HttpCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.members, cls.users = cls._make_voters(cls.unit_b, 150, "Cử tri")
        # the last voter does not check in
        cls.congress = cls._open_congress(cls.unit_b, cls.members[:149])
        cls.election = cls._make_election(cls.congress, cls.members[:5], seats=3)
        cls.election.action_approve_list()
        cls.election.action_open_poll()
        cls.candidates = cls.election.candidate_ids

    def _vote(self, user, candidates):
        self.authenticate(user.login, user.login)
        data = [("csrf_token", http.Request.csrf_token(self))] + [("candidate_ids", str(c.id)) for c in candidates]
        return self.url_open(f"/my/union/election/{self.election.id}/vote", data=data)

    def test_150_ballots_through_the_route(self):
        expected = dict.fromkeys(self.candidates.ids, 0)
        receipts = []
        for index, user in enumerate(self.users):
            kept = self.candidates[index % 5: index % 5 + 1] | self.candidates[(index * 7) % 5:(index * 7) % 5 + 1]
            if index % 10 == 0:
                kept = self.candidates[:3]
            res = self._vote(user, kept)
            self.assertEqual(res.status_code, 200)
            if index == 149:
                self.assertIn(MSG_NOT_CHECKED_IN, res.text)
                continue
            self.assertIn("o_union_receipt_code", res.text, f"voter {index}")
            receipts.append(res.text.split('o_union_receipt_code">')[1].split("<")[0])
            for candidate in kept:
                expected[candidate.id] += 1
        Ballot = self.env["union.election.ballot"]
        ballots = Ballot.search([("election_id", "=", self.election.id)])
        self.assertEqual(len(ballots), 149)
        self.assertEqual(self.election.voted_count, 149)
        from_ballots = dict.fromkeys(self.candidates.ids, 0)
        for ballot in ballots:
            for candidate in ballot.candidate_ids:
                from_ballots[candidate.id] += 1
        self.assertEqual(from_ballots, expected)
        self.election.action_close_poll()
        self.election.action_count()
        self.assertEqual({c.id: c.votes for c in self.candidates}, expected)
        self.assertEqual((self.election.ballots_cast, self.election.ballots_valid), (149, 149))
        self.assertEqual(len(set(receipts)), 149)
        self.assertTrue(self.env["union.election"]._check_receipt(receipts[0]))
        self.assertFalse(self.env["union.election"]._check_receipt("0000000000"))
        # the receipt page tells only that the ballot was counted
        self.authenticate(self.users[0].login, self.users[0].login)
        res = self.url_open(f"/my/union/election/receipt?code={receipts[0]}")
        self.assertIn("o_union_receipt_counted", res.text)

    def test_refusals_write_nothing(self):
        user = self.users[0]
        res = self._vote(user, self.candidates[:4])
        self.assertIn(MSG_TOO_MANY, res.text)
        self.assertEqual(self.election.voted_count, 0)
        res = self._vote(user, self.candidates[:2])
        self.assertIn("o_union_receipt_code", res.text)
        res = self._vote(user, self.candidates[2:3])
        self.assertIn(MSG_TWICE, res.text)
        res = self._vote(self.users[149], self.candidates[:1])
        self.assertIn(MSG_NOT_CHECKED_IN, res.text)
        self.election.action_close_poll()
        res = self._vote(self.users[1], self.candidates[:1])
        self.assertIn(MSG_CLOSED, res.text)
        self.assertEqual(self.election.voted_count, 1)
        self.assertEqual(self.env["union.election.ballot"].search_count([("election_id", "=", self.election.id)]), 1)

    def test_poll_past_its_closing_time(self):
        self.election.date_close = fields.Datetime.now() - timedelta(minutes=1)
        res = self._vote(self.users[2], self.candidates[:1])
        self.assertIn(MSG_CLOSED, res.text)

    def test_someone_elses_election_is_not_found(self):
        other = self._open_congress(self.unit_a, self.member_a1)
        election = self._make_election(other, self.member_a1, seats=1)
        election.action_approve_list()
        election.action_open_poll()
        self.authenticate(self.users[0].login, self.users[0].login)
        res = self.url_open(f"/my/union/election/{election.id}/vote",
                            data={"csrf_token": http.Request.csrf_token(self)})
        self.assertEqual(res.status_code, 404)
        self.assertEqual(self.url_open(f"/my/union/congress/{other.id}").status_code, 404)


@tagged("post_install", "-at_install")
class TestCounting(ElectionCommon):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.members = cls._make_members(cls.unit_a, 6, "Ứng viên")
        cls.congress = cls._open_congress(cls.unit_a, cls.members)

    def _paper(self, seats, votes, cast=100, valid=98, invalid=2, issued=100):
        election = self._make_election(self.congress, self.members[:len(votes)], seats=seats, method="paper",
                                       counting_committee="Nguyễn Văn A, Trần Thị B")
        election.action_approve_list()
        election.action_open_poll()
        election.action_close_poll()
        election.write({"ballots_issued": issued, "ballots_cast": cast, "ballots_valid": valid,
                        "ballots_invalid": invalid})
        for candidate, count in zip(election.candidate_ids, votes):
            candidate.votes = count
        return election

    def test_paper_count(self):
        election = self._paper(3, [90, 80, 60, 40, 20])
        election.with_user(self.user_officer_a).action_count()
        self.assertEqual(election.candidate_ids.mapped("result"),
                         ["elected", "elected", "elected", "not_elected", "not_elected"])
        self.assertEqual(election.majority_votes, 50)
        html = self.env["ir.actions.report"]._render_qweb_html(
            "union_governance.action_report_union_election_minutes", election.ids)[0].decode()
        self.assertIn("Nguyễn Văn A", html)
        self.assertIn(self.members[0].name, html)
        election.action_confirm()
        term = self.congress.term_id
        self.assertTrue(term)
        self.assertEqual(term.body_ids.kind, "executive")
        self.assertEqual(term.post_ids.member_id, self.members[:3])
        self.assertEqual(set(term.post_ids.mapped("date_start")), {term.date_start})

    def test_inconsistent_paper_count_is_refused(self):
        election = self._paper(3, [90, 80, 99, 49, 30], valid=90, invalid=5)
        with self.assertRaises(ValidationError):
            election.action_count()
        self.assertEqual(election.state, "closed")
        self.assertFalse(any(election.candidate_ids.mapped("result")))

    def test_base_of_the_majority_is_the_rule(self):
        # 50 votes of 98 valid ballots is a majority; of 100 ballots cast it is not
        election = self._paper(1, [50, 10])
        election.action_count()
        self.assertEqual(election.candidate_ids[0].result, "elected")
        self.rule.majority_base = "cast"
        election2 = self._paper(1, [50, 10])
        election2.action_count()
        self.assertEqual(election2.candidate_ids[0].result, "not_elected")
        self.assertEqual(election2.seats_left, 1)

    def test_tie_and_second_round(self):
        election = self._paper(2, [90, 52, 52, 2])
        election.action_count()
        self.assertEqual(election.candidate_ids.mapped("result"), ["elected", "tie", "tie", "not_elected"])
        with self.assertRaises(UserError):
            election.action_confirm()
        action = election.action_new_round()
        second = self.env["union.election"].browse(action["res_id"])
        self.assertEqual((second.round_number, second.seats, second.previous_id), (2, 1, election))
        self.assertEqual(second.candidate_ids.member_id, self.members[1:3])
        # the first round's elected is confirmed once the tie is settled in the second round
        second.action_approve_list()
        second.action_open_poll()
        second.action_close_poll()
        second.write({"ballots_issued": 100, "ballots_cast": 100, "ballots_valid": 100, "ballots_invalid": 0})
        second.candidate_ids[0].votes = 60
        second.candidate_ids[1].votes = 40
        second.action_count()
        self.assertEqual(second.candidate_ids.mapped("result"), ["elected", "not_elected"])
        (election | second).action_confirm()
        self.assertEqual(self.congress.term_id.post_ids.member_id, self.members[0] | self.members[1])
