import re
from datetime import date

from odoo import fields, http, tools
from odoo.http import content_disposition, request

from odoo.addons.portal.controllers.portal import CustomerPortal

from ..rules import citizen_id as cccd
from ..rules import form as form_rules
from ..rules.lifecycle import MEMBER_STATES

#: what a member may change on their own record, without an officer
CONTACT_FIELDS = ("phone", "email", "street", "street2", "city")
#: separators people type in phone numbers
PHONE_SEPARATORS_RE = re.compile(r"[\s.\-()]")
PHONE_RE = re.compile(r"^\+?[0-9]{9,12}$")
#: the fields of the change request form (what an officer approves before it changes)
REQUEST_FORM_FIELDS = ("new_name", "new_citizen_id", "new_birth_date", "new_ethnicity_id", "new_religion",
                       "new_nationality_id", "new_id_document_type", "new_id_document_number",
                       "new_id_document_country_id", "new_organization_id", "note")


def portal_main_object():
    """The ``main_object`` of the member's portal pages: an empty recordset of a model of three fields.

    Without it, the website sets the page's ir.ui.view as ``main_object``, and
    ``website.layout`` calls ``main_object.fields_get()`` four times for every logged-in
    visitor (to fill the edit bar's data-is-published, data-can-publish... attributes):
    on ir.ui.view (42 fields) that is about 13 ms each, a third of the server time of a
    portal page. Nothing on these pages is published, editable or SEO-optimised, so an
    empty portal.mixin gives the same answers (no such field, no main object) for 1 ms.
    """
    return request.env["portal.mixin"]


