"""The document e-mail address (issue 13, point 11) and the upload limits of its mails (point 4)."""
import base64

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.union_membership.tools.upload import upload_is_within_limits

from .common import UnionDocumentsCommon

MAIL = """Return-Path: <{sender}>
{auth}To: vanban-t-cdn@congdoan-test.vn
From: "Văn thư" <{sender}>
Subject: Quyet dinh {uid}
Date: Mon, 2 Mar 2026 08:00:00 +0700
Message-ID: <union-gateway-{uid}@example.vn>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="BOUNDARY"

--BOUNDARY
Content-Type: text/plain; charset="utf-8"

Kính gửi Công đoàn ngành.

--BOUNDARY
Content-Type: {mimetype}; name="{filename}"
Content-Disposition: attachment; filename="{filename}"
Content-Transfer-Encoding: base64

{payload}
--BOUNDARY--
"""


@tagged("post_install", "-at_install")
class TestDocumentMailGateway(UnionDocumentsCommon):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.alias_domain_id = cls.env["mail.alias.domain"].create({"name": "congdoan-test.vn"})
        cls.upper.action_create_document_alias()
        cls.upper.document_sender_list = "vanthu@ldld.example.vn\n@sogd.example.vn"

    def _process(self, uid, sender="vanthu@ldld.example.vn", auth=None, filename="qd.pdf",
                 content=b"%PDF-1.4\n%%EOF\n", mimetype="application/pdf"):
        header = f"Authentication-Results: {auth}\n" if auth else ""
        raw = MAIL.format(sender=sender, auth=header, uid=uid, filename=filename, mimetype=mimetype,
                          payload=base64.encodebytes(content).decode())
        return self.env["union.document"].browse(self.env["mail.thread"].message_process("union.document", raw))

    def test_listed_and_authenticated_sender_gives_a_draft(self):
        doc = self._process("ok1", auth="mx.congdoan-test.vn; spf=pass smtp.mailfrom=ldld.example.vn")
        self.assertEqual((doc.state, doc.organization_id), ("draft", self.upper))
        self.assertEqual(doc.attachment_ids.mapped("name"), ["qd.pdf"])
        doc = self._process("ok2", sender="vanphong@sogd.example.vn",
                            auth="mx.congdoan-test.vn; spf=fail smtp.mailfrom=sogd.example.vn; "
                                 "dkim=pass header.d=sogd.example.vn")
        self.assertEqual(doc.state, "draft", "a listed domain with DKIM passing")

    def test_spoofed_or_unauthenticated_mail_is_quarantined(self):
        cases = {
            "no header": dict(auth=None),
            "spf fail": dict(auth="mx.congdoan-test.vn; spf=fail smtp.mailfrom=ldld.example.vn; dkim=none"),
            "pass for another domain": dict(auth="mx.congdoan-test.vn; spf=pass smtp.mailfrom=attacker.example; "
                                                 "dkim=pass header.d=attacker.example"),
            "not on the list": dict(sender="chutich@attacker.example",
                                    auth="mx.congdoan-test.vn; spf=pass smtp.mailfrom=attacker.example"),
        }
        for index, (label, kwargs) in enumerate(cases.items()):
            with self.subTest(label):
                doc = self._process(f"q{index}", **kwargs)
                self.assertEqual(doc.state, "quarantine")
                self.assertTrue(doc.quarantine_reason)
                self.assertFalse(doc.number)
        with self.assertRaises(UserError):
            doc.with_user(self.user_upper).action_register()
        # the clerk reviews: reject one, accept another
        quarantined = self.env["union.document"].with_user(self.user_upper).search([("state", "=", "quarantine")])
        self.assertEqual(len(quarantined), 4)
        quarantined[0].action_quarantine_reject()
        self.assertEqual(quarantined[0].state, "rejected")
        quarantined[1].action_quarantine_accept()
        self.assertEqual(quarantined[1].state, "draft")
        # nothing else opens the quarantine
        with self.assertRaisesRegex(Exception, "only through its buttons"):
            quarantined[2].with_user(self.user_upper).write({"state": "draft"})
        self.assertEqual(quarantined[2].state, "quarantine")

    def test_zip_bomb_in_a_mail_is_not_kept(self):
        bomb = self._xlsx_bomb()
        self.assertLess(len(bomb), 1024 * 1024)
        doc = self._process("bomb", auth="mx.congdoan-test.vn; spf=pass smtp.mailfrom=ldld.example.vn",
                            filename="bang-luong.xlsx", content=bomb,
                            mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        self.assertEqual(doc.state, "quarantine")
        self.assertIn("bang-luong.xlsx", doc.quarantine_reason)
        self.assertFalse(doc.attachment_ids, "the file is never stored nor opened")

    def test_only_an_administrator_creates_the_address(self):
        self.unit_a.officer_ids = [(6, 0, self.user_officer_a.ids)]
        with self.assertRaises(AccessError):
            self.unit_a.with_user(self.user_officer_a).action_create_document_alias()
        alias = self.upper.document_alias_id
        with self.assertRaises(AccessError):
            self.unit_a.with_user(self.user_officer_a).write({"document_alias_id": alias.id})
        self.assertFalse(self.unit_a.document_alias_id)
        self.unit_a.with_user(self.user_admin).action_create_document_alias()
        self.assertTrue(self.unit_a.document_alias_id)


@tagged("post_install", "-at_install")
class TestUploadLimits(UnionDocumentsCommon):
    """A small XLSX that unpacks to more than 100 MB, attached in the backend or indexed."""

    @mute_logger("odoo.addons.base.models.ir_attachment")
    def test_bomb_refused_as_attachment_and_never_indexed(self):
        bomb = self._xlsx_bomb()
        doc = self._draft()
        with self.assertRaisesRegex(ValidationError, "bang-luong.xlsx"):
            self._attach(doc, name="bang-luong.xlsx", raw=bomb)
        self.assertFalse(doc.attachment_ids)
        self.assertFalse(upload_is_within_limits(self.env, bomb))
        # the indexer skips what breaks the limits, before any parser opens it
        self.assertEqual(self.env["ir.attachment"]._index(
            bomb, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), "")

    def test_message_is_in_vietnamese(self):
        self.env["res.lang"]._activate_lang("vi_VN")
        doc = self._draft()
        with self.assertRaises(ValidationError) as err:
            self.env["ir.attachment"].with_user(self.user_upper).with_context(lang="vi_VN").create({
                "name": "bang-luong.xlsx", "raw": self._xlsx_bomb(), "res_model": doc._name, "res_id": doc.id})
        from odoo.addons.union_membership.rules.upload import check_upload
        from odoo.addons.union_membership.tools.upload import upload_limits, upload_problem_message
        problem = check_upload(self._xlsx_bomb(), upload_limits(self.env))
        expected = upload_problem_message(self.env(context={"lang": "vi_VN"}), problem, "bang-luong.xlsx")
        self.assertEqual(err.exception.args[0], expected)
