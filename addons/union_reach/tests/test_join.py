import re
import time
from unittest.mock import patch

from odoo.exceptions import ValidationError
from odoo.tests import HttpCase, tagged
from odoo.tools.misc import hmac as hmac_tool

from odoo.addons.union_membership.tests.phone import PhonePortalMixin

from .common import ReachCommon


@tagged("post_install", "-at_install")
class TestJoinForm(PhonePortalMixin, ReachCommon, HttpCase):
    """The public page /gia-nhap as a visitor (and a bot) uses it, over HTTP."""

    def _form(self, age=60, **extra):
        page = self.url_open("/gia-nhap")
        self.assertEqual(page.status_code, 200)
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        stamp = int(time.time()) - age
        data = {
            "csrf_token": csrf, "stamp": str(stamp),
            "token": hmac_tool(self.env(su=True), "union_reach_join", str(stamp)),
            "name": "Phạm Minh Tuấn", "birth_date": "1995-04-12", "gender": "male",
            "nationality_id": str(self.vietnam.id), "id_document_type": "citizen_id",
            "id_document_number": "067095001234", "employer_id": str(self.employer_a.id),
            "job_title": "Giáo viên", "phone": "0912345678", "email": "tuan.pm@example.vn", "consent": "1",
        }
        data.update(extra)
        return data

    def _post(self, data):
        return self.url_open("/gia-nhap", data=data)

    def _count(self):
        return self.env["union.reach.application"].sudo().search_count([])

    def test_page_is_vietnamese_and_has_the_fields(self):
        page = self.url_open("/gia-nhap")
        for name in ("name", "birth_date", "id_document_number", "employer_id", "consent", "website_url"):
            self.assertIn(f'name="{name}"', page.text)
        self.assertIn("Luật Bảo vệ dữ liệu cá nhân", page.text + self.env["union.consent.text"]._get_in_force().text)

    def test_application_is_routed_to_the_employer_union(self):
        before = self._count()
        response = self._post(self._form())
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_union_join_thanks", response.text)
        application = self.env["union.reach.application"].sudo().search([], order="id desc", limit=1)
        self.assertEqual(self._count(), before + 1)
        self.assertEqual(application.organization_id, self.unit_a)
        self.assertEqual(application.state, "new")
        self.assertTrue(application.consent_text_id)
        self.assertFalse(self.env["union.member"].search([("citizen_id", "=", "067095001234")]))

    def test_workplace_without_union_goes_to_upper_unit(self):
        self._post(self._form(employer_id=str(self.employer_new.id), id_document_number="067095001235"))
        application = self.env["union.reach.application"].sudo().search([], order="id desc", limit=1)
        self.assertEqual(application.organization_id, self.upper)
        self.assertEqual(application.workplace_id, self.workplace)

    def test_captcha_is_checked_when_set_up(self):
        """With reCAPTCHA or Turnstile keys set, ir.http's standard check (monkeypatched here: no
        call leaves the machine) decides; a refused or broken token keeps nothing."""
        IrHttp = type(self.env["ir.http"])
        calls = []

        def verdict(result):
            def verify(model, action):
                calls.append(action)
                if isinstance(result, Exception):
                    raise result
                return result
            return verify

        before = self._count()
        for result in (False, ValidationError("The reCaptcha token is invalid.")):
            with patch.object(IrHttp, "_verify_request_recaptcha_token", verdict(result)):
                response = self._post(self._form(id_document_number="067095001236"))
            # the page is in Vietnamese when the language is loaded
            self.assertTrue("sent by a person" in response.text or "người thật" in response.text)
            self.assertNotIn("o_union_join_thanks", response.text)
            self.assertEqual(self._count(), before)
        with patch.object(IrHttp, "_verify_request_recaptcha_token", verdict(True)):
            response = self._post(self._form(id_document_number="067095001236"))
        self.assertIn("o_union_join_thanks", response.text)
        self.assertEqual(self._count(), before + 1)
        self.assertEqual(calls, ["union_reach_join"] * 3)
        # the offline checks stay: a robot's too quick form is refused before any token is asked
        with patch.object(IrHttp, "_verify_request_recaptcha_token", verdict(True)):
            response = self._post(self._form(age=1, id_document_number="067095001237"))
        self.assertNotIn("o_union_join_thanks", response.text)
        self.assertEqual(len(calls), 3)

    def test_captcha_off_without_keys(self):
        """No key set: Odoo's check says yes (no_secret) and the page loads the form's widget."""
        self.env["ir.config_parameter"].sudo().set_param("recaptcha_private_key", False)
        before = self._count()
        self._post(self._form(id_document_number="067095001238"))
        self.assertEqual(self._count(), before + 1)

    def test_honeypot_keeps_nothing(self):
        before = self._count()
        response = self._post(self._form(website_url="http://spam.example"))
        self.assertIn("o_union_join_thanks", response.text)
        self.assertEqual(self._count(), before)

    def test_too_fast_is_refused(self):
        before = self._count()
        response = self._post(self._form(age=1))
        self.assertNotIn("o_union_join_thanks", response.text)
        self.assertEqual(self._count(), before)

    def test_forged_stamp_is_refused(self):
        before = self._count()
        data = self._form()
        data["stamp"] = str(int(data["stamp"]) - 3600)
        response = self._post(data)
        self.assertNotIn("o_union_join_thanks", response.text)
        self.assertEqual(self._count(), before)

    def test_tampered_numbers_are_form_errors(self):
        """A stamp or a select's value changed by hand ("²" passes str.isdigit() but not int(); a
        number beyond PostgreSQL's integer) gets the form again with its error, never a 500."""
        before = self._count()
        for extra in ({"stamp": "²"}, {"nationality_id": "²"}, {"nationality_id": "99999999999999999999"},
                      {"employer_id": "²"}, {"employer_id": "99999999999999999999"}):
            response = self._post(self._form(**extra))
            self.assertEqual(response.status_code, 200, extra)
            self.assertNotIn("o_union_join_thanks", response.text, extra)
        for extra in ({"state_id": "²"}, {"state_id": "99999999999999999999"}):  # optional: ignored
            response = self._post(self._form(id_document_number="067095001260", **extra))
            self.assertEqual(response.status_code, 200, extra)
            self.assertIn("o_union_join_thanks", response.text, extra)
        self.assertEqual(self._count(), before + 2)

    def test_photo_is_checked_from_the_file_itself(self):
        """A photo is kept only when the file is a raster image: the browser's claimed type is
        not trusted (an SVG or HTML page sent as an image, a broken file, a header declaring a
        huge image, a file past 5 MB get the form again with the photo's error, nothing kept)."""
        import base64
        import io
        import struct
        import zlib

        from PIL import Image

        out = io.BytesIO()
        Image.new("RGB", (640, 480), (20, 90, 160)).save(out, format="PNG")
        png = out.getvalue()
        data = bytearray(png)  # the same PNG, its header claiming 20,000 x 20,000 pixels
        data[16:24] = struct.pack(">II", 20_000, 20_000)
        data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])) & 0xFFFFFFFF)
        svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
        before = self._count()
        for name, content, mimetype in (
            ("anh.png", svg, "image/png"),
            ("anh.svg", svg, "image/svg+xml"),
            ("anh.png", b"<html><script>alert(1)</script></html>", "image/png"),
            ("anh.png", png[:60], "image/png"),
            ("anh.png", bytes(data), "image/png"),
            ("anh.jpg", b"\xff\xd8\xff" + b"0" * (5 * 1024 * 1024), "image/jpeg"),
        ):
            response = self.url_open("/gia-nhap", data=self._form(id_document_number="067095001270"),
                                     files={"photo": (name, content, mimetype)})
            self.assertEqual(response.status_code, 200, name)
            self.assertNotIn("o_union_join_thanks", response.text, name)
            self.assertIn('id="photo"', response.text)
            self.assertIn(f'<div class="invalid-feedback">{name} ', response.text, name)
        self.assertEqual(self._count(), before)
        # a real photo, sent as the wrong type: kept, and made small by the image field
        response = self.url_open("/gia-nhap", data=self._form(id_document_number="067095001270"),
                                 files={"photo": ("anh", png, "application/octet-stream")})
        self.assertIn("o_union_join_thanks", response.text)
        application = self.env["union.reach.application"].sudo().search([], order="id desc", limit=1)
        self.assertEqual(application.id_document_number, "067095001270")
        with Image.open(io.BytesIO(base64.b64decode(application.photo))) as kept:
            self.assertLessEqual(max(kept.size), 512)

    def test_nul_character_is_dropped_not_a_500(self):
        """PostgreSQL refuses NUL in text: a name sent with one is kept without it."""
        response = self._post(self._form(name="Phạm\x00 Minh Tuấn", id_document_number="067095001271"))
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_union_join_thanks", response.text)
        application = self.env["union.reach.application"].sudo().search([], order="id desc", limit=1)
        self.assertEqual(application.name, "Phạm Minh Tuấn")

    def test_full_width_digits_of_a_known_number_are_flagged(self):
        """A member's citizen id typed in full-width digits is the same number: flagged."""
        wide = "".join(chr(ord(c) + 0xFEE0) for c in self.member_a1.citizen_id)
        self._post(self._form(id_document_number=wide, name="Nguyễn Thị Lan", gender="female",
                              birth_date="1985-03-02"))
        application = self.env["union.reach.application"].sudo().search([], order="id desc", limit=1)
        self.assertEqual(application.id_document_number, self.member_a1.citizen_id)
        self.assertTrue(application.is_duplicate)

    def test_per_ip_limit(self):
        self.env["ir.config_parameter"].sudo().set_param("union_reach.join_ip_daily_limit", "2")
        for number in ("067095001240", "067095001241"):
            self.assertIn("o_union_join_thanks", self._post(self._form(id_document_number=number)).text)
        before = self._count()
        response = self._post(self._form(id_document_number="067095001242"))
        self.assertNotIn("o_union_join_thanks", response.text)
        self.assertEqual(self._count(), before)

    def test_invalid_identity_document_writes_nothing(self):
        before = self._count()
        response = self._post(self._form(id_document_number="12345"))
        self.assertIn("is-invalid", response.text)
        self.assertIn("12345", response.text)
        self.assertEqual(self._count(), before)
        # a citizen id of a woman for a man
        response = self._post(self._form(id_document_number="067195001234"))
        self.assertIn("is-invalid", response.text)
        self.assertEqual(self._count(), before)

    def test_without_consent_writes_nothing(self):
        before = self._count()
        data = self._form()
        del data["consent"]
        self.assertIn("is-invalid", self._post(data).text)
        self.assertEqual(self._count(), before)

    def test_known_identity_document_is_not_revealed(self):
        """A member's citizen id gets the same answer as a new one; the officer sees the flag."""
        fresh = self._post(self._form(id_document_number="067095001250"))
        known = self._post(self._form(id_document_number=self.member_a1.citizen_id, name="Nguyễn Thị Lan",
                                      gender="female", birth_date="1985-03-02"))
        strip = re.compile(r"GN-\d+|csrf_token[^>]*>|\d{10,}")
        self.assertEqual(strip.sub("", fresh.text), strip.sub("", known.text))
        application = self.env["union.reach.application"].sudo().search([], order="id desc", limit=1)
        self.assertTrue(application.is_duplicate)
        self.assertIn(self.member_a1.member_code, application.duplicate_note)

    def test_foreign_worker_with_passport(self):
        japan = self.env.ref("base.jp")
        response = self._post(self._form(nationality_id=str(japan.id), id_document_type="passport",
                                         id_document_number="TR1234567", name="Sato Kenji"))
        self.assertIn("o_union_join_thanks", response.text)
        application = self.env["union.reach.application"].sudo().search([], order="id desc", limit=1)
        self.assertEqual(application.id_document_country_id, japan)
        # a foreigner cannot give a Vietnamese citizen id
        response = self._post(self._form(nationality_id=str(japan.id), id_document_number="067095001260"))
        self.assertIn("is-invalid", response.text)

    def test_page_in_vietnamese(self):
        html = self._page_in_vietnamese("/gia-nhap")
        for text in ("Gia nhập Công đoàn", "Họ và tên", "Gửi đơn", "Tôi đồng ý", 'href="/gia-nhap"'):
            self.assertIn(text, html)

    def test_tour_public_form(self):
        self.env["ir.config_parameter"].sudo().set_param("union_reach.join_min_seconds", "0")
        self.start_tour("/gia-nhap", "union_reach_join_tour")
        application = self.env["union.reach.application"].sudo().search([("name", "=", "Đỗ Thị Hạnh")])
        self.assertEqual(application.organization_id, self.unit_a)
