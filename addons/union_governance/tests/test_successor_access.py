from datetime import date

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import GovernanceCommon


@tagged("post_install", "-at_install")
class TestGovernanceOfMergedUnits(GovernanceCommon):
    """The surviving unit keeps the merged unit's terms, committees, officers and congresses: its
    officers (and those above it) read them and change nothing; another unit's officer reads
    nothing of them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        other = cls.env["union.organization"].create({
            "name": "Công đoàn Khu công nghiệp", "code": "T-KCN", "level": "upper", "parent_id": cls.federation.id})
        cls.user_other = new_test_user(cls.env, login="t_gov_other", name="Cán bộ khác",
                                       groups="base.group_user,union_membership.group_union_upper_officer")
        cls.user_other.union_organization_ids = [Command.set(other.ids)]
        cls.env["union.organization.merge"].with_user(cls.user_upper).create({
            "mode": "merge", "source_ids": [Command.set(cls.unit_b.ids)], "target_id": cls.unit_a.id,
            "date": date(2025, 7, 1), "decision_ref": "30/QĐ-CĐN"}).action_confirm()

    def test_successor_reads_the_closed_units_governance(self):
        self.assertEqual(self.unit_b.merged_into_id, self.unit_a)
        Term = self.env["union.term"].with_user(self.user_officer_a)
        rows = Term.search_read([("organization_id", "=", self.unit_b.id)], ["congress_number"])
        self.assertEqual([row["id"] for row in rows], self.term_b.ids)
        groups = Term.read_group([("organization_id", "=", self.unit_b.id)], ["congress_number"], ["organization_id"])
        self.assertEqual(groups[0]["organization_id_count"], 1)
        self.assertEqual(Term.browse(self.term_b.ids).export_data(["congress_number"])["datas"], [[2]])
        self.assertEqual(self.exec_b.with_user(self.user_officer_a).read(["seats"])[0]["seats"], 3)
        self.assertEqual(self.env["union.officer.post"].with_user(self.user_officer_a).search(
            [("organization_id", "=", self.unit_b.id)]), self.post_b1)
        self.assertEqual(self.env["union.congress"].with_user(self.user_officer_a).search(
            [("organization_id", "=", self.unit_b.id)]), self.congress_b)

    def test_successor_changes_nothing(self):
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.term_b.with_user(self.user_officer_a).write({"congress_number": 9})
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.congress_b.with_user(self.user_officer_a).unlink()
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.env["union.term"].with_user(self.user_officer_a).create({
                "organization_id": self.unit_b.id, "congress_number": 3,
                "date_start": date(2026, 5, 1), "date_end": date(2031, 5, 1)})

    def test_other_unit_reads_nothing(self):
        Term = self.env["union.term"].with_user(self.user_other)
        self.assertFalse(Term.search_read([("organization_id", "=", self.unit_b.id)], ["congress_number"]))
        self.assertFalse(Term.read_group([("organization_id", "=", self.unit_b.id)], ["congress_number"],
                                         ["organization_id"]))
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            Term.browse(self.term_b.ids).export_data(["congress_number"])
        self.assertFalse(self.env["union.congress"].with_user(self.user_other).search(
            [("organization_id", "=", self.unit_b.id)]))
