from datetime import date

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import UnionCommon


class SuccessionCommon(UnionCommon):
    """The 2025 province merge in small: two provinces' federations, the VGCL above the new one.

    - ``fed_dn`` (Đắk Nông) with its education union ``sector_dn``: a school in operation
      (``school_dn``, one member) and a school ended on 01/06/2025 (``school_dn_ended``);
    - 30/06/2025: ``sector_dn`` merges into ``fed_dn``; 01/07/2025: ``fed_dn`` merges into
      ``fed_ld`` (Lâm Đồng, under ``vgcl``): A → B → C;
    - ``fed_bt`` (Bình Thuận), merged into ``fed_ld`` too, by the tests that need it;
    - officers: of ``fed_ld``, of ``vgcl`` (above it), of ``fed_dn`` (kept on the closed unit),
      of the continuing school (now under ``fed_ld``) and of the federation of UnionCommon
      (another province: neither the closed units' tree nor the successor's).
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Org = cls.env["union.organization"]
        cls.vgcl = Org.create({"name": "Tổng Liên đoàn (thử)", "code": "T-TLD", "level": "federation"})
        cls.fed_ld = Org.create({"name": "LĐLĐ tỉnh Lâm Đồng (thử)", "code": "T-LD", "level": "federation",
                                 "parent_id": cls.vgcl.id})
        cls.fed_dn = Org.create({"name": "LĐLĐ tỉnh Đắk Nông (thử)", "code": "T-DN", "level": "federation"})
        cls.fed_bt = Org.create({"name": "LĐLĐ tỉnh Bình Thuận (thử)", "code": "T-BT", "level": "federation"})
        cls.sector_dn = Org.create({"name": "Công đoàn ngành Giáo dục Đắk Nông", "code": "T-DN-GD",
                                    "level": "upper", "parent_id": cls.fed_dn.id})
        cls.school_dn = Org.create({"name": "Công đoàn Trường THPT Gia Nghĩa", "code": "T-DN-GN",
                                    "level": "grassroots", "parent_id": cls.sector_dn.id})
        cls.school_dn_ended = Org.create({"name": "Công đoàn Trường Tiểu học Nghĩa Đức", "code": "T-DN-ND",
                                          "level": "grassroots", "parent_id": cls.sector_dn.id,
                                          "funding_type": "public_full"})
        cls.school_dn_ended.write({"state": "dissolved", "date_ended": date(2025, 6, 1)})
        cls.member_dn = cls.env["union.member"].create({
            "name": "Phạm Thị Mai", "gender": "female", "birth_date": date(1988, 4, 9),
            "citizen_id": "067188000011", "organization_id": cls.school_dn.id, "date_joined": date(2012, 9, 1)})

        def officer(login, group, units):
            user = new_test_user(cls.env, login=login, name=login,
                                 groups=f"base.group_user,union_membership.{group}")
            user.union_organization_ids = [Command.set(units.ids)]
            return user

        cls.user_ld = officer("t_succ_ld", "group_union_upper_officer", cls.fed_ld)
        cls.user_vgcl = officer("t_succ_vgcl", "group_union_upper_officer", cls.vgcl)
        cls.user_dn = officer("t_succ_dn", "group_union_upper_officer", cls.fed_dn)
        cls.user_school = officer("t_succ_school", "group_union_officer", cls.school_dn)
        cls.user_other = officer("t_succ_other", "group_union_upper_officer", cls.federation)

    @classmethod
    def _merge(cls, sources, target, on_date, decision):
        cls.env["union.organization.merge"].with_user(cls.user_admin).create({
            "mode": "merge", "source_ids": [Command.set(sources.ids)], "target_id": target.id,
            "date": on_date, "decision_ref": decision}).action_confirm()

    @classmethod
    def _merge_province(cls):
        cls._merge(cls.sector_dn, cls.fed_dn, date(2025, 6, 30), "215/QĐ-LĐLĐ")
        cls._merge(cls.fed_dn, cls.fed_ld, date(2025, 7, 1), "1520/QĐ-TLĐ")


@tagged("post_install", "-at_install")
class TestOrganizationSuccession(SuccessionCommon):
    """A merged unit's successor keeps its archive: read only, transitive, nothing more."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.statistics_dn = cls.env["union.member.statistics"].with_user(cls.user_dn).create({
            "organization_id": cls.sector_dn.id, "date_from": date(2025, 1, 1), "date_to": date(2025, 5, 31)})
        cls.statistics_dn.action_compute()
        cls._merge_province()
        cls.archive = cls.fed_dn | cls.sector_dn | cls.school_dn_ended

    def test_merge_records_the_successor(self):
        self.assertEqual(self.sector_dn.merged_into_id, self.fed_dn)
        self.assertEqual(self.fed_dn.merged_into_id, self.fed_ld)
        self.assertFalse(self.school_dn_ended.merged_into_id)  # dissolved, not merged
        # transitive: what fed_dn kept passes to fed_ld with fed_dn itself
        self.assertEqual(self.sector_dn.successor_ids, self.fed_dn | self.fed_ld)
        self.assertEqual(self.school_dn_ended.successor_ids, self.fed_dn | self.fed_ld)
        self.assertEqual(self.fed_dn.successor_ids, self.fed_ld)
        # units in operation have none: they moved under the successor with their members
        self.assertEqual(self.school_dn.parent_id, self.fed_ld)
        self.assertFalse((self.school_dn | self.fed_ld).successor_ids)
        # the merge event names the surviving unit (the unit's History tab)
        event = self.fed_dn.event_ids.filtered(lambda e: e.event_type == "merge")
        self.assertEqual((event.merged_into_id, event.decision_ref), (self.fed_ld, "1520/QĐ-TLĐ"))

    def test_successor_officer_reads_the_closed_units(self):
        for user in (self.user_ld, self.user_vgcl):
            Org = self.env["union.organization"].with_user(user).with_context(active_test=False)
            rows = Org.search_read([("state", "!=", "active")], ["name", "state", "merged_into_id"])
            self.assertEqual({row["id"] for row in rows}, set(self.archive.ids), user.login)
            groups = Org.read_group([("id", "in", self.archive.ids)], ["state"], ["state"])
            self.assertEqual({g["state"]: g["state_count"] for g in groups}, {"merged": 2, "dissolved": 1})
            exported = Org.browse(self.archive.ids).export_data(["code", "merged_into_id"])["datas"]
            self.assertEqual(sorted(row[0] for row in exported), sorted(self.archive.mapped("code")))
            self.assertEqual(self.fed_dn.with_user(user).read(["name"])[0]["name"], self.fed_dn.name)
            # the closed units' history too
            Event = self.env["union.organization.event"].with_user(user)
            events = Event.search_read([("organization_id", "in", self.archive.ids)], ["event_type"])
            self.assertEqual({e["event_type"] for e in events}, {"founding", "merge", "dissolution"})

    def test_successor_officer_reads_the_closed_units_statistics(self):
        Statistics = self.env["union.member.statistics"].with_user(self.user_ld)
        self.assertEqual(Statistics.search([]), self.statistics_dn)
        lines = self.env["union.member.statistics.line"].with_user(self.user_ld).search_read([], ["organization_id"])
        self.assertTrue(lines)
        self.assertEqual({line["id"] for line in lines}, set(self.statistics_dn.sudo().line_ids.ids))
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.statistics_dn.with_user(self.user_ld).write({"date_to": date(2025, 6, 30)})
        self.assertFalse(self.env["union.member.statistics"].with_user(self.user_other).search([]))

    def test_successor_officer_cannot_change_the_archive(self):
        Org = self.env["union.organization"].with_user(self.user_ld)
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.fed_dn.with_user(self.user_ld).write({"name": "Đổi tên"})
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.sector_dn.with_user(self.user_ld).write({"end_reason": "Sửa"})
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.school_dn_ended.with_user(self.user_ld).unlink()
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            Org.create({"name": "Đơn vị mới", "code": "T-DN-NEW", "parent_id": self.fed_dn.id})
        Event = self.env["union.organization.event"].with_user(self.user_ld)
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            Event.create({"organization_id": self.fed_dn.id, "event_type": "change", "date": date(2026, 1, 1)})
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.fed_dn.event_ids[:1].with_user(self.user_ld).unlink()

    def test_other_officers_see_nothing_of_the_archive(self):
        for user in (self.user_other, self.user_school):
            Org = self.env["union.organization"].with_user(user).with_context(active_test=False)
            self.assertFalse(Org.search_read([("id", "in", self.archive.ids)], ["name"]), user.login)
            self.assertFalse(Org.read_group([("id", "in", self.archive.ids)], ["state"], ["state"]))
            with self.assertRaises(AccessError), mute_logger("odoo.models"):
                self.fed_dn.with_user(user).read(["name"])
            with self.assertRaises(AccessError), mute_logger("odoo.models"):
                Org.browse(self.sector_dn.ids).export_data(["name"])
            self.assertFalse(self.env["union.organization.event"].with_user(user).search(
                [("organization_id", "in", self.archive.ids)]))

    def test_chain_and_no_leak_to_an_earlier_successor(self):
        """fed_dn's officer (kept on the closed unit) reads what was merged into fed_dn; a unit
        merged later into fed_ld directly (Bình Thuận) stays out of their reach."""
        self._merge(self.fed_bt, self.fed_ld, date(2025, 7, 1), "1521/QĐ-TLĐ")
        Org = self.env["union.organization"].with_context(active_test=False)
        dn_reads = Org.with_user(self.user_dn).search([("state", "!=", "active")])
        self.assertEqual(dn_reads, self.archive)
        self.assertNotIn(self.fed_bt, dn_reads)
        ld_reads = Org.with_user(self.user_ld).search([("state", "!=", "active")])
        self.assertEqual(ld_reads, self.archive | self.fed_bt)
        # the successor's officer reads the archive, never the rest of the old province's tree
        self.assertNotIn(self.federation, Org.with_user(self.user_ld).search([]))

    def test_helper_domain_matches_the_rule(self):
        Org = self.env["union.organization"].with_context(active_test=False)
        domain = Org._union_archive_domain(user=self.user_ld)
        self.assertEqual(Org.search(domain), self.archive)
        self.assertEqual(Org.search(Org._union_readable_domain(user=self.user_ld)),
                         Org.with_user(self.user_ld).search([]))
        event_domain = Org._union_archive_domain("organization_id", user=self.user_ld)
        self.assertEqual(self.env["union.organization.event"].search(event_domain).organization_id, self.archive)
        self.assertFalse(Org.search(Org._union_archive_domain(user=self.user_other)))

    def test_filled_from_history_for_older_merges(self):
        """Units merged before 18.0.1.3.0 get their successor from what the merge wrote."""
        # sudo: the test removes what the merge recorded, as a database of the previous version has it
        units = self.env["union.organization"].sudo().with_context(active_test=False)
        units.search([]).write({"merged_into_id": False, "successor_ids": [Command.clear()]})
        self.env.flush_all()
        self.env.cr.execute("UPDATE union_organization_event SET merged_into_id = NULL")
        self.env["union.organization.event"].invalidate_model(["merged_into_id"])
        self.assertEqual(units._union_fill_succession_from_history(), 2)
        merge_event = self.fed_dn.event_ids.filtered(lambda e: e.event_type == "merge")
        self.assertEqual(merge_event.merged_into_id, self.fed_ld)
        self.assertEqual(self.sector_dn.merged_into_id, self.fed_dn)
        self.assertEqual(self.fed_dn.merged_into_id, self.fed_ld)
        self.assertEqual(self.sector_dn.successor_ids, self.fed_dn | self.fed_ld)
        self.assertEqual(self.school_dn_ended.successor_ids, self.fed_dn | self.fed_ld)
        self.assertEqual(self.fed_dn.successor_ids, self.fed_ld)
        self.assertEqual(units._union_fill_succession_from_history(), 0)  # a second run changes nothing


