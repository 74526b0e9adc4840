from odoo import http
from odoo.http import request

from .portal import UnionPortal

#: longest text of a personal data request
MAX_DESCRIPTION = 2000


class UnionDataRequestPortal(UnionPortal):
    """A member asks to see, correct or delete their personal data (Law 91/2025/QH15)."""

    @http.route("/my/union/data-request", type="http", auth="user", website=True, methods=["POST"])
    def portal_my_union_data_request(self, **post):
        member = self._union_get_member()
        if not member:
            return self._union_not_member()
        Request = request.env["union.member.data.request"]
        kind = post.get("kind") or ""
        description = (post.get("description") or "").strip()
        kinds = dict(Request._fields["kind"].selection)
        if kind not in kinds or not description or len(description) > MAX_DESCRIPTION:
            return request.redirect("/my/union?success=data_request_invalid#union_data_request")
        # written as the member (record rule: their own record only); every other posted field is ignored
        Request.create({"member_id": member.id, "kind": kind, "description": description})
        return request.redirect("/my/union?success=data_request#union_data_request")
