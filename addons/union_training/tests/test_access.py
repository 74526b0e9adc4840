from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from odoo.addons.union_membership.tests.test_click_everywhere import field_spec
from odoo.addons.union_training.hooks import post_init_hook

from .common import TrainingCommon


@tagged("post_install", "-at_install")
class TestTrainingAccess(TrainingCommon):
    """Officer A attacks unit B's class through every ORM path."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.reg_b = cls._register(cls.event_b, cls.member_b1)
        cls.event_b.union_session_ids.action_check_in(cls.reg_b.barcode)
        cls.reg_a = cls._register(cls.event_a, cls.member_a1)

    def test_officer_a_cannot_reach_unit_b_event(self):
        for model, record, field in (
                ("event.event", self.event_b, "name"), ("event.registration", self.reg_b, "name"),
                ("union.training.session", self.event_b.union_session_ids, "name"),
                ("union.training.attendance", self.reg_b.union_attendance_ids, "check_in")):
            Model = self.env[model].with_user(self.user_officer_a)
            ids = [row["id"] for row in Model.search_read([], ["id"])]
            self.assertNotIn(record.id, ids, model)
            self.assertIn(record.id, [row["id"] for row in self.env[model].with_user(
                self.user_officer_b).search_read([], ["id"])], model)
            groups = Model.read_group([], ["id:count"], [])
            self.assertEqual(groups[0]["__count"], Model.search_count([]), model)
            self.assertNotIn(record.id, Model.search([]).ids)
            with self.assertRaises(AccessError):
                record.with_user(self.user_officer_a).read(["id"])
            with self.assertRaises(AccessError):
                record.with_user(self.user_officer_a).export_data([field])
            with self.assertRaises(AccessError):
                record.with_user(self.user_officer_a).unlink()

    def test_officer_a_cannot_point_at_unit_b(self):
        Registration = self.env["event.registration"].with_user(self.user_officer_a)
        with self.assertRaises(AccessError):
            Registration.create({"event_id": self.event_b.id, "union_member_id": self.member_a1.id,
                                 "partner_id": self.member_a1.partner_id.id})
        with self.assertRaises(AccessError):
            Registration.create({"event_id": self.event_a.id, "union_member_id": self.member_b1.id,
                                 "partner_id": self.member_b1.partner_id.id})
        with self.assertRaises(AccessError):
            self.env["union.training.attendance"].with_user(self.user_officer_a).create({
                "session_id": self.session_1.id, "registration_id": self.reg_b.id})
        with self.assertRaises(AccessError):
            self.env["union.training.seat"].with_user(self.user_officer_a).create({
                "event_id": self.event_b.id, "organization_id": self.unit_a.id, "places": 3})
        with self.assertRaises(AccessError):
            self.event_a.with_user(self.user_officer_a).union_organization_id = self.unit_b

    def test_upper_officer_sees_the_subtree_and_members_see_nothing_by_orm(self):
        Registration = self.env["event.registration"].with_user(self.user_upper)
        self.assertEqual(set(Registration.search([]).ids), {self.reg_a.id, self.reg_b.id})
        for model in ("event.registration", "union.training.attendance", "union.training.session"):
            with self.assertRaises(AccessError):
                self.env[model].with_user(self.user_portal_a1).search_read([], ["id"])

    def test_course_attendees_follow_the_unit(self):
        self.course_a._action_add_members(self.member_a1.partner_id)
        attendee = self.course_a.channel_partner_ids
        self.assertEqual(attendee.union_organization_id, self.unit_a)
        ChannelPartner = self.env["slide.channel.partner"]
        self.assertEqual(ChannelPartner.with_user(self.user_officer_a).search(
            [("channel_id", "=", self.course_a.id)]), attendee)
        self.assertFalse(ChannelPartner.with_user(self.user_officer_b).search(
            [("channel_id", "=", self.course_a.id)]))
        with self.assertRaises(AccessError):
            attendee.with_user(self.user_officer_b).export_data(["partner_id"])
        groups = ChannelPartner.with_user(self.user_officer_b).read_group(
            [], ["union_organization_id"], ["union_organization_id"])
        self.assertFalse([g for g in groups if g["union_organization_id"]
                          and g["union_organization_id"][0] == self.unit_a.id])

    def test_officers_who_existed_before_install_are_no_elearning_managers(self):
        """Installing website_slides gives every existing internal user its template's
        "eLearning / Manager" (Odoo applies the Default User Template's new groups to them): an
        officer created before this addon then read every unit's course attendees. The install
        hook takes the managers' groups back from the union officers, not from the union's
        administrators nor from Odoo users who are no union officers."""
        self.course_a._action_add_members(self.member_a1.partner_id)
        attendee = self.course_a.channel_partner_ids
        managers = (self.env.ref("website_slides.group_website_slides_manager")
                    | self.env.ref("event.group_event_manager"))
        staff = new_test_user(self.env, login="t_school_staff", groups="base.group_user")
        (self.user_officer_b | self.user_upper | self.user_admin | staff).write(
            {"groups_id": [(4, group.id) for group in managers]})
        ChannelPartner = self.env["slide.channel.partner"].with_user(self.user_officer_b)
        self.assertIn(attendee, ChannelPartner.search([]))  # what the demo's officers met
        post_init_hook(self.env)
        for user in (self.user_officer_b, self.user_upper):
            self.assertFalse(user.has_group("website_slides.group_website_slides_manager"), user.login)
            self.assertFalse(user.has_group("website_slides.group_website_slides_officer"), user.login)
            self.assertFalse(user.has_group("event.group_event_manager"), user.login)
            self.assertTrue(user.has_group("event.group_event_user"), user.login)
        self.env.invalidate_all()
        self.assertNotIn(attendee.id, [row["id"] for row in ChannelPartner.search_read([], ["id"])])
        with self.assertRaises(AccessError):
            attendee.with_user(self.user_officer_b).export_data(["partner_id"])
        self.assertIn(attendee, self.env["slide.channel.partner"].with_user(self.user_upper).search([]))
        for user in (self.user_admin, staff):
            self.assertTrue(user.has_group("website_slides.group_website_slides_manager"), user.login)
            self.assertTrue(user.has_group("event.group_event_manager"), user.login)

    def test_events_and_courses_open_for_odoo_users_without_a_union_role(self):
        """An internal user whom the administrator made an Odoo events and eLearning user, with
        no union role (the demo's "demo" login, a school's staff), opens the events and courses
        as Odoo shows them: the union's fields (units, sessions, places, members) are the union
        officers' and are not in their forms, which otherwise failed to open (AccessError).
        Union events are not theirs at all (test_non_union_user_privacy); the union's course
        shown to signed-in users is, as the website shows it."""
        staff = new_test_user(self.env, login="t_event_staff", groups=(
            "base.group_user,event.group_event_user,website_slides.group_website_slides_officer"))
        school_event = self.env["event.event"].create({
            "name": "Hội thảo của trường", "date_begin": self.event_a.date_begin,
            "date_end": self.event_a.date_end})
        for record, view in ((school_event, "event.view_event_form"),
                             (self.course_a, "website_slides.view_slide_channel_form")):
            Model = self.env[record._name].with_user(staff)
            views = Model.get_views([[self.env.ref(view).id, "form"]])
            arch = views["views"]["form"]["arch"]
            self.assertNotIn("union_organization_id", arch)
            spec = field_spec(arch, record._name, views["models"])
            self.assertEqual(Model.browse(record.ids).web_read(spec)[0]["id"], record.id)
        for record in (self.event_a, self.course_a):  # officers keep them
            views = self.env[record._name].with_user(self.user_officer_a).get_views([[False, "form"]])
            self.assertIn("union_organization_id", views["views"]["form"]["arch"])
        arch = self.env["event.registration"].with_user(staff).get_views([[False, "list"]])["views"]["list"]["arch"]
        self.assertNotIn("union_organization_id", arch)

    def test_certification_answers_follow_the_unit(self):
        """Odoo's survey users (upper-level officers write contests) read every answer of an
        open survey; a member's answers stay with the officers over the member's unit."""
        other_upper = self.env["union.organization"].create({
            "name": "Công đoàn ngành Y tế", "code": "T-CDYT", "level": "upper",
            "parent_id": self.federation.id})
        survey = self.env["survey.survey"].create({
            "title": "Chứng chỉ kỹ năng số", "survey_type": "assessment", "certification": True})
        answer_a = survey._create_answer(partner=self.member_a1.partner_id)
        self.assertEqual(answer_a.union_organization_id, self.unit_a)
        officer = self.env["res.users"].create({
            "name": "Cán bộ ngành Y tế", "login": "t_upper_yt",
            "groups_id": [(6, 0, [self.env.ref("union_membership.group_union_upper_officer").id])],
            "union_organization_ids": [(6, 0, other_upper.ids)]})
        self.assertTrue(officer.has_group("survey.group_survey_user"))
        Answer = self.env["survey.user_input"]
        self.assertNotIn(answer_a.id, [r["id"] for r in Answer.with_user(officer).search_read(
            [("survey_id", "=", survey.id)], ["id"])])
        with self.assertRaises(AccessError):
            answer_a.with_user(officer).export_data(["partner_id"])
        self.assertIn(answer_a, Answer.with_user(self.user_upper).search([("survey_id", "=", survey.id)]))
        self.assertIn(answer_a, Answer.with_user(self.user_admin).search([("survey_id", "=", survey.id)]))