@tagged("post_install", "-at_install")
class TestSuccessionScale(SuccessionCommon):
    """The archive rule is one condition inside the query: reading as the successor's officer costs
    the same number of queries whatever the number of closed units, and as many as without it."""

    def _close_units(self, count, start):
        Org = self.env["union.organization"]
        units = Org.create([{"name": f"Đơn vị {start + i}", "code": f"T-S-{start + i}", "level": "grassroots",
                             "parent_id": self.fed_dn.id} for i in range(count)])
        self._merge(units, self.fed_ld, date(2025, 7, 1), f"QĐ-{start}")
        return units

    def test_same_queries_for_more_closed_units(self):
        Org = self.env["union.organization"].with_user(self.user_ld).with_context(active_test=False)

        def count_queries():
            self.env.invalidate_all()
            Org.search_count([])  # warm the rule cache
            before = self.env.cr.sql_log_count
            Org.search_read([("state", "!=", "active")], ["name"])
            return self.env.cr.sql_log_count - before

        self._close_units(5, 0)
        few = count_queries()
        self.assertEqual(Org.search_count([("state", "!=", "active")]), 5)
        self._close_units(40, 100)
        self.assertEqual(Org.search_count([("state", "!=", "active")]), 45)
        self.assertEqual(count_queries(), few)
        # and no query more than without the archive rule: the subtree stays a subquery
        self.env.ref("union_membership.union_organization_rule_successor").active = False
        self.assertEqual(Org.search_count([("state", "!=", "active")]), 0)
        self.assertEqual(count_queries(), few)
