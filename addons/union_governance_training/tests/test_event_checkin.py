from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.union_governance.tests.common import GovernanceCommon


@tagged("post_install", "-at_install")
class TestEventCheckin(GovernanceCommon, HttpCase):
    """A congress on an Odoo event: a scan at the event's registration desk checks the
    participant in to the congress, as Odoo's desk calls it (JSON-RPC, as the desk officer)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_portal_b1 = new_test_user(
            cls.env, login="t_portal_b1", name=cls.member_b1.name,
            groups="base.group_portal,union_membership.group_union_member",
            partner_id=cls.member_b1.partner_id.id)
        cls.members = cls._make_members(cls.unit_b, 2)
        cls.congress = cls.congress_b.with_user(cls.user_officer_b)
        cls.congress.action_summon_members()
        cls.congress.action_create_event()

    def _scan(self, barcode, event_id=None):
        res = self.make_jsonrpc_request("/web/dataset/call_kw/event.registration/register_attendee", {
            "model": "event.registration", "method": "register_attendee", "args": [],
            "kwargs": {"barcode": barcode, "event_id": event_id or self.congress.event_id.id}})
        self.env.invalidate_all()
        return res

    def test_participants_are_attendees_with_the_badge_code(self):
        event = self.congress.event_id
        self.assertEqual(event.union_organization_id, self.unit_b)
        participants = self.congress.participant_ids
        self.assertEqual(len(participants), 3)
        self.assertEqual(participants.registration_id.event_id, event)
        self.assertEqual(participants.registration_id.partner_id, participants.member_id.partner_id)
        # the member's unit stamped on the attendee
        self.assertEqual(set(participants.registration_id.mapped("union_organization_id")), {self.unit_b})
        participant = participants[0]
        self.assertEqual(participant._get_checkin_code(), participant.registration_id.barcode)
        # a participant added later becomes an attendee too
        late = self._make_members(self.unit_b, 1, "Đến sau")
        added = self.env["union.congress.participant"].with_user(self.user_officer_b).create(
            {"congress_id": self.congress.id, "member_id": late.id})
        self.assertEqual(added.registration_id.event_id, event)
        added.unlink()
        self.assertEqual(self.env["event.registration"].search(
            [("event_id", "=", event.id), ("partner_id", "=", late.partner_id.id)]).state, "cancel")

    def test_desk_scan_checks_in_once(self):
        participant = self.congress.participant_ids[0]
        self.authenticate(self.user_officer_b.login, self.user_officer_b.login)
        result = self._scan(participant.registration_id.barcode)
        self.assertEqual(result["status"], "confirmed_registration")
        self.assertEqual(participant.state, "present")
        self.assertEqual(participant.registration_id.state, "done")
        self.assertEqual(self.congress.present_count, 1)
        checked_at = participant.checkin_time
        # a second scan is refused and changes nothing
        self.assertEqual(self._scan(participant.registration_id.barcode)["status"], "already_registered")
        self.assertEqual(participant.checkin_time, checked_at)
        self.assertEqual(self.congress.present_count, 1)
        # the rest: quorum (2 of 3)
        self._scan(self.congress.participant_ids[1].registration_id.barcode)
        self.assertTrue(self.congress.quorum_reached)

    def test_non_participant_and_other_unit_refused(self):
        event = self.congress.event_id
        # someone registered on the event by hand, who is not a participant of the congress
        outsider = self.env["event.registration"].create({"event_id": event.id, "name": "Khách vãng lai"})
        self.authenticate(self.user_officer_b.login, self.user_officer_b.login)
        self.assertEqual(self._scan(outsider.barcode), {"error": "invalid_ticket"})
        self.assertEqual(outsider.state, "open")
        self.assertEqual(self._scan("0000000000"), {"error": "invalid_ticket"})
        # the officer of another unit cannot check in this congress's participants
        participant = self.congress.participant_ids[0]
        self.authenticate(self.user_officer_a.login, self.user_officer_a.login)
        self.assertEqual(self._scan(participant.registration_id.barcode, event_id=False)["error"], "invalid_ticket")
        self.assertEqual(participant.state, "summoned")

    def test_attended_in_the_attendee_list_is_present(self):
        participant = self.congress.participant_ids[0]
        participant.registration_id.with_user(self.user_officer_b).action_set_done()
        self.assertEqual(participant.state, "present")

    def test_portal_qr_is_the_attendee_barcode(self):
        self.authenticate(self.user_portal_b1.login, self.user_portal_b1.login)
        participant = self.congress.participant_ids.filtered(lambda p: p.member_id == self.member_b1)
        res = self.url_open(f"/my/union/congress/{self.congress.id}")
        self.assertEqual(res.status_code, 200)
        self.assertIn(f"value={participant.registration_id.barcode}", res.text)

    def test_desk_of_another_event_for_a_user_without_union_role(self):
        """Odoo's registration desk still works for a desk user without a union role at an event
        that is no union's: whether the event is a congress's is asked without their rights."""
        desk = new_test_user(self.env, login="t_desk_plain", name="Bàn đón tiếp",
                             groups="base.group_user,event.group_event_registration_desk")
        event = self.env["event.event"].create({"name": "Hội thảo của trường", "date_begin": "2026-12-01 01:00:00",
                                                "date_end": "2026-12-31 10:00:00"})
        guest = self.env["event.registration"].create({"event_id": event.id, "name": "Khách mời"})
        self.authenticate(desk.login, desk.login)
        self.assertEqual(self._scan(guest.barcode, event_id=event.id)["status"], "confirmed_registration")
        self.assertEqual(guest.state, "done")
