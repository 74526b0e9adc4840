import re

from odoo.tests import HttpCase, tagged

from .common import UnionDocumentsCommon


@tagged("post_install", "-at_install")
class TestPetitionPortal(HttpCase, UnionDocumentsCommon):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_portal_a1.password = "portal-a1-pass"

    def _csrf(self, html):
        return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)

    def test_portal_submit_list_and_detail(self):
        self.authenticate("t_portal_a1", "portal-a1-pass")
        self.assertIn("/my/union/petitions", self.url_open("/my").text, "the portal home links to the petitions")
        page = self.url_open("/my/union/petitions/new")
        self.assertEqual(page.status_code, 200)
        token = self._csrf(page.text)
        response = self.url_open("/my/union/petitions/new", data={
            "csrf_token": token, "kind": "question", "subject": "Hỏi về trợ cấp khó khăn",
            "description": "Gia đình tôi có người ốm nặng, tôi có được trợ cấp không?",
        }, files={"attachments": ("giay-kham.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf")})
        self.assertEqual(response.status_code, 200)
        petition = self.env["union.petition"].search([("subject", "=", "Hỏi về trợ cấp khó khăn")])
        self.assertEqual(petition.identity_ids.member_id, self.member_a1)
        self.assertEqual(petition.channel, "portal")
        self.assertEqual(petition.organization_id, self.unit_a)
        attachments = self.env["ir.attachment"].search([("res_model", "=", "union.petition"),
                                                        ("res_id", "=", petition.id)])
        self.assertEqual(attachments.mapped("name"), ["giay-kham.pdf"])
        self.assertIn(f"/my/union/petitions/{petition.id}", response.url)
        self.assertIn("o_union_petition_submitted", response.text)
        listing = self.url_open("/my/union/petitions")
        self.assertIn(petition.name, listing.text)
        # answered: the member reads the answer
        petition.with_user(self.user_officer_a).action_accept()
        petition.with_user(self.user_officer_a).write({"answer": "<p>Được trợ cấp theo quy chế chi tiêu nội bộ.</p>"})
        petition.with_user(self.user_officer_a).action_answer()
        detail = self.url_open(f"/my/union/petitions/{petition.id}")
        self.assertIn("quy chế chi tiêu nội bộ", detail.text)

    def test_portal_bad_input_writes_nothing(self):
        self.authenticate("t_portal_a1", "portal-a1-pass")
        token = self._csrf(self.url_open("/my/union/petitions/new").text)
        before = self.env["union.petition"].search_count([])
        response = self.url_open("/my/union/petitions/new", data={
            "csrf_token": token, "kind": "question", "subject": "Có tệp lạ", "description": "Nội dung",
        }, files={"attachments": ("setup.exe", b"MZ\x90\x00\x03binary", "application/x-msdownload")})
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_union_petition_errors", response.text)
        self.assertIn("setup.exe", response.text)
        response = self.url_open("/my/union/petitions/new", data={
            "csrf_token": token, "kind": "question", "subject": "", "description": ""})
        self.assertIn("o_union_petition_errors", response.text)
        self.assertEqual(self.env["union.petition"].search_count([]), before)

    def test_portal_other_members_petition_refused(self):
        other = self.env["union.petition"].create({
            "kind": "question", "channel": "paper", "subject": "Câu hỏi riêng của B", "description": "x",
            "identity_ids": [(0, 0, {"member_id": self.member_b1.id})]})
        self.authenticate("t_portal_a1", "portal-a1-pass")
        response = self.url_open(f"/my/union/petitions/{other.id}")
        self.assertNotIn("Câu hỏi riêng của B", response.text)
        self.assertNotIn("Câu hỏi riêng của B", self.url_open("/my/union/petitions").text)

    def _publish_questions(self):
        """One published question (from member A1) and one unpublished."""
        published = self.env["union.petition"].create({
            "kind": "question", "channel": "portal", "subject": "Hỏi riêng tư", "description": "Tôi là Lan ở trường A",
            "identity_ids": [(0, 0, {"member_id": self.member_a1.id})], "state": "answered", "answer": "<p>Trả lời nội bộ</p>",
            "public_question": "Đoàn viên nghỉ thai sản có phải đóng đoàn phí không?",
            "public_answer": "Không phải đóng trong thời gian hưởng trợ cấp BHXH."})
        published.action_publish()
        self.env["union.petition"].create({
            "kind": "question", "channel": "portal", "subject": "Chưa công bố", "description": "x",
            "identity_ids": [(0, 0, {"member_id": self.member_a1.id})], "public_question": "Câu hỏi chưa công bố"})

    def test_public_questions_page_is_anonymised_and_searchable(self):
        self._publish_questions()
        page = self.url_open("/hoi-dap")
        self.assertEqual(page.status_code, 200)
        self.assertIn("nghỉ thai sản", page.text)
        self.assertNotIn("Câu hỏi chưa công bố", page.text)
        self.assertNotIn(self.member_a1.name, page.text)
        self.assertNotIn("Trả lời nội bộ", page.text)
        found = self.url_open("/hoi-dap?search=thai+sản")
        self.assertIn("nghỉ thai sản", found.text)
        missed = self.url_open("/hoi-dap?search=khen+thưởng")
        self.assertNotIn("nghỉ thai sản", missed.text)
        self.assertIn("o_union_no_question", missed.text)

    def test_public_questions_tour(self):
        """An anonymous visitor finds the page from the website menu and searches it."""
        self._publish_questions()
        self.assertEqual(self.member_a1.name, "Nguyễn Thị Lan", "the tour checks this name is absent")
        self.start_tour("/", "union_public_questions_tour", login=None)

    def test_portal_petition_tour(self):
        self.start_tour("/my/union/petitions", "union_petition_portal_tour", login="t_portal_a1")
        petition = self.env["union.petition"].search([("subject", "=", "Đề nghị tăng mức hỗ trợ ngày 20/11")])
        self.assertEqual(petition.kind, "recommendation")
        self.assertEqual(petition.identity_ids.member_id, self.member_a1)
        self.assertEqual(petition.state, "new")
