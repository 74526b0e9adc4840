from datetime import date

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import TrainingCommon


@tagged("post_install", "-at_install")
class TestTrainingOfMergedUnits(TrainingCommon):
    """The surviving unit keeps the merged unit's trainings and meetings: its officers (and those
    above it) read them and change nothing; another unit's officer reads nothing of them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        other = cls.env["union.organization"].create({
            "name": "Công đoàn Khu công nghiệp", "code": "T-KCN", "level": "upper", "parent_id": cls.federation.id})
        cls.user_other = new_test_user(cls.env, login="t_training_other", name="Cán bộ khác",
                                       groups="base.group_user,union_membership.group_union_upper_officer")
        cls.user_other.union_organization_ids = [Command.set(other.ids)]
        cls.env["union.organization.merge"].with_user(cls.user_upper).create({
            "mode": "merge", "source_ids": [Command.set(cls.unit_b.ids)], "target_id": cls.unit_a.id,
            "date": date(2025, 7, 1), "decision_ref": "30/QĐ-CĐN"}).action_confirm()

    def test_successor_reads_the_closed_units_trainings(self):
        self.assertEqual(self.event_b.union_organization_id, self.unit_b)
        Event = self.env["event.event"].with_user(self.user_officer_a)
        rows = Event.search_read([("union_organization_id", "=", self.unit_b.id)], ["name"])
        self.assertEqual([row["id"] for row in rows], self.event_b.ids)
        groups = Event.read_group([("union_organization_id", "=", self.unit_b.id)], ["name"],
                                  ["union_organization_id"])
        self.assertEqual(groups[0]["union_organization_id_count"], 1)
        self.assertEqual(Event.browse(self.event_b.ids).export_data(["name"])["datas"], [[self.event_b.name]])
        Session = self.env["union.training.session"].with_user(self.user_officer_a)
        self.assertEqual(Session.search([("event_id", "=", self.event_b.id)]), self.event_b.union_session_ids)

    def test_successor_changes_nothing(self):
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.event_b.with_user(self.user_officer_a).write({"name": "Sửa"})
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.event_b.union_session_ids.with_user(self.user_officer_a).unlink()

    def test_other_unit_reads_nothing(self):
        Event = self.env["event.event"].with_user(self.user_other)
        self.assertFalse(Event.search_read([("union_organization_id", "=", self.unit_b.id)], ["name"]))
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            Event.browse(self.event_b.ids).export_data(["name"])
