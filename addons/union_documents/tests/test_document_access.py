from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import UnionDocumentsCommon


@tagged("post_install", "-at_install")
class TestDocumentAccess(UnionDocumentsCommon):

    def test_officers_see_their_units_and_what_was_sent_to_them(self):
        doc = self._release(self._draft(recipient_tree_organization_ids=[(5,)],
                                        recipient_organization_ids=[(6, 0, self.unit_a.ids)]))
        draft_b = self.env["union.document"].with_user(self.user_officer_b).create({
            "direction": "outgoing", "organization_id": self.unit_b.id, "type_id": self.type_plan.id,
            "subject": "Kế hoạch nội bộ trường B"})
        Doc_a = self.env["union.document"].with_user(self.user_officer_a)
        Doc_b = self.env["union.document"].with_user(self.user_officer_b)
        Doc_up = self.env["union.document"].with_user(self.user_upper)
        seen_a = Doc_a.search([])
        self.assertTrue(seen_a, "unit_a received a copy")
        self.assertEqual(seen_a.organization_id, self.unit_a)
        self.assertNotIn(doc, seen_a, "the sender's original stays with the sender")
        self.assertFalse(Doc_b.search([("source_document_id", "=", doc.id)]), "unit_b was not a recipient")
        self.assertNotIn(draft_b, seen_a)
        self.assertIn(draft_b, Doc_up.search([]), "the upper officer sees the units below")
        with self.assertRaises(AccessError):
            draft_b.with_user(self.user_officer_a).read(["subject"])
        with self.assertRaises(AccessError):
            self.env["union.document"].with_user(self.user_portal_a1).search([])

    def test_secret_documents_for_the_secret_group_only(self):
        secret = self._release(self._draft(secrecy="confidential", subject="Báo cáo mật"))
        self.assertFalse(self.env["union.document"].with_user(self.user_upper).search([("id", "=", secret.id)]))
        self.assertFalse(self.env["union.document"].with_user(self.user_admin).search([("id", "=", secret.id)]))
        keeper = self.user_secret
        self.assertIn(secret, self.env["union.document"].with_user(keeper).search([]))
        self.assertTrue(self.env["union.document.register"].with_user(keeper).search([("is_secret", "=", True)]))
        self.assertFalse(self.env["union.document.register"].with_user(self.user_upper).search(
            [("is_secret", "=", True)]))
        # recipients got it in their own secret register, without content
        copies = self.env["union.document"].search([("source_document_id", "=", secret.id)])
        self.assertTrue(copies)
        self.assertTrue(all(c.register_id.is_secret and not c.body and not c.attachment_ids for c in copies))
