"""Issue 14: when a unit's bank account lacks what the VietQR code needs, the officer is told
where and what, and the member's dues page says why no code is shown and how else to pay."""
from datetime import date

from odoo.tests import HttpCase, new_test_user, tagged

from .common import UnionFinanceCommon


@tagged("post_install", "-at_install")
class TestVietqrSetup(UnionFinanceCommon, HttpCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_portal_b1 = new_test_user(
            cls.env, login="t_portal_b1", name=cls.member_b1.name,
            groups="base.group_portal,union_membership.group_union_member",
            partner_id=cls.member_b1.partner_id.id)
        cls._run(cls.unit_a, date(2025, 7, 1))
        cls._run(cls.unit_b, date(2025, 7, 1))

    def test_officer_is_told_where_and_what(self):
        self.assertFalse(self.unit_a.with_user(self.user_officer_a).dues_qr_warning)
        warning = self.unit_b.with_user(self.user_officer_b).dues_qr_warning
        self.assertIn(self.unit_b.name, warning)
        self.assertIn(self.unit_b._fields["dues_bank_account_id"].get_description(
            self.env)["string"], warning)
        self.bank_account.bank_id.bic = "VCB"
        self.unit_a.partner_id.city = False
        self.unit_a.invalidate_recordset(["dues_qr_warning"])
        warning = self.unit_a.with_user(self.user_officer_a).dues_qr_warning
        self.assertIn(self.unit_a.name, warning)
        self.assertIn("0011004455667", warning)
        self.assertIn("VCB", warning, "the wrong bank code is quoted")
        self.assertIn("970436", warning, "with an example of a right one")
        self.assertEqual(len(warning.splitlines()), 2, "one line per missing piece: code and city")
        # the group below unit A uses A's account: told the same, naming the account's unit
        self.assertIn(self.unit_a.name, self.group_a.with_user(self.user_officer_a).dues_qr_warning)
        # and the dues run of the unit shows it before it is confirmed
        run = self._run(self.unit_a, date(2025, 8, 1), post=False)
        self.assertEqual(run.with_user(self.user_accountant).dues_qr_warning, warning)

    def test_member_sees_why_and_how_else_to_pay(self):
        # no account at all for unit B
        self.authenticate("t_portal_b1", "t_portal_b1")
        html = self.url_open("/my/union/dues").text
        self.assertNotIn('class="union-dues-qr"', html)
        self.assertIn("union-dues-no-qr", html)
        self.assertIn(self.unit_b.name, html)
        self.assertNotIn("union-dues-bank-details", html)
        # unit A's account lacks its bank code: the transfer details are still given
        self.bank_account.bank_id.bic = False
        self.authenticate("t_portal_a1", "t_portal_a1")
        html = self.url_open("/my/union/dues").text
        self.assertNotIn('class="union-dues-qr"', html)
        self.assertIn("union-dues-no-qr-reason", html)
        self.assertIn("union-dues-bank-details", html)
        self.assertIn("0011004455667", html)
        # complete again: the code is back, the notice is gone
        self.bank_account.bank_id.bic = "970436"
        html = self.url_open("/my/union/dues").text
        self.assertIn('class="union-dues-qr"', html)
        self.assertNotIn("union-dues-no-qr", html)
