from datetime import timedelta

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from .common import TrainingCommon


@tagged("post_install", "-at_install")
class TestNonUnionUserPrivacy(TrainingCommon):
    """A school's staff member with an Odoo login and no union role, whom Odoo's Default User
    Template (or the administrator) made Events / Administrator and eLearning / Manager (and
    who may export), attacks
    the union's classes and courses through every ORM path: they keep Odoo's events and courses
    that are not a union's, and reach no member's registration, attendance or progress."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.staff = new_test_user(
            cls.env, login="t_school_staff_manager", name="Nhân viên văn phòng trường",
            groups="base.group_user,base.group_allow_export,event.group_event_manager,"
                   "website_slides.group_website_slides_manager")
        # the union's: a class of unit A with a member registered (and an answer to a question)
        question = cls.env["event.question"].create({
            "title": "Số Zalo", "question_type": "text_box", "event_id": cls.event_a.id})
        cls.reg_a = cls._register(cls.event_a, cls.member_a1)
        cls.answer_a = cls.env["event.registration.answer"].create({
            "registration_id": cls.reg_a.id, "question_id": question.id,
            "value_text_box": "0912345678"})
        # a course of unit A shown to signed-in users, with a member enrolled and their progress
        cls.course_a._action_add_members(cls.member_a1.partner_id)
        cls.attendee_a = cls.course_a.channel_partner_ids.filtered(
            lambda attendee: attendee.partner_id == cls.member_a1.partner_id)
        cls.progress_a = cls.env["slide.slide.partner"].create({
            "slide_id": cls.course_a.slide_ids[0].id, "partner_id": cls.member_a1.partner_id.id,
            "completed": True})
        # a union course shown to its attendees only (the union's private notion for courses)
        cls.course_private = cls.env["slide.channel"].create({
            "name": "Bồi dưỡng cán bộ công đoàn cơ sở", "union_organization_ids": [(6, 0, cls.unit_a.ids)],
            "enroll": "invite", "visibility": "members", "is_published": True})
        cls.lesson_private = cls.env["slide.slide"].create({
            "name": "Bài 1: Điều lệ", "channel_id": cls.course_private.id, "slide_category": "article",
            "html_content": "<p>Điều lệ</p>", "is_published": True})
        # Odoo's own: a school event with a guest and a school course with a guest attending
        start = cls.now.replace(microsecond=0) + timedelta(days=5)
        cls.event_plain = cls.env["event.event"].create({
            "name": "Hội thảo chuyên môn của trường", "date_begin": start,
            "date_end": start + timedelta(hours=3)})
        cls.reg_plain = cls.env["event.registration"].create({
            "event_id": cls.event_plain.id, "name": "Khách mời Lê Văn Khách",
            "email": "khach@example.com", "phone": "0987654321"})
        cls.course_plain = cls.env["slide.channel"].create({
            "name": "Tin học văn phòng", "enroll": "public", "visibility": "public",
            "is_published": True})
        guest = cls.env["res.partner"].create({"name": "Học viên ngoài", "email": "hv@example.com"})
        cls.course_plain._action_add_members(guest)
        cls.attendee_plain = cls.course_plain.channel_partner_ids.filtered(
            lambda attendee: attendee.partner_id == guest)
        cls.progress_plain = cls.env["slide.slide.partner"].create({
            "slide_id": cls.env["slide.slide"].create({
                "name": "Bài mở đầu", "channel_id": cls.course_plain.id, "slide_category": "article",
                "html_content": "<p>Word</p>", "is_published": True}).id,
            "partner_id": guest.id})

    def _ids(self, user, model):
        return {row["id"] for row in self.env[model].with_user(user).search_read([], ["id"])}

    def _assert_unreachable(self, record, field):
        """``record`` is out of the staff member's reach by every ORM path."""
        model = record._name
        Model = self.env[model].with_user(self.staff)
        self.assertNotIn(record.id, self._ids(self.staff, model), model)
        self.assertNotIn(record, Model.search([]), model)
        self.assertEqual(Model.read_group([], ["id:count"], [])[0]["__count"], Model.search_count([]), model)
        self.assertFalse(Model.search_count([("id", "=", record.id)]), model)
        with self.assertRaises(AccessError, msg=model):
            record.with_user(self.staff).export_data([field])
        with self.assertRaises(AccessError, msg=model):
            Model.browse(record.id).read([field])
        with self.assertRaises(AccessError, msg=model):
            Model.browse(record.id).write({field: record[field]})
        with self.assertRaises(AccessError, msg=model):
            Model.browse(record.id).unlink()

    def test_staff_reach_no_union_registration(self):
        self._assert_unreachable(self.reg_a, "email")
        self._assert_unreachable(self.answer_a, "value_text_box")
        self._assert_unreachable(self.event_a, "name")
        Registration = self.env["event.registration"].with_user(self.staff)
        groups = Registration.read_group([], ["event_id"], ["event_id"])
        self.assertNotIn(self.event_a.id, [g["event_id"][0] for g in groups if g["event_id"]])
        self.assertFalse(Registration.search([("union_member_id", "!=", False)]))
        self.assertFalse(Registration.search([("event_id", "=", self.event_a.id)]))
        # nor does a new registration land in a union class
        with self.assertRaises(AccessError):
            Registration.create({"event_id": self.event_a.id, "name": "Người lạ"})

    def test_staff_keep_odoo_events_that_are_not_the_unions(self):
        Registration = self.env["event.registration"].with_user(self.staff)
        found = Registration.search([])
        self.assertIn(self.reg_plain, found)
        self.assertFalse(found.sudo().event_id.union_organization_id)
        self.assertEqual(Registration.browse(self.reg_plain.id).read(["phone"])[0]["phone"], "0987654321")
        self.assertEqual(self.reg_plain.with_user(self.staff).export_data(["email"])["datas"],
                         [["khach@example.com"]])
        Registration.browse(self.reg_plain.id).write({"phone": "0900000000"})
        self.assertIn(self.event_plain.id, self._ids(self.staff, "event.event"))
        self.assertTrue(Registration.create({"event_id": self.event_plain.id, "name": "Khách 2"}))

    def test_staff_reach_no_union_course_attendee_or_progress(self):
        self._assert_unreachable(self.attendee_a, "member_status")
        self._assert_unreachable(self.progress_a, "completed")
        self._assert_unreachable(self.course_private, "name")
        ChannelPartner = self.env["slide.channel.partner"].with_user(self.staff)
        found = ChannelPartner.search([])
        self.assertIn(self.attendee_plain, found)
        self.assertFalse(found.sudo().channel_id.union_organization_ids)
        found = self.env["slide.slide.partner"].with_user(self.staff).search([])
        self.assertIn(self.progress_plain, found)
        self.assertFalse(found.sudo().channel_id.union_organization_ids)
        groups = ChannelPartner.read_group([], ["channel_id"], ["channel_id"])
        self.assertIn(self.course_plain.id, [g["channel_id"][0] for g in groups])
        self.assertNotIn(self.course_a.id, [g["channel_id"][0] for g in groups])
        # the course itself reads as the website shows it to signed-in users, and is never changed
        Channel = self.env["slide.channel"].with_user(self.staff)
        self.assertEqual(Channel.browse(self.course_a.id).read(["name"])[0]["name"], self.course_a.name)
        self.assertFalse(Channel.browse(self.course_a.id).channel_partner_ids)
        with self.assertRaises(AccessError):
            Channel.browse(self.course_a.id).write({"name": "Đổi tên"})
        with self.assertRaises(AccessError):
            Channel.browse(self.course_a.id).unlink()
        with self.assertRaises(AccessError):
            Channel.create({"name": "Khóa mới", "union_organization_ids": [(6, 0, self.unit_a.ids)]})
        with self.assertRaises(AccessError):
            self.lesson_private.with_user(self.staff).read(["name"])
        self.assertNotIn(self.lesson_private.id, self._ids(self.staff, "slide.slide"))
        # and their own courses stay theirs
        Channel.browse(self.course_plain.id).write({"description": "<p>Cập nhật</p>"})
        self.assertEqual(ChannelPartner.browse(self.attendee_plain.id).read(["member_status"])[0]["id"],
                         self.attendee_plain.id)

    def test_reviews_of_a_union_course_stay_with_the_union(self):
        """Odoo lets every internal user read every rating: a member's review of a union course
        (their name and words) is not theirs, a review of a school course still is."""
        def review(course, partner, words):
            return self.env["rating.rating"].create({
                "res_model_id": self.env["ir.model"]._get_id("slide.channel"), "res_id": course.id,
                "partner_id": partner.id, "rating": 2, "feedback": words, "consumed": True})

        review_a = review(self.course_private, self.member_a1.partner_id, "Tôi đang nghỉ ốm, học chậm")
        review_plain = review(self.course_plain, self.attendee_plain.partner_id, "Hay")
        self.assertTrue(review_a.union_course)
        self.assertFalse(review_plain.union_course)
        clerk = new_test_user(self.env, login="t_school_clerk", groups="base.group_user,base.group_allow_export")
        for user in (clerk, self.staff):
            self.assertNotIn(review_a.id, self._ids(user, "rating.rating"), user.login)
            self.assertIn(review_plain.id, self._ids(user, "rating.rating"), user.login)
            with self.assertRaises(AccessError):
                review_a.with_user(user).read(["feedback"])
            with self.assertRaises(AccessError):
                review_a.with_user(user).export_data(["feedback"])
            groups = self.env["rating.rating"].with_user(user).read_group(
                [("res_model", "=", "slide.channel")], ["res_id"], ["res_id"])
            self.assertNotIn(self.course_private.id, [g["res_id"] for g in groups])
        for user in (self.user_officer_a, self.user_admin):
            self.assertIn(review_a.id, self._ids(user, "rating.rating"), user.login)
        # a school course that becomes a union course takes its reviews along
        self.course_plain.union_organization_ids = self.unit_a
        self.assertTrue(review_plain.union_course)
        self.assertNotIn(review_plain.id, self._ids(clerk, "rating.rating"))

    def test_officers_and_admin_keep_their_reach(self):
        """The new rules are OR-ed with the officers' (officers are events users): they reach
        exactly what they did, and no Odoo event that is not the union's."""
        reg_b = self._register(self.event_b, self.member_b1)
        for model, own, other in (("event.registration", self.reg_a, reg_b),
                                  ("slide.channel.partner", self.attendee_a, None)):
            ids = self._ids(self.user_officer_a, model)
            self.assertIn(own.id, ids, model)
            if other:
                self.assertNotIn(other.id, ids, model)
        self.assertNotIn(self.reg_plain.id, self._ids(self.user_officer_a, "event.registration"))
        self.assertNotIn(self.event_plain.id, self._ids(self.user_officer_a, "event.event"))
        self.assertNotIn(self.attendee_plain.id, self._ids(self.user_officer_a, "slide.channel.partner"))
        self.assertEqual(len(self.reg_a.with_user(self.user_officer_a).export_data(["email"])["datas"]), 1)
        self.reg_a.with_user(self.user_officer_a).write({"phone": "0911111111"})
        self.assertIn(self.reg_a.id, self._ids(self.user_upper, "event.registration"))
        self.assertIn(reg_b.id, self._ids(self.user_upper, "event.registration"))
        # the union administrator: everything
        self.assertTrue({self.reg_a.id, reg_b.id, self.reg_plain.id}
                        <= self._ids(self.user_admin, "event.registration"))
        self.assertTrue({self.attendee_a.id, self.attendee_plain.id}
                        <= self._ids(self.user_admin, "slide.channel.partner"))
        self.assertTrue({self.event_a.id, self.event_b.id, self.event_plain.id}
                        <= self._ids(self.user_admin, "event.event"))


