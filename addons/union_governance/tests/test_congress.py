import re
from datetime import date

from odoo import http
from odoo.exceptions import ValidationError
from odoo.tests import HttpCase, new_test_user, tagged

from .common import GovernanceCommon


@tagged("post_install", "-at_install")
class TestCongress(GovernanceCommon, HttpCase):

    def test_full_members_congress_summons_every_member(self):
        congress = self._make_congress(self.unit_a).with_user(self.user_officer_a)
        congress.action_summon_members()
        self.assertEqual(congress.participant_ids.member_id, self.member_a1 | self.member_a2)
        self.assertTrue(all(p.can_vote and p.kind == "member" for p in congress.participant_ids))
        congress.action_summon_members()  # again: nobody twice
        self.assertEqual(len(congress.participant_ids), 2)

    def test_delegates_congress_allotment(self):
        congress = self._make_congress(self.upper, kind="delegates").with_user(self.user_upper)
        congress.allotment_ids = [(0, 0, {"sub_organization_id": self.unit_a.id, "seats": 1}),
                                  (0, 0, {"sub_organization_id": self.unit_b.id, "seats": 1})]
        Participant = self.env["union.congress.participant"].with_user(self.user_upper)
        Participant.create([
            {"congress_id": congress.id, "member_id": self.member_a1.id, "kind": "elected",
             "origin_organization_id": self.unit_a.id},
            {"congress_id": congress.id, "member_id": self.member_b1.id, "kind": "ex_officio",
             "origin_organization_id": self.unit_b.id},
        ])
        self.assertEqual(congress.allotment_ids.mapped("elected_count"), [1, 0])
        with self.assertRaises(ValidationError):
            Participant.create({"congress_id": congress.id, "member_id": self.member_a2.id, "kind": "elected",
                                "origin_organization_id": self.unit_a.id})
        guest = self._make_members(self.upper, 1, "Khách mời")
        invited = Participant.create({"congress_id": congress.id, "member_id": guest.id, "kind": "invited"})
        self.assertFalse(invited.can_vote)
        self.assertEqual(congress.summoned_count, 2)

    def test_delegates_elected_below_join_the_upper_congress(self):
        lower = self._make_congress(self.unit_a)
        lower.action_summon_members()
        lower.participant_ids.action_check_in()
        lower.action_open_session()
        election = self.env["union.election"].create({
            "name": "Bầu đại biểu dự Đại hội cấp trên", "congress_id": lower.id, "kind": "delegates", "seats": 1,
            "method": "paper", "candidate_ids": [(0, 0, {"member_id": self.member_a1.id})]})
        election.action_approve_list()
        election.action_open_poll()
        election.action_close_poll()
        election.write({"ballots_issued": 2, "ballots_cast": 2, "ballots_valid": 2})
        election.candidate_ids.votes = 2
        election.action_count()
        election.action_confirm()
        upper = self._make_congress(self.upper, kind="delegates").with_user(self.user_upper)
        upper.allotment_ids = [(0, 0, {"sub_organization_id": self.unit_a.id, "seats": 1})]
        upper.action_take_elected_delegates()
        upper.action_take_elected_delegates()
        self.assertEqual(upper.participant_ids.member_id, self.member_a1)
        self.assertEqual((upper.participant_ids.kind, upper.participant_ids.origin_organization_id),
                         ("elected", self.unit_a))
        self.assertEqual(upper.allotment_ids.elected_count, 1)

    def _desk_checkin(self, participant):
        """The desk's routine: open the scanned link (who it is, a button), then one tap on it."""
        url = f"/union/congress/checkin/{participant.checkin_token}"
        page = self.url_open(url)
        self.assertEqual(page.status_code, 200)
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        return self.url_open(url, data={"csrf_token": csrf})

    def test_check_in_by_qr_route_and_quorum(self):
        members = self._make_members(self.unit_b, 4)
        congress = self._make_congress(self.unit_b)
        congress.action_summon_members()
        self.assertEqual(congress.summoned_count, 5)
        self.assertEqual(congress.quorum_needed, 4)
        participants = congress.participant_ids.filtered(lambda p: p.member_id in members)
        # a member of another unit's officer cannot check anyone in: the route says not found
        self.authenticate(self.user_officer_a.login, self.user_officer_a.login)
        res = self.url_open(f"/union/congress/checkin/{participants[0].checkin_token}")
        self.assertEqual(res.status_code, 404)
        self.assertEqual(participants[0].state, "summoned")
        self.authenticate(self.user_officer_b.login, self.user_officer_b.login)
        for participant in participants[:3]:
            res = self._desk_checkin(participant)
            self.assertEqual(res.status_code, 200)
            self.assertIn("o_union_checkin_done", res.text)
        self.assertEqual(congress.present_count, 3)
        self.assertFalse(congress.quorum_reached)
        res = self._desk_checkin(participants[3])
        self.assertIn("o_union_quorum", res.text)
        self.assertEqual(congress.present_count, 4)
        self.assertTrue(congress.quorum_reached)
        # scanned again: already checked in, no button
        res = self.url_open(f"/union/congress/checkin/{participants[3].checkin_token}")
        self.assertIn("o_union_checkin_already", res.text)
        self.assertNotIn("o_union_checkin_form", res.text)
        self.assertEqual(self.url_open("/union/congress/checkin/not-a-code").status_code, 404)

    def test_check_in_link_opened_changes_nothing(self):
        """Audit: a participant sends their check-in link to an officer; the officer opening it
        sees who it is and a button, and nobody is marked present until the desk confirms
        (a POST with Odoo's CSRF token, by an officer who may check them in)."""
        congress = self._make_congress(self.unit_b)
        congress.action_summon_members()
        participant = congress.participant_ids.filtered(lambda p: p.member_id == self.member_b1)
        url = f"/union/congress/checkin/{participant.checkin_token}"
        self.authenticate(self.user_officer_b.login, self.user_officer_b.login)
        page = self.url_open(url)
        self.assertEqual(page.status_code, 200)
        self.assertIn("o_union_checkin_form", page.text)
        self.assertIn(self.member_b1.name, page.text)
        self.assertIn(self.unit_b.name, page.text)
        self.assertIn(congress.name, page.text)
        self.assertNotIn("o_union_checkin_done", page.text)
        self.assertEqual(participant.state, "summoned")
        self.assertFalse(participant.checkin_time)
        # a POST without the CSRF token, or with a forged one, is refused
        for data in ({"confirm": "1"}, {"csrf_token": "forged"}):
            with self.assertLogs("odoo.http", "WARNING"):  # Odoo logs the refused token
                res = self.url_open(url, data=data)
            self.assertEqual(res.status_code, 400)
            self.assertEqual(participant.state, "summoned")
        # another unit's officer, and the participant themselves, cannot check in (with a valid token)
        portal_b1 = new_test_user(self.env, login="t_portal_b1_checkin", partner_id=self.member_b1.partner_id.id,
                                  groups="base.group_portal,union_membership.group_union_member")
        for user in (self.user_officer_a, portal_b1):
            self.authenticate(user.login, user.login)
            res = self.url_open(url, data={"csrf_token": http.Request.csrf_token(self)})
            self.assertEqual(res.status_code, 404)
            self.assertEqual(participant.state, "summoned")
        self.authenticate(self.user_officer_b.login, self.user_officer_b.login)
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', self.url_open(url).text).group(1)
        res = self.url_open(url, data={"csrf_token": csrf})
        self.assertEqual(res.status_code, 200)
        self.assertIn("o_union_checkin_done", res.text)
        self.assertEqual(participant.state, "present")
        self.assertTrue(participant.checkin_time)

    def test_check_in_tour_at_the_desk(self):
        """The desk's routine in a browser: the scanned link, one tap on Check In."""
        congress = self._make_congress(self.unit_b)
        congress.action_summon_members()
        participant = congress.participant_ids.filtered(lambda p: p.member_id == self.member_b1)
        self.start_tour(f"/union/congress/checkin/{participant.checkin_token}", "union_governance_checkin_tour",
                        login=self.user_officer_b.login, timeout=120)
        self.assertEqual(participant.state, "present")

    def test_one_congress_per_term(self):
        self._make_congress(self.unit_a, term_id=self.term_a.id)
        with self.assertRaises(ValidationError):
            self._make_congress(self.unit_a, term_id=self.term_a.id)

    def test_charter_rule_named_in_the_readers_language(self):
        """The congress and election forms show the rule in force: in Vietnamese for a
        Vietnamese officer, not the English source text of the data file."""
        rule = self.env.ref("union_governance.election_rule_charter_2023")
        self.assertEqual(rule.with_context(lang="en_US").name, "Charter of the Vietnam Trade Union, 13th congress")
        if self.env["res.lang"]._lang_get("vi_VN").active:
            self.assertEqual(rule.with_context(lang="vi_VN").name, "Điều lệ Công đoàn Việt Nam khóa XIII")

    def test_credentials_report(self):
        self.member_a1.sudo().write({"education_level": "master", "political_theory_level": "intermediate"})
        self.member_a2.sudo().write({"education_level": "bachelor"})
        congress = self._make_congress(self.unit_a)
        congress.action_summon_members()
        congress.participant_ids.filtered(lambda p: p.member_id == self.member_a1).action_check_in()
        absent = congress.participant_ids.filtered(lambda p: p.member_id == self.member_a2)
        absent.write({"state": "absent", "absence_reason": "Ốm"})
        self.assertEqual((congress.cred_summoned, congress.cred_present, congress.cred_absent,
                          congress.cred_absent_with_reason), (2, 1, 1, 1))
        self.assertEqual(congress.cred_women, 1)
        self.assertEqual(congress.cred_party, 1)
        self.assertEqual((congress.cred_postgraduate, congress.cred_university), (1, 1))
        self.assertEqual(congress.cred_theory_middle, 1)
        # Nguyễn Thị Lan (born 1985) is 40 at the congress, Trần Văn Hùng (1979) is 45
        self.assertEqual(congress.cred_age_35_50, 2)
        self.assertEqual(congress.cred_officer_part_time, 1)
        self.assertEqual(congress.date_summons, date(2025, 9, 1))


