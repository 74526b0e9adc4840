"""Browser tour of the congress check-in at Odoo's registration desk (issue 21), as the unit's
officer: from the congress to its event's desk, badges scanned, a second scan answered "already
scanned", and the congress's attendance and quorum updated."""
from odoo.tests import HttpCase, tagged

from odoo.addons.union_governance.tests.common import GovernanceCommon


@tagged("post_install", "-at_install")
class TestCongressDeskTour(GovernanceCommon, HttpCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.members = cls._make_members(cls.unit_b, 2)
        congress = cls.congress_b.with_user(cls.user_officer_b)
        congress.action_summon_members()
        congress.action_create_event()
        # the badges the tour scans (Odoo draws them at random)
        by_member = {p.member_id: p for p in cls.congress_b.participant_ids}
        for barcode, member in (("8800000001", cls.member_b1), ("8800000002", cls.members[0]),
                                ("8800000003", cls.members[1])):
            by_member[member].registration_id.barcode = barcode
        cls.env["res.lang"]._activate_lang("vi_VN")
        cls.user_officer_b.lang = "vi_VN"

    def test_checkin_at_the_event_desk(self):
        self.start_tour("/odoo", "union_congress_desk_tour", login=self.user_officer_b.login, timeout=180)
        participants = self.congress_b.participant_ids
        present = participants.filtered(lambda p: p.state == "present")
        self.assertEqual(present.member_id, self.member_b1 | self.members[0])
        self.assertEqual(set(present.registration_id.mapped("state")), {"done"})
        self.assertEqual((participants - present).registration_id.state, "open")
        self.assertEqual(self.congress_b.present_count, 2)
        self.assertTrue(self.congress_b.quorum_reached)
