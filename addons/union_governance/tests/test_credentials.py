import re

from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, tagged

from .common import GovernanceCommon


@tagged("post_install", "-at_install")
class TestCredentialsFrozen(GovernanceCommon, TransactionCase):
    """The credentials committee's report is confirmed at a moment, then kept as it was."""

    def setUp(self):
        super().setUp()
        self.congress = self._make_congress(self.unit_a)
        self.congress.action_summon_members()
        self.congress.participant_ids.filtered(lambda p: p.member_id == self.member_a1).action_check_in()

    def test_confirmed_figures_do_not_follow_the_members(self):
        congress = self.congress.with_user(self.user_officer_a)
        self.assertEqual((congress.cred_summoned, congress.cred_present, congress.cred_postgraduate), (2, 1, 0))
        congress.action_confirm_credentials()
        self.assertEqual(congress.credentials_confirmed_by_id, self.user_officer_a)
        self.assertEqual(congress.credentials_frozen["cred_present"], 1)
        # later: the other member checks in, their education is updated, a third member is summoned
        congress.participant_ids.filtered(lambda p: p.member_id == self.member_a2).action_check_in()
        self.member_a2.sudo().education_level = "master"
        newcomer = self._make_members(self.unit_a, 1, "Đến sau")
        self.env["union.congress.participant"].create({"congress_id": congress.id, "member_id": newcomer.id})
        self.env.invalidate_all()
        self.assertEqual((congress.cred_summoned, congress.cred_present, congress.cred_postgraduate), (2, 1, 0))
        # the counting minutes print the confirmed figures
        election = self._make_election(self.congress, self.member_a1 | self.member_a2, 1, method="paper")
        html = self.env["ir.actions.report"]._render_qweb_html(
            "union_governance.action_report_union_election_minutes", election.ids)[0].decode()
        self.assertIn("o_union_minutes_credentials", html)
        # present: 1 as confirmed (2 now)
        figures = re.findall(r'<td class="text-end">(\d+)</td>', html.split("o_union_minutes_credentials")[1])
        self.assertEqual(figures[:3], ["2", "1", "0"])
        with self.assertRaises(UserError):
            congress.action_confirm_credentials()

    def test_reopen_needs_a_reason_and_is_logged(self):
        congress = self.congress.with_user(self.user_officer_a)
        congress.action_confirm_credentials()
        Wizard = self.env["union.congress.credentials.reopen"].with_user(self.user_officer_a)
        with self.assertRaises(UserError):
            Wizard.create({"congress_id": congress.id, "reason": "   "}).action_reopen()
        self.assertTrue(congress.credentials_frozen)
        # an officer of another unit cannot re-open it
        with self.assertRaises(AccessError):
            self.congress.with_user(self.user_officer_b)._reopen_credentials("Sai số liệu")
        congress.participant_ids.filtered(lambda p: p.member_id == self.member_a2).action_check_in()
        self.assertEqual(congress.cred_present, 1)
        Wizard.create({"congress_id": congress.id, "reason": "Hai đại biểu đến muộn"}).action_reopen()
        self.assertFalse(congress.credentials_frozen)
        self.assertFalse(congress.credentials_confirmed_at)
        self.assertEqual(congress.cred_present, 2)
        log = self.congress.message_ids.filtered(lambda m: "Hai đại biểu đến muộn" in (m.body or ""))
        self.assertEqual(len(log), 1)
        self.assertEqual(log.author_id, self.user_officer_a.partner_id)
