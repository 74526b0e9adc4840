from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import ReachCommon


@tagged("post_install", "-at_install")
class TestApplicationReview(ReachCommon):
    """The officers' queue: each officer sees their units' applications only, admits or declines."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.app_a = cls._application()
        cls.app_b = cls._application(name="Vũ Thị Mai", gender="female", birth_date="1992-01-05",
                                     id_document_number="067192000777", employer_id=False,
                                     employer_name="Trường THCS B", organization_id=cls.unit_b.id,
                                     email="mai.vt@example.vn")

    def test_officer_sees_own_units_only(self):
        Application = self.env["union.reach.application"].with_user(self.user_officer_a)
        rows = Application.search_read([], ["name", "organization_id"])
        self.assertEqual({r["id"] for r in rows}, {self.app_a.id})
        groups = Application.read_group([], ["organization_id"], ["organization_id"])
        self.assertEqual([g["organization_id"][0] for g in groups], [self.unit_a.id])
        exported = Application.search([]).export_data(["name"])["datas"]
        self.assertEqual(exported, [[self.app_a.name]])
        with self.assertRaises(AccessError):
            self.app_b.with_user(self.user_officer_a).read(["name"])
        # the upper-level officer sees both
        self.assertEqual(len(self.env["union.reach.application"].with_user(self.user_upper).search([])), 2)

    def test_officer_cannot_move_an_application_to_another_unit(self):
        with self.assertRaises(AccessError):
            self.app_a.with_user(self.user_officer_a).organization_id = self.unit_b

    def test_portal_user_and_visitor_see_nothing(self):
        with self.assertRaises(AccessError):
            self.env["union.reach.application"].with_user(self.user_portal_a1).search_read([], ["name"])
        public = self.env.ref("base.public_user")
        with self.assertRaises(AccessError):
            self.env["union.reach.application"].with_user(public).search_read([], ["name"])

    def test_accept_makes_a_member_with_admission_decision(self):
        app = self.app_a.with_user(self.user_officer_a)
        with self.assertRaises(UserError):
            app.action_accept()  # no decision yet
        app.write({"decision_ref": "15/QĐ-CĐCS", "decision_date": date(2026, 11, 20)})
        app.action_accept()
        member = self.app_a.member_id
        self.assertTrue(member.member_code)
        self.assertEqual(member.organization_id, self.unit_a)
        self.assertEqual(member.state, "active")
        self.assertEqual(member.citizen_id, "067095001234")
        event = member.event_ids.filtered(lambda e: e.event_type == "admission")
        self.assertIn("15/QĐ-CĐCS", event.decision_ref)
        self.assertEqual(event.date, date(2026, 11, 20))
        self.assertTrue(member.user_id, "portal invitation")
        mails = self.env["mail.mail"].sudo().search([("email_to", "ilike", "tuan.pm@example.vn")])
        self.assertTrue(mails, "welcome e-mail")
        with self.assertRaises(UserError):
            app.action_accept()

    def test_decline_needs_a_reason_and_mails_it(self):
        app = self.app_b.with_user(self.user_officer_b)
        with self.assertRaises(UserError):
            app.action_decline()
        app.decline_reason = "Chị chưa ký hợp đồng lao động với nhà trường."
        app.action_decline()
        self.assertEqual(self.app_b.state, "declined")
        self.assertFalse(self.app_b.member_id)
        mail = self.env["mail.mail"].sudo().search([("email_to", "ilike", "mai.vt@example.vn")])
        self.assertIn("hợp đồng", mail.body_html)

    def test_duplicates_are_flagged(self):
        same_doc = self._application(name="Phạm M. Tuấn")
        self.assertTrue(same_doc.is_duplicate)
        self.assertIn(self.app_a.reference, same_doc.duplicate_note)
        member = self._application(name=self.member_b1.name, birth_date=self.member_b1.birth_date,
                                   gender="female", id_document_number="067190009999")
        self.assertIn(self.member_b1.member_code, member.duplicate_note)

    def test_portal_transfer_request_entry_point_exists(self):
        """The member's transfer request on the portal is union_membership's (/my/union/request)."""
        self.assertTrue(self.env["ir.ui.view"].search([("key", "=", "union_membership.portal_my_union_request")]))
