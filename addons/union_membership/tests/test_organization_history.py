from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import UnionCommon


@tagged("post_install", "-at_install")
class TestOrganizationHistory(UnionCommon):
    """Every change of a unit's parent, name, abbreviation, level or state is a dated event;
    the tree, the names and the counts as at a date come from them."""

    def test_changes_write_dated_events(self):
        unit = self.env["union.organization"].create({
            "name": "Công đoàn Trường THCS Mới", "code": "T-NEW", "level": "grassroots",
            "parent_id": self.upper.id, "date_founded": date(2010, 9, 1)})
        self.assertEqual(unit.event_ids.event_type, "founding")
        self.assertEqual(unit.event_ids.date, date(2010, 9, 1))
        unit.with_context(union_event_date=date(2025, 7, 1), union_event_decision="12/QĐ-LĐLĐ").write({
            "parent_id": self.federation.id})
        unit.with_context(union_event_date=date(2025, 8, 1)).write({"name": "Công đoàn Trường THCS Đổi tên"})
        unit.write({"email": "x@example.vn"})  # not part of the history: no event
        self.assertEqual(len(unit.event_ids), 3)
        move = unit.event_ids.filtered(lambda e: e.event_type == "move")
        self.assertEqual((move.date, move.parent_id, move.decision_ref),
                         (date(2025, 7, 1), self.federation, "12/QĐ-LĐLĐ"))
        Org = self.env["union.organization"]
        tree = Org._get_tree_at(date(2025, 6, 30))
        self.assertEqual(tree[unit.id]["parent_id"], self.upper.id)
        self.assertEqual(tree[unit.id]["name"], "Công đoàn Trường THCS Mới")
        self.assertNotIn(unit.id, Org._get_tree_at(date(2010, 8, 31)))
        tree = Org._get_tree_at(date(2025, 8, 1))
        self.assertEqual((tree[unit.id]["parent_id"], tree[unit.id]["name"]),
                         (self.federation.id, "Công đoàn Trường THCS Đổi tên"))
        # the record shows the date of the context
        then = unit.with_context(union_as_at="2025-06-30")
        self.assertEqual(then.as_at_parent_id, self.upper)
        self.assertEqual(then.as_at_name, "Công đoàn Trường THCS Mới")
        self.assertEqual(unit.with_context(union_as_at="2025-07-15").as_at_parent_id, self.federation)
        # the history cannot be rewritten
        with self.assertRaises(UserError):
            move.write({"date": date(2020, 1, 1)})

    def test_dissolution_is_an_event_on_its_date(self):
        wizard = self.env["union.organization.dissolve.wizard"].create({
            "organization_id": self.unit_b.id, "date": date(2025, 6, 1), "reason": "KL 157",
            "target_id": self.unit_a.id})
        wizard.action_dissolve()
        event = self.unit_b.event_ids.filtered(lambda e: e.event_type == "dissolution")
        self.assertEqual((event.date, event.state), (date(2025, 6, 1), "dissolved"))
        Org = self.env["union.organization"]
        self.assertEqual(Org._get_tree_at(date(2025, 5, 31))[self.unit_b.id]["state"], "active")
        self.assertEqual(Org._get_tree_at(date(2025, 6, 1))[self.unit_b.id]["state"], "dissolved")

    def test_dissolution_offers_the_end_of_state_funded_units(self):
        wizard = self.env["union.organization.dissolve.wizard"].with_user(self.user_upper).new({
            "organization_id": self.unit_a.id, "reason_kind": "state_funded_2025"})
        wizard._onchange_reason_kind()
        self.assertEqual(wizard.date, date(2025, 6, 1))
        self.assertIn("Conclusion 157-KL/TW", wizard.reason)
        self.assertIn("handed over to the upper level", wizard.settlement)

    def test_level_names_follow_the_law(self):
        before = self.unit_a.with_context(union_as_at="2025-06-30")
        after = self.unit_a.with_context(union_as_at="2025-07-01")
        self.assertEqual(before.level_label, "Grassroots union")
        self.assertEqual(after.level_label, "Grassroots-level union")
        self.assertEqual(self.upper.with_context(union_as_at="2024-01-01").level_label,
                         "Upper union directly over the grassroots")
        self.assertEqual(self.upper.with_context(union_as_at="2026-01-01").level_label,
                         "Union above the grassroots")

    def test_statistics_use_the_tree_of_their_date(self):
        """Unit A moved to the federation on 1 July 2025: statistics of the education union
        count it before that date, not after; the lines keep the parent of their date."""
        self.unit_a.with_context(union_event_date=date(2025, 7, 1)).write({"parent_id": self.federation.id})
        Stat = self.env["union.member.statistics"].with_user(self.user_admin)
        before = Stat.create({"organization_id": self.upper.id, "date_from": date(2025, 1, 1),
                              "date_to": date(2025, 6, 30)})
        before.action_compute()
        self.assertIn(self.unit_a, before.line_ids.organization_id)
        self.assertEqual(before.total_members, 3)
        line = before.line_ids.filtered(lambda line: line.organization_id == self.unit_a)
        self.assertEqual(line.parent_id, self.upper)
        after = Stat.create({"organization_id": self.upper.id, "date_from": date(2025, 7, 1),
                             "date_to": date(2025, 7, 31)})
        after.action_compute()
        self.assertNotIn(self.unit_a, after.line_ids.organization_id)
        self.assertEqual(after.total_members, 1)

    def test_hierarchy_as_at_a_date(self):
        self.unit_a.with_context(union_event_date=date(2025, 7, 1)).write({"parent_id": self.federation.id})
        Org = self.env["union.organization"].with_user(self.user_admin)
        old = Org.with_context(union_as_at="2025-06-30").hierarchy_read(
            [("id", "=", self.upper.id)], ["as_at_name", "as_at_member_count"], "as_at_parent_id")
        by_id = {row["id"]: row for row in old}
        self.assertIn(self.unit_a.id, by_id[self.upper.id]["__child_ids__"])
        self.assertEqual(by_id[self.upper.id]["as_at_member_count"], 3)
        new = Org.with_context(union_as_at="2025-07-02").hierarchy_read(
            [("id", "=", self.upper.id)], ["as_at_name", "as_at_member_count"], "as_at_parent_id")
        by_id = {row["id"]: row for row in new}
        self.assertNotIn(self.unit_a.id, by_id[self.upper.id].get("__child_ids__", []))
        self.assertEqual(by_id[self.upper.id]["as_at_member_count"], 1)
        # an officer's chart starts at their unit: the level above is not offered
        tops = Org.with_user(self.user_upper).with_context(union_as_at="2025-06-30").search(
            [("as_at_parent_id", "=", False)])
        self.assertEqual(tops, self.upper)

    def test_hierarchy_expands_a_node_at_a_date(self):
        """Opening a node of the chart, web_hierarchy asks which of its sub-units have units
        below them by grouping on the parent field: answered from the tree at the date (the
        parent at a date is not stored, a plain read_group cannot group on it)."""
        self.unit_a.with_context(union_event_date=date(2025, 7, 1)).write({"parent_id": self.federation.id})
        Org = self.env["union.organization"].with_user(self.user_admin).with_context(active_test=False)
        old = Org.with_context(union_as_at="2025-06-30").read_group(
            [("as_at_parent_id", "in", [self.upper.id, self.federation.id])], ["id:array_agg"],
            ["as_at_parent_id"])
        by_parent = {row["as_at_parent_id"][0]: row["id"] for row in old}
        self.assertIn(self.unit_a.id, by_parent[self.upper.id])
        new = Org.with_context(union_as_at="2025-07-02").read_group(
            [("as_at_parent_id", "in", [self.upper.id, self.federation.id])], ["id:array_agg"],
            ["as_at_parent_id"])
        by_parent = {row["as_at_parent_id"][0]: row["id"] for row in new}
        self.assertNotIn(self.unit_a.id, by_parent.get(self.upper.id, []))
        self.assertIn(self.unit_a.id, by_parent[self.federation.id])

    def _count_as_at_queries(self, count):
        Org = self.env["union.organization"]
        parent = Org.create({"name": f"Cụm {count}", "code": f"Q-{count}", "level": "upper",
                             "parent_id": self.federation.id})
        Org.create([{"name": f"Đơn vị {count}-{i}", "code": f"Q-{count}-{i}", "level": "grassroots",
                     "parent_id": parent.id} for i in range(count)])
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        units = Org.with_context(union_as_at="2025-06-30").search([("id", "child_of", parent.id)])
        units.read(["as_at_name", "as_at_parent_id", "level_label", "as_at_member_count"])
        return self.env.cr.sql_log_count - before

    def test_tree_as_at_a_date_in_a_fixed_number_of_queries(self):
        self.assertEqual(self._count_as_at_queries(10), self._count_as_at_queries(50))

    def test_unit_history_follows_the_unit_access(self):
        Event = self.env["union.organization.event"].with_user(self.user_officer_b)
        rows = Event.search_read([], ["organization_id"])
        self.assertEqual({row["organization_id"][0] for row in rows}, {self.unit_b.id})
        groups = Event.read_group([], ["organization_id"], ["organization_id"])
        self.assertEqual([g["organization_id"][0] for g in groups], [self.unit_b.id])
        events_a = self.unit_a.event_ids
        with self.assertRaises(AccessError):
            events_a.with_user(self.user_officer_b).export_data(["name", "parent_id"])
        with self.assertRaises(AccessError):
            Event.create({"organization_id": self.unit_b.id, "event_type": "change", "name": "X"})
        with self.assertRaises(AccessError):
            self.unit_b.event_ids.with_user(self.user_officer_b).unlink()