class UnionPortal(CustomerPortal):

    # ------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------

    def _union_get_member(self):
        """The member record of the logged-in user, read under their own access rights.

        The record rule of the member group lets a member read only their own record; a user
        who is not a member gets an empty recordset.
        """
        Member = request.env["union.member"]
        if not Member.has_access("read"):
            return Member
        return Member.search([("partner_id", "=", request.env.user.partner_id.id)], limit=1)

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "union_member_count" in counters:
            values["union_member_count"] = len(self._union_get_member())
        return values

    def _union_prepare_values(self, member, **extra):
        values = self._prepare_portal_layout_values()
        values.update({"page_name": "union_member", "member": member,
                       "main_object": portal_main_object()}, **extra)
        return values

    def _union_not_member(self):
        values = self._union_prepare_values(request.env["union.member"])
        return request.render("union_membership.portal_union_not_member", values)

    # ------------------------------------------------------------
    # My union
    # ------------------------------------------------------------

    @http.route("/my/union", type="http", auth="user", website=True)
    def portal_my_union(self, **kw):
        member = self._union_get_member()
        if not member:
            return self._union_not_member()
        events = member.event_ids  # own history: record rule of the member group
        requests = member.change_request_ids  # own requests: record rule of the member group
        # A member may read only their current unit and the units above it; the units of past
        # events (before a transfer) and of their requests belong to their own history, so only
        # the names of those units are read as sudo.
        units = (events.organization_id | events.from_organization_id | requests.new_organization_id).sudo()
        unit_names = {unit.id: unit.display_name for unit in units}
        values = self._union_prepare_values(
            member,
            events=events,
            unit_names=unit_names,
            change_requests=requests,
            can_request=member.state in MEMBER_STATES,
            has_card=member.state in MEMBER_STATES,
            success=kw.get("success"),
        )
        return request.render("union_membership.portal_my_union", values)

    @http.route("/my/union/card", type="http", auth="user", website=True)
    def portal_my_union_card(self, **kw):
        """The logged-in member's own card as PDF; there is no way to ask for another one's."""
        member = self._union_get_member()
        if not member or member.state not in MEMBER_STATES:
            return request.not_found()
        member.check_access("read")
        # Rendered as superuser like every portal report (CustomerPortal._show_report), for this
        # one member whose access was checked above: the QR code needs the card's verification
        # token, a field restricted to officers.
        response = self._show_report(member, "pdf", "union_membership.action_report_union_member_card")
        response.headers["Content-Disposition"] = content_disposition(
            f"The-doan-vien-{member.member_code or member.id}.pdf")
        return response

    # ------------------------------------------------------------
    # Contact details, edited by the member
    # ------------------------------------------------------------

    @http.route("/my/union/edit", type="http", auth="user", website=True, methods=["GET", "POST"])
    def portal_my_union_edit(self, **post):
        member = self._union_get_member()
        if not member:
            return self._union_not_member()
        form = {name: member[name] or "" for name in CONTACT_FIELDS}
        errors = {}
        if request.httprequest.method == "POST":
            form = {name: (post.get(name) or "").strip() for name in CONTACT_FIELDS}
            vals, errors = self._union_validate_contact(form)
            if not errors:
                self._union_write_contact(member, vals)
                return request.redirect("/my/union?success=contact")
        values = self._union_prepare_values(member, form=form, errors=errors,
                                            page_name="union_member_edit")
        return request.render("union_membership.portal_my_union_edit", values)

    def _union_validate_contact(self, form):
        """({field: value} to write, {field: error message}); nothing is written here."""
        errors = {}
        email = form.get("email", "")
        if not email:
            errors["email"] = request.env._("The e-mail address is required.")
        elif not tools.single_email_re.match(email):
            errors["email"] = request.env._(
                "The e-mail address %(value)s is not valid (expected like name@example.vn).", value=email)
        phone = form.get("phone", "")
        if phone and not PHONE_RE.match(PHONE_SEPARATORS_RE.sub("", phone)):
            errors["phone"] = request.env._(
                "The phone number %(value)s is not valid: use 9 to 12 digits, optionally starting "
                "with +, e.g. 0912 345 678.", value=phone)
        for name in ("street", "street2", "city"):
            if len(form.get(name, "")) > 200:
                errors[name] = request.env._("This field is too long (200 characters at most).")
        vals = {name: form.get(name) or False for name in CONTACT_FIELDS}
        return vals, errors

    def _union_write_contact(self, member, vals):
        changed = {name: value for name, value in vals.items() if (member[name] or False) != value}
        if not changed:
            return
        # sudo: members have no write access to their record (officers keep it); like Odoo's own
        # /my/account, only the validated contact fields above are written, on the user's own record.
        member_sudo = member.sudo()
        member_sudo.write(changed)
        labels = [member._fields[name].get_description(request.env)["string"] for name in changed]
        member_sudo.message_post(
            body=request.env._("Contact details changed by the member on the portal: %(fields)s.",
                               fields=", ".join(labels)),
            author_id=request.env.user.partner_id.id,
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )

    # ------------------------------------------------------------
    # Requests for changes an officer approves
    # ------------------------------------------------------------

    def _union_request_units(self, member):
        # sudo: the list of unit names to choose from; a member may read only their own unit,
        # and unit names are not personal data.
        return request.env["union.organization"].sudo().search([
            ("state", "=", "active"), ("level", "in", ("grassroots", "group")),
            ("id", "!=", member.organization_id.id),
        ], order="parent_path, sequence, name")

    @http.route("/my/union/request", type="http", auth="user", website=True, methods=["GET", "POST"])
    def portal_my_union_request(self, **post):
        member = self._union_get_member()
        if not member:
            return self._union_not_member()
        if member.state not in MEMBER_STATES:
            return request.redirect("/my/union")
        form = {name: (post.get(name) or "").strip() for name in REQUEST_FORM_FIELDS}
        errors = {}
        units = self._union_request_units(member)
        if request.httprequest.method == "POST":
            vals, errors = self._union_validate_request(member, form, units)
            if not errors:
                request.env["union.member.change.request"].create(vals)
                return request.redirect("/my/union?success=request")
        Member = request.env["union.member"]
        values = self._union_prepare_values(
            member, form=form, errors=errors, units=units, page_name="union_member_request",
            ethnicities=request.env["union.ethnicity"].search([]),
            countries=request.env["res.country"].search([]),
            document_types=Member._fields["id_document_type"]._description_selection(request.env))
        return request.render("union_membership.portal_my_union_request", values)

    def _union_validate_request(self, member, form, units):
        """({values of the change request}, {field: error message}); nothing is written here."""
        errors = {}
        _ = request.env._
        vals = {"member_id": member.id, "note": form["note"] or False}
        if form["new_name"]:
            if form["new_name"] == member.name:
                errors["new_name"] = _("The new name is the same as the current one.")
            elif len(form["new_name"]) > 100:
                errors["new_name"] = _("The name is too long (100 characters at most).")
            else:
                vals["new_name"] = form["new_name"]
        if form["new_citizen_id"]:
            value = cccd.normalize(form["new_citizen_id"])
            if not cccd.is_valid(value):
                errors["new_citizen_id"] = _(
                    "The citizen ID %(value)s is not valid: it must have 12 digits and start with a "
                    "province code from 001 to 096.", value=form["new_citizen_id"])
            else:
                vals["new_citizen_id"] = value
        if form["new_birth_date"]:
            try:
                birth = fields.Date.to_date(form["new_birth_date"])
            except ValueError:
                birth = None
            if not birth:
                errors["new_birth_date"] = _(
                    "The birth date %(value)s is not a valid date.", value=form["new_birth_date"])
            elif birth > date.today() or birth.year < 1900:
                errors["new_birth_date"] = _(
                    "The birth date %(value)s is not plausible.", value=birth.strftime("%d/%m/%Y"))
            else:
                vals["new_birth_date"] = birth
        if form["new_organization_id"]:
            unit_id = form_rules.record_id(form["new_organization_id"])
            if unit_id not in units.ids:
                errors["new_organization_id"] = _("Choose the requested unit from the list.")
            else:
                vals["new_organization_id"] = unit_id
        self._union_validate_request_identity(form, vals, errors)
        if not errors and not any(vals.get(name) for name in REQUEST_FORM_FIELDS if name != "note"):
            errors["common"] = _(
                "Say what should change: a name, citizen ID, birth date, ethnic group, religion, "
                "nationality, identity document or unit.")
        return vals, errors

    def _union_validate_request_identity(self, form, vals, errors):
        """Ethnic group, religion, nationality and identity document of a change request: checked
        into ``vals`` and ``errors``; the member's record keeps the old values until approval."""
        _ = request.env._
        if form["new_ethnicity_id"]:
            ethnicity = request.env["union.ethnicity"].search(
                [("id", "=", form_rules.record_id(form["new_ethnicity_id"]))])
            if not ethnicity:
                errors["new_ethnicity_id"] = _("Choose the ethnic group from the list.")
            else:
                vals["new_ethnicity_id"] = ethnicity.id
        if form["new_religion"]:
            if len(form["new_religion"]) > 100:
                errors["new_religion"] = _("The religion is too long (100 characters at most).")
            else:
                vals["new_religion"] = form["new_religion"]
        Country = request.env["res.country"]
        for name in ("new_nationality_id", "new_id_document_country_id"):
            if form[name]:
                country = Country.search([("id", "=", form_rules.record_id(form[name]))])
                if not country:
                    errors[name] = _("Choose the country from the list.")
                else:
                    vals[name] = country.id
        doc_type, number = form["new_id_document_type"], form["new_id_document_number"]
        types = dict(request.env["union.member"]._fields["id_document_type"]._description_selection(request.env))
        if doc_type and doc_type not in types:
            errors["new_id_document_type"] = _("Choose the identity document from the list.")
        elif doc_type == "citizen_id":
            vals["new_id_document_type"] = doc_type
            if number:
                errors["new_id_document_number"] = _(
                    "A citizen ID is written in the citizen ID field, not as a document number.")
        elif doc_type or number or form["new_id_document_country_id"]:
            label = types.get(doc_type, "")
            if not doc_type:
                errors["new_id_document_type"] = _("Say which identity document the number belongs to.")
            elif not number:
                errors["new_id_document_number"] = _("Write the number of the %(document)s.", document=label)
            elif len(number) > 30:
                errors["new_id_document_number"] = _(
                    "The document number %(value)s is too long (30 characters at most).", value=number)
            elif not form["new_id_document_country_id"]:
                errors["new_id_document_country_id"] = _(
                    "Choose the country that issued the %(document)s.", document=label)
            else:
                vals.update(new_id_document_type=doc_type, new_id_document_number=number)
