import time
from datetime import timedelta

from odoo import fields, http
from odoo.http import request
from odoo.tools import consteq, email_normalize
from odoo.tools.misc import hmac as hmac_tool

from odoo.addons.union_membership.rules import form as form_rules

PAGE_SIZE = 20
#: the longest name, phone and search the public page accepts (the form's own maxlength)
MAX_NAME, MAX_PHONE, MAX_SEARCH = 100, 20, 200
FORM_SCOPE = "union_documents.public_question_form"
IP_SCOPE = "union_documents.public_question_ip"


class UnionPetitionPublic(http.Controller):

    @http.route(["/hoi-dap", "/hoi-dap/page/<int:page>"], type="http", auth="public", website=True, sitemap=True)
    def union_public_questions(self, page=1, search="", **kw):
        return self._render_public_questions(page, search, question_sent=bool(kw.get("sent")))

    def _render_public_questions(self, page=1, search="", question_errors=(), question_post=None,
                                 question_sent=False):
        domain = [("is_published", "=", True)]
        # a page number or a search changed by hand in the address ("?page=²") shows the first
        # page, never a server error
        page = form_rules.record_id(str(page)) or 1
        search = (search if isinstance(search, str) else "").strip()[:MAX_SEARCH]
        if search:
            domain += ["|", ("public_question", "ilike", search), ("public_answer", "ilike", search)]
        # sudo: the public reads only published, anonymised questions and answers, and only the
        # public fields below (never the submitter or the internal answer)
        Petition = request.env["union.petition"].sudo()
        total = Petition.search_count(domain)
        pager = request.website.pager(url="/hoi-dap", total=total, page=page, step=PAGE_SIZE,
                                      url_args={"search": search} if search else None)
        items = Petition.search_read(domain, ["public_question", "public_answer", "date_published", "kind"],
                                     order="date_published desc, id desc", limit=PAGE_SIZE,
                                     offset=pager["offset"])
        return request.render("union_documents.union_public_questions", {
            "items": items, "search": search, "pager": pager, "total": total,
            "form_token": self._question_form_token(), "question_errors": list(question_errors),
            "question_post": question_post or {}, "question_sent": question_sent,
        })

    @http.route("/hoi-dap/gui-cau-hoi", type="http", auth="public", website=True, methods=["POST"], sitemap=False)
    def union_public_question_submit(self, **post):
        """A visitor's question: a petition of kind "question" with the contact given, written by
        the neutral intake user and published only once answered (by an officer's action).

        Bot protection that needs no outside service: a field hidden from people (``website_url``)
        that must stay empty, a signed time stamp proving the form was shown at least a few seconds
        ago, a limit of questions per network address and hour (System Parameters), and Odoo's
        CSRF token (checked by the route)."""
        if (post.get("website_url") or "").strip():
            # a robot filled the hidden field: it is told nothing, and nothing is written
            return request.redirect("/hoi-dap?sent=1")
        errors = self._question_errors(post)
        unit = self._question_organization()
        if not unit:
            errors.append(request.env._("The union cannot receive questions yet: please contact it directly."))
        if errors:
            return self._render_public_questions(question_errors=errors, question_post=post)
        name = post["name"].strip()
        question = post["question"].strip()
        request.env["union.petition"]._create_as_intake({
            "kind": "question", "channel": "website",
            "subject": question.splitlines()[0][:120],
            "description": question,
            "organization_id": unit.id,
            "identity_ids": [(0, 0, {
                "name": name, "email": email_normalize(post.get("email") or "") or False,
                "phone": (post.get("phone") or "").strip() or False, "ip_hash": self._ip_hash(),
            })],
        })
        return request.redirect("/hoi-dap?sent=1")

    # ------------------------------------------------------------------ helpers
    def _param(self, key, default):
        # sudo: the limits are System Parameters, read for every visitor
        value = request.env["ir.config_parameter"].sudo().get_param(key)
        try:
            return float(value) if value else default
        except ValueError:
            return default

    def _question_form_token(self, now=None):
        stamp = str(int(now if now is not None else time.time()))
        return f"{stamp}.{hmac_tool(request.env(su=True), FORM_SCOPE, stamp)}"

    def _ip_hash(self):
        return hmac_tool(request.env(su=True), IP_SCOPE, request.httprequest.remote_addr or "")

    def _question_errors(self, post):
        env = request.env
        errors = []
        stamp, _dot, signature = (post.get("form_token") or "").partition(".")
        sent_at = form_rules.whole_number(stamp)  # "²" passes str.isdigit() but not int()
        if sent_at is None or not consteq(signature, hmac_tool(env(su=True), FORM_SCOPE, stamp)):
            errors.append(env._("The form has expired: please fill it in again."))
        elif time.time() - sent_at < self._param("union_documents.public_question_min_seconds", 3):
            errors.append(env._("The form was sent too quickly: please read it again and send it."))
        elif time.time() - sent_at > 86400:
            errors.append(env._("The form has expired: please fill it in again."))
        name = (post.get("name") or "").strip()
        if not name:
            errors.append(env._("Write your name."))
        elif len(name) > MAX_NAME:
            errors.append(env._("Your name is too long (at most %(max)s characters).", max=MAX_NAME))
        if len((post.get("phone") or "").strip()) > MAX_PHONE:
            errors.append(env._("The phone number is too long (at most %(max)s characters).", max=MAX_PHONE))
        email = (post.get("email") or "").strip()
        if email and not email_normalize(email):
            errors.append(env._("The e-mail address %(email)s is not valid.", email=email))
        if not email and not (post.get("phone") or "").strip():
            errors.append(env._("Give an e-mail address or a phone number, so that the union can answer you."))
        question = (post.get("question") or "").strip()
        if not question:
            errors.append(env._("Write your question."))
        elif len(question) > 5000:
            errors.append(env._("The question is too long (at most 5,000 characters)."))
        limit = int(self._param("union_documents.public_question_per_ip_hour", 5))
        since = fields.Datetime.now() - timedelta(hours=1)
        # sudo: only the count of this address's questions of the last hour
        sent = env["union.petition.identity"].sudo().search_count(
            [("ip_hash", "=", self._ip_hash()), ("create_date", ">=", since)])
        if sent >= limit:
            errors.append(env._("Too many questions were sent from your network in the last hour: "
                                "please try again later."))
        return errors

    def _question_organization(self):
        """The unit that answers the public's questions: the System Parameter
        ``union_documents.public_question_organization_code``, or the top unit in operation."""
        # sudo: the visitor may not read units; only the answering unit is chosen
        Org = request.env["union.organization"].sudo()
        code = request.env["ir.config_parameter"].sudo().get_param(
            "union_documents.public_question_organization_code")
        unit = Org.search([("code", "=", code), ("state", "=", "active")], limit=1) if code else Org
        return unit or Org.search([("parent_id", "=", False), ("state", "=", "active")], order="id", limit=1)
