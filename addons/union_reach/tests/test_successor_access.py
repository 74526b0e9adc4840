from datetime import date

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import ReachCommon, new_officer


@tagged("post_install", "-at_install")
class TestOutreachOfMergedUnits(ReachCommon):
    """A merge passes what is under way (waiting applications, workplaces without a union, the
    routes of new applications) to the surviving unit; what is done stays with the closed unit,
    read only by the successor's officers; another unit's officer reads nothing of it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        other = cls.env["union.organization"].create({
            "name": "Công đoàn Khu công nghiệp", "code": "T-KCN", "level": "upper", "parent_id": cls.federation.id})
        cls.user_other = new_officer(cls, "t_reach_other", "group_union_upper_officer", other)
        (cls.user_officer_a | cls.user_other).groups_id += cls.env.ref("base.group_allow_export")
        cls.employer_b = cls.env["res.partner"].create({"name": "Trường THCS B", "is_company": True})
        cls.route_b = cls.env["union.reach.route"].create({
            "employer_id": cls.employer_b.id, "organization_id": cls.unit_b.id, "sequence": 1})
        cls.waiting = cls._application(organization_id=cls.unit_b.id, employer_id=cls.employer_b.id,
                                       employer_name="Trường THCS B")
        cls.declined = cls._application(organization_id=cls.unit_b.id, name="Đỗ Thị Mai",
                                        id_document_number="067195004321", email="mai@example.vn")
        cls.declined.write({"state": "declined"})
        cls.workplace_b = cls.env["union.reach.workplace"].create({
            "name": "Công ty Cổ phần Bình Minh", "organization_id": cls.unit_b.id, "headcount": 40})
        merge = cls.env["union.organization.merge"].with_user(cls.user_upper).create({
            "mode": "merge", "source_ids": [Command.set(cls.unit_b.ids)], "target_id": cls.unit_a.id,
            "date": date(2025, 7, 1), "decision_ref": "30/QĐ-CĐN"})
        cls.preview = merge.with_context(lang="en_US").preview
        merge.action_confirm()

    def test_what_is_under_way_goes_to_the_surviving_unit(self):
        self.assertIn("1 waiting online application(s), 1 workplace(s) without a union and 1 application "
                      "route(s) passed to the surviving unit", self.preview)
        self.assertEqual(self.waiting.organization_id, self.unit_a)
        self.assertIn("30/QĐ-CĐN", self.waiting.message_ids[0].body)
        self.assertEqual(self.workplace_b.organization_id, self.unit_a)
        self.assertEqual(self.route_b.organization_id, self.unit_a)
        # the employer's next application goes to the surviving unit, not to the province's route
        self.assertEqual(self.env["union.reach.route"]._route(self.employer_b, False), self.unit_a)
        self.assertEqual(self.declined.organization_id, self.unit_b, "what is done stays with its unit")

    def test_successor_reads_the_closed_units_applications_and_changes_nothing(self):
        Application = self.env["union.reach.application"].with_user(self.user_officer_a)
        rows = Application.search_read([("organization_id", "=", self.unit_b.id)], ["name"])
        self.assertEqual([row["id"] for row in rows], self.declined.ids)
        groups = Application.read_group([("organization_id", "=", self.unit_b.id)], ["name"], ["organization_id"])
        self.assertEqual(groups[0]["organization_id_count"], 1)
        self.assertEqual(Application.browse(self.declined.ids).export_data(["name"])["datas"], [["Đỗ Thị Mai"]])
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            Application.browse(self.declined.ids).write({"state": "new"})
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            Application.browse(self.declined.ids).unlink()

    def test_other_unit_reads_nothing(self):
        Application = self.env["union.reach.application"].with_user(self.user_other)
        self.assertFalse(Application.search_read([("organization_id", "=", self.unit_b.id)], ["name"]))
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            Application.browse(self.declined.ids).export_data(["name"])
        self.assertFalse(self.env["union.reach.workplace"].with_user(self.user_other).search(
            [("organization_id", "in", (self.unit_a | self.unit_b).ids)]))
