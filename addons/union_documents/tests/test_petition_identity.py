"""The denouncer's identity (issue 13, point 3): it lives only on union.petition.identity, which
the handlers and the submitter read; no ORM path gives it to an upper-level officer who is not
a handler. Portal petitions, their messages and files are written by the neutral intake user."""
import importlib.util
import os

from markupsafe import Markup

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import UnionDocumentsCommon

MIGRATION = os.path.join(os.path.dirname(__file__), os.pardir, "migrations", "18.0.1.1.0", "post-migrate.py")


@tagged("post_install", "-at_install")
class TestPetitionIdentity(UnionDocumentsCommon):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.intake = cls.env.ref("union_documents.user_portal_intake")
        cls.member_a1.phone = "0912345678"
        Petition = cls.env["union.petition"].with_user(cls.user_portal_a1)
        cls.denunciation = cls.env["union.petition"].browse(Petition._submit_from_portal(cls.member_a1, {
            "kind": "denunciation", "subject": "Tố cáo sai phạm quỹ phúc lợi",
            "description": "Thủ quỹ chi sai quỹ phúc lợi năm 2026.",
        }, [{"name": "chung-tu.pdf", "raw": cls._pdf("chung tu"), "mimetype": "application/pdf"}]).id)
        cls.denunciation.with_user(cls.user_officer_a).message_post(
            body=Markup("<p>Đã nhận đơn.</p>"), message_type="comment")

    def _assert_no_identity(self, data):
        text = str(data)
        for secret in (self.member_a1.name, self.member_a1.partner_id.email, "0912345678"):
            self.assertNotIn(secret, text)
        for key in ("member_id", "partner_id", "submitter_name", "submitter_email"):
            self.assertNotIn(f"'{key}'", text)

    def test_petition_has_no_field_naming_the_submitter(self):
        Petition = self.env["union.petition"]
        for name, field in Petition._fields.items():
            if field.type == "many2one":
                self.assertNotIn(field.comodel_name, ("union.member", "res.partner"), name)
        self.assertEqual(self.denunciation.create_uid, self.intake)
        self.assertNotIn(self.member_a1.partner_id, self.denunciation.message_partner_ids, "never a follower")
        self.assertEqual(self.denunciation.message_ids.author_id - self.user_officer_a.partner_id,
                         self.intake.partner_id)
        attachments = self.env["ir.attachment"].search([("res_model", "=", "union.petition"),
                                                        ("res_id", "=", self.denunciation.id)])
        self.assertEqual(attachments.create_uid, self.intake)

    def test_upper_officer_who_is_not_a_handler_gets_nothing(self):
        upper = self.user_upper
        Petition = self.env["union.petition"].with_user(upper)
        self.assertIn(self.denunciation, Petition.search([]), "the upper level sees the petition")
        all_fields = [name for name, f in Petition._fields.items() if f.type not in ("binary",)]
        self.env.invalidate_all()
        self._assert_no_identity(Petition.search_read([("id", "=", self.denunciation.id)], all_fields))
        self.env.invalidate_all()
        self._assert_no_identity(Petition.read_group(
            [("id", "=", self.denunciation.id)], ["create_uid", "write_uid"], ["create_uid", "write_uid"], lazy=False))
        for path in ("identity_ids.member_id.name", "identity_ids.name", "identity_ids.email",
                     "identity_ids.partner_id.name", "create_uid.name", "message_ids.author_id.name",
                     "message_follower_ids.partner_id.name"):
            with self.subTest(path=path):
                self.assertFalse(Petition.search([("id", "=", self.denunciation.id), (path, "ilike", "Lan")]))
        self.env.invalidate_all()
        exported = self.denunciation.with_user(upper).export_data(
            ["name", "identity_ids/name", "identity_ids/member_id/name", "identity_ids/email",
             "create_uid/name", "message_ids/author_id/name"])
        self._assert_no_identity(exported)
        self.env.invalidate_all()
        Identity = self.env["union.petition.identity"].with_user(upper)
        self.assertFalse(Identity.search([]))
        self.assertFalse(Identity.search_read([], ["name"]))
        with self.assertRaises(AccessError):
            Identity.browse(self.denunciation.sudo().identity_ids.ids).read(["name"])
        messages = self.env["mail.message"].with_user(upper).search_read(
            [("model", "=", "union.petition"), ("res_id", "=", self.denunciation.id)], ["author_id", "body"])
        self._assert_no_identity(messages)
        attachments = self.env["ir.attachment"].with_user(upper).search_read(
            [("res_model", "=", "union.petition"), ("res_id", "=", self.denunciation.id)], ["create_uid", "name"])
        self._assert_no_identity(attachments)
        self.assertTrue(self.denunciation.with_user(upper).identity_hidden)

    def test_handlers_and_the_submitter_read_the_identity(self):
        self.env.invalidate_all()
        handler = self.denunciation.with_user(self.user_officer_a)
        self.assertEqual(handler.identity_ids.member_id, self.member_a1)
        self.assertIn(self.denunciation, self.env["union.petition"].with_user(self.user_officer_a).search(
            [("identity_ids.member_id.name", "ilike", "Lan")]))
        self.env.invalidate_all()
        own = self.env["union.petition.identity"].with_user(self.user_portal_a1).search([])
        self.assertEqual(own.petition_id, self.denunciation)
        # for the other kinds every officer who sees the petition sees who asked
        question = self.env["union.petition"].with_user(self.user_portal_a1)._submit_from_portal(
            self.member_a1, {"kind": "question", "subject": "Hỏi", "description": "Hỏi về đoàn phí"})
        self.env.invalidate_all()
        self.assertEqual(question.with_user(self.user_upper).identity_ids.member_id, self.member_a1)

    def test_submitter_is_told_by_email_from_the_identity_record(self):
        self.denunciation.with_user(self.user_officer_a).action_accept()
        mail = self.env["mail.mail"].search([("recipient_ids", "in", self.member_a1.partner_id.ids)])
        self.assertTrue(mail)
        self.assertEqual(set(mail.mapped("model")), {"union.petition.identity"})
        self.assertFalse(self.env["mail.message"].search([
            ("model", "=", "union.petition"), ("res_id", "=", self.denunciation.id),
            ("partner_ids", "in", self.member_a1.partner_id.ids)]))

    def test_migration_moves_the_old_submitter_columns(self):
        cr = self.env.cr
        legacy = self.env["union.petition"].create({
            "kind": "complaint", "channel": "portal", "subject": "Đơn cũ", "description": "x",
            "organization_id": self.unit_a.id})
        paper = self.env["union.petition"].create({
            "kind": "question", "channel": "paper", "subject": "Đơn giấy cũ", "description": "y",
            "organization_id": self.unit_b.id})
        self.env.flush_all()
        cr.execute("""ALTER TABLE union_petition ADD COLUMN member_id int, ADD COLUMN partner_id int,
                      ADD COLUMN submitter_name varchar, ADD COLUMN submitter_email varchar,
                      ADD COLUMN submitter_phone varchar""")
        cr.execute("UPDATE union_petition SET member_id = %s, create_uid = %s WHERE id = %s",
                   [self.member_a1.id, self.user_portal_a1.id, legacy.id])
        cr.execute("UPDATE union_petition SET submitter_name = 'Ông Ba', submitter_phone = '0900' WHERE id = %s",
                   [paper.id])
        cr.execute("""INSERT INTO mail_followers (res_model, res_id, partner_id)
                      VALUES ('union.petition', %s, %s)""", [legacy.id, self.member_a1.partner_id.id])
        spec = importlib.util.spec_from_file_location("union_documents_migration_1_1", MIGRATION)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.migrate(cr, "18.0.1.0.0")
        self.env.invalidate_all()
        self.assertEqual(legacy.identity_ids.member_id, self.member_a1)
        self.assertEqual(legacy.identity_ids.partner_id, self.member_a1.partner_id)
        self.assertEqual(legacy.identity_ids.email, self.member_a1.partner_id.email)
        self.assertEqual(legacy.identity_ids.user_id, self.user_portal_a1)
        self.assertEqual(legacy.create_uid, self.intake, "a portal petition no longer names its member")
        self.assertNotIn(self.member_a1.partner_id, legacy.message_partner_ids)
        self.assertEqual((paper.identity_ids.name, paper.identity_ids.phone), ("Ông Ba", "0900"))
        cr.execute("""SELECT column_name FROM information_schema.columns
                       WHERE table_name = 'union_petition' AND column_name = 'member_id'""")
        self.assertFalse(cr.fetchall(), "the old columns are dropped")
        module.migrate(cr, "18.0.1.0.0")  # a second run does nothing
        self.assertEqual(len(legacy.identity_ids), 1)
