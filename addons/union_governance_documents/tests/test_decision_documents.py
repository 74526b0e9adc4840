from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import Form, tagged

from odoo.addons.union_documents.tests.common import UnionDocumentsCommon


@tagged("post_install", "-at_install")
class TestDecisionDocuments(UnionDocumentsCommon):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.term_a = cls.env["union.term"].create({
            "organization_id": cls.unit_a.id, "date_start": date(2025, 9, 20), "date_end": date(2030, 9, 20)})
        cls.term_b = cls.env["union.term"].create({
            "organization_id": cls.unit_b.id, "date_start": date(2025, 9, 20), "date_end": date(2030, 9, 20)})
        cls.doc_b = cls._draft(user=cls.user_officer_b, organization_id=cls.unit_b.id, type_id=cls.type_decision.id,
                               subject="Quyết định công nhận Ban Chấp hành", recipient_tree_organization_ids=[],
                               recipient_organization_ids=[])

    def test_recognition_document_fills_the_decision(self):
        with Form(self.term_b.with_user(self.user_upper)) as form:
            form.recognition_document_id = self.doc_b
        self.assertEqual(self.term_b.recognition_document_id, self.doc_b)
        self.assertEqual(self.term_b.decision_date, self.doc_b.document_date)

    def test_document_of_another_unit_is_refused(self):
        with self.assertRaises(AccessError):
            self.term_a.with_user(self.user_officer_a).write({"recognition_document_id": self.doc_b.id})
        body = self.env["union.body"].create({"term_id": self.term_a.id, "kind": "executive"})
        with self.assertRaises(AccessError):
            self.env["union.officer.event"].with_user(self.user_officer_a).create({
                "kind": "co_opted", "body_id": body.id, "member_id": self.member_a2.id,
                "position_id": self.env.ref("union_governance.position_executive_member").id,
                "decision_document_id": self.doc_b.id})
        self.assertFalse(body.post_ids)
