from odoo.tests import HttpCase, tagged

from odoo.addons.union_membership.tests.phone import PhonePortalMixin

from .common import UnionDocumentsCommon

LONG_TEXT = ("Đề nghị Công đoàn cơ sở xem xét hỗ trợ đoàn viên có hoàn cảnh khó khăn theo "
             "https://congdoan.example.vn/van-ban/quy-che-chi-tieu-noi-bo-nam-2025-ban-hanh-kem-theo-quyet-dinh-so-12")


@tagged("post_install", "-at_install")
class TestDocumentsPortalPhone(PhonePortalMixin, HttpCase, UnionDocumentsCommon):
    """The petitions and the public questions on a phone (390 px wide, touch): issue 14."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Petition = cls.env["union.petition"]
        # an answered petition of member A1, with a long subject, text and answer
        answered = Petition.create({
            "kind": "recommendation", "channel": "portal",
            "subject": "Đề nghị tăng mức hỗ trợ đoàn viên ốm đau dài ngày và gia đình khó khăn năm 2025",
            "description": LONG_TEXT, "identity_ids": [(0, 0, {"member_id": cls.member_a1.id})]})
        answered.with_user(cls.user_officer_a).action_accept()
        answered.with_user(cls.user_officer_a).write({"answer": f"<p>Đã tiếp thu. {LONG_TEXT}</p>"})
        answered.with_user(cls.user_officer_a).action_answer()
        Petition.create({
            "kind": "question", "channel": "portal", "subject": "Hỏi về đoàn phí khi nghỉ thai sản",
            "description": "Tôi nghỉ thai sản có phải đóng đoàn phí không?",
            "identity_ids": [(0, 0, {"member_id": cls.member_a1.id})]})
        # a published question for the public page
        published = Petition.create({
            "kind": "question", "channel": "portal", "subject": "Hỏi riêng tư", "description": "x",
            "identity_ids": [(0, 0, {"member_id": cls.member_a1.id})], "state": "answered",
            "answer": "<p>Trả lời nội bộ</p>",
            "public_question": "Đoàn viên nghỉ thai sản có phải đóng đoàn phí không? Xem " + LONG_TEXT,
            "public_answer": "Không phải đóng trong thời gian hưởng trợ cấp BHXH. " + LONG_TEXT})
        published.action_publish()

    def test_member_pages_on_a_phone(self):
        self.start_tour("/my", "union_documents_phone_tour", login=self.user_portal_a1.login)

    def test_public_questions_on_a_phone(self):
        self.start_tour("/hoi-dap", "union_public_questions_phone_tour", login=None)

    def test_stacked_labels_are_translated(self):
        html = self._page_in_vietnamese("/my/union/petitions", self.user_portal_a1.login)
        for label in ("Mã đơn", "Ngày", "Loại đơn", "Tiêu đề", "Trạng thái"):
            self.assertIn(f'data-label="{label}"', html)
