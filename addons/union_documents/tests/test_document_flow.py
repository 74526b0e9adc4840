import re
from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import UnionDocumentsCommon


@tagged("post_install", "-at_install")
class TestOutgoingFlow(UnionDocumentsCommon):

    def test_form_draft_submit_approve_release_distribute(self):
        Doc = self.env["union.document"].with_user(self.user_upper).with_context(default_direction="outgoing")
        with Form(Doc, view="union_documents.union_document_view_form") as form:
            form.type_id = self.type_plan
            form.subject = "Kế hoạch hội thi giáo viên dạy giỏi"
            form.signer_id = self.user_upper
            form.signing_mode = "tm"
            form.urgency = "urgent"
            Unit = self.env["union.document.recipient.unit"]
            form.recipient_tree_unit_ids.add(Unit.browse(self.unit_a.id))
            form.recipient_unit_ids.add(Unit.browse(self.unit_b.id))
            form.recipient_partner_ids.add(self.external)
        doc = form.record
        self.assertEqual(doc.organization_id, self.upper, "the officer's unit by default")
        self._attach(doc)
        doc.action_submit()
        self.assertEqual(doc.state, "submitted")
        self.assertTrue(doc.activity_ids.filtered(lambda a: a.user_id == self.user_upper))
        doc.action_approve()
        doc.action_release()
        self.assertEqual(doc.state, "released")
        self.assertTrue(doc.number_symbol.endswith("/KH-CĐN"))
        # unit_a with its sub-tree (group_a) and unit_b each have their own incoming copy
        units = doc.distribution_ids.filtered("organization_id").organization_id
        self.assertEqual(units, self.unit_a | self.group_a | self.unit_b)
        copies = self.env["union.document"].search([("source_document_id", "=", doc.id)])
        self.assertEqual(len(copies), 3)
        for copy in copies:
            self.assertEqual(copy.direction, "incoming")
            self.assertEqual(copy.state, "registered")
            self.assertEqual(copy.number, 1, "each unit numbers in its own incoming register")
            self.assertEqual(copy.number_symbol, doc.number_symbol)
            self.assertEqual(copy.issuer_organization_id, self.upper)
            self.assertEqual(copy.register_id.organization_id, copy.organization_id)
            self.assertEqual(len(copy.attachment_ids), 1, "the file goes with the copy")
        # urgent: the recipient officers were told at once
        copy_a = copies.filtered(lambda c: c.organization_id == self.unit_a)
        urgent_msg = copy_a.message_ids.filtered(lambda m: "Urgent" in (m.body or "") or "Khẩn" in (m.body or ""))
        self.assertTrue(urgent_msg)
        self.assertIn(self.user_officer_a.partner_id, urgent_msg.partner_ids)
        # external recipient by e-mail, with the file
        external_line = doc.distribution_ids.filtered("partner_id")
        self.assertEqual(external_line.partner_id, self.external)
        sent = doc.message_ids.filtered(lambda m: self.external in m.partner_ids)
        self.assertTrue(sent)
        self.assertTrue(sent.attachment_ids)

    def test_read_receipts_and_reminder(self):
        doc = self._release(self._draft())
        self.assertEqual((doc.read_count, doc.unread_count), (0, 3))
        copy_a = self.env["union.document"].search(
            [("source_document_id", "=", doc.id), ("organization_id", "=", self.unit_a.id)])
        # opening the copy (list or form) is not a receipt: reading is said by the button
        self.env["union.document"].with_user(self.user_officer_a).web_search_read(
            [("id", "=", copy_a.id)], {"subject": {}})
        copy_a.with_user(self.user_officer_a).web_read({"subject": {}, "body": {}})
        line_a = doc.distribution_ids.filtered(lambda d: d.organization_id == self.unit_a)
        self.assertFalse(line_a.read_date)
        copy_a.with_user(self.user_officer_a).action_mark_read()
        self.assertTrue(line_a.read_date)
        self.assertEqual(line_a.read_user_id, self.user_officer_a)
        first = line_a.read_date
        copy_a.with_user(self.user_officer_a).action_mark_read()
        self.assertEqual(line_a.read_date, first, "the first receipt is kept")
        doc.invalidate_recordset(["read_count", "unread_count"])
        self.assertEqual((doc.read_count, doc.unread_count), (1, 2))
        # the sender reminds those who have not read it
        doc.with_user(self.user_upper).action_remind_unread()
        copy_b = self.env["union.document"].search(
            [("source_document_id", "=", doc.id), ("organization_id", "=", self.unit_b.id)])
        self.assertTrue(copy_b.activity_ids.filtered(lambda a: a.user_id == self.user_officer_b))
        self.assertFalse(copy_a.activity_ids.filtered(lambda a: a.user_id == self.user_officer_a))
        self.assertEqual(doc.distribution_ids.filtered(lambda d: d.organization_id == self.unit_b).reminder_count, 1)

    def test_release_without_approval_refused(self):
        doc = self._draft()
        with self.assertRaisesRegex(UserError, "approved"):
            doc.action_release()
        doc.action_submit()
        with self.assertRaisesRegex(UserError, "approved"):
            doc.action_release()
        self.assertFalse(doc.number)
        self.assertFalse(self.env["union.document"].search([("source_document_id", "=", doc.id)]))

    def test_only_signer_approves_and_return_needs_comment(self):
        doc = self._draft(signer_id=self.user_upper.id)
        doc.action_submit()
        with self.assertRaises(AccessError):
            doc.with_user(self.user_officer_a).action_approve()
        with self.assertRaisesRegex(UserError, "comment"):
            doc.action_return("  ")
        wizard_action = doc.action_return_wizard()
        wizard = self.env[wizard_action["res_model"]].with_user(self.user_upper).browse(wizard_action["res_id"])
        wizard.reason = "Sửa lại thời gian tổ chức"
        wizard.action_confirm()
        self.assertEqual(doc.state, "draft")
        self.assertEqual(doc.return_comment, "Sửa lại thời gian tổ chức")

    def test_missing_data_refused_at_submit(self):
        doc = self._draft(signer_id=False, recipient_tree_organization_ids=[(5,)],
                          recipient_organization_ids=[(5,)])
        with self.assertRaisesRegex(UserError, "signer.*recipients"):
            doc.action_submit()
        letter = self._draft(type_id=self.type_letter.id)
        with self.assertRaisesRegex(UserError, "drafting department"):
            letter.action_submit()
        self.assertEqual(letter.state, "draft")

    def test_released_document_is_locked(self):
        doc = self._release(self._draft())
        with self.assertRaisesRegex(UserError, "locked"):
            doc.subject = "Đổi trích yếu"
        with self.assertRaisesRegex(ValidationError, "locked"):
            self._attach(doc, name="them.pdf")
        with self.assertRaises(UserError):
            doc.unlink()

    def test_attachment_not_a_document_or_too_large(self):
        doc = self._draft()
        with self.assertRaisesRegex(ValidationError, "not a document"):
            self._attach(doc, name="virus.exe", raw=b"MZ\x90\x00binary", mimetype="application/x-msdownload")
        self.env["ir.config_parameter"].sudo().set_param("union_documents.max_attachment_mb", "0.001")
        with self.assertRaisesRegex(ValidationError, "too large"):
            self._attach(doc, raw=self._pdf("x" * 5000))
        self.assertFalse(doc.attachment_ids)

    def test_secret_document_keeps_register_data_only(self):
        doc = self._draft(secrecy="secret")
        with self.assertRaisesRegex(ValidationError, "secret"):
            self._attach(doc, user=self.user_secret)
        with self.assertRaisesRegex(ValidationError, "register data only"):
            doc.body = "<p>Nội dung mật</p>"

    def test_replace_and_recall(self):
        old = self._release(self._draft())
        action = old.action_new_replacement()
        new = self.env["union.document"].browse(action["res_id"])
        self.assertEqual(new.replaces_id, old)
        self.assertEqual(new.state, "draft")
        self._release(new)
        self.assertEqual(old.state, "replaced")
        self.assertEqual(old.replaced_by_id, new)
        old_copies = self.env["union.document"].search([("source_document_id", "=", old.id)])
        self.assertEqual(set(old_copies.mapped("state")), {"replaced"}, "the recipients see it too")
        recall = self.env["union.document"].browse(new.action_new_recall()["res_id"])
        self.assertIn(new.number_symbol, recall.subject)
        self._release(recall)
        self.assertEqual(new.state, "recalled")
        with self.assertRaises(UserError):
            old.action_new_recall()

    def test_reply_links_to_the_answered_document(self):
        doc = self._release(self._draft())
        copy_a = self.env["union.document"].search(
            [("source_document_id", "=", doc.id), ("organization_id", "=", self.unit_a.id)])
        action = copy_a.with_user(self.user_officer_a).action_reply()
        reply = self.env["union.document"].browse(action["res_id"])
        self.assertEqual(reply.reply_to_id, copy_a)
        self.assertEqual(reply.organization_id, self.unit_a)
        self.assertEqual(reply.recipient_organization_ids, self.upper)
        # the grassroots officer's form shows the upper unit it cannot otherwise read
        [values] = reply.with_user(self.user_officer_a).web_read(
            {"subject": {}, "recipient_organization_ids": {"fields": {"display_name": {}}}})
        self.assertEqual(values["recipient_organization_ids"],
                         [{"id": self.upper.id, "display_name": self.upper.display_name}])
        reply.with_user(self.user_officer_a).write({"signer_id": self.user_officer_a.id, "department_code": "VP",
                                                    "body": "<p>Trường A đã triển khai kế hoạch.</p>"})
        reply.with_user(self.user_officer_a).action_submit()
        reply.with_user(self.user_officer_a).action_approve()
        reply.with_user(self.user_officer_a).action_release()
        self.assertEqual(reply.number_symbol, "01/CĐCS-VP")
        upper_copy = self.env["union.document"].search([("source_document_id", "=", reply.id)])
        self.assertEqual(upper_copy.organization_id, self.upper)
        copy_a.with_user(self.user_officer_a).action_done()
        self.assertEqual(copy_a.state, "done")
        self.assertEqual(copy_a.answer_document_id, reply)

    @mute_logger("odoo.models.unlink")
    def test_draft_can_be_deleted(self):
        doc = self._draft(document_date=date(2026, 5, 1))
        doc.unlink()
        self.assertFalse(doc.exists())

    def test_workflow_fields_cannot_be_written_directly(self):
        doc = self._draft()
        with self.assertRaisesRegex(UserError, "only through its buttons"):
            doc.write({"state": "approved"})
        with self.assertRaisesRegex(UserError, "only through its buttons"):
            self._draft(state="released")
        self.assertEqual(doc.state, "draft")
        with self.assertRaisesRegex(UserError, "approved"):
            doc.action_release()

    # ------------------------------------------------------------ issue 14
    def test_no_release_without_content_or_file(self):
        doc = self._draft(body=False)
        with self.assertRaisesRegex(UserError, "content or attached file"):
            doc.action_submit()
        self._attach(doc)
        doc.action_submit()
        self.assertEqual(doc.state, "submitted")
        # a secret document keeps its register data only: no content is asked for
        secret = self._draft(secrecy="confidential", subject="Báo cáo mật")
        secret.with_user(self.user_secret).action_submit()
        self.assertEqual(secret.state, "submitted")

    def test_status_bar_of_each_direction_shows_its_own_states(self):
        arch = self.env["union.document"].get_views([(False, "form")])["views"]["form"]["arch"]
        bars = re.findall(r'<field name="state" widget="statusbar"[^>]*>', arch)
        self.assertEqual(len(bars), 2)
        outgoing = next(bar for bar in bars if "outgoing" in bar)
        visible = re.search(r'statusbar_visible="([^"]+)"', outgoing).group(1).split(",")
        self.assertEqual(visible, ["draft", "submitted", "approved", "released"])
        incoming = next(bar for bar in bars if bar != outgoing)
        self.assertNotIn("approved", re.search(r'statusbar_visible="([^"]+)"', incoming).group(1))

    def test_register_rows_in_vietnamese_with_dd_mm_yyyy(self):
        self.env["res.lang"]._activate_lang("vi_VN")
        doc = self._release(self._draft(urgency="urgent", document_date=date(2026, 3, 5)))
        rows = doc.register_id.with_context(lang="vi_VN")._get_register_rows()
        self.assertEqual(rows[0]["date"], "05/03/2026")
        self.assertEqual(rows[0]["notes"], "Khẩn")
        self.assertNotIn("Urgent", str(rows))
        self.assertRegex(rows[0]["date_sent"], r"^\d{2}/\d{2}/\d{4}$")
