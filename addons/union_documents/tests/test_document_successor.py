from datetime import date

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import UnionDocumentsCommon


@tagged("post_install", "-at_install")
class TestDocumentsOfMergedUnits(UnionDocumentsCommon):
    """The surviving unit keeps the merged unit's archive: its officers (and those above it) read
    the closed unit's registers and documents, secret ones only with the Secret Documents group,
    and change nothing; an officer of another unit reads nothing of it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Org = cls.env["union.organization"]
        # a second sector union, closing into the education union (cls.upper)
        cls.closing = Org.create({"name": "Công đoàn ngành Y tế", "code": "T-YT", "level": "upper",
                                  "short_name": "CĐN", "parent_id": cls.federation.id})
        cls.closing.partner_id.email = "cdyt@example.vn"

        def user(login, units, extra=""):
            new = new_test_user(cls.env, login=login, name=login,
                                groups="base.group_user,union_membership.group_union_upper_officer" + extra)
            new.union_organization_ids = [Command.set(units.ids)]
            new.partner_id.email = f"{login}@example.vn"
            return new

        cls.user_closing = user("t_doc_yt", cls.closing)
        cls.user_closing_secret = user("t_doc_yt_secret", cls.closing, ",union_documents.group_union_document_secret")
        cls.user_other = user("t_doc_other", Org.create({
            "name": "Công đoàn Khu công nghiệp", "code": "T-KCN", "level": "upper", "parent_id": cls.federation.id}))
        cls.doc = cls._release_now(cls._draft(user=cls.user_closing, organization_id=cls.closing.id,
                                          signer_id=cls.user_closing.id, subject="Kế hoạch của ngành Y tế"))
        cls.secret = cls._release_now(cls._draft(user=cls.user_closing_secret, organization_id=cls.closing.id,
                                             signer_id=cls.user_closing_secret.id, secrecy="confidential",
                                             subject="Báo cáo mật của ngành Y tế"))
        cls.draft = cls._draft(user=cls.user_closing, organization_id=cls.closing.id,
                               signer_id=cls.user_closing.id, subject="Dự thảo của ngành Y tế")
        cls.env["union.organization.merge"].with_user(cls.user_admin).create({
            "mode": "merge", "source_ids": [Command.set(cls.closing.ids)], "target_id": cls.upper.id,
            "date": date(2025, 7, 1), "decision_ref": "1520/QĐ-TLĐ"}).action_confirm()

    @classmethod
    def _release_now(cls, doc):
        doc.action_submit()
        doc.with_user(doc.signer_id).action_approve()
        doc.action_release()
        return doc

    def test_successor_reads_registers_and_documents(self):
        self.assertEqual(self.closing.merged_into_id, self.upper)
        Document = self.env["union.document"].with_user(self.user_upper)
        rows = Document.search_read([("organization_id", "=", self.closing.id)], ["subject", "number"])
        self.assertEqual({row["id"] for row in rows}, set((self.doc | self.draft).ids))  # not the secret one
        groups = Document.read_group([("organization_id", "=", self.closing.id)], ["state"], ["state"])
        self.assertEqual(sum(g["state_count"] for g in groups), 2)
        exported = Document.browse(self.doc.ids).export_data(["subject", "register_id"])["datas"]
        self.assertEqual(exported[0][0], "Kế hoạch của ngành Y tế")
        self.assertEqual(self.doc.with_user(self.user_upper).read(["subject"])[0]["subject"], self.doc.subject)
        Register = self.env["union.document.register"].with_user(self.user_upper)
        registers = Register.search([("organization_id", "=", self.closing.id)])
        self.assertEqual(registers, self.doc.register_id)
        self.assertTrue(registers.date_closed)
        # the secret documents and registers: for the Secret Documents group only, as everywhere
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.secret.with_user(self.user_upper).read(["subject"])
        keeper = self.user_secret  # secret group, manages the surviving unit
        self.assertEqual(self.env["union.document"].with_user(keeper).search(
            [("organization_id", "=", self.closing.id)]), self.doc | self.draft | self.secret)
        self.assertIn(self.secret.register_id, self.env["union.document.register"].with_user(keeper).search(
            [("organization_id", "=", self.closing.id)]))

    def test_successor_changes_nothing(self):
        self.assertEqual(self.draft.organization_id, self.closing)  # an outgoing draft stays with its unit
        doc = self.draft.with_user(self.user_upper)
        doc.read(["subject"])
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            doc.write({"subject": "Sửa"})
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            doc.unlink()
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.env["union.document"].with_user(self.user_upper).create({
                "direction": "incoming", "organization_id": self.closing.id, "type_id": self.type_letter.id,
                "subject": "Công văn mới", "issuer_name": "LĐLĐ tỉnh", "number_symbol": "1/LĐLĐ",
                "document_date": date(2026, 1, 5), "date_received": date(2026, 1, 6), "receive_channel": "paper"})

    def test_other_unit_reads_nothing(self):
        for user in (self.user_other, self.user_officer_a):
            Document = self.env["union.document"].with_user(user)
            self.assertFalse(Document.search_read([("organization_id", "=", self.closing.id)], ["subject"]))
            self.assertFalse(Document.read_group([("organization_id", "=", self.closing.id)], ["state"], ["state"]))
            with self.assertRaises(AccessError), mute_logger("odoo.models"):
                Document.browse(self.doc.ids).export_data(["subject"])
            self.assertFalse(self.env["union.document.register"].with_user(user).search(
                [("organization_id", "=", self.closing.id)]))
