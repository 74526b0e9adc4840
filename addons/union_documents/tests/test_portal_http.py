import json
import re
import time

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger
from odoo.tools.misc import hmac as hmac_tool

from ..controllers.main import FORM_SCOPE
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
            "identity_ids": [(0, 0, {"member_id": self.member_a1.id})], "state": "answered",
            "answer": "<p>Trả lời nội bộ</p>",
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

    # ---------------------------------------------------------------- issue 13
    def test_portal_post_with_extra_fields_writes_only_the_form(self):
        """Point 12: a member posts an answer, an assignee, back-dated dates and a state."""
        self.authenticate("t_portal_a1", "portal-a1-pass")
        token = self._csrf(self.url_open("/my/union/petitions/new").text)
        self.url_open("/my/union/petitions/new", data={
            "csrf_token": token, "kind": "complaint", "subject": "Khiếu nại có trường thừa",
            "description": "Nội dung khiếu nại", "answer": "<p>Đã giải quyết xong</p>",
            "assignee_id": str(self.user_officer_a.id), "date_received": "2020-01-01",
            "date_deadline": "2099-12-31", "state": "closed", "is_published": "1",
            "organization_id": str(self.unit_b.id), "channel": "paper", "public_answer": "Công bố",
        })
        petition = self.env["union.petition"].search([("subject", "=", "Khiếu nại có trường thừa")])
        self.assertEqual(len(petition), 1)
        self.assertEqual((petition.state, petition.channel, petition.organization_id), ("new", "portal", self.unit_a))
        self.assertFalse(petition.answer or petition.assignee_id or petition.date_deadline
                         or petition.is_published or petition.public_answer)
        self.assertNotEqual(str(petition.date_received), "2020-01-01")

    def test_portal_member_cannot_create_or_write_petitions_over_rpc(self):
        Petition = self.env["union.petition"].with_user(self.user_portal_a1)
        with self.assertRaises(AccessError):
            Petition.create({"kind": "question", "subject": "RPC", "description": "x",
                             "answer": "<p>tự trả lời</p>", "assignee_id": self.user_officer_a.id,
                             "organization_id": self.unit_a.id})
        petition = Petition._submit_from_portal(
            self.member_a1, {"kind": "question", "subject": "Q", "description": "x"})
        with self.assertRaises(AccessError):
            petition.write({"answer": "<p>x</p>"})
        with self.assertRaises(AccessError):
            petition.write({"date_deadline": "2099-01-01"})
        # over JSON-RPC too
        self.authenticate("t_portal_a1", "portal-a1-pass")
        with mute_logger("odoo.http"):
            response = self.url_open("/web/dataset/call_kw/union.petition/create", data=json.dumps({
                "jsonrpc": "2.0", "method": "call", "id": 1, "params": {
                    "model": "union.petition", "method": "create", "args": [{
                        "kind": "question", "subject": "RPC", "description": "x",
                        "organization_id": self.unit_a.id, "state": "closed"}], "kwargs": {}}}),
                headers={"Content-Type": "application/json"})
        self.assertIn("error", response.json())
        self.assertFalse(self.env["union.petition"].search([("subject", "=", "RPC")]))

    def test_portal_zip_bomb_refused_before_anything_opens_it(self):
        """Point 4: an XLSX of 100 KB that unpacks to 101 MB, on the portal form."""
        self.authenticate("t_portal_a1", "portal-a1-pass")
        token = self._csrf(self.url_open("/my/union/petitions/new").text)
        response = self.url_open("/my/union/petitions/new", data={
            "csrf_token": token, "kind": "complaint", "subject": "Đơn kèm bom", "description": "x",
        }, files={"attachments": ("bang-luong.xlsx", self._xlsx_bomb(),
                                  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")})
        self.assertIn("o_union_petition_errors", response.text)
        self.assertIn("bang-luong.xlsx", response.text)
        self.assertFalse(self.env["union.petition"].search([("subject", "=", "Đơn kèm bom")]))

    def test_decline_reason_is_escaped_in_the_mail(self):
        """Point 15."""
        petition = self.env["union.petition"].with_user(self.user_portal_a1)._submit_from_portal(
            self.member_a1, {"kind": "question", "subject": "Hỏi", "description": "x"})
        petition = self.env["union.petition"].browse(petition.id)
        petition.with_user(self.user_officer_a).action_decline('<script>alert("x")</script><b>Không</b>')
        mail = self.env["mail.mail"].search([("recipient_ids", "in", self.member_a1.partner_id.ids)])
        self.assertTrue(mail)
        self.assertNotIn("<script>", mail.body_html)
        self.assertNotIn("<b>Không</b>", mail.body_html)
        self.assertIn("&lt;script&gt;", mail.body_html)

    # ------------------------------------------------------- public questions
    def _question_form(self):
        page = self.url_open("/hoi-dap")
        token = re.search(r'name="form_token" value="([^"]+)"', page.text).group(1)
        return {"csrf_token": self._csrf(page.text), "form_token": token, "name": "Trần Thị Mai",
                "email": "mai.visitor@example.vn", "phone": "0987654321",
                "question": "Giáo viên trường tư thục có được gia nhập công đoàn không?"}

    def _questions(self):
        return self.env["union.petition"].search([("channel", "=", "website")])

    def test_visitor_asks_a_question(self):
        data = self._question_form()
        # a person takes more than the minimum time (3 s by default) to fill the form in
        stamp = str(int(time.time()) - 10)
        data["form_token"] = f"{stamp}.{hmac_tool(self.env(su=True), FORM_SCOPE, stamp)}"
        response = self.url_open("/hoi-dap/gui-cau-hoi", data=data)
        self.assertIn("o_union_question_sent", response.text)
        question = self._questions()
        self.assertEqual(len(question), 1)
        self.assertEqual((question.kind, question.state, question.is_published), ("question", "new", False))
        self.assertEqual(question.create_uid, self.env.ref("union_documents.user_portal_intake"))
        self.assertEqual((question.identity_ids.name, question.identity_ids.email, question.identity_ids.phone),
                         ("Trần Thị Mai", "mai.visitor@example.vn", "0987654321"))
        self.assertEqual(question.organization_id, self.federation, "the top unit answers by default")
        # nothing is published until answered and published by an officer
        self.assertNotIn("gia nhập công đoàn", self.url_open("/hoi-dap").text)

    def test_bots_are_refused(self):
        # a robot fills the hidden field
        self.env["ir.config_parameter"].set_param("union_documents.public_question_min_seconds", "0")
        data = self._question_form()
        self.url_open("/hoi-dap/gui-cau-hoi", data=dict(data, website_url="http://spam.example"))
        self.assertFalse(self._questions())
        # too fast: the form was shown less than the minimum time ago
        self.env["ir.config_parameter"].set_param("union_documents.public_question_min_seconds", "60")
        response = self.url_open("/hoi-dap/gui-cau-hoi", data=self._question_form())
        self.assertIn("o_union_question_errors", response.text)
        self.assertFalse(self._questions())
        # a forged time stamp
        self.env["ir.config_parameter"].set_param("union_documents.public_question_min_seconds", "0")
        response = self.url_open("/hoi-dap/gui-cau-hoi", data=dict(self._question_form(), form_token="1000.abc"))
        self.assertIn("o_union_question_errors", response.text)
        self.assertFalse(self._questions())
        # no CSRF token
        with mute_logger("odoo.http"):
            response = self.url_open("/hoi-dap/gui-cau-hoi", data=dict(self._question_form(), csrf_token="x"))
        self.assertNotEqual(response.status_code, 200)
        self.assertFalse(self._questions())
        # the limit per address and hour
        self.env["ir.config_parameter"].set_param("union_documents.public_question_per_ip_hour", "2")
        for _i in range(3):
            response = self.url_open("/hoi-dap/gui-cau-hoi", data=self._question_form())
        self.assertEqual(len(self._questions()), 2)
        self.assertIn("o_union_question_errors", response.text)

    def test_public_page_ignores_made_up_parameters(self):
        response = self.url_open("/hoi-dap?question_post=x&question_errors=y&sent=1")
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("o_union_question_errors", response.text)

    def test_tampered_address_and_form_are_the_page_never_a_500(self):
        """A page number, a search, a time stamp or a field changed by hand ("²", a NUL character,
        a name of 200,000 characters) shows the page or the form's own error; nothing is written."""
        for url in ("/hoi-dap?page=²", "/hoi-dap?page=99999999999999999999", "/hoi-dap?page=-3",
                    "/hoi-dap?search=a%00b", "/hoi-dap?search=" + "x" * 5000):
            response = self.url_open(url)
            self.assertEqual(response.status_code, 200, url)
            self.assertIn("/hoi-dap", response.text, url)
        self.env["ir.config_parameter"].set_param("union_documents.public_question_min_seconds", "0")
        for changed in ({"form_token": "²." + "0" * 64}, {"name": "Trần\x00 Thị Mai"},
                        {"name": "M" * 200_000}, {"phone": "0" * 100_000}):
            response = self.url_open("/hoi-dap/gui-cau-hoi", data=dict(self._question_form(), **changed))
            self.assertEqual(response.status_code, 200, list(changed))
        self.assertEqual(len(self._questions()), 1, "only the NUL one, NUL removed")
        self.assertEqual(self._questions().identity_ids.name, "Trần Thị Mai")

    def test_portal_attachments_are_bounded_in_number_and_read_size(self):
        """At most 10 files; a file past the upload limit is refused without being read whole."""
        self.env["ir.config_parameter"].set_param("union_membership.upload_max_mb", "1")
        self.authenticate("t_portal_a1", "portal-a1-pass")
        token = self._csrf(self.url_open("/my/union/petitions/new").text)
        form = {"csrf_token": token, "kind": "complaint", "subject": "Đơn nhiều tệp", "description": "x"}
        files = [("attachments", (f"to-{i}.txt", b"noi dung", "text/plain")) for i in range(11)]
        response = self.url_open("/my/union/petitions/new", data=form, files=files)
        self.assertIn("o_union_petition_errors", response.text)
        self.assertIn("11", response.text)
        big = [("attachments", ("bang-luong.pdf", b"%PDF-1.4\n" + b"0" * (3 * 1024 * 1024), "application/pdf"))]
        response = self.url_open("/my/union/petitions/new", data=form, files=big)
        self.assertIn("o_union_petition_errors", response.text)
        self.assertIn("bang-luong.pdf", response.text)
        self.assertIn("3.0", response.text, "the real size is named")
        self.assertFalse(self.env["union.petition"].search([("subject", "=", "Đơn nhiều tệp")]))
