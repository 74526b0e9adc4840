from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import GovernanceCommon


@tagged("post_install", "-at_install")
class TestGovernanceAccess(GovernanceCommon):

    def test_officer_sees_own_units_only(self):
        for model, field in (("union.officer.post", "member_id"), ("union.term", "organization_id"),
                             ("union.congress", "organization_id")):
            Model = self.env[model].with_user(self.user_officer_a)
            rows = Model.search_read([], [field])
            self.assertTrue(all(self.env[model].browse(row["id"]).organization_id == self.unit_a for row in rows),
                            model)
            groups = Model.read_group([], ["organization_id"], ["organization_id"])
            self.assertEqual({g["organization_id"][0] for g in groups if g["organization_id"]} - {self.unit_a.id},
                             set(), model)
            exported = Model.search([]).export_data(["organization_id/name"])["datas"]
            self.assertTrue(all(row[0] == self.unit_a.name for row in exported), model)
        self.assertFalse(self.env["union.congress"].with_user(self.user_officer_a).search(
            [("id", "=", self.congress_b.id)]))
        # the level above sees both
        self.assertEqual(self.env["union.officer.post"].with_user(self.user_upper).search([]).organization_id,
                         self.unit_a | self.unit_b)

    def test_many2one_to_another_units_record_refused(self):
        Post = self.env["union.officer.post"].with_user(self.user_officer_a)
        with self.assertRaises(AccessError):
            Post.create({"body_id": self.exec_b.id, "member_id": self.member_a2.id,
                         "position_id": self.pos_exec.id, "date_start": date(2022, 1, 1)})
        with self.assertRaises(AccessError):
            Post.create({"body_id": self.exec_a.id, "member_id": self.member_b1.id,
                         "position_id": self.pos_exec.id, "date_start": date(2022, 1, 1)})
        with self.assertRaises(AccessError):
            self.env["union.congress.participant"].with_user(self.user_officer_a).create(
                {"congress_id": self.congress_b.id, "member_id": self.member_a1.id})
        with self.assertRaises(AccessError):
            self.env["union.term"].with_user(self.user_officer_a).create(
                {"organization_id": self.unit_b.id, "date_start": date(2025, 1, 1), "date_end": date(2030, 1, 1)})
        with self.assertRaises(AccessError):
            self.post_b1.with_user(self.user_officer_a).unlink()

    def test_member_reads_own_posts_only(self):
        Post = self.env["union.officer.post"].with_user(self.user_portal_a1)
        self.assertEqual(Post.search_read([], ["member_id"])[0]["id"], self.post_a1.id)
        self.assertEqual(len(Post.search([])), 1)
        with self.assertRaises(AccessError):
            self.post_a1.with_user(self.user_portal_a1).write({"date_end": date(2030, 1, 1)})
        with self.assertRaises(AccessError):
            self.env["union.officer.event"].with_user(self.user_portal_a1).search_read([])
        self.assertFalse(self.env["union.congress"].with_user(self.user_portal_a1).search([]))