@tagged("post_install", "-at_install")
class TestNonUnionUserPrivacyHttp(TrainingCommon, HttpCase):
    """The same staff member through the web client's JSON-RPC and Odoo's registration desk."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.staff = new_test_user(
            cls.env, login="t_school_staff_desk", name="Nhân viên lễ tân",
            groups="base.group_user,event.group_event_manager,"
                   "website_slides.group_website_slides_manager")
        cls.reg_a = cls._register(cls.event_a, cls.member_a1)
        cls.course_a._action_add_members(cls.member_a1.partner_id)

    def _call(self, model, method, args, kwargs=None):
        return self.make_jsonrpc_request(f"/web/dataset/call_kw/{model}/{method}", {
            "model": model, "method": method, "args": args, "kwargs": kwargs or {}})

    def test_staff_json_rpc_and_desk_reach_no_union_attendee(self):
        self.authenticate(self.staff.login, self.staff.login)
        rows = self._call("event.registration", "search_read", [[]], {"fields": ["name", "email", "phone"]})
        self.assertNotIn(self.reg_a.id, [row["id"] for row in rows])
        rows = self._call("slide.channel.partner", "web_search_read", [[]],
                          {"specification": {"partner_id": {"fields": {"display_name": {}}}}})
        self.assertNotIn(self.member_a1.partner_id.id,
                         [row["partner_id"]["id"] for row in rows["records"] if row["partner_id"]])
        # a union attendee's badge scanned at Odoo's desk: no name, no check-in ("invalid
        # ticket"; or refused outright where union_governance_training's desk looks for a
        # congress the user may not read)
        try:
            with mute_logger("odoo.http"):
                result = self._call("event.registration", "register_attendee", [],
                                    {"barcode": self.reg_a.barcode, "event_id": self.event_a.id})
        except JsonRpcException as error:
            self.assertIn("AccessError", str(error))
            result = {}
        self.assertNotIn(self.reg_a.name, str(result))
        self.assertIn(result, ({"error": "invalid_ticket"}, {}))
        self.env.invalidate_all()
        self.assertNotEqual(self.reg_a.state, "done")
        self.assertFalse(self.reg_a.union_attendance_ids)

    def test_website_pages_still_open(self):
        """The global eLearning rules narrow nobody's website: the staff member, a member of the
        course's unit and a visitor open the course list, and the member their union course."""
        school = self.env["slide.channel"].create({
            "name": "Tin học văn phòng", "enroll": "public", "visibility": "public", "is_published": True})
        self.authenticate(self.staff.login, self.staff.login)
        self.assertEqual(self.url_open("/slides").status_code, 200)
        self.assertEqual(self.url_open(f"/slides/{school.id}").status_code, 200)
        self.authenticate(self.user_portal_a1.login, self.user_portal_a1.login)
        self.assertEqual(self.url_open("/slides").status_code, 200)
        page = self.url_open(f"/slides/{self.course_a.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Bài 1", page.text)
        self.authenticate(None, None)
        self.assertEqual(self.url_open("/slides").status_code, 200)
