import json
import re
from datetime import timedelta

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import EmulationCommon


@tagged("post_install", "-at_install")
class TestMemberRegistration(EmulationCommon, HttpCase):
    """Issue 13 #14: a member registers only through the portal route, within the deadline, and
    can never rewrite the date, movement or unit of the registration afterwards."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_portal_a1.password = "t_portal_a1_pw"
        cls.late = cls.movement.copy({"name": "Đổi mới sáng tạo", "state": "launched",
                                      "registration_deadline": cls.today - timedelta(days=1)})

    def _csrf(self):
        html = self.url_open("/my/union/emulation").text
        return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)

    def _registration(self):
        return self.env["union.emulation.registration"].search([("member_id", "=", self.member_a1.id)])

    def test_orm_create_and_write_refused(self):
        Registration = self.env["union.emulation.registration"].with_user(self.user_portal_a1)
        with self.assertRaises(AccessError):
            Registration.create({"movement_id": self.late.id, "member_id": self.member_a1.id})
        registration = self.env["union.emulation.registration"].create(
            {"movement_id": self.movement.id, "member_id": self.member_a1.id})
        own = registration.with_user(self.user_portal_a1)
        self.assertEqual(own.movement_id, self.movement)    # the member reads their registration
        for vals in ({"date_registered": self.today - timedelta(days=30)}, {"movement_id": self.late.id},
                     {"organization_id": self.unit_b.id}, {"state": "withdrawn"}, {"note": "Sửa cam kết"}):
            with self.assertRaises(AccessError):
                own.write(vals)
        with self.assertRaises(AccessError):
            own.unlink()
        self.assertEqual((registration.movement_id, registration.date_registered, registration.organization_id),
                         (self.movement, self.today, self.unit_a))

    def test_json_rpc_write_refused(self):
        registration = self.env["union.emulation.registration"].create(
            {"movement_id": self.movement.id, "member_id": self.member_a1.id})
        self.authenticate("t_portal_a1", "t_portal_a1_pw")
        for method, args in (("write", [[registration.id], {"movement_id": self.late.id}]),
                             ("create", [{"movement_id": self.late.id, "member_id": self.member_a1.id}])):
            payload = {"jsonrpc": "2.0", "method": "call", "id": 1, "params": {
                "model": "union.emulation.registration", "method": method, "args": args, "kwargs": {}}}
            with mute_logger("odoo.http"):
                response = self.url_open("/web/dataset/call_kw", data=json.dumps(payload),
                                         headers={"Content-Type": "application/json"})
            self.assertIn("error", response.json())
        registration.invalidate_recordset()
        self.assertEqual(registration.movement_id, self.movement)
        self.assertFalse(self.env["union.emulation.registration"].search([("movement_id", "=", self.late.id)]))

    def test_portal_post_extra_fields_ignored(self):
        self.authenticate("t_portal_a1", "t_portal_a1_pw")
        response = self.url_open("/my/union/emulation/register", data={
            "csrf_token": self._csrf(), "movement_id": self.movement.id, "note": "Cam kết",
            # what an attacker adds to the form
            "date_registered": "2020-01-01", "organization_id": self.unit_b.id, "member_id": self.member_b1.id,
            "registrant_type": "unit", "state": "withdrawn", "award_title_id": self.title_ldtt.id})
        self.assertIn("union-emulation-success", response.text)
        registration = self._registration()
        self.assertEqual(len(registration), 1)
        self.assertEqual((registration.movement_id, registration.date_registered, registration.organization_id,
                          registration.registrant_type, registration.state, registration.note),
                         (self.movement, self.today, self.unit_a, "member", "registered", "Cam kết"))
        self.assertFalse(registration.award_title_id)
        self.assertFalse(self.env["union.emulation.registration"].search([("member_id", "=", self.member_b1.id)]))

    def test_portal_post_after_deadline_or_draft_refused(self):
        self.authenticate("t_portal_a1", "t_portal_a1_pw")
        csrf = self._csrf()
        response = self.url_open("/my/union/emulation/register", data={
            "csrf_token": csrf, "movement_id": self.late.id, "date_registered": "2020-01-01"})
        self.assertIn("union-emulation-error", response.text)
        draft = self.movement.copy({"name": "Phong trào nháp", "state": "draft"})
        response = self.url_open("/my/union/emulation/register", data={
            "csrf_token": csrf, "movement_id": draft.id})
        self.assertIn("union-emulation-error", response.text)
        self.assertFalse(self._registration())
