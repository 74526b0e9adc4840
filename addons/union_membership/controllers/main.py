import re

from odoo import fields, http
from odoo.http import request

#: verification tokens are uuid4().hex: 32 lowercase hexadecimal characters
TOKEN_RE = re.compile(r"^[0-9a-f]{32}$")


class UnionVerification(http.Controller):

    @http.route("/union/verify/<string:token>", type="http", auth="public", website=False,
                sitemap=False, readonly=True)
    def union_verify(self, token, **kwargs):
        """Public page behind the QR code of a member card.

        Shows only the member's name, unit and whether the membership is active. An unknown
        or malformed token gives the same neutral page with HTTP 404, so the page tells
        nothing about which tokens exist; tokens are random 128-bit values, not guessable.
        """
        self._union_verify_set_lang()
        values = self._union_verify_values(token)
        status = 200 if values["found"] else 404
        response = request.render("union_membership.union_verify_page", values, status=status)
        response.headers["X-Robots-Tag"] = "noindex, nofollow"
        response.headers["Cache-Control"] = "no-store"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    def _union_verify_values(self, token):
        values = {"found": False, "today": fields.Date.context_today(request.env["union.member"])}
        if not token or not TOKEN_RE.match(token):
            return values
        # sudo: the visitor is anonymous and has no access to members; whoever holds the card's
        # secret token may see the name, the unit and the status, and nothing else is read or shown.
        member = request.env["union.member"].sudo().with_context(active_test=False).search(
            [("verify_token", "=", token)], limit=1)
        if not member:
            return values
        values.update({
            "found": True,
            "name": member.name,
            "unit": member.organization_id.name or "",
            "is_active": member.state == "active",
        })
        return values

    def _union_verify_set_lang(self):
        """The page is read by whoever scans a Vietnamese card: Vietnamese unless the visitor
        chose another installed language on the site."""
        installed = {code for code, _name in request.env["res.lang"].get_installed()}
        lang = request.cookies.get("frontend_lang")
        if lang not in installed:
            lang = "vi_VN" if "vi_VN" in installed else request.env.lang
        request.update_context(lang=lang)
