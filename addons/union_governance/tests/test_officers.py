from datetime import date, timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import GovernanceCommon


@tagged("post_install", "-at_install")
class TestOfficers(GovernanceCommon):

    def test_co_opting_and_resignation_are_dated_events(self):
        Event = self.env["union.officer.event"].with_user(self.user_officer_a)
        co_opt = Event.create({"kind": "co_opted", "date": date(2022, 3, 1), "body_id": self.exec_a.id,
                               "member_id": self.member_a2.id, "position_id": self.pos_vice.id,
                               "decision_ref": "12/QĐ-CĐCS"})
        post = co_opt.post_id
        self.assertEqual(post.date_start, date(2022, 3, 1))
        self.assertEqual(post.position_id, self.pos_vice)
        Event.create({"kind": "resigned", "date": date(2023, 6, 30), "body_id": self.exec_a.id,
                      "member_id": self.member_a2.id, "post_id": post.id})
        self.assertEqual(post.date_end, date(2023, 6, 30))
        self.assertEqual(post.end_reason, "Resigned")
        with self.assertRaises(ValidationError):
            Event.create({"kind": "resigned", "date": date(2023, 7, 1), "body_id": self.exec_a.id,
                          "member_id": self.member_a2.id, "post_id": post.id})

    def test_register_as_at_a_date(self):
        Event = self.env["union.officer.event"]
        post = Event.create({"kind": "co_opted", "date": date(2022, 3, 1), "body_id": self.exec_a.id,
                             "member_id": self.member_a2.id, "position_id": self.pos_exec.id}).post_id
        Event.create({"kind": "moved", "date": date(2023, 6, 30), "body_id": self.exec_a.id, "post_id": post.id,
                      "member_id": self.member_a2.id})
        wizard = self.env["union.officer.register.wizard"].with_user(self.user_upper).create(
            {"organization_id": self.upper.id, "date": date(2023, 1, 1)})
        action = wizard.action_open_register()
        Post = self.env["union.officer.post"].with_user(self.user_upper)
        self.assertEqual(Post.search(action["domain"]).member_id, self.member_a1 | self.member_a2 | self.member_b1)
        wizard.date = date(2024, 1, 1)
        self.assertEqual(Post.search(wizard.action_open_register()["domain"]).member_id,
                         self.member_a1 | self.member_b1)
        wizard.write({"organization_id": self.unit_a.id, "include_subunits": False})
        self.assertEqual(Post.search(wizard.action_open_register()["domain"]).member_id, self.member_a1)

    def test_member_page_shows_posts(self):
        member = self.member_a1.with_user(self.user_officer_a)
        self.assertEqual(member.officer_post_ids, self.post_a1)

    def test_dates_checked(self):
        with self.assertRaises(ValidationError):
            self.post_a1.date_end = date(2019, 1, 1)

    def test_position_must_fit_the_committee(self):
        ubkt = self.env["union.body"].create({"term_id": self.term_a.id, "kind": "inspection"})
        with self.assertRaises(ValidationError):
            self.env["union.officer.post"].create({"body_id": ubkt.id, "member_id": self.member_a2.id,
                                                   "position_id": self.pos_chair.id, "date_start": date(2021, 1, 1)})

    def test_recognition_by_the_level_above_only(self):
        self.term_a.write({"decision_ref": "45/QĐ-CĐN", "decision_date": date(2020, 10, 15)})
        with self.assertRaises(AccessError):
            self.term_a.with_user(self.user_officer_a).action_recognise()
        self.term_a.with_user(self.user_upper).action_recognise()
        self.assertEqual(self.term_a.state, "recognised")
        self.assertEqual(self.post_a1.decision_ref, "45/QĐ-CĐN")


@tagged("post_install", "-at_install")
class TestOfficerRights(GovernanceCommon):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_portal_b1 = new_test_user(
            cls.env, login="t_gov_portal_b1", name=cls.member_b1.name,
            groups="base.group_portal,union_membership.group_union_member", partner_id=cls.member_b1.partner_id.id)
        cls.post_b1.date_start = fields.Date.today() - timedelta(days=30)

    def test_unit_officer_cannot_grant_rights_to_their_own_unit(self):
        with self.assertRaises(AccessError):
            self.post_b1.with_user(self.user_officer_b).action_grant_officer_rights()
        self.assertFalse(self.user_portal_b1.has_group("union_membership.group_union_officer"))

    def test_upper_officer_grants_then_the_job_removes_them(self):
        self.post_b1.with_user(self.user_upper).action_grant_officer_rights()
        user = self.user_portal_b1
        self.assertTrue(user.has_group("union_membership.group_union_officer"))
        self.assertFalse(user.share)
        self.assertIn(self.unit_b, user.union_organization_ids)
        self.assertTrue(self.post_b1.officer_rights_granted)
        # the new officer now reads the members of their unit, not those of another unit
        self.assertTrue(self.env["union.member"].with_user(user).search([("id", "=", self.member_b1.id)]))
        self.assertFalse(self.env["union.member"].with_user(user).search([("id", "=", self.member_a1.id)]))
        # still in office: the job keeps the rights
        self.env["union.officer.post"]._cron_revoke_officer_rights()
        self.assertIn(self.unit_b, user.union_organization_ids)
        # leaves office: the day after, the job removes them
        self.env["union.officer.event"].create({"kind": "resigned", "date": fields.Date.today(),
                                                "body_id": self.exec_b.id, "post_id": self.post_b1.id,
                                                "member_id": self.member_b1.id})
        with freeze_time(fields.Date.today() + timedelta(days=1)):
            self.env["union.officer.post"]._cron_revoke_officer_rights()
        self.assertNotIn(self.unit_b, user.union_organization_ids)
        self.assertFalse(user.has_group("union_membership.group_union_officer"))
        self.assertTrue(user.share)
        self.assertTrue(user.has_group("union_membership.group_union_member"))

    def test_no_login_no_rights(self):
        post = self.env["union.officer.post"].create({
            "body_id": self.exec_a.id, "member_id": self.member_a2.id, "position_id": self.pos_vice.id,
            "date_start": fields.Date.today() - timedelta(days=1)})
        with self.assertRaises(UserError):
            post.with_user(self.user_admin).action_grant_officer_rights()
