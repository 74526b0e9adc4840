from datetime import date

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import UnionDocumentsCommon


@tagged("post_install", "-at_install")
class TestDocumentsOnMerge(UnionDocumentsCommon):
    """A merge closes the closing units' registers and passes their open incoming documents and
    petitions to the surviving unit's handlers, deadlines unchanged."""

    def test_merge_passes_documents_and_petitions(self):
        doc = self.env["union.document"].with_user(self.user_officer_b).create({
            "direction": "incoming", "organization_id": self.unit_b.id, "type_id": self.type_letter.id,
            "subject": "Về việc tổ chức Tháng Công nhân", "issuer_name": "LĐLĐ tỉnh",
            "number_symbol": "15/LĐLĐ", "document_date": date(2025, 6, 20), "date_received": date(2025, 6, 23),
            "receive_channel": "paper", "date_deadline": date(2025, 7, 15),
            "lead_handler_id": self.user_officer_b.id})
        doc.action_register()
        register = doc.register_id
        number = doc.number
        petition = self.env["union.petition"].with_user(self.user_officer_b).create({
            "kind": "recommendation", "channel": "paper", "subject": "Đề nghị hỗ trợ",
            "description": "Đề nghị công đoàn hỗ trợ đoàn viên khó khăn.", "organization_id": self.unit_b.id,
            "date_deadline": date(2025, 7, 20)})
        wizard = self.env["union.organization.merge"].with_user(self.user_upper).create({
            "mode": "merge", "source_ids": [(6, 0, self.unit_b.ids)], "target_id": self.unit_a.id,
            "date": date(2025, 7, 1), "decision_ref": "30/QĐ-CĐN"})
        self.assertIn("1 open incoming document(s) and 1 open petition(s)", wizard.preview)
        wizard.action_confirm()
        self.assertEqual((doc.organization_id, doc.date_deadline, doc.lead_handler_id),
                         (self.unit_a, date(2025, 7, 15), self.user_officer_a))
        self.assertEqual((petition.organization_id, petition.date_deadline, petition.assignee_id),
                         (self.unit_a, date(2025, 7, 20), self.user_officer_a))
        # the closed unit's register: closed on the date, its numbers kept and searchable
        self.assertEqual(register.date_closed, date(2025, 7, 1))
        self.assertEqual((doc.register_id, doc.number), (register, number))
        found = self.env["union.document"].with_user(self.user_officer_a).search([("register_id", "=", register.id)])
        self.assertEqual(found, doc)
        late = self.env["union.document"].with_user(self.user_upper).create({
            "direction": "incoming", "organization_id": self.unit_b.id, "type_id": self.type_letter.id,
            "subject": "Công văn đến muộn", "issuer_name": "LĐLĐ tỉnh", "number_symbol": "16/LĐLĐ",
            "document_date": date(2025, 7, 2), "date_received": date(2025, 7, 3), "receive_channel": "paper"})
        with self.assertRaises(UserError) as refusal:  # (a savepoint: the release rolls back)
            late.action_register()
        self.assertIn("closed on 01/07/2025", str(refusal.exception))
        self.assertEqual((register.last_number, late.number, late.state), (number, 0, "draft"))
