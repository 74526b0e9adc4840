from datetime import date, timedelta

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import EmulationCommon


@tagged("post_install", "-at_install")
class TestEmulationOfMergedUnits(EmulationCommon):
    """The surviving unit keeps the merged unit's emulation records: its officers (and those above
    it) read them and change nothing; an officer of another unit reads nothing of them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Org = cls.env["union.organization"]
        cls.upper_2 = Org.create({"name": "Công đoàn Khu công nghiệp", "code": "T-KCN", "level": "upper",
                                  "short_name": "CĐKCN", "parent_id": cls.federation.id})
        cls.unit_c = Org.create({"name": "Công đoàn Công ty C", "code": "T-C", "level": "grassroots",
                                 "parent_id": cls.upper_2.id, "funding_type": "enterprise"})
        Movement = cls.env["union.emulation.movement"]
        cls.movement_2 = Movement.create({
            "name": "Lao động giỏi khu công nghiệp", "organization_id": cls.upper_2.id,
            "date_start": cls.today, "date_end": cls.today + timedelta(days=100),
            "registration_deadline": cls.today + timedelta(days=5)})
        cls.movement_2.action_launch()
        cls.registration_c = cls.env["union.emulation.registration"].create({
            "movement_id": cls.movement_2.id, "registrant_type": "unit", "organization_id": cls.unit_c.id})
        cls.draft_c = Movement.create({
            "name": "Phong trào nháp của công ty C", "organization_id": cls.unit_c.id,
            "date_start": cls.today, "date_end": cls.today + timedelta(days=100),
            "registration_deadline": cls.today + timedelta(days=5)})
        cls.env["union.organization.merge"].with_user(cls.user_admin).create({
            "mode": "merge", "source_ids": [Command.set(cls.unit_c.ids)], "target_id": cls.unit_b.id,
            "date": date(2025, 7, 1), "decision_ref": "12/QĐ-LĐLĐ"}).action_confirm()

    def test_successor_reads_the_closed_units_records(self):
        self.assertEqual(self.unit_c.merged_into_id, self.unit_b)
        for user in (self.user_officer_b, self.user_upper):
            Registration = self.env["union.emulation.registration"].with_user(user)
            rows = Registration.search_read([("organization_id", "=", self.unit_c.id)], ["movement_id", "state"])
            self.assertEqual([row["id"] for row in rows], self.registration_c.ids, user.login)
            groups = Registration.read_group([("organization_id", "=", self.unit_c.id)], ["state"], ["state"])
            self.assertEqual(sum(g["state_count"] for g in groups), 1)
            exported = Registration.browse(self.registration_c.ids).export_data(["organization_id"])["datas"]
            self.assertEqual(exported, [[self.unit_c.display_name]])
            self.assertEqual(self.draft_c.with_user(user).read(["name"])[0]["name"], self.draft_c.name)
            self.assertIn(self.draft_c, self.env["union.emulation.movement"].with_user(user).search(
                [("state", "=", "draft")]))

    def test_successor_changes_nothing(self):
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.registration_c.with_user(self.user_officer_b).write({"note": "Sửa"})
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.registration_c.with_user(self.user_officer_b).unlink()
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.draft_c.with_user(self.user_officer_b).write({"name": "Sửa"})
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.env["union.emulation.movement"].with_user(self.user_officer_b).create({
                "name": "Phong trào mới của đơn vị đã sáp nhập", "organization_id": self.unit_c.id,
                "date_start": self.today, "date_end": self.today + timedelta(days=30),
                "registration_deadline": self.today + timedelta(days=5)})

    def test_other_unit_reads_nothing(self):
        user = self.user_officer_a
        Registration = self.env["union.emulation.registration"].with_user(user)
        self.assertFalse(Registration.search_read([("organization_id", "=", self.unit_c.id)], ["state"]))
        self.assertFalse(Registration.read_group([("organization_id", "=", self.unit_c.id)], ["state"], ["state"]))
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            Registration.browse(self.registration_c.ids).export_data(["organization_id"])
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.draft_c.with_user(user).read(["name"])
