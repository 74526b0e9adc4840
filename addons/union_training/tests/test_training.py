from datetime import timedelta

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import TrainingCommon


@tagged("post_install", "-at_install")
class TestTraining(TrainingCommon):

    def test_registration_limited_to_the_units_it_is_for(self):
        registration = self._register(self.event_a, self.member_a1)
        self.assertEqual(registration.union_organization_id, self.unit_a)
        # a member of the group below unit A may come (open to the units below)
        self.assertTrue(self._register(self.event_a, self.member_a2))
        self.assertEqual(self._register(self.event_a, self.member_a1), registration,
                         "registering twice returns the first registration")
        with self.assertRaisesRegex(UserError, "not open to the members of"):
            self._register(self.event_a, self.member_b1)
        # whoever writes, a registration of a member outside the event's units is refused
        with self.assertRaisesRegex(UserError, "not open to the members of"):
            self.env["event.registration"].create({
                "event_id": self.event_a.id, "union_member_id": self.member_b1.id,
                "partner_id": self.member_b1.partner_id.id})
        self.event_a.union_include_subtree = False
        self.event_a.registration_ids.filtered(
            lambda r: r.union_member_id == self.member_a2).action_cancel()
        with self.assertRaisesRegex(UserError, "not open to the members of"):
            self._register(self.event_a, self.member_a2)

    def test_officers_only_and_inactive_members(self):
        self.event_a.union_audience = "officers"
        with self.assertRaisesRegex(UserError, "is for union officers"):
            self._register(self.event_a, self.member_a1)
        self.event_a.union_audience = "members"
        self.env["union.member.event.wizard"].create({
            "member_ids": [(6, 0, self.member_a1.ids)], "event_type": "suspension",
            "date": self.now.date() - timedelta(days=10),
            "end_date": self.now.date() + timedelta(days=100)}).action_confirm()
        self.assertEqual(self.member_a1.state, "suspended")
        with self.assertRaisesRegex(UserError, "Only active members"):
            self._register(self.event_a, self.member_a1)

    def test_places_per_unit(self):
        self.env["union.training.seat"].create({
            "event_id": self.event_a.id, "organization_id": self.unit_a.id, "places": 1})
        self._register(self.event_a, self.member_a1)
        with self.assertRaises(UserError) as caught:  # assertRaises rolls back to a savepoint
            self._register(self.event_a, self.member_a2)
        self.assertIn("has 1 places", str(caught.exception))
        self.assertFalse(self.env["event.registration"].search(
            [("event_id", "=", self.event_a.id), ("union_member_id", "=", self.member_a2.id)]),
            "nothing half-written")

    def test_check_in_once_per_session_and_certificate_for_attendees(self):
        first = self._register(self.event_a, self.member_a1)
        second = self._register(self.event_a, self.member_a2)
        self.session_1.action_check_in(first.barcode)
        with self.assertRaisesRegex(UserError, "already been checked in"):
            self.session_1.action_check_in(first.barcode)
        with self.assertRaisesRegex(UserError, "is not a registration of"):
            self.session_1.action_check_in("0000")
        self.assertEqual(first.state, "done")
        self.assertEqual(first.union_attendance_count, 1)
        self.session_2.action_check_in(first.barcode)
        self.assertEqual(first.union_attendance_count, 2)
        self.assertEqual(self.event_a.union_absent_count, 1)
        absentees = self.env["event.registration"].search(
            self.event_a.action_union_view_absentees()["domain"])
        self.assertEqual(absentees, second)
        # the certificate: for those who attended only
        self.assertEqual(first.action_union_print_certificate()["report_name"],
                         "union_training.union_training_certificate_report")
        with self.assertRaisesRegex(UserError, "attended no session"):
            second.action_union_print_certificate()
        # (this wkhtmltopdf, built without patched Qt, warns that it ignores header options)
        with mute_logger("odoo.addons.base.models.ir_actions_report"):
            pdf, _kind = self.env["ir.actions.report"].with_context(
                force_report_rendering=True)._render_qweb_pdf(
                "union_training.union_training_certificate_report", first.ids)
        self.assertTrue(pdf.startswith(b"%PDF"))

    def test_registration_desk_scan_records_the_session_under_way(self):
        registration = self._register(self.event_a, self.member_a1)
        result = self.env["event.registration"].register_attendee(registration.barcode, self.event_a.id)
        self.assertEqual(result["status"], "confirmed_registration")
        self.assertEqual(registration.union_attendance_ids.session_id, self.session_1)
        again = self.env["event.registration"].register_attendee(registration.barcode, self.event_a.id)
        self.assertEqual(again["status"], "already_registered")
        self.assertEqual(registration.union_attendance_count, 1)

    def test_officers_never_get_event_or_elearning_manager_groups(self):
        for user in (self.user_officer_a, self.user_upper):
            self.assertFalse(user.has_group("event.group_event_manager"))
            self.assertFalse(user.has_group("website_slides.group_website_slides_manager"))
            self.assertTrue(user.has_group("event.group_event_user"))

    def test_officer_organises_a_class_of_their_unit_only(self):
        Event = self.env["event.event"].with_user(self.user_officer_a)
        start = self.now + timedelta(days=5)
        event = Event.create({"name": "Lớp mới", "union_organization_id": self.unit_a.id,
                              "date_begin": start, "date_end": start + timedelta(hours=3)})
        event.write({"union_session_ids": [(0, 0, {"name": "Buổi 1", "date_begin": start,
                                                   "date_end": start + timedelta(hours=3)})]})
        with self.assertRaises(AccessError):
            Event.create({"name": "Lớp của B", "union_organization_id": self.unit_b.id,
                          "date_begin": start, "date_end": start + timedelta(hours=3)})