@tagged("post_install", "-at_install")
class TestDemoGenerator(GovernanceCommon):
    """The demo's congresses, built on this test's units (the demo itself is never relied on)."""

    def test_past_congress_with_its_committee_and_one_in_preparation(self):
        self._make_members(self.unit_b, 12, "Giáo viên")
        Demo = self.env["union.governance.demo"].with_context(tracking_disable=True)
        past = Demo._generate_past_congress(self.unit_b)
        self.assertEqual(past.state, "done")
        term = past.term_id
        self.assertEqual((term.state, term.decision_ref), ("recognised", "215/QĐ-CĐN"))
        self.assertEqual(set(term.body_ids.mapped("kind")), {"executive", "inspection"})
        executive = term.body_ids.filtered(lambda body: body.kind == "executive")
        chairs = executive.post_ids.filtered(lambda post: post.position_id == self.pos_chair)
        self.assertEqual(len(chairs), 1)
        self.assertEqual(len(executive.post_ids.filtered(lambda post: post.date_end)), 1)
        self.assertTrue(executive.post_ids.event_ids.filtered(lambda event: event.kind == "co_opted"))
        self.assertTrue(all(e.state == "confirmed" for e in past.election_ids))
        delegates = past.election_ids.filtered(lambda e: e.kind in ("delegates", "alternates"))
        self.assertEqual(
            sorted((e.kind, len(e.candidate_ids.filtered(lambda c: c.result == "elected"))) for e in delegates),
            [("alternates", 1), ("delegates", 2)])
        upcoming = Demo._generate_congress_in_preparation(self.unit_a)
        self.assertEqual(upcoming.state, "preparation")
        self.assertEqual(upcoming.participant_ids.member_id, self.member_a1 | self.member_a2)
        self.assertEqual(upcoming.election_ids.state, "draft")
