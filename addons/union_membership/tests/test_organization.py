from datetime import date

from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import UnionCommon


@tagged("post_install", "-at_install")
class TestOrganization(UnionCommon):

    def test_hierarchy_counts_include_sub_units(self):
        self.assertEqual(self.unit_a.member_count, 1)
        self.assertEqual(self.unit_a.member_count_total, 2)
        self.assertEqual(self.upper.member_count_total, 3)
        self.assertEqual(self.federation.member_count_total, 3)
        self.assertEqual(self.unit_a._get_subtree(), self.unit_a | self.group_a)
        self.assertTrue(self.group_a.parent_path.startswith(self.federation.parent_path))
        self.assertTrue(self.unit_a.partner_id.is_company)

    def test_constraints(self):
        with self.assertRaises(UserError):  # Odoo's recursion check or ours
            self.upper.parent_id = self.group_a
        with self.assertRaises(ValidationError):
            self.env["union.organization"].create({
                "name": "Tổ lạc", "code": "T-X", "level": "group", "parent_id": self.upper.id})
        with self.assertRaises(IntegrityError), self.cr.savepoint(), mute_logger("odoo.sql_db"):
            self.env["union.organization"].create({"name": "Trùng mã", "code": "T-A"})
        with self.assertRaisesRegex(ValidationError, "date"):
            self.unit_b.write({"state": "dissolved"})
        with self.assertRaisesRegex(ValidationError, "1 member"):
            self.unit_b.write({"state": "dissolved", "date_ended": date(2025, 6, 15)})

    def test_dissolve_ends_membership_of_the_whole_subtree(self):
        self.assertEqual(self.user_officer_a.has_group("union_membership.group_union_upper_officer"), False)
        action = self.unit_a.with_user(self.user_upper).action_open_dissolve_wizard()
        wizard = Form(self.env["union.organization.dissolve.wizard"].with_user(self.user_upper)
                      .with_context(**action["context"]))
        wizard.date = date(2025, 6, 15)
        wizard.reason = "Kết luận 157-KL/TW"
        wizard.decision_ref = "125/QĐ-CĐN"
        wizard.save().action_dissolve()
        self.assertEqual((self.unit_a.state, self.group_a.state), ("dissolved", "dissolved"))
        self.assertEqual(self.unit_a.date_ended, date(2025, 6, 15))
        members = self.member_a1 | self.member_a2
        self.assertEqual(set(members.mapped("state")), {"left"})
        self.assertEqual(set(members.mapped("event_ids.event_type")), {"admission", "dissolution"})
        # history still answers who was a member on 31 May 2025
        self.assertEqual(self.env["union.member"]._get_members_at(date(2025, 5, 31), self.unit_a), members)
        self.assertFalse(self.env["union.member"]._get_members_at(date(2025, 6, 15), self.unit_a))

    def test_dissolve_moving_members_and_bulk_transfer(self):
        wizard = self.env["union.organization.dissolve.wizard"].create({
            "organization_id": self.unit_a.id, "date": date(2025, 6, 19), "reason": "Chuyển về LĐLĐ",
            "target_id": self.unit_b.id})
        wizard.action_dissolve()
        self.assertEqual((self.member_a1 | self.member_a2).organization_id, self.unit_b)
        self.assertEqual(self.unit_b.member_count, 3)
        transfer = self.env["union.member.transfer.wizard"].create({
            "from_organization_id": self.unit_b.id, "to_organization_id": self.upper.id,
            "member_ids": [(6, 0, self.member_b1.ids)], "date": date(2025, 7, 1)})
        self.assertEqual(transfer.count, 1)
        transfer.action_transfer()
        self.assertEqual(self.member_b1.organization_id, self.upper)
        self.assertEqual(self.member_a1.organization_id, self.unit_b)
        everyone = self.env["union.member.transfer.wizard"].create({
            "from_organization_id": self.unit_b.id, "to_organization_id": self.upper.id,
            "date": date(2025, 7, 2)})
        self.assertEqual(everyone.count, 2)
        everyone.action_transfer()
        self.assertEqual(self.upper.member_count, 3)
        with self.assertRaises(UserError):
            self.env["union.member.transfer.wizard"].create({
                "from_organization_id": self.unit_b.id, "to_organization_id": self.upper.id}).action_transfer()

    def test_dissolve_cannot_move_into_itself(self):
        wizard = self.env["union.organization.dissolve.wizard"].create({
            "organization_id": self.unit_a.id, "reason": "x", "target_id": self.group_a.id})
        with self.assertRaises(UserError):
            wizard.action_dissolve()
        self.assertEqual(self.unit_a.state, "active")

    def _hierarchy(self, user, domain):
        """hierarchy_read as the web client's hierarchy view calls it (web_hierarchy)."""
        import odoo
        return odoo.api.call_kw(
            self.env["union.organization"].with_user(user), "hierarchy_read",
            [domain, ["name", "code", "member_count_total", "parent_id", "child_ids"], "parent_id"],
            {"child_field": "child_ids", "context": {"active_test": True}})

    def test_hierarchy_view_as_grassroots_officer(self):
        """The units' chart starts at the officer's units; the upper unit is not read (was an AccessError)."""
        # officer B manages one unit with no sub-unit: the view's search finds one record,
        # whose parent Odoo's hierarchy_read would read
        rows = self._hierarchy(self.user_officer_b, [("active", "=", True)])
        self.assertEqual([row["id"] for row in rows], [self.unit_b.id])
        self.assertFalse(rows[0]["parent_id"], "no way up to a unit the officer may not read")
        # the view's default start (units without a parent): the officer's top units
        rows = self._hierarchy(self.user_officer_a, [("parent_id", "=", False)])
        self.assertEqual({row["id"] for row in rows}, {self.unit_a.id, self.group_a.id})
        self.assertFalse(next(r for r in rows if r["id"] == self.unit_a.id)["parent_id"])
        # the "show parent" button's call on a unit whose parent is out of reach
        rows = self._hierarchy(self.user_officer_a, ["|", ("parent_id", "=", self.upper.id),
                                                     ("id", "in", [self.upper.id, self.unit_a.id])])
        self.assertEqual({row["id"] for row in rows}, {self.unit_a.id, self.group_a.id})
        # the upper officer still sees the chart from their unit down, the administrator all of it
        rows = self._hierarchy(self.user_upper, [("id", "=", self.unit_a.id)])
        self.assertEqual({row["id"] for row in rows}, {self.unit_a.id, self.upper.id, self.group_a.id,
                                                          self.unit_b.id})
        rows = self._hierarchy(self.user_admin, [("id", "=", self.upper.id)])
        self.assertIn(self.federation.id, {row["id"] for row in rows})
