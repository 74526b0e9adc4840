import json
import re
from datetime import date
from unittest.mock import patch

from odoo import http
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common import UnionCommon

ACTIVE = 'class="o_union_verify_status o_union_verify_active"'
INACTIVE = 'class="o_union_verify_status o_union_verify_inactive"'


@tagged("post_install", "-at_install")
class TestUnionPortal(UnionCommon, HttpCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.member_a1.with_context(union_apply_events=True).write({
            "member_code": "TOUR-0001", "phone": "0901 000 001", "card_number": "CD-0001"})
        cls.user_portal_b1 = new_test_user(
            cls.env, login="t_portal_b1", name=cls.member_b1.name,
            groups="base.group_portal,union_membership.group_union_member",
            partner_id=cls.member_b1.partner_id.id)
        cls.user_portal_other = new_test_user(cls.env, login="t_portal_other", name="Khách hàng",
                                              groups="base.group_portal")

    def _login(self, user):
        self.authenticate(user.login, user.login)

    def _post(self, url, data):
        return self.url_open(url, data=dict(data, csrf_token=http.Request.csrf_token(self)))

    # ------------------------------------------------------------ My union

    def test_home_counter(self):
        self._login(self.user_portal_a1)
        res = self.make_jsonrpc_request("/my/counters", {"counters": ["union_member_count"]})
        self.assertEqual(res, {"union_member_count": 1})
        self._login(self.user_portal_other)
        res = self.make_jsonrpc_request("/my/counters", {"counters": ["union_member_count"]})
        self.assertEqual(res, {"union_member_count": 0})
        home = self.url_open("/my")
        self.assertEqual(home.status_code, 200)
        self.assertIn('href="/my/union"', home.text)

    def test_my_union_page(self):
        self._login(self.user_portal_a1)
        res = self.url_open("/my/union")
        self.assertEqual(res.status_code, 200)
        page = res.text
        for text in ("TOUR-0001", self.member_a1.name, self.unit_a.name, "CD-0001", "0901 000 001",
                     'href="/my/union/card"', 'href="/my/union/edit"', 'href="/my/union/request"'):
            self.assertIn(text, page)
        self.assertIn("o_union_member_history", page)
        # personal data reserved to officers is not on the page, other members neither
        self.assertNotIn(self.member_a1.citizen_id, page)
        self.assertNotIn(self.member_b1.name, page)

    def test_consent_text_in_force_and_document(self):
        """The personal-data section shows the consent text in force (dated data) and the member's
        identity document, masked."""
        Consent = self.env["union.consent.text"]
        self.assertIn("13/2023", Consent._get_in_force(date(2025, 12, 31)).legal_basis)
        self.assertIn("91/2025/QH15", Consent._get_in_force(date(2026, 1, 1)).legal_basis)
        self.assertFalse(Consent._get_in_force(date(2023, 6, 30)))
        with patch.object(type(Consent), "_get_in_force_values",
                          lambda self, on_date=None: self._in_force_values(date(2026, 1, 1))):
            self._login(self.user_portal_a1)
            page = self.url_open("/my/union").text
        self.assertIn("o_union_consent_text", page)
        self.assertIn("Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15", page)
        self.assertIn("o_union_member_document", page)
        self.assertIn("0001", page)
        self.assertNotIn(self.member_a1.citizen_id, page)
        # an administrator adds the next law's text without code; it applies from its date
        Consent.create({"name": "Văn bản mới", "date_from": date(2030, 1, 1), "legal_basis": "Luật mới",
                        "text": "Nội dung mới"})
        self.assertEqual(Consent._get_in_force(date(2030, 1, 1)).legal_basis, "Luật mới")
        self.assertEqual(Consent._get_in_force_values(date(2030, 1, 2))["legal_basis"], "Luật mới")
        self.assertIn("91/2025", Consent._get_in_force(date(2029, 12, 31)).legal_basis)

    def test_history_after_transfer(self):
        """A former unit stays readable in the member's own history."""
        self.env["union.member.event"].create({
            "member_id": self.member_a1.id, "event_type": "transfer", "organization_id": self.unit_b.id,
            "decision_ref": "15/QĐ-CĐN"})
        self._login(self.user_portal_a1)
        page = self.url_open("/my/union").text
        self.assertIn(self.unit_a.name, page)
        self.assertIn(self.unit_b.name, page)
        self.assertIn("15/QĐ-CĐN", page)

    def test_not_a_member(self):
        self._login(self.user_portal_other)
        for url in ("/my/union", "/my/union/edit", "/my/union/request"):
            res = self.url_open(url)
            self.assertEqual(res.status_code, 200, url)
            self.assertIn("o_union_not_member", res.text, url)
        with mute_logger("odoo.http"):
            self.assertEqual(self.url_open("/my/union/card").status_code, 404)

    def test_anonymous_is_sent_to_login(self):
        res = self.url_open("/my/union", allow_redirects=False)
        self.assertIn(res.status_code, (302, 303))
        self.assertIn("/web/login", res.headers["Location"])

    # ------------------------------------------------------------ card

    def test_own_card_only(self):
        self._login(self.user_portal_a1)
        res = self.url_open("/my/union/card")
        self.assertEqual(res.status_code, 200)
        self.assertEqual(res.headers["Content-Type"], "application/pdf")
        self.assertIn("TOUR-0001", res.headers["Content-Disposition"])
        # test mode renders reports as HTML (the PDF itself is checked in test_card): the card of
        # member_a1 and of nobody else
        self.assertIn("TOUR-0001", res.text)
        self.assertIn("o_union_card_qr", res.text)
        self.assertNotIn(self.member_b1.member_code, res.text)
        # parameters cannot point the page to another member
        res = self.url_open(f"/my/union/card?member_id={self.member_b1.id}&id={self.member_b1.id}")
        self.assertIn("TOUR-0001", res.text)
        self.assertNotIn(self.member_b1.member_code, res.text)

    def test_other_card_through_report_route_refused(self):
        self._login(self.user_portal_a1)
        with mute_logger("odoo.http", "odoo.addons.web.controllers.report"):
            res = self.url_open(f"/report/html/union_membership.report_union_member_card/{self.member_b1.id}")
        self.assertNotEqual(res.status_code, 200)
        self.assertNotIn(self.member_b1.member_code, res.text)

    # ------------------------------------------------------------ contact details

    def test_edit_contact(self):
        self._login(self.user_portal_a1)
        self.assertEqual(self.url_open("/my/union/edit").status_code, 200)
        res = self._post("/my/union/edit", {
            "phone": "+84 912.345.678", "email": "lan.moi@example.vn",
            "street": "12 Lê Lợi", "street2": "Phường Bến Thành", "city": "TP Hồ Chí Minh"})
        self.assertEqual(res.status_code, 200)
        self.assertIn("/my/union", res.url)
        self.assertIn("o_union_success", res.text)
        self.assertRecordValues(self.member_a1, [{
            "phone": "+84 912.345.678", "email": "lan.moi@example.vn", "street": "12 Lê Lợi",
            "street2": "Phường Bến Thành", "city": "TP Hồ Chí Minh", "name": "Nguyễn Thị Lan"}])

    def test_edit_contact_errors_write_nothing(self):
        self._login(self.user_portal_a1)
        email = self.member_a1.email
        res = self._post("/my/union/edit", {
            "phone": "09abc", "email": "khong-phai-email", "street": "Số 1 đường mới"})
        self.assertEqual(res.status_code, 200)
        self.assertIn("o_union_form_errors", res.text)
        self.assertIn("khong-phai-email", res.text)
        self.assertIn("09abc", res.text)
        self.assertRecordValues(self.member_a1, [{"phone": "0901 000 001", "email": email, "street": False}])
        res = self._post("/my/union/edit", {"phone": "0912345678", "email": ""})
        self.assertIn("o_union_form_errors", res.text)
        self.assertEqual(self.member_a1.phone, "0901 000 001")

    def test_edit_ignores_other_fields(self):
        """Only contact fields are written, whatever else the form sends."""
        self._login(self.user_portal_a1)
        self._post("/my/union/edit", {
            "phone": "0912345678", "email": "lan.a1@example.vn", "name": "Tên khác",
            "member_code": "HACK", "citizen_id": "001190000999", "partner_id": self.member_b1.partner_id.id})
        self.assertRecordValues(self.member_a1, [{
            "phone": "0912345678", "name": "Nguyễn Thị Lan", "member_code": "TOUR-0001",
            "citizen_id": "067185000001"}])
        self.assertEqual(self.member_b1.phone, False)

    def test_edit_errors_in_vietnamese(self):
        self.env["res.lang"]._activate_lang("vi_VN")
        self.user_portal_a1.lang = "vi_VN"
        self._login(self.user_portal_a1)
        res = self._post("/my/union/edit", {"phone": "12", "email": "sai"})
        self.assertIn("o_union_form_errors", res.text)
        self.assertEqual(self.member_a1.phone, "0901 000 001")
        # the messages are those of the member's language (i18n/vi.po)
        env_vi = self.env(context=dict(self.env.context, lang="vi_VN"))
        self.assertIn(env_vi._(
            "The e-mail address %(value)s is not valid (expected like name@example.vn).", value="sai"), res.text)

    # ------------------------------------------------------------ change requests

    def test_change_request_approved_by_officer(self):
        self._login(self.user_portal_a1)
        self.assertEqual(self.url_open("/my/union/request").status_code, 200)
        res = self._post("/my/union/request", {
            "new_name": "Nguyễn Thị Lan Anh", "new_citizen_id": "067 185 000 099",
            "new_birth_date": "1985-03-12", "new_organization_id": str(self.unit_b.id),
            "note": "Chuyển công tác theo quyết định 12/QĐ-SGD"})
        self.assertIn("o_union_success", res.text)
        change = self.env["union.member.change.request"].search([("member_id", "=", self.member_a1.id)])
        self.assertRecordValues(change, [{
            "state": "pending", "new_name": "Nguyễn Thị Lan Anh", "new_citizen_id": "067185000099",
            "new_birth_date": date(1985, 3, 12), "new_organization_id": self.unit_b.id}])
        # nothing changes before an officer approves
        self.assertEqual(self.member_a1.name, "Nguyễn Thị Lan")
        self.assertEqual(self.member_a1.organization_id, self.unit_a)
        page = self.url_open("/my/union").text
        self.assertIn("Nguyễn Thị Lan Anh", page)

        change.with_user(self.user_officer_a).action_approve()
        self.assertEqual(change.state, "approved")
        self.assertRecordValues(self.member_a1, [{
            "name": "Nguyễn Thị Lan Anh", "citizen_id": "067185000099", "birth_date": date(1985, 3, 12),
            "organization_id": self.unit_a.id, "state": "active"}])
        # the move waits for the receiving unit's officer, as an officer's transfer does
        self.env["union.member.transfer.request"].search(
            [("member_id", "=", self.member_a1.id)]).with_user(self.user_officer_b).action_accept()
        self.assertEqual(self.member_a1.organization_id, self.unit_b)
        transfer = self.member_a1.event_ids.filtered(lambda e: e.event_type == "transfer")
        self.assertRecordValues(transfer, [{
            "from_organization_id": self.unit_a.id, "organization_id": self.unit_b.id}])

    def test_identity_change_waits_for_the_officer(self):
        """Citizen ID, birth date, ethnic group, religion, nationality and identity document change
        only through a request an officer of the member's unit approves; the old values stay until
        then, and no other way of the portal changes them."""
        member = self.member_a1
        laos = self.env.ref("base.la")
        tay = self.env.ref("union_membership.union_ethnicity_tay")
        before = member.read(["citizen_id", "birth_date", "ethnicity_id", "religion", "nationality_id",
                              "id_document_type", "id_document_number"])[0]
        self._login(self.user_portal_a1)
        page = self.url_open("/my/union/request").text
        self.assertIn('name="new_ethnicity_id"', page)
        self.assertIn('name="new_id_document_type"', page)
        # the contact form and JSON-RPC do not reach these fields
        self._post("/my/union/edit", {"email": "lan.a1@example.vn", "religion": "Phật giáo",
                                      "citizen_id": "067185000777", "nationality_id": str(laos.id)})
        with mute_logger("odoo.http"):
            rpc = self.url_open("/web/dataset/call_kw", data=json.dumps({
                "jsonrpc": "2.0", "method": "call", "params": {
                    "model": "union.member", "method": "write", "args": [[member.id], {"religion": "X"}],
                    "kwargs": {}}}), headers={"Content-Type": "application/json"}).json()
        self.assertIn("error", rpc)
        res = self._post("/my/union/request", {
            "new_ethnicity_id": str(tay.id), "new_religion": "Phật giáo",
            "new_nationality_id": str(laos.id), "new_id_document_type": "passport",
            "new_id_document_number": "P1234567", "new_id_document_country_id": str(laos.id),
            "note": "Nhập quốc tịch Lào"})
        self.assertIn("o_union_success", res.text)
        change = self.env["union.member.change.request"].search([("member_id", "=", member.id)])
        self.assertRecordValues(change, [{
            "state": "pending", "new_ethnicity_id": tay.id, "new_religion": "Phật giáo",
            "new_nationality_id": laos.id, "new_id_document_type": "passport",
            "new_id_document_number": "P1234567", "new_id_document_country_id": laos.id}])
        member.invalidate_recordset()
        self.assertEqual(member.read(list(before))[0], before)
        self.assertIn("P1234567", self.url_open("/my/union").text)
        # an officer of another unit cannot approve it; the member's own officer does
        with self.assertRaises(AccessError):
            change.with_user(self.user_officer_b).action_approve()
        change.with_user(self.user_officer_a).action_approve()
        self.assertRecordValues(member, [{
            "ethnicity_id": tay.id, "religion": "Phật giáo", "nationality_id": laos.id,
            "id_document_type": "passport", "id_document_number": "P1234567",
            "id_document_country_id": laos.id, "citizen_id": False}])

    def test_identity_change_request_errors(self):
        self._login(self.user_portal_a1)
        cases = [
            {"new_ethnicity_id": "999999"},
            {"new_nationality_id": "abc"},
            {"new_id_document_type": "passport"},  # no number
            {"new_id_document_type": "passport", "new_id_document_number": "P1"},  # no country
            {"new_id_document_number": "P1", "new_id_document_country_id": str(self.env.ref("base.la").id)},
            {"new_id_document_type": "citizen_id", "new_id_document_number": "P1"},
            {"new_id_document_type": "visa"},
            {"new_religion": "x" * 101},
        ]
        for data in cases:
            res = self._post("/my/union/request", data)
            self.assertIn("o_union_form_errors", res.text, data)
        self.assertFalse(self.env["union.member.change.request"].search([("member_id", "=", self.member_a1.id)]))

    def test_change_request_tampered_ids_are_form_errors(self):
        """A select's value changed by hand (a number beyond PostgreSQL's integer, a digit that
        int() refuses) is the form's error, never a server error."""
        self._login(self.user_portal_a1)
        for name in ("new_ethnicity_id", "new_nationality_id", "new_id_document_country_id",
                     "new_organization_id"):
            for value in ("99999999999999999999", "²"):
                res = self._post("/my/union/request", {name: value})
                self.assertEqual(res.status_code, 200, (name, value))
                self.assertIn("o_union_form_errors", res.text, (name, value))
        self.assertFalse(self.env["union.member.change.request"].search([("member_id", "=", self.member_a1.id)]))

    def test_change_request_errors_write_nothing(self):
        self._login(self.user_portal_a1)
        Request = self.env["union.member.change.request"]
        cases = [
            {},  # nothing asked
            {"new_citizen_id": "12345"},
            {"new_birth_date": "2999-01-01"},
            {"new_birth_date": "31/02/1985"},
            {"new_organization_id": str(self.unit_a.id)},  # the current unit
            {"new_organization_id": str(self.upper.id)},  # not a unit one belongs to directly
            {"new_name": "Nguyễn Thị Lan"},  # unchanged
            {"new_name": "Tên mới", "new_citizen_id": "999999999999"},  # one bad field: nothing
        ]
        for data in cases:
            res = self._post("/my/union/request", data)
            self.assertEqual(res.status_code, 200, data)
            self.assertIn("o_union_form_errors", res.text, data)
        self.assertFalse(Request.search([("member_id", "=", self.member_a1.id)]))

    def test_change_request_for_self_only(self):
        self._login(self.user_portal_a1)
        self._post("/my/union/request", {"new_name": "Tên mới", "member_id": self.member_b1.id})
        changes = self.env["union.member.change.request"].search([("new_name", "=", "Tên mới")])
        self.assertEqual(changes.member_id, self.member_a1)

    def test_name_change_through_account_page_blocked(self):
        self._login(self.user_portal_a1)
        with mute_logger("odoo.http"):
            self._post("/my/account", {
                "name": "Tên khác", "email": "lan.a1@example.vn", "phone": "0901 000 001",
                "street": "1", "city": "Huế", "country_id": str(self.env.ref("base.vn").id)})
        self.assertEqual(self.member_a1.name, "Nguyễn Thị Lan")

    # ------------------------------------------------------------ browser

    def test_portal_tour(self):
        self.start_tour("/my", "union_portal_tour", login=self.user_portal_a1.login)
        self.assertEqual(self.member_a1.phone, "0912 345 678")


@tagged("post_install", "-at_install")
class TestUnionVerification(UnionCommon, HttpCase):

    def _verify(self, member):
        return self.url_open(f"/union/verify/{member.verify_token}")

    def test_active_member(self):
        res = self._verify(self.member_a1)
        self.assertEqual(res.status_code, 200)
        self.assertIn(self.member_a1.name, res.text)
        self.assertIn(self.unit_a.name, res.text)
        self.assertIn(ACTIVE, res.text)
        self.assertNotIn(INACTIVE, res.text)
        # nothing else about the member
        for secret in (self.member_a1.citizen_id, "1985", "02/03", self.member_a1.email,
                       self.member_a1.member_code, "Giáo viên"):
            self.assertNotIn(secret, res.text)
        self.assertIn("noindex", res.headers.get("X-Robots-Tag", ""))

    def test_member_who_left_is_not_active(self):
        self.env["union.member.event"].create([
            {"member_id": self.member_b1.id, "event_type": "withdrawal", "reason": "Nghỉ hưu"},
            {"member_id": self.member_a2.id, "event_type": "dissolution", "reason": "Giải thể"},
        ])
        for member in (self.member_b1, self.member_a2):
            res = self._verify(member)
            self.assertEqual(res.status_code, 200)
            self.assertIn(member.name, res.text)
            self.assertIn(INACTIVE, res.text)
            self.assertNotIn(ACTIVE, res.text)

    def test_unknown_token(self):
        with mute_logger("odoo.http", "werkzeug"):
            unknown = self.url_open("/union/verify/0123456789abcdef0123456789abcdef")
            malformed = self.url_open("/union/verify/' OR 1=1 --")
            a1 = self.url_open(f"/union/verify/{self.member_a1.id}")
        for res in (unknown, malformed, a1):
            self.assertEqual(res.status_code, 404)
            self.assertIn('class="o_union_verify_not_found"', res.text)
            self.assertNotIn(self.member_a1.name, res.text)
        # the same page but for the CSRF token, which holds the second it was made in
        def page(res):
            return re.sub(r'csrf_token: "[0-9a-f]+o[0-9]+"', "", res.text)
        self.assertEqual(page(unknown), page(a1), "every unknown token gets the same page")

    def test_tokens_unguessable(self):
        tokens = (self.member_a1 | self.member_a2 | self.member_b1).mapped("verify_token")
        self.assertEqual(len(set(tokens)), 3)
        for token in tokens:
            self.assertRegex(token, r"^[0-9a-f]{32}$")


@tagged("post_install", "-at_install")
class TestUnionPortalQueries(UnionCommon, HttpCase):
    """The SQL queries of /my/union do not grow with the member's history (no query per event,
    per request or per unit) and stay few."""

    #: queries of one /my/union page of a logged-in member, caches warm (17 when measured)
    MAX_QUERIES = 25

    def _page_queries(self, url):
        self.url_open(url)  # warms the registry caches (views, assets, rules)
        before = self.cr.sql_log_count
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.member_a1.name, response.text)
        return self.cr.sql_log_count - before, response.text

    def _add_history(self, count, start):
        Event = self.env["union.member.event"].sudo()
        Event.create([{"member_id": self.member_a1.id, "event_type": "card", "date": date(2020, 1, 1),
                       "card_number": f"CD-Q{start + index:04d}", "decision_ref": f"QĐ-{start + index}"}
                      for index in range(count)])
        self.env["union.member.change.request"].sudo().create([
            {"member_id": self.member_a1.id, "new_name": f"Tên mới {start + index}",
             "new_organization_id": (self.unit_b if index % 2 else self.group_a).id}
            for index in range(count)])

    def test_my_union_queries_do_not_grow_with_history(self):
        self._add_history(2, 0)
        self.authenticate(self.user_portal_a1.login, self.user_portal_a1.login)
        few, html = self._page_queries("/my/union")
        self.assertGreater(few, 3, "the requests' queries are counted")
        self.assertIn("QĐ-1", html)
        self._add_history(20, 100)
        many, html = self._page_queries("/my/union")
        self.assertIn("QĐ-119", html)
        self.assertIn("Tên mới 119", html)
        self.assertEqual(many, few, "one query per event or request: %s with 4, %s with 44 rows" % (few, many))
        self.assertLessEqual(many, self.MAX_QUERIES)

    def test_portal_pages_use_a_light_main_object(self):
        """website.layout calls main_object.fields_get() 4 times for a logged-in visitor:
        the member's pages give it an empty portal.mixin instead of the page's ir.ui.view."""
        self.authenticate(self.user_portal_a1.login, self.user_portal_a1.login)
        calls = []
        View = type(self.env["ir.ui.view"])
        fields_get = View.fields_get

        def spy(model, *args, **kwargs):
            calls.append(model._name)
            return fields_get(model, *args, **kwargs)

        with patch.object(View, "fields_get", spy):
            for url in ("/my/union", "/my/union/edit", "/my/union/request"):
                self.assertEqual(self.url_open(url).status_code, 200)
        self.assertEqual(calls, [])
