from datetime import date

from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import UnionCommon


@tagged("post_install", "-at_install")
class TestLifecycle(UnionCommon):

    def _event(self, member, event_type, day, **vals):
        return self.env["union.member.event"].create(dict(
            member_id=member.id, event_type=event_type, date=day, **vals))

    def test_creation_admits_the_member(self):
        event = self.member_a1.event_ids
        self.assertEqual(event.event_type, "admission")
        self.assertEqual(event.date, date(2010, 9, 1))
        self.assertEqual(event.organization_id, self.unit_a)
        self.assertEqual(self.member_a1.state, "active")
        self.assertEqual(self.member_a1.organization_id, self.unit_a)
        self.assertTrue(self.member_a1.member_code.startswith("DV"))
        self.assertNotEqual(self.member_a1.member_code, self.member_a2.member_code)

    def test_every_event_drives_state_and_unit(self):
        m = self.member_a1
        self._event(m, "transfer", date(2020, 9, 1), organization_id=self.unit_b.id)
        self.assertEqual((m.state, m.organization_id), ("active", self.unit_b))
        self.assertEqual(m.event_ids[0].from_organization_id, self.unit_a)
        self._event(m, "suspension", date(2021, 1, 1), end_date=date(2021, 12, 31), reason="Mất việc làm")
        self.assertEqual(m.state, "suspended")
        self._event(m, "resumption", date(2021, 6, 1))
        self.assertEqual(m.state, "active")
        self._event(m, "card", date(2021, 7, 1), card_number="0123456789")
        self.assertEqual(m.card_number, "0123456789")
        self.assertEqual(m.state, "active")
        self._event(m, "withdrawal", date(2022, 1, 1))
        self.assertEqual(m.state, "left")
        self.assertEqual(m.organization_id, self.unit_b, "a leaver stays attached to their last unit")
        self._event(m, "admission", date(2023, 1, 1), organization_id=self.unit_a.id)
        self.assertEqual((m.state, m.organization_id), ("active", self.unit_a))
        self._event(m, "removal", date(2023, 6, 1))
        self.assertEqual(m.state, "left")
        self._event(self.member_a2, "expulsion", date(2023, 6, 1), decision_ref="09/QĐ-CĐCS")
        self.assertEqual(self.member_a2.state, "expelled")
        self._event(self.member_b1, "death", date(2024, 2, 2))
        self.assertEqual(self.member_b1.state, "deceased")
        with self.assertRaises(ValidationError):
            self._event(self.member_b1, "admission", date(2024, 3, 1), organization_id=self.unit_b.id)

    def test_recognition_and_transfer_out(self):
        member = self.env["union.member"].with_context(union_admission_type="recognition").create({
            "name": "Phạm Văn Tú", "organization_id": self.unit_b.id, "date_joined": date(2024, 1, 5)})
        self.assertEqual(member.event_ids.event_type, "recognition")
        self._event(member, "transfer_out", date(2025, 1, 1), reason="Chuyển công tác ra ngoài tỉnh")
        self.assertEqual(member.state, "transferred")

    def test_refused_events_write_nothing(self):
        count = self.env["union.member.event"].search_count([])
        # one good and one bad event in the same batch: nothing is written
        with self.assertRaisesRegex(ValidationError, "Lê Thị Hoa"):
            self.env["union.member.event"].create([
                {"member_id": self.member_a1.id, "event_type": "withdrawal", "date": date(2024, 1, 1)},
                {"member_id": self.member_b1.id, "event_type": "resumption", "date": date(2024, 1, 1)},
            ])
        self.assertEqual(self.env["union.member.event"].search_count([]), count)
        self.assertEqual(self.member_a1.state, "active")
        with self.assertRaisesRegex(ValidationError, "12"):
            self._event(self.member_a1, "suspension", date(2024, 1, 1), end_date=date(2025, 6, 1))
        with self.assertRaisesRegex(ValidationError, "before the latest"):
            self._event(self.member_a1, "withdrawal", date(2000, 1, 1))

    def test_state_and_unit_only_through_events(self):
        with self.assertRaises(UserError):
            self.member_a1.write({"state": "left"})
        with self.assertRaises(UserError):
            self.member_a1.write({"organization_id": self.unit_b.id})
        event = self.member_a1.event_ids
        with self.assertRaises(UserError):
            event.write({"date": date(2011, 1, 1)})
        event.write({"decision_ref": "12/QĐ-CĐCS"})  # the reference may be completed
        self.assertEqual(event.decision_ref, "12/QĐ-CĐCS")
        with self.assertRaises(UserError):
            event.with_user(self.user_officer_a).unlink()

    def test_status_at_any_past_date(self):
        m = self.member_a1
        self._event(m, "transfer", date(2025, 3, 1), organization_id=self.unit_b.id)
        self._event(m, "withdrawal", date(2025, 8, 1))
        Member = self.env["union.member"]
        self.assertEqual(Member._get_status_at(date(2009, 1, 1)).get(m.id), None)
        self.assertEqual(Member._get_status_at(date(2025, 2, 28))[m.id], ("active", self.unit_a.id))
        self.assertEqual(Member._get_status_at(date(2025, 5, 31))[m.id], ("active", self.unit_b.id))
        self.assertEqual(Member._get_status_at(date(2025, 8, 1))[m.id], ("left", self.unit_b.id))
        # members of unit A (with its groups) on 31 May 2025
        on_may = Member._get_members_at(date(2025, 5, 31), self.unit_a)
        self.assertEqual(on_may, self.member_a2)
        self.assertEqual(Member._get_members_at(date(2025, 2, 28), self.unit_a), m | self.member_a2)
        self.assertIn(m, Member._get_members_at(date(2025, 5, 31), self.upper))

    def test_bulk_event_wizard(self):
        members = self.member_a1 | self.member_a2
        action = members.action_suspend()
        wizard_form = Form(self.env["union.member.event.wizard"].with_context(**action["context"]))
        self.assertTrue(wizard_form.needs_end_date)
        wizard_form.date = date(2025, 1, 1)
        wizard_form.end_date = date(2025, 7, 1)
        wizard_form.reason = "Nghỉ việc không lương"
        wizard_form.save().action_confirm()
        self.assertEqual(set(members.mapped("state")), {"suspended"})
        self.assertEqual(len(self.env["union.member.event"].search([
            ("member_id", "in", members.ids), ("event_type", "=", "suspension")])), 2)

    def test_cron_resumes_ended_suspensions(self):
        self._event(self.member_a1, "suspension", date(2024, 1, 1), end_date=date(2024, 6, 30))
        self._event(self.member_b1, "suspension", date(2099, 1, 1), end_date=date(2099, 6, 30))
        resumed = self.env["union.member.event"]._cron_resume_expired_suspensions()
        self.assertEqual(resumed, 1)
        self.assertEqual(self.member_a1.state, "active")
        self.assertEqual(self.member_b1.state, "suspended")

    def test_citizen_id_validation_and_uniqueness(self):
        with self.assertRaisesRegex(ValidationError, "12345"):
            self.env["union.member"].create({"name": "X", "citizen_id": "12345",
                                             "organization_id": self.unit_a.id})
        with self.assertRaises(IntegrityError), self.cr.savepoint(), mute_logger("odoo.sql_db"):
            self.env["union.member"].create({"name": "Y", "citizen_id": "067185000001",
                                             "organization_id": self.unit_a.id})
        member = self.env["union.member"].create({"name": "Z", "citizen_id": " 067 190 000 099",
                                                  "organization_id": self.unit_a.id})
        self.assertEqual(member.citizen_id, "067190000099")
        with self.assertRaisesRegex(ValidationError, "unit"):
            self.env["union.member"].create({"name": "Không đơn vị"})

    def test_citizen_id_on_the_form(self):
        """11 digits are refused outside the import; digit 4 and digits 5-6 must agree with the
        member's sex and birth year (issue 14)."""
        Member = self.env["union.member"].with_user(self.user_officer_a)
        vals = {"name": "Phạm Thị Thu", "gender": "female", "birth_date": date(1992, 4, 5),
                "organization_id": self.unit_a.id}
        with self.assertRaisesRegex(ValidationError, "67192000123 .* 11 digits"):
            Member.create(dict(vals, citizen_id="67192000123"))
        with self.assertRaisesRegex(ValidationError, r"067190000123 .*birth date.*\(190\).*1990.*05/04/1992"):
            Member.create(dict(vals, citizen_id="067190000123"))
        with self.assertRaisesRegex(ValidationError, r"067092000123 .*sex.*\(0\).*male.*female"):
            Member.create(dict(vals, citizen_id="067092000123"))
        member = Member.create(dict(vals, citizen_id="067192000123"))
        self.assertEqual(member.citizen_id, "067192000123")
        # changing the birth date or the sex is checked against the id too
        with self.assertRaisesRegex(ValidationError, "067192000123"):
            member.birth_date = date(1993, 4, 5)
        with self.assertRaisesRegex(ValidationError, "067192000123"):
            member.gender = "male"
        with self.assertRaisesRegex(ValidationError, "11 digits"):
            member.citizen_id = "67192000123"
        # without a known birth date or sex, only the form of the id is checked
        other = Member.create({"name": "Không rõ", "citizen_id": "067205000124", "organization_id": self.unit_a.id})
        self.assertEqual(other.citizen_id, "067205000124")
        # in Vietnamese, naming the field and the value
        with self.assertRaisesRegex(ValidationError, "Số CCCD 067190000321 .*ngày sinh"):
            Member.with_context(lang="vi_VN").create(dict(vals, name="Phạm Thu", citizen_id="067190000321"))

    def test_citizen_id_changes_are_tracked(self):
        member = self.member_a1.with_context(tracking_disable=False)
        member.citizen_id = "067185000777"
        self.env.flush_all()
        self.cr.precommit.run()  # tracking values are written at commit time
        values = member.message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "citizen_id")
        self.assertEqual(values.old_value_char, "067185000001")
        self.assertEqual(values.new_value_char, "067185000777")

    def test_portal_change_request_approved_by_officer(self):
        request = self.env["union.member.change.request"].with_user(self.user_portal_a1).create({
            "member_id": self.member_a1.id, "new_name": "Nguyễn Thị Lan Anh",
            "new_organization_id": self.unit_b.id, "note": "Đổi tên theo giấy khai sinh"})
        self.assertEqual(request.state, "pending")
        request.with_user(self.user_officer_a).action_approve()
        self.assertEqual(self.member_a1.name, "Nguyễn Thị Lan Anh")
        # unit B is not officer A's: its officer accepts the arrival, as for an officer's transfer
        self.assertEqual(self.member_a1.organization_id, self.unit_a)
        transfer = self.env["union.member.transfer.request"].search([("member_id", "=", self.member_a1.id)])
        self.assertEqual((transfer.state, transfer.to_organization_id), ("pending", self.unit_b))
        transfer.with_user(self.user_officer_b).action_accept()
        self.assertEqual(self.member_a1.organization_id, self.unit_b)
        self.assertEqual(self.member_a1.event_ids[0].event_type, "transfer")
        with self.assertRaises(UserError):
            request.with_user(self.user_officer_a).action_approve()

    def test_portal_member_cannot_rename_themselves_directly(self):
        with self.assertRaisesRegex(UserError, "change request"):
            self.member_a1.partner_id.with_user(self.user_portal_a1).sudo().write({"name": "Tên khác"})
        self.member_a1.partner_id.with_user(self.user_portal_a1).sudo().write({"phone": "0912345678"})
        self.assertEqual(self.member_a1.phone, "0912345678")
