from odoo.tests import HttpCase, tagged

from .common import TrainingCommon


@tagged("post_install", "-at_install")
class TestUnionCourses(TrainingCommon, HttpCase):
    """A union course is for the members of its units: tested over HTTP."""

    def test_member_of_another_unit_gets_not_found(self):
        self.authenticate(self.user_portal_b1.login, self.user_portal_b1.login)
        response = self.url_open(f"/slides/{self.course_a.id}", allow_redirects=False)
        self.assertEqual(response.status_code, 404)
        response = self.url_open(f"/my/union/course/{self.course_a.id}/enroll", allow_redirects=False)
        self.assertEqual(response.status_code, 404)
        slide = self.course_a.slide_ids[:1]
        response = self.url_open(f"/slides/slide/{slide.id}", allow_redirects=False)
        self.assertIn(response.status_code, (302, 303, 404))
        # the lesson's text (the site's own "Nội dung" of its skip link is on a 404 page)
        self.assertNotIn("<p>Nội dung</p>", response.text)
        self.assertFalse(self.course_a._action_add_members(self.member_b1.partner_id))
        self.assertFalse(self.course_a.sudo()._action_add_members(self.member_b1.partner_id))
        self.assertNotIn(self.member_b1.partner_id, self.course_a.channel_partner_ids.partner_id)

    def test_json_join_refused_for_another_unit(self):
        self.authenticate(self.user_portal_b1.login, self.user_portal_b1.login)
        response = self.url_open(
            "/slides/channel/join", data='{"jsonrpc": "2.0", "method": "call", "params": {"channel_id": %d}}'
            % self.course_a.id, headers={"Content-Type": "application/json"})
        self.assertIn("error", response.json())
        self.assertNotIn(self.member_b1.partner_id, self.course_a.channel_partner_ids.partner_id)

    def test_member_enrols_at_first_visit(self):
        self.authenticate(self.user_portal_a1.login, self.user_portal_a1.login)
        response = self.url_open(f"/slides/{self.course_a.id}", allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        self.assertIn(f"/my/union/course/{self.course_a.id}/enroll", response.headers["Location"])
        response = self.url_open(f"/my/union/course/{self.course_a.id}/enroll")
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.member_a1.partner_id, self.course_a.channel_partner_ids.partner_id)
        self.assertFalse(self.member_a2.partner_id in self.course_a.channel_partner_ids.partner_id,
                         "nobody is enrolled up front")

    def test_anonymous_visitor_gets_not_found(self):
        response = self.url_open(f"/slides/{self.course_a.id}", allow_redirects=False)
        self.assertEqual(response.status_code, 404)

    def test_portal_routine_in_a_browser(self):
        self.start_tour("/my/union/training", "union_training_portal_register",
                        login=self.user_portal_a1.login)
        registration = self.event_a.registration_ids.filtered(
            lambda r: r.union_member_id == self.member_a1)
        self.assertTrue(registration)
        self.assertFalse(self.event_b.registration_ids)
        self.assertIn(self.member_a1.partner_id, self.course_a.channel_partner_ids.partner_id,
                      "enrolled by opening the course from the portal")

    def _csrf(self):
        page = self.url_open("/my/union/training")
        marker = 'name="csrf_token" value="'
        start = page.text.index(marker) + len(marker)
        return page.text[start:page.text.index('"', start)]

    def test_portal_register_refused_for_another_unit_event(self):
        self.authenticate(self.user_portal_a1.login, self.user_portal_a1.login)
        response = self.url_open("/my/union/training/register", data={
            "event_id": self.event_b.id, "csrf_token": self._csrf()})
        self._assert_not_open(response, self.event_b)
        self.assertFalse(self.event_b.registration_ids)
        # the certificate of someone else's registration is not served
        other = self._register(self.event_a, self.member_a2)
        self.session_1.action_check_in(other.barcode)
        response = self.url_open(f"/my/union/training/certificate/{other.id}", allow_redirects=False)
        self.assertNotEqual(response.headers.get("Content-Type"), "application/pdf")

    def _assert_not_open(self, response, event):
        """One answer, in the site's language, that names no event."""
        self.assertEqual(response.status_code, 200)
        self.assertIn("union-training-error", response.text)
        self.assertTrue("This class or meeting is not open to you." in response.text
                        or "Lớp học hoặc hội nghị này không dành cho bạn." in response.text)
        self.assertNotIn(event.name, response.text)

    def test_portal_register_names_no_event_the_member_is_not_offered(self):
        """The register form tells a member of unit B nothing about an event of unit A, an
        event that is no union's, or an id that is no event's: one message, never a name."""
        internal = self.env["event.event"].create({
            "name": "SECRET internal HR meeting", "date_begin": self.now, "date_end": self.now})
        self.authenticate(self.user_portal_b1.login, self.user_portal_b1.login)
        for event in (self.event_a, internal):
            response = self.url_open("/my/union/training/register", data={
                "event_id": event.id, "csrf_token": self._csrf()})
            self._assert_not_open(response, event)
        for event_id in ("²", "99999999999999999999", "-1", "abc", "", f"{self.event_a.id}.0"):
            response = self.url_open("/my/union/training/register", data={
                "event_id": event_id, "csrf_token": self._csrf()})
            self._assert_not_open(response, self.event_a)
        self.assertFalse(self.event_a.registration_ids | internal.registration_ids)

    def test_portal_register_of_an_offered_event(self):
        self.authenticate(self.user_portal_a1.login, self.user_portal_a1.login)
        self.assertIn(self.event_a.name, self.url_open("/my/union/training").text)
        csrf_token = self._csrf()
        for _click in range(2):  # a second click finds the registration made by the first
            response = self.url_open("/my/union/training/register", data={
                "event_id": self.event_a.id, "csrf_token": csrf_token}, allow_redirects=False)
            self.assertEqual(response.status_code, 303)
            self.assertIn("registered=1", response.headers["Location"])
        self.assertEqual(self.event_a.registration_ids.union_member_id, self.member_a1)


@tagged("post_install", "-at_install")
class TestOfficerTour(TrainingCommon, HttpCase):

    def test_officer_checks_in_a_member_by_hand(self):
        registration = self._register(self.event_a, self.member_a1)
        self.start_tour(f"/odoo/action-union_training.union_training_event_action/{self.event_a.id}",
                        "union_training_officer_check_in", login=self.user_officer_a.login)
        self.assertEqual(registration.union_attendance_ids.session_id, self.session_1)
