import json
from datetime import date
from unittest.mock import patch

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common import UnionCommon
from .jobs import trap_jobs


@tagged("post_install", "-at_install")
class TestOrganizationMerge(UnionCommon, HttpCase):
    """Merging units into one and moving subtrees, on a date, all or nothing."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Org = cls.env["union.organization"]
        cls.commune = Org.create({"name": "Công đoàn phường Nam Gia Nghĩa", "code": "T-PNGN", "level": "upper",
                                  "unit_kind": "commune", "short_name": "CĐP", "parent_id": cls.federation.id})
        cls.user_federation = new_test_user(
            cls.env, login="t_federation", name="Cán bộ LĐLĐ",
            groups="base.group_user,union_membership.group_union_upper_officer")
        cls.user_federation.union_organization_ids = [(6, 0, cls.federation.ids)]

    def _wizard(self, user=None, **vals):
        values = {"mode": "merge", "date": date(2025, 7, 1), "decision_ref": "125/QĐ-LĐLĐ"}
        values.update(vals)
        return self.env["union.organization.merge"].with_user(user or self.user_upper).create(values)

    def test_merge_into_an_existing_unit(self):
        wizard = self._wizard(source_ids=[(6, 0, self.unit_b.ids)], target_id=self.unit_a.id)
        self.assertIn("1 member(s) transferred", wizard.preview)
        self.assertIn("There is no undo", wizard.preview)
        self.assertIn("1 member(s) listed for a new card", wizard.preview)
        action = wizard.action_confirm()
        self.assertEqual(self.member_b1.organization_id, self.unit_a)
        event = self.member_b1.event_ids.filtered(lambda e: e.event_type == "transfer")
        self.assertEqual((event.date, event.decision_ref, event.from_organization_id),
                         (date(2025, 7, 1), "125/QĐ-LĐLĐ", self.unit_b))
        self.assertEqual((self.unit_b.state, self.unit_b.date_ended), ("merged", date(2025, 7, 1)))
        self.assertEqual(action["domain"], [("id", "in", self.member_b1.ids)])
        # history still answers: on 30 June B was a unit in operation with its member
        Org = self.env["union.organization"]
        self.assertEqual(Org._get_tree_at(date(2025, 6, 30))[self.unit_b.id]["state"], "active")
        status = self.env["union.member"]._get_status_at(date(2025, 6, 30))
        self.assertEqual(status[self.member_b1.id][1], self.unit_b.id)

    def test_merge_into_a_new_unit_moves_sub_units(self):
        wizard = self._wizard(user=self.user_federation, source_ids=[(6, 0, (self.unit_a | self.unit_b).ids)],
                              target_kind="new", new_name="Công đoàn Liên trường A-B", new_code="T-AB",
                              new_level="grassroots", new_parent_id=self.commune.id)
        self.assertIn("1 sub-unit(s) placed under the surviving unit", wizard.preview)
        wizard.action_confirm()
        new = self.env["union.organization"].search([("code", "=", "T-AB")])
        self.assertEqual(new.parent_id, self.commune)
        self.assertEqual(self.group_a.parent_id, new)
        self.assertEqual(self.member_a1.organization_id, new)
        self.assertEqual(self.member_a2.organization_id, self.group_a)  # the group moved with its members
        self.assertEqual(wizard.card_member_ids, self.member_a1 | self.member_a2 | self.member_b1)
        move = self.group_a.event_ids.filtered(lambda e: e.event_type == "move")
        self.assertEqual((move.date, move.parent_id, move.decision_ref), (date(2025, 7, 1), new, "125/QĐ-LĐLĐ"))
        self.assertEqual(set((self.unit_a | self.unit_b).mapped("state")), {"merged"})

    def test_move_a_subtree(self):
        wizard = self._wizard(user=self.user_federation, mode="move", source_ids=[(6, 0, self.unit_a.ids)],
                              new_parent_id=self.commune.id)
        self.assertIn("2 member(s)", wizard.preview)
        wizard.action_confirm()
        self.assertEqual(self.unit_a.parent_id, self.commune)
        self.assertEqual(self.group_a.parent_id, self.unit_a)
        Org = self.env["union.organization"]
        self.assertEqual(Org._get_tree_at(date(2025, 6, 30))[self.unit_a.id]["parent_id"], self.upper.id)
        self.assertEqual(Org._get_tree_at(date(2025, 7, 1))[self.unit_a.id]["parent_id"], self.commune.id)
        # statistics of the education union before and after the date
        Stat = self.env["union.member.statistics"].with_user(self.user_federation)
        before = Stat.create({"organization_id": self.upper.id, "date_from": date(2025, 1, 1),
                              "date_to": date(2025, 6, 30)})
        after = Stat.create({"organization_id": self.upper.id, "date_from": date(2025, 7, 1),
                             "date_to": date(2025, 7, 31)})
        (before | after).action_compute()
        self.assertEqual((before.total_members, after.total_members), (3, 1))

    def test_a_failure_half_way_leaves_nothing_moved(self):
        wizard = self._wizard(user=self.user_federation, source_ids=[(6, 0, self.unit_a.ids)],
                              target_id=self.unit_b.id)
        Org = type(self.env["union.organization"])
        with patch.object(Org, "_union_merge_into", side_effect=UserError("boom"), autospec=True), \
                self.assertRaises(UserError):
            wizard.action_confirm()
        self.assertEqual(self.member_a1.organization_id, self.unit_a)
        self.assertFalse(self.member_a1.event_ids.filtered(lambda e: e.event_type == "transfer"))
        self.assertEqual(self.group_a.parent_id, self.unit_a)
        self.assertEqual(self.unit_a.state, "active")
        self.assertFalse(self.unit_a.event_ids.filtered(lambda e: e.event_type != "founding"))

    def test_only_an_officer_over_every_unit_may_merge(self):
        # a grassroots officer: no access to the wizard at all
        with self.assertRaises(AccessError):
            self._wizard(user=self.user_officer_a, source_ids=[(6, 0, self.unit_b.ids)], target_id=self.unit_a.id)
        # the education union's officer cannot reach a unit of the federation they do not manage
        with self.assertRaises(AccessError):
            self._wizard(source_ids=[(6, 0, self.commune.ids)], target_id=self.unit_a.id)
        # ... nor merge their units into one outside their reach (the commune union)
        wizard = self._wizard(source_ids=[(6, 0, self.unit_b.ids)], target_id=self.unit_a.id)
        wizard.sudo().target_id = self.commune
        with self.assertRaises(AccessError):
            wizard.action_confirm()
        # ... nor create the new unit under a parent they do not manage
        wizard = self._wizard(source_ids=[(6, 0, self.unit_b.ids)], target_kind="new", new_name="X",
                              new_code="T-X", new_parent_id=self.upper.id)
        wizard.sudo().new_parent_id = self.commune
        with self.assertRaises(AccessError):
            wizard.action_confirm()
        # ... nor close the unit they manage themselves (only the level above may)
        wizard = self._wizard(source_ids=[(6, 0, self.upper.ids)], target_id=self.unit_a.id)
        with self.assertRaises(UserError):  # the surviving unit is below the closing one
            wizard.action_confirm()
        wizard = self._wizard(mode="move", source_ids=[(6, 0, self.upper.ids)], new_parent_id=self.upper.id)
        with self.assertRaises(UserError):
            wizard.action_confirm()
        self.assertEqual(self.unit_b.state, "active")
        # the administrator may
        wizard = self._wizard(user=self.user_admin, source_ids=[(6, 0, self.unit_b.ids)], target_id=self.commune.id)
        wizard.action_confirm()
        self.assertEqual(self.member_b1.organization_id, self.commune)

    def test_json_rpc_merge_outside_ones_reach_is_refused(self):
        """Over JSON-RPC the same: an officer of the education union merging into the commune union."""
        wizard = self._wizard(source_ids=[(6, 0, self.unit_b.ids)], target_id=self.unit_a.id)
        wizard.sudo().target_id = self.commune
        self.authenticate("t_upper", "t_upper")
        with mute_logger("odoo.http"):
            response = self.url_open("/web/dataset/call_kw", data=json.dumps({
                "jsonrpc": "2.0", "method": "call", "params": {
                    "model": "union.organization.merge", "method": "action_confirm", "args": [wizard.ids],
                    "kwargs": {}}}), headers={"Content-Type": "application/json"})
        self.assertEqual(response.json()["error"]["data"]["name"], "odoo.exceptions.AccessError")
        self.assertEqual(self.unit_b.state, "active")
        self.assertEqual(self.member_b1.organization_id, self.unit_b)

    # --- in the background (issue 19): a large merge from the form --------------------------

    def test_large_merge_runs_once_in_background(self):
        self.env["ir.config_parameter"].sudo().set_param("union_membership.merge_background_min_records", "1")
        wizard = self._wizard(user=self.user_federation, source_ids=[(6, 0, self.unit_a.ids)],
                              target_id=self.unit_b.id)
        button = wizard.with_context(union_merge_in_background=True)
        with trap_jobs() as trap:
            action = button.action_confirm()
            button.action_confirm()  # the double click
            trap.assert_jobs_count(1)
            self.assertEqual((action["res_model"], action["res_id"]), (wizard._name, wizard.id))
            self.assertEqual(wizard.union_job_state, "queued")
            self.assertEqual(self.member_a1.organization_id, self.unit_a)  # nothing yet
            self.assertEqual(self.unit_a.state, "active")
            trap.perform_enqueued_jobs()
        wizard.invalidate_recordset()  # as the form's next read does (the state above was read before)
        self.assertEqual((wizard.union_job_state, wizard.union_job_progress), ("done", 100))
        self.assertIn("125/QĐ-LĐLĐ", wizard.union_job_message)
        self.assertEqual(self.member_a1.organization_id, self.unit_b)
        self.assertEqual(self.group_a.parent_id, self.unit_b)
        self.assertEqual(self.unit_a.state, "merged")
        self.assertEqual(wizard.card_member_ids, self.member_a1 | self.member_a2)
        self.assertEqual(wizard.union_job_id.user_id, self.user_federation)
        # a click after the end does not merge again
        with trap_jobs() as trap:
            button.action_confirm()
            trap.assert_jobs_count(0)

    def test_background_failure_moves_nothing(self):
        self.env["ir.config_parameter"].sudo().set_param("union_membership.merge_background_min_records", "1")
        wizard = self._wizard(user=self.user_federation, source_ids=[(6, 0, self.unit_a.ids)],
                              target_id=self.unit_b.id)
        Org = type(self.env["union.organization"])
        with trap_jobs() as trap:
            wizard.with_context(union_merge_in_background=True).action_confirm()
            with patch.object(Org, "_union_merge_into", autospec=True,
                              side_effect=UserError("Sổ của đơn vị đã khóa đến 30/06/2025")):
                trap.perform_enqueued_jobs()
        self.assertEqual(wizard.union_job_state, "failed")
        self.assertEqual(wizard.union_job_message, "Sổ của đơn vị đã khóa đến 30/06/2025")
        self.assertEqual(self.member_a1.organization_id, self.unit_a)
        self.assertFalse(self.member_a1.event_ids.filtered(lambda e: e.event_type == "transfer"))
        self.assertEqual(self.group_a.parent_id, self.unit_a)
        self.assertEqual(self.unit_a.state, "active")
        self.assertFalse(self.unit_a.event_ids.filtered(lambda e: e.event_type != "founding"))
        # corrected, confirmed again: a new job, which does it
        with trap_jobs() as trap:
            wizard.with_context(union_merge_in_background=True).action_confirm()
            trap.assert_jobs_count(1)
            trap.perform_enqueued_jobs()
        self.assertEqual((wizard.union_job_state, self.member_a1.organization_id), ("done", self.unit_b))

    def test_background_job_checks_access_again(self):
        """The officer lost the federation between the click and the job: the job refuses, nothing moves."""
        self.env["ir.config_parameter"].sudo().set_param("union_membership.merge_background_min_records", "1")
        wizard = self._wizard(user=self.user_federation, mode="move", source_ids=[(6, 0, self.unit_a.ids)],
                              new_parent_id=self.commune.id)
        with trap_jobs() as trap:
            wizard.with_context(union_merge_in_background=True).action_confirm()
            self.user_federation.union_organization_ids = [(6, 0, self.upper.ids)]
            trap.perform_enqueued_jobs()
        self.assertEqual(wizard.union_job_state, "failed")
        self.assertEqual(self.unit_a.parent_id, self.upper)

    def test_small_merge_and_code_stay_synchronous(self):
        wizard = self._wizard(user=self.user_federation, source_ids=[(6, 0, self.unit_a.ids)],
                              target_id=self.unit_b.id)
        with trap_jobs() as trap:
            wizard.with_context(union_merge_in_background=True).action_confirm()  # 3 < 2,000
            trap.assert_jobs_count(0)
        self.assertEqual(self.member_a1.organization_id, self.unit_b)
        self.assertFalse(wizard.union_job_id)

    def test_members_transferred_by_batches(self):
        """More members than a batch: every one gets its event, in several creates."""
        from odoo.addons.union_membership.wizard import union_organization_merge as merge_module
        wizard = self._wizard(user=self.user_federation, source_ids=[(6, 0, (self.unit_a | self.group_a).ids)],
                              target_id=self.unit_b.id)
        with patch.object(merge_module, "TRANSFER_BATCH", 1):
            wizard.action_confirm()
        for member in self.member_a1 | self.member_a2:
            self.assertEqual(member.organization_id, self.unit_b)
            self.assertEqual(len(member.event_ids.filtered(lambda e: e.event_type == "transfer")), 1)
