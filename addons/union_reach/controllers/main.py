import base64
import logging
import time
from datetime import timedelta

from odoo import fields, http
from odoo.exceptions import UserError, ValidationError
from odoo.http import request
from odoo.tools import consteq
from odoo.tools.misc import hmac as hmac_tool

from odoo.addons.union_membership.rules import form as form_rules
from odoo.addons.union_membership.rules.upload import MAX_PHOTO_BYTES
from odoo.addons.union_membership.tools.upload import photo_problem

FORM_FIELDS = ("name", "birth_date", "gender", "nationality_id", "id_document_type", "id_document_number",
               "employer_id", "employer_name", "state_id", "job_title", "phone", "email", "consent")
HONEYPOT = "website_url"
_logger = logging.getLogger(__name__)
#: the action name the form's reCAPTCHA / Turnstile token is asked for (static/src/js/join_captcha.js)
CAPTCHA_ACTION = "union_reach_join"


class UnionReachJoin(http.Controller):
    """The public page to apply to join the union (phone-friendly, Vietnamese).

    Bots are kept out without any outside service: a hidden field people never fill, a
    minimum time between showing and sending the form (signed, so it cannot be forged) and a
    number of applications per address and day (System Parameters). The answer never says
    whether an identity document is already known.

    Odoo's reCAPTCHA (google_recaptcha, which website installs) and Cloudflare Turnstile
    (website_cf_turnstile, when installed) are used on top of these when their keys are set in
    the Website settings: the page asks for a token (join_captcha.js) and the token is checked
    here with ir.http's standard ``_verify_request_recaptcha_token``; without keys both are off.
    """

    def _captcha_error(self):
        """None when the reCAPTCHA / Turnstile token of the request is good (or neither is set
        up); otherwise the message to show."""
        _ = request.env._
        Http = request.env["ir.http"]
        if not hasattr(Http, "_verify_request_recaptcha_token"):
            return None  # google_recaptcha uninstalled: the offline checks only
        try:
            human = Http._verify_request_recaptcha_token(CAPTCHA_ACTION)
        except (UserError, ValidationError) as error:
            # a wrong or expired token: the same answer as a robot's
            _logger.info("Join form: bot check refused (%s)", error)
            human = False
        if human:
            return None
        return _("We could not confirm that the form was sent by a person. Please send it again.")

    def _join_params(self):
        params = request.env["ir.config_parameter"].sudo()
        return (int(params.get_param("union_reach.join_min_seconds", "5")),
                int(params.get_param("union_reach.join_ip_daily_limit", "5")))

    def _join_token(self, stamp):
        return hmac_tool(request.env(su=True), "union_reach_join", str(stamp))

    def _join_values(self, form=None, errors=None):
        env = request.env
        stamp = int(time.time())
        vietnam = env.ref("base.vn")
        return {
            "form": form or {"nationality_id": str(vietnam.id), "id_document_type": "citizen_id"},
            "errors": errors or {},
            "stamp": stamp, "token": self._join_token(stamp),
            # sudo: names of countries, provinces and employers to choose from
            "countries": env["res.country"].sudo().search([]),
            "states": env["res.country.state"].sudo().search([("country_id", "=", vietnam.id)]),
            "employers": env["union.reach.route"]._public_employers(),
            "consent": env["union.consent.text"]._get_in_force(),
            "honeypot": HONEYPOT,
        }

    @http.route("/gia-nhap", type="http", auth="public", website=True, sitemap=True, methods=["GET"])
    def join_form(self, **kwargs):
        return request.render("union_reach.join_page", self._join_values())

    @http.route("/gia-nhap", type="http", auth="public", website=True, sitemap=False, methods=["POST"])
    def join_submit(self, **post):
        _ = request.env._
        Application = request.env["union.reach.application"]
        form = {name: (post.get(name) or "").strip() for name in FORM_FIELDS}
        if post.get(HONEYPOT):
            # a bot filled the field people never see: thank it and keep nothing
            return request.render("union_reach.join_thanks", {"reference": False})
        min_seconds, daily_limit = self._join_params()
        # a stamp of plain digits only: "²" passes str.isdigit() but not int() (a 500 for any bot)
        stamp = form_rules.whole_number(post.get("stamp"))
        token = post.get("token") or ""
        if stamp is None or not consteq(token, self._join_token(stamp)):
            errors = {"common": _("The form has expired; please fill it in again.")}
            return request.render("union_reach.join_page", self._join_values(form, errors))
        if time.time() - stamp < min_seconds:
            errors = {"common": _("The form was sent too quickly. Please check your answers and send it again.")}
            return request.render("union_reach.join_page", self._join_values(form, errors))
        captcha_error = self._captcha_error()
        if captcha_error:
            return request.render("union_reach.join_page", self._join_values(form, {"common": captcha_error}))
        # sudo: the visitor's address is counted, never shown (only its hash is kept)
        ip_hash = Application._ip_hash(request.httprequest.remote_addr or "")
        since = fields.Datetime.now() - timedelta(days=1)
        if Application.sudo().search_count([("ip_hash", "=", ip_hash), ("create_date", ">=", since)]) >= daily_limit:
            errors = {"common": _("Too many applications were sent from this connection today. "
                                  "Please try again tomorrow or contact your union.")}
            return request.render("union_reach.join_page", self._join_values(form, errors))
        vals, errors = Application._validate_public_form(form)
        photo = post.get("photo")
        if photo and hasattr(photo, "read"):
            # one byte past the limit is enough to refuse it; the browser's claimed type is not
            # trusted: the file itself must be a raster image (an SVG would be kept as sent)
            data = photo.read(MAX_PHOTO_BYTES + 1)
            if data:
                problem = photo_problem(request.env, data, photo.filename)
                if problem:
                    errors["photo"] = problem
                else:
                    vals["photo"] = base64.b64encode(data)
        if errors:
            return request.render("union_reach.join_page", self._join_values(form, errors))
        vals.update(Application._route_values(vals), ip_hash=ip_hash)
        # sudo: a visitor creates their application and reads nothing back but its reference
        application = Application.sudo().with_context(mail_create_nolog=True).create(vals)
        return request.render("union_reach.join_thanks", {"reference": application.reference})
