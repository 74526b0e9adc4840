import base64
import io
import zipfile
from datetime import date, timedelta

import openpyxl
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import UnionDocumentsCommon

RAW_EMAIL = """Return-Path: <vanthu@ldld.example.vn>
{auth}To: {to}
From: "Văn thư LĐLĐ tỉnh" <vanthu@ldld.example.vn>
Subject: =?utf-8?b?{subject}?=
Date: Mon, 2 Mar 2026 08:00:00 +0700
Message-ID: <union-doc-test-{uid}@ldld.example.vn>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="BOUNDARY"

--BOUNDARY
Content-Type: text/plain; charset="utf-8"

Kính gửi Công đoàn ngành, đề nghị triển khai công văn đính kèm.

--BOUNDARY
Content-Type: application/pdf; name="cv-15.pdf"
Content-Disposition: attachment; filename="cv-15.pdf"
Content-Transfer-Encoding: base64

JVBERi0xLjQKJSBDb25nIHZhbiAxNQolJUVPRgo=
--BOUNDARY--
"""


@tagged("post_install", "-at_install")
class TestIncomingDocuments(UnionDocumentsCommon):

    def _paper(self, **vals):
        values = {"direction": "incoming", "organization_id": self.upper.id, "type_id": self.type_letter.id,
                  "subject": "Về việc hướng dẫn thu đoàn phí", "issuer_name": "LĐLĐ tỉnh",
                  "number_symbol": "215/LĐLĐ-TC", "document_date": date(2026, 3, 1),
                  "date_received": date(2026, 3, 2), "receive_channel": "paper"}
        values.update(vals)
        return self.env["union.document"].with_user(self.user_upper).create(values)

    def test_paper_registration_numbers_sequentially(self):
        Doc = self.env["union.document"].with_user(self.user_upper).with_context(
            default_direction="incoming", default_receive_channel="paper")
        with Form(Doc, view="union_documents.union_document_view_form") as form:
            form.type_id = self.type_decision
            form.subject = "Quyết định khen thưởng"
            form.issuer_name = "LĐLĐ tỉnh"
            form.number_symbol = "88/QĐ-LĐLĐ"
            form.date_received = date(2026, 4, 1)
        first = form.record
        self.assertEqual(first.direction, "incoming")
        first.action_register()
        second = self._paper(date_received=date(2026, 4, 2))
        second.action_register()
        self.assertEqual((first.number, second.number), (1, 2))
        self.assertEqual(first.register_id.direction, "incoming")
        self.assertEqual(first.register_id.year, 2026)

    def test_missing_register_data_refused(self):
        doc = self._paper(issuer_name=False, number_symbol=False)
        with self.assertRaisesRegex(ValidationError, "issuer.*number and symbol"):
            doc.action_register()
        self.assertEqual(doc.state, "draft")
        self.assertFalse(doc.number)

    def test_urgent_incoming_notified_at_once(self):
        doc = self._paper(urgency="flash")
        doc.action_register()
        self.assertTrue(doc.is_urgent)
        notified = doc.message_ids.filtered(lambda m: self.user_upper.partner_id in m.partner_ids)
        self.assertTrue(notified, "the unit's officers are told of a Hỏa tốc document")

    def test_direction_progress_overdue_done(self):
        doc = self._paper()
        doc.action_register()
        doc.write({"lead_handler_id": self.user_upper.id, "cooperating_handler_ids": [(6, 0, self.user_admin.ids)],
                   "date_deadline": date.today() - timedelta(days=1)})
        doc.action_direct()
        self.assertEqual(doc.state, "in_progress")
        self.assertTrue(doc.activity_ids.filtered(lambda a: a.user_id == self.user_upper))
        self.assertTrue(doc.is_overdue)
        overdue = self.env["union.document"].with_user(self.user_upper).search([("is_overdue", "=", True)])
        self.assertIn(doc, overdue)
        self.env["union.document.progress"].with_user(self.user_upper).create(
            {"document_id": doc.id, "note": "Đã giao các CĐCS báo cáo"})
        self.assertEqual(len(doc.progress_ids), 1)
        doc.action_done()
        self.assertEqual(doc.state, "done")
        self.assertFalse(doc.is_overdue)
        self.assertNotIn(doc, self.env["union.document"].search([("is_overdue", "=", True)]))

    def test_direction_needs_lead_handler_and_no_secret(self):
        doc = self._paper()
        doc.action_register()
        with self.assertRaisesRegex(UserError, "lead handler"):
            doc.action_direct()

    def test_mail_gateway_creates_incoming_draft_with_attachment(self):
        self.env.company.alias_domain_id = self.env["mail.alias.domain"].create({"name": "congdoan-test.vn"})
        self.upper.action_create_document_alias()
        address = self.upper.document_alias_email
        self.assertEqual(address, "vanban-t-cdn@congdoan-test.vn")
        subject = base64.b64encode("Công văn 15/LĐLĐ về Tháng Công nhân".encode()).decode()
        self.upper.document_sender_list = "vanthu@ldld.example.vn"
        auth = "Authentication-Results: mx.congdoan-test.vn; spf=pass smtp.mailfrom=ldld.example.vn\n"
        raw = RAW_EMAIL.format(to=address, subject=subject, uid="1", auth=auth)
        doc_id = self.env["mail.thread"].message_process("union.document", raw)
        doc = self.env["union.document"].browse(doc_id)
        self.assertEqual(doc.direction, "incoming")
        self.assertEqual(doc.state, "draft")
        self.assertEqual(doc.organization_id, self.upper)
        self.assertEqual(doc.receive_channel, "email")
        self.assertIn("Tháng Công nhân", doc.subject)
        self.assertIn("vanthu@ldld.example.vn", doc.email_from)
        self.assertEqual(doc.attachment_ids.mapped("name"), ["cv-15.pdf"])
        doc.number_symbol = "15/LĐLĐ"
        doc.action_register()
        self.assertEqual(doc.number, 1)

    def test_search_number_symbol_type_issuer_and_attachment_text(self):
        doc = self._paper()
        doc.action_register()
        self.env["ir.attachment"].create({
            "name": "noi-dung.txt", "raw": "Hướng dẫn mức đóng đoàn phí 0,5% tiền lương".encode(),
            "mimetype": "text/plain", "res_model": "union.document", "res_id": doc.id})
        Doc = self.env["union.document"].with_user(self.user_upper)
        self.env["ir.attachment"]._cron_union_index()  # the text is read in the background
        self.assertIn(doc, Doc.search([("attachment_text", "ilike", "đoàn phí 0,5%")]))
        self.assertNotIn(doc, Doc.search([("attachment_text", "ilike", "không có chữ này")]))
        # an office file: the text inside a .docx is found too
        docx = io.BytesIO()
        with zipfile.ZipFile(docx, "w") as archive:
            archive.writestr("word/document.xml",
                             '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                             "<w:body><w:p><w:r><w:t>Quyết định thành lập ban chấp hành lâm thời</w:t></w:r></w:p>"
                             "</w:body></w:document>")
        self.env["ir.attachment"].create({
            "name": "qd.docx", "raw": docx.getvalue(), "res_model": "union.document", "res_id": doc.id,
            "mimetype": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"})
        self.env["ir.attachment"]._cron_union_index()  # the text is read in the background
        self.assertIn(doc, Doc.search([("attachment_text", "ilike", "ban chấp hành lâm thời")]))
        self.assertIn(doc, Doc.search([("number_symbol", "ilike", "215/LĐLĐ")]))
        self.assertIn(doc, Doc.search([("issuer_name", "ilike", "LĐLĐ tỉnh"), ("type_id", "=", self.type_letter.id)]))
        self.assertIn(doc, Doc.search([("document_date", ">=", "2026-03-01"), ("document_date", "<=", "2026-03-31")]))
        self.assertIn(doc, Doc.search([("subject", "ilike", "thu đoàn phí")]))

    def test_search_text_inside_pdf(self):
        """A PDF's text (read by attachment_indexation with pdfminer.six) is found, Vietnamese included."""
        pdfmetrics.registerFont(TTFont("DejaVuSans", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
        buffer = io.BytesIO()
        pdf = canvas.Canvas(buffer)
        pdf.setFont("DejaVuSans", 12)
        pdf.drawString(72, 720, "Kế hoạch tổ chức Tháng Công nhân năm 2026 PDFMARKER")
        pdf.save()
        doc = self._paper()
        doc.action_register()
        attachment = self.env["ir.attachment"].create({
            "name": "ke-hoach.pdf", "raw": buffer.getvalue(), "mimetype": "application/pdf",
            "res_model": "union.document", "res_id": doc.id})
        # the text is read in the background, not while the clerk waits
        self.assertTrue(attachment.union_index_pending)
        self.assertFalse(attachment.index_content)
        self.env["ir.attachment"]._cron_union_index()
        self.assertFalse(attachment.union_index_pending)
        self.assertIn("Tháng Công nhân", attachment.index_content)
        # what the search view sends when the user types in "Text in Attachments"
        found = self.env["union.document"].with_user(self.user_upper).web_search_read(
            [("attachment_text", "ilike", "tháng công nhân năm 2026")], {"display_name": {}})
        self.assertIn(doc.id, [record["id"] for record in found["records"]])
        found = self.env["union.document"].with_user(self.user_upper).web_search_read(
            [("attachment_text", "ilike", "pdfmarker")], {"display_name": {}})
        self.assertIn(doc.id, [record["id"] for record in found["records"]])
        found = self.env["union.document"].with_user(self.user_upper).web_search_read(
            [("attachment_text", "ilike", "không có chữ này")], {"display_name": {}})
        self.assertNotIn(doc.id, [record["id"] for record in found["records"]])

    def test_register_xlsx_and_pdf(self):
        out = self._release(self._draft(file_keeper="Văn phòng", copies=3))
        register = out.register_id.with_user(self.user_upper)
        action = register.action_export_xlsx()
        # the suite's one download URL: /web/content/<model>/<id>/<field>/<file name>
        self.assertTrue(action["url"].startswith("/web/content/ir.attachment/"))
        attachment = self.env["ir.attachment"].browse(int(action["url"].split("/")[4]))
        book = openpyxl.load_workbook(io.BytesIO(attachment.raw))
        sheet = book.active
        header = [c.value for c in sheet[4]]
        self.assertEqual(len(header), 10)
        row = [c.value for c in sheet[5]]
        self.assertEqual(row[0], out.number_symbol)
        self.assertIn("Kế hoạch", row[2])
        self.assertIn(self.unit_a.name, row[4])
        self.assertEqual(row[5], "Văn phòng")
        self.assertEqual(row[6], "3")
        html = self.env["ir.actions.report"]._render_qweb_html(
            "union_documents.union_document_register_report", register.ids)[0].decode()
        self.assertIn(out.number_symbol, html)
        # incoming register of a recipient, with its own columns
        copy_b = self.env["union.document"].search(
            [("source_document_id", "=", out.id), ("organization_id", "=", self.unit_b.id)])
        rows = copy_b.register_id._get_register_rows()
        self.assertEqual(rows[0]["incoming_number"], "1")
        self.assertEqual(rows[0]["issuer"], self.upper.name)
        self.assertEqual(rows[0]["number_symbol"], out.number_symbol)

    def test_cron_reminds_overdue_documents(self):
        doc = self._paper()
        doc.action_register()
        doc.write({"lead_handler_id": self.user_upper.id, "date_deadline": date.today() - timedelta(days=3)})
        doc.action_direct()
        doc.activity_ids.unlink()
        self.env["union.document"]._cron_remind_overdue()
        self.assertEqual(doc.activity_ids.user_id, self.user_upper)
        self.assertIn("Overdue", doc.activity_ids.summary)
        self.env["union.document"]._cron_remind_overdue()
        self.assertEqual(len(doc.activity_ids), 1, "one reminder, not one a day")
