from odoo.tests import HttpCase, tagged

from .common import UnionDocumentsCommon


@tagged("post_install", "-at_install")
class TestDocumentRoutineTour(HttpCase, UnionDocumentsCommon):
    """Issue 14: write, approve and release a document, see it arrive, open it and mark it read
    at the recipient, and the sender sees the receipt; in a browser, as each role does it."""

    def test_release_receive_and_read_receipt(self):
        subject = "Kế hoạch tổ chức Ngày Nhà giáo Việt Nam 20/11"
        self.start_tour("/odoo", "union_document_release_tour", login="t_upper")
        doc = self.env["union.document"].search([("subject", "=", subject), ("direction", "=", "outgoing")])
        self.assertEqual(doc.state, "released")
        copy_a = self.env["union.document"].search([("source_document_id", "=", doc.id)])
        self.assertEqual(copy_a.organization_id, self.unit_a)
        self.start_tour("/odoo", "union_document_receive_tour", login="t_officer_a")
        line = doc.distribution_ids.filtered(lambda d: d.organization_id == self.unit_a)
        self.assertEqual(line.read_user_id, self.user_officer_a)
        self.start_tour("/odoo", "union_document_receipt_tour", login="t_upper")
