from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import UnionCommon


@tagged("post_install", "-at_install")
class TestAccess(UnionCommon):

    def test_grassroots_officer_sees_only_their_subtree(self):
        Member = self.env["union.member"].with_user(self.user_officer_a)
        self.assertEqual(Member.search([]), self.member_a1 | self.member_a2)
        Org = self.env["union.organization"].with_user(self.user_officer_a)
        self.assertEqual(Org.search([]), self.unit_a | self.group_a)
        with self.assertRaises(AccessError):
            Member.browse(self.member_b1.id).read(["name"])
        with self.assertRaises(AccessError):
            Member.browse(self.member_b1.id).write({"job_title": "Hiệu trưởng"})
        with self.assertRaises(AccessError):
            Org.browse(self.unit_b.id).write({"phone": "0261"})
        # exports and grouped reads go through the same rules
        exported = Member.search([]).export_data(["name", "citizen_id"])["datas"]
        self.assertEqual(sorted(row[0] for row in exported), ["Nguyễn Thị Lan", "Trần Văn Hùng"])
        groups = Member.read_group([], ["organization_id"], ["organization_id"])
        self.assertEqual(sum(g["organization_id_count"] for g in groups), 2)
        events = self.env["union.member.event"].with_user(self.user_officer_a).search([])
        self.assertEqual(events.member_id, self.member_a1 | self.member_a2)
        # they admit members into their own units, never into someone else's
        newcomer = Member.create({"name": "Đỗ Văn Mới", "organization_id": self.group_a.id})
        self.assertEqual((newcomer.state, newcomer.organization_id), ("active", self.group_a))
        self.assertEqual(newcomer.event_ids.event_type, "admission")
        with self.assertRaises(AccessError):
            Member.create({"name": "Người lạ", "organization_id": self.unit_b.id})

    def test_officer_b_cannot_touch_unit_a(self):
        Member = self.env["union.member"].with_user(self.user_officer_b)
        self.assertEqual(Member.search([]), self.member_b1)
        with self.assertRaises(AccessError):
            self.env["union.member.event"].with_user(self.user_officer_b).create({
                "member_id": self.member_a1.id, "event_type": "withdrawal"})
        self.assertEqual(self.member_a1.state, "active")

    def test_upper_officer_and_admin(self):
        Member = self.env["union.member"].with_user(self.user_upper)
        self.assertEqual(Member.search([]), self.member_a1 | self.member_a2 | self.member_b1)
        self.assertEqual(Member.browse(self.member_b1.id).citizen_id, "067190000003")
        Org = self.env["union.organization"].with_user(self.user_upper)
        self.assertNotIn(self.federation, Org.search([]))
        new_unit = Org.create({"name": "Công đoàn Trường Mầm non C", "code": "T-C",
                               "parent_id": self.upper.id})
        self.assertEqual(new_unit.parent_id, self.upper)
        admin_orgs = self.env["union.organization"].with_user(self.user_admin).search([])
        self.assertIn(self.federation, admin_orgs)

    def test_managed_units_change_is_effective_at_once(self):
        Member = self.env["union.member"].with_user(self.user_officer_b)
        self.assertEqual(Member.search([]), self.member_b1)
        self.user_officer_b.union_organization_ids = [(4, self.unit_a.id)]
        self.assertEqual(Member.search([]), self.member_a1 | self.member_a2 | self.member_b1)

    def test_portal_member_sees_only_their_own_record(self):
        Member = self.env["union.member"].with_user(self.user_portal_a1)
        self.assertEqual(Member.search([]), self.member_a1)
        with self.assertRaises(AccessError):
            Member.browse(self.member_a2.id).read(["name"])
        # sensitive fields are for officers only, even on one's own record
        with self.assertRaises(AccessError):
            Member.browse(self.member_a1.id).read(["citizen_id"])
        with self.assertRaises(AccessError):
            Member.browse(self.member_a1.id).write({"job_title": "Hiệu trưởng"})
        self.assertEqual(self.env["union.member.event"].with_user(self.user_portal_a1).search([]).member_id,
                         self.member_a1)
        self.assertEqual(self.env["union.organization"].with_user(self.user_portal_a1).search([]),
                         self.federation | self.upper | self.unit_a)
        self.assertEqual(self.user_portal_a1.union_member_id, self.member_a1)

    def test_sensitive_fields_are_hidden_from_users_without_union_role(self):
        plain = self.env["res.users"].create({"name": "Kế toán trường", "login": "t_plain",
                                              "groups_id": [(6, 0, [self.env.ref("base.group_user").id])]})
        with self.assertRaises(AccessError):
            self.env["union.member"].with_user(plain).search([])
        fields_info = self.env["union.member"].with_user(self.user_portal_a1).fields_get()
        self.assertNotIn("citizen_id", fields_info)
        self.assertNotIn("birth_date", fields_info)
        self.assertIn("citizen_id", self.env["union.member"].with_user(self.user_officer_a).fields_get())
