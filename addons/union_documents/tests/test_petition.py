from datetime import date, timedelta

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import UnionDocumentsCommon


@tagged("post_install", "-at_install")
class TestPetition(UnionDocumentsCommon):

    def _petition(self, member=None, is_complex=False, **vals):
        """A petition sent by ``member`` (A1) from the portal, as the portal form does."""
        values = {"kind": "question", "subject": "Chế độ thai sản",
                  "description": "Tôi muốn hỏi về chế độ thai sản cho giáo viên hợp đồng."}
        values.update(vals)
        member = member or self.member_a1
        user = self.user_portal_a1 if member == self.member_a1 else self.env.user
        petition = self.env["union.petition"].with_user(user)._submit_from_portal(member, values)
        petition = self.env["union.petition"].browse(petition.id)
        if is_complex:
            petition.is_complex = True
        return petition

    def _mails_to(self, partner):
        return self.env["mail.mail"].sudo().search([("recipient_ids", "in", partner.ids)])

    def test_officer_registers_paper_petition_with_form(self):
        Petition = self.env["union.petition"].with_user(self.user_officer_a)
        with Form(Petition, view="union_documents.union_petition_view_form") as form:
            form.kind = "recommendation"
            form.channel = "phone"
            form.subject = "Đề nghị tổ chức khám sức khỏe"
            form.description = "Đề nghị công đoàn phối hợp tổ chức khám sức khỏe định kỳ."
            form.organization_id = self.unit_a
            with form.identity_ids.new() as identity:
                identity.member_id = self.member_a2
        petition = form.record
        self.assertTrue(petition.name.startswith("ĐT/"))
        self.assertEqual(petition.identity_ids.partner_id, self.member_a2.partner_id)
        self.assertEqual(petition.identity_ids.name, self.member_a2.name)
        self.assertEqual(petition.state, "new")

    def test_portal_member_flow_accept_answer_close_with_mails(self):
        petition = self._petition()
        self.assertEqual(petition.organization_id, self.unit_a, "the member's own unit handles it")
        officer = petition.with_user(self.user_officer_a)
        officer.assignee_id = self.user_officer_a
        officer.action_accept()
        self.assertEqual(petition.state, "accepted")
        self.assertEqual(petition.date_deadline, date.today() + timedelta(days=15), "deadline by kind (data)")
        self.assertTrue(petition.activity_ids.filtered(lambda a: a.user_id == self.user_officer_a))
        with self.assertRaisesRegex(UserError, "answer"):
            officer.action_answer()
        officer.answer = "<p>Giáo viên hợp đồng được hưởng chế độ thai sản theo Luật BHXH.</p>"
        officer.action_answer()
        self.assertEqual(petition.state, "answered")
        mails = self._mails_to(self.member_a1.partner_id)
        self.assertTrue(mails.filtered(lambda m: "Luật BHXH" in m.body_html))
        self.assertTrue(mails.filtered(lambda m: "accepted" in m.body_html or "tiếp nhận" in m.body_html))
        officer.action_close()
        self.assertEqual(petition.state, "closed")
        with self.assertRaisesRegex(UserError, "cannot be answered"):
            officer.answer = "<p>Trả lời thêm</p>"
        # the member sees their own petition only
        own = self.env["union.petition"].with_user(self.user_portal_a1).search([])
        self.assertEqual(own, petition)
        self.assertEqual(own.answer, petition.answer)

    def test_complex_complaint_gets_longer_deadline(self):
        petition = self._petition(kind="complaint", is_complex=True)
        petition.with_user(self.user_officer_a).action_accept()
        self.assertEqual(petition.date_deadline, date.today() + timedelta(days=45))
        # the assignee named after acceptance gets the activity with the deadline
        petition.with_user(self.user_officer_a).assignee_id = self.user_officer_a
        activity = petition.activity_ids.filtered(lambda a: a.user_id == self.user_officer_a)
        self.assertEqual(activity.date_deadline, petition.date_deadline)

    def test_deadline_rules_are_dated_data(self):
        self.env["union.petition.deadline"].create(
            {"kind": "question", "date_from": date.today() - timedelta(days=1), "days": 10})
        petition = self._petition()
        petition.with_user(self.user_officer_a).action_accept()
        self.assertEqual(petition.date_deadline, date.today() + timedelta(days=10), "the newest rule in force")

    def test_forward_keeps_history_and_moves_access(self):
        petition = self._petition()
        action = petition.with_user(self.user_officer_a).action_forward_wizard()
        wizard = self.env[action["res_model"]].with_user(self.user_officer_a).browse(action["res_id"])
        wizard.write({"organization_id": self.unit_b.id, "reason": "Thuộc thẩm quyền trường B"})
        wizard.action_confirm()
        self.assertEqual(petition.organization_id, self.unit_b)
        self.assertEqual(petition.forward_ids.from_organization_id, self.unit_a)
        self.assertEqual(petition.forward_ids.to_organization_id, self.unit_b)
        self.assertIn(petition, self.env["union.petition"].with_user(self.user_officer_b).search([]))
        self.assertNotIn(petition, self.env["union.petition"].with_user(self.user_officer_a).search([]))

    def test_decline_needs_reason(self):
        petition = self._petition()
        officer = petition.with_user(self.user_officer_a)
        with self.assertRaisesRegex(UserError, "reason"):
            officer.action_decline("")
        officer.action_decline("Không thuộc phạm vi công đoàn")
        with self.assertRaisesRegex(UserError, "only through its buttons"):
            officer.write({"state": "accepted"})
        self.assertTrue(self._mails_to(self.member_a1.partner_id).filtered(
            lambda m: "Không thuộc phạm vi công đoàn" in m.body_html))
        self.assertEqual(petition.state, "declined")
        with self.assertRaisesRegex(UserError, "cannot be answered"):
            officer.answer = "<p>x</p>"

    def test_denouncer_identity_for_handling_officers_only(self):
        petition = self._petition(kind="denunciation", subject="Tố cáo sai phạm tài chính")
        fields_ = ["identity_ids", "subject"]
        handling = petition.with_user(self.user_officer_a).read(fields_)[0]
        self.assertEqual(self.env["union.petition.identity"].browse(handling["identity_ids"]).member_id, self.member_a1)
        self.env.invalidate_all()  # each request has its own cache; x2many values are filtered by rules
        upper = petition.with_user(self.user_upper).read(fields_)[0]
        self.assertFalse(upper["identity_ids"])
        self.assertEqual(upper["subject"], "Tố cáo sai phạm tài chính")
        self.assertTrue(petition.with_user(self.user_upper).identity_hidden)
        self.assertFalse(petition.with_user(self.user_officer_a).identity_hidden)
        # the assignee from another unit handles it and sees it
        petition.with_user(self.user_officer_a).assignee_id = self.user_upper
        self.env.invalidate_all()
        self.assertEqual(petition.with_user(self.user_upper).identity_ids.member_id, self.member_a1)
        # never published
        petition.with_user(self.user_officer_a).action_accept()
        petition.with_user(self.user_officer_a).write({"answer": "<p>Đã xác minh</p>"})
        petition.with_user(self.user_officer_a).action_answer()
        with self.assertRaisesRegex(UserError, "never published"):
            petition.with_user(self.user_officer_a).action_publish()

    def test_publish_anonymised_answer(self):
        petition = self._petition()
        officer = petition.with_user(self.user_officer_a)
        officer.action_accept()
        officer.answer = "<p>Được nghỉ 6 tháng.</p>"
        with self.assertRaisesRegex(UserError, "answered"):
            officer.action_publish()
        officer.action_answer()
        with self.assertRaisesRegex(UserError, "anonymised"):
            officer.action_publish()
        officer.action_prepare_public_text()
        self.assertIn("Được nghỉ 6 tháng.", petition.public_answer)
        officer.public_question = "Giáo viên hợp đồng có được hưởng chế độ thai sản không?"
        officer.action_publish()
        self.assertTrue(petition.is_published)
        self.assertEqual(petition.date_published, date.today())

    def test_member_cannot_write_or_see_others(self):
        petition = self._petition()
        with self.assertRaises(AccessError):
            petition.with_user(self.user_portal_a1).write({"subject": "Sửa đơn sau khi gửi"})
        other = self._petition(member=self.member_b1)
        with self.assertRaises(AccessError):
            other.with_user(self.user_portal_a1).read(["subject"])

    def test_errors_are_in_vietnamese(self):
        self.env["res.lang"]._activate_lang("vi_VN")
        petition = self._petition()
        officer = petition.with_user(self.user_officer_a).with_context(lang="vi_VN")
        with self.assertRaises(UserError) as err:
            officer.action_decline("")
        self.assertIn("lý do", err.exception.args[0])
        doc = self._draft().with_context(lang="vi_VN")
        with self.assertRaises(UserError) as err:
            doc.action_release()
        self.assertIn("chưa được phê duyệt", err.exception.args[0])
