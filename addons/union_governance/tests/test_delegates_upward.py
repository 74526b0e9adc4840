from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, tagged

from .common import GovernanceCommon


@tagged("post_install", "-at_install")
class TestDelegatesUpward(GovernanceCommon, TransactionCase):
    """Official and alternate delegates elected below join the upper congress in preparation
    when the results are confirmed; an alternate replaces an absent official in one action."""

    def _elect(self, congress, kind, votes):
        """A paper election of ``kind`` on ``congress``, counted with ``votes`` {member: votes}
        and confirmed by the unit's officer."""
        election = self.env["union.election"].create({
            "name": f"Bầu {kind}", "congress_id": congress.id, "kind": kind, "seats": len(votes),
            "method": "paper", "candidate_ids": [(0, 0, {"member_id": m.id}) for m in votes]})
        election.action_approve_list()
        election.action_open_poll()
        election.action_close_poll()
        election.write({"ballots_issued": 4, "ballots_cast": 4, "ballots_valid": 4})
        for candidate in election.candidate_ids:
            candidate.votes = votes[candidate.member_id]
        election.action_count()
        election.with_user(self.user_officer_a).action_confirm()
        return election

    def test_alternates_pushed_and_swapped(self):
        upper = self._make_congress(self.upper, kind="delegates")
        upper.allotment_ids = [(0, 0, {"sub_organization_id": self.unit_a.id, "seats": 1})]
        alt_1, alt_2 = self._make_members(self.unit_a, 2, "Dự khuyết")
        lower = self._make_congress(self.unit_a)
        lower.action_summon_members()
        lower.participant_ids.action_check_in()
        lower.action_open_session()
        self._elect(lower, "delegates", {self.member_a1: 4})
        # the alternate with more votes comes first, whatever the list order
        self._elect(lower, "alternates", {alt_1: 3, alt_2: 4})
        participants = upper.participant_ids
        official = participants.filtered(lambda p: p.member_id == self.member_a1)
        first = participants.filtered(lambda p: p.member_id == alt_2)
        second = participants.filtered(lambda p: p.member_id == alt_1)
        self.assertEqual((official.kind, official.origin_organization_id, official.can_vote),
                         ("elected", self.unit_a, True))
        self.assertEqual((first.kind, first.alternate_rank, first.can_vote), ("alternate", 1, False))
        self.assertEqual((second.kind, second.alternate_rank), ("alternate", 2))
        self.assertEqual(upper.summoned_count, 1)
        self.assertEqual(upper.allotment_ids.elected_count, 1)
        self.assertTrue(upper.message_ids.filtered(lambda m: self.member_a1.name in (m.body or "")))
        # taking the delegates again adds nobody twice
        upper.action_take_elected_delegates()
        self.assertEqual(len(upper.participant_ids), 3)

        official = official.with_user(self.user_upper)
        with self.assertRaises(UserError):  # not marked absent yet
            official.action_replace_by_alternate()
        official.write({"state": "absent", "absence_reason": "Ốm"})
        # the unit's own officer does not manage the upper congress
        with self.assertRaises(AccessError):
            official.with_user(self.user_officer_a).action_replace_by_alternate()
        official.action_replace_by_alternate()
        self.assertEqual((official.replaced_by_id, first.replaces_id), (first, official))
        self.assertFalse(official.can_vote)
        self.assertTrue(first.can_vote)
        self.assertEqual(upper.summoned_count, 1)
        log = upper.message_ids.filtered(lambda m: "Ốm" in (m.body or ""))
        self.assertEqual(log.author_id, self.user_upper.partner_id)
        with self.assertRaises(UserError):  # replaced once
            official.action_replace_by_alternate()

    def test_no_congress_above_yet(self):
        lower = self._make_congress(self.unit_a)
        lower.action_summon_members()
        lower.participant_ids.action_check_in()
        lower.action_open_session()
        election = self._elect(lower, "alternates", {self.member_a2: 4})
        self.assertEqual(election.state, "confirmed")
        upper = self._make_congress(self.upper, kind="delegates").with_user(self.user_upper)
        upper.action_take_elected_delegates()
        self.assertEqual((upper.participant_ids.member_id, upper.participant_ids.kind),
                         (self.member_a2, "alternate"))

    def test_alternates_of_a_further_round_rank_after_the_first(self):
        """Alternates elected in a further round rank after those elected in the first round
        (1, then 2, 3...): the ranks do not start again at 1."""
        upper = self._make_congress(self.upper, kind="delegates")
        upper.allotment_ids = [(0, 0, {"sub_organization_id": self.unit_a.id, "seats": 1})]
        alt_1, alt_2, alt_3 = self._make_members(self.unit_a, 3, "Dự khuyết")
        lower = self._make_congress(self.unit_a)
        lower.action_summon_members()
        lower.participant_ids.action_check_in()
        lower.action_open_session()
        self._elect(lower, "delegates", {self.member_a1: 4})
        # 2 alternates to elect out of 10 ballots: alt_1 elected, alt_2 and alt_3 tied at the last seat
        first = self.env["union.election"].create({
            "name": "Bầu đại biểu dự khuyết", "congress_id": lower.id, "kind": "alternates", "seats": 2,
            "method": "paper", "candidate_ids": [(0, 0, {"member_id": m.id}) for m in (alt_1, alt_2, alt_3)]})
        first.action_approve_list()
        first.action_open_poll()
        first.action_close_poll()
        first.write({"ballots_issued": 10, "ballots_cast": 10, "ballots_valid": 10})
        for candidate, votes in zip(first.candidate_ids, (8, 6, 6)):
            candidate.votes = votes
        first.action_count()
        self.assertEqual(first.candidate_ids.mapped("result"), ["elected", "tie", "tie"])
        second = self.env["union.election"].browse(first.action_new_round()["res_id"])
        second.action_approve_list()
        second.action_open_poll()
        second.action_close_poll()
        second.write({"ballots_issued": 10, "ballots_cast": 10, "ballots_valid": 10})
        second.candidate_ids.filtered(lambda c: c.member_id == alt_3).votes = 7
        second.candidate_ids.filtered(lambda c: c.member_id == alt_2).votes = 3
        second.action_count()
        # the second round confirmed first, then the first round: the ranks follow the rounds
        second.with_user(self.user_officer_a).action_confirm()
        first.with_user(self.user_officer_a).action_confirm()
        alternates = upper.participant_ids.filtered(lambda p: p.kind == "alternate")
        self.assertEqual({p.member_id: p.alternate_rank for p in alternates}, {alt_1: 1, alt_3: 2})
        # taken again from below, in one go: the same ranks
        alternates.unlink()
        upper.action_take_elected_delegates()
        alternates = upper.participant_ids.filtered(lambda p: p.kind == "alternate")
        self.assertEqual({p.member_id: p.alternate_rank for p in alternates}, {alt_1: 1, alt_3: 2})
