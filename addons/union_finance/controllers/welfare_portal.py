from odoo import fields, http
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.union_membership.controllers.portal import portal_main_object
from odoo.addons.union_membership.rules import form as form_rules

from ..rules import welfare as welfare_rules


class UnionWelfarePortal(CustomerPortal):

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "union_welfare_count" in counters:
            Request = request.env["union.welfare.request"]
            member = request.env.user.union_member_id
            values["union_welfare_count"] = Request.search_count(
                [("member_id", "=", member.id)]) if member and Request.has_access("read") else 0
        return values

    def _union_welfare_errors(self, errors, values):
        """Readable (translated) messages naming the field and the value."""
        _ = request.env._
        amount = values["amount"].strip()
        messages = {
            ("kind", "unknown"): _("Kind of request: choose one of the listed kinds."),
            ("date", "invalid"): _("Date: the date is not valid (use the calendar)."),
            ("date", "future"): _("Date: the date cannot be in the future."),
            ("description", "short"): _("Description: describe the situation in at least 10 characters."),
            ("description", "long"): _("Description: at most 2000 characters."),
            ("description", "invalid"): _(
                "Description: the text holds a character that cannot be saved (NUL); type it again."),
            ("amount", "invalid"): _("Amount asked: enter a positive whole number of VND, or leave it empty."),
            ("amount", "too_large"): _(
                "Amount asked: %(amount)s VND is more than a request may ask for (at most %(limit)s VND).",
                # a tampered amount may have hundreds of digits: its start names it well enough
                amount=amount if len(amount) <= 24 else amount[:20] + "…",
                limit=f"{welfare_rules.MAX_REQUESTED_AMOUNT:,}".replace(",", ".")),
        }
        return {field: messages[field, code] for field, code in errors}

    @http.route(["/my/union/welfare"], type="http", auth="user", website=True,
                methods=["GET", "POST"])
    def portal_my_union_welfare(self, **post):
        member = request.env.user.union_member_id
        Request = request.env["union.welfare.request"]
        if not member or not Request.has_access("read"):
            return request.redirect("/my")
        kinds = request.env["union.welfare.kind"].search([("portal_allowed", "=", True)])
        errors, created = {}, False
        if request.httprequest.method == "POST":
            try:
                day = fields.Date.to_date(post.get("date") or "")
            except ValueError:
                day = None
            amount = post.get("amount") or ""
            values = {
                "kind": post.get("kind") or "", "date": day,
                "description": post.get("description") or "", "amount": amount,
                # union_membership's parser: "²" or a 400-digit amount is an error, not a 500
                "amount_number": form_rules.whole_number(welfare_rules.amount_digits(amount)),
            }
            errors = self._union_welfare_errors(welfare_rules.validate_request(
                values, set(kinds.mapped("code")), fields.Date.context_today(Request)), values)
            if not errors:
                Request.create({
                    "member_id": member.id,
                    "kind_id": kinds.filtered(lambda k: k.code == values["kind"]).id,
                    "date": day, "description": values["description"].strip(),
                    "amount_requested": values["amount_number"] or 0, "state": "submitted",
                })
                created, post = True, {}
        requests = Request.search([("member_id", "=", member.id)])
        values = self._prepare_portal_layout_values()
        values.update({
            "page_name": "union_welfare", "welfare_requests": requests, "welfare_kinds": kinds,
            "errors": errors, "form": post, "created": created,
            # a light main object: see union_membership's portal_main_object
            "main_object": portal_main_object(),
        })
        return request.render("union_finance.portal_my_union_welfare", values,
                              status=400 if errors else 200)
