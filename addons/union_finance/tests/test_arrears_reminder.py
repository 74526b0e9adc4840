from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import Form, HttpCase, tagged

from .common import UnionFinanceCommon


@tagged("post_install", "-at_install")
class TestArrearsReminder(UnionFinanceCommon, HttpCase):
    """Monthly reminders of dues in arrears (issue 20): members who pay themselves get the months,
    the amount and a VietQR code for exactly that amount; a check-off unit's treasurer gets one
    reminder; nobody is suspended."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.member_a1.email = "lan.a1@example.vn"
        cls.member_a2.email = False
        cls.runs = cls._run(cls.upper, date(2026, 9, 1)) | cls._run(cls.upper, date(2026, 10, 1))
        cls.unit_b.write({"dues_collection": "checkoff", "dues_treasurer_id": cls.user_officer_b.id})
        cls.user_officer_b.partner_id.email = "thuquy.b@example.vn"
        Reminder = cls.env["union.arrears.reminder"]
        cls.reminders = Reminder._send_reminders(date(2026, 11, 5))

    def _of(self, member):
        return self.reminders.filtered(lambda r: r.member_id == member)

    def test_member_reminder_months_amount_and_qr(self):
        reminder = self._of(self.member_a1)
        lines = self.runs.line_ids.filtered(lambda line: line.member_id == self.member_a1)
        self.assertEqual(reminder.months_label, "09/2026, 10/2026")
        self.assertEqual(reminder.amount, sum(lines.mapped("amount")))
        self.assertTrue(reminder.by_email)
        # the VietQR payload carries exactly that amount (EMV tag 54), a whole number of đồng
        amount = str(int(reminder.amount))  # Monetary: a float holding whole đồng
        self.assertIn(f"54{len(amount):02d}{amount}", reminder.qr_payload)
        mail = self.env["mail.mail"].sudo().search([("model", "=", "union.arrears.reminder"),
                                                   ("res_id", "=", reminder.id)])
        self.assertTrue(mail)
        self.assertIn("09/2026, 10/2026", mail.subject)

    def test_member_without_email_gets_the_portal_notice_only(self):
        reminder = self._of(self.member_a2)
        self.assertTrue(reminder)
        self.assertFalse(reminder.by_email)
        self.assertFalse(self.env["mail.mail"].sudo().search([("model", "=", "union.arrears.reminder"),
                                                             ("res_id", "=", reminder.id)]))

    def test_checkoff_unit_treasurer_gets_one_reminder(self):
        self.assertFalse(self._of(self.member_b1))
        treasurer = self.reminders.filtered(lambda r: r.kind == "treasurer")
        self.assertEqual(len(treasurer), 1)
        self.assertEqual(treasurer.organization_id, self.unit_b)
        self.assertEqual(treasurer.partner_id, self.user_officer_b.partner_id)
        self.assertEqual(treasurer.member_count, 1)

    def test_rerun_in_the_same_month_changes_nothing(self):
        again = self.env["union.arrears.reminder"]._send_reminders(date(2026, 11, 20))
        self.assertFalse(again)

    def test_never_suspends(self):
        self.assertEqual(set((self.member_a1 | self.member_a2 | self.member_b1).mapped("state")), {"active"})

    def test_officer_list_and_paid_since(self):
        Reminder = self.env["union.arrears.reminder"]
        rows = Reminder.with_user(self.user_officer_a).search_read([], ["member_id", "paid_since"], load=False)
        self.assertEqual({r["member_id"] for r in rows} - {False}, {self.member_a1.id, self.member_a2.id})
        groups = Reminder.with_user(self.user_officer_b).read_group([], ["amount:sum"], ["kind"])
        self.assertEqual([g["kind"] for g in groups], ["treasurer"])
        self.assertEqual(len(Reminder.with_user(self.user_officer_b).search([]).export_data(["amount"])["datas"]), 1)
        with self.assertRaises(AccessError):
            self._of(self.member_a1).with_user(self.user_officer_b).read(["amount"])
        # the member sees only their own
        own = Reminder.with_user(self.user_portal_a1).search_read([], ["amount"])
        self.assertEqual([r["id"] for r in own], self._of(self.member_a1).ids)

    def test_paid_since(self):
        """A member who pays after the reminder shows as paid on the officers' list."""
        reminder = self._of(self.member_a1)
        self.assertFalse(reminder.paid_since)
        with Form(self.env["union.dues.payment"].with_user(self.user_accountant)) as form:
            form.kind = "cash"
            form.member_id = self.member_a1
            form.amount = reminder.amount
        form.record.action_post()
        self.assertTrue(reminder.paid_since)
        self.assertEqual(reminder.amount_due_now, 0)
        self.assertEqual(self.member_a1.state, "active")

    def test_portal_notice(self):
        self.authenticate(self.user_portal_a1.login, self.user_portal_a1.login)
        page = self.url_open("/my")
        self.assertIn("o_union_arrears_notice", page.text)
        self.assertIn("09/2026, 10/2026", page.text)
        self.assertIn('alt="VietQR"', page.text)
