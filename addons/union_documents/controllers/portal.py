
from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.union_membership.tools.upload import read_upload

PORTAL_KINDS = ("question", "recommendation", "complaint", "denunciation")
#: files one petition may carry from the portal (each within the upload limits)
MAX_ATTACHMENTS = 10


class UnionPetitionPortal(CustomerPortal):

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "union_petition_count" in counters:
            Petition = request.env["union.petition"]
            values["union_petition_count"] = (
                Petition.search_count(self._union_petition_domain()) if Petition.has_access("read") else 0)
        return values

    def _union_petition_domain(self):
        return [("identity_ids.partner_id", "=", request.env.user.partner_id.id)]

    @http.route(["/my/union/petitions"], type="http", auth="user", website=True)
    def portal_my_union_petitions(self, **kw):
        Petition = request.env["union.petition"]
        if not Petition.has_access("read"):
            return request.redirect("/my")
        petitions = Petition.search(self._union_petition_domain())
        values = self._prepare_portal_layout_values()
        values.update({"petitions": petitions, "page_name": "union_petition",
                       "can_submit": bool(request.env.user.union_member_id)})
        return request.render("union_documents.portal_my_union_petitions", values)

    @http.route(["/my/union/petitions/<int:petition_id>"], type="http", auth="public", website=True)
    def portal_my_union_petition(self, petition_id, access_token=None, **kw):
        try:
            petition = self._document_check_access("union.petition", petition_id, access_token)
        except (AccessError, MissingError):
            return request.redirect("/my")
        values = self._prepare_portal_layout_values()
        values.update({"petition": petition, "page_name": "union_petition"})
        return request.render("union_documents.portal_my_union_petition", values)

    @http.route(["/my/union/petitions/new"], type="http", auth="user", website=True, methods=["GET", "POST"])
    def portal_union_petition_new(self, **post):
        member = request.env.user.union_member_id
        if not member:
            return request.redirect("/my")
        values = self._prepare_portal_layout_values()
        values.update({"page_name": "union_petition", "errors": [], "post": post})
        if request.httprequest.method == "POST":
            vals, attachments, errors = self._union_petition_validate(member, post)
            if not errors:
                petition = self._union_petition_create(vals, attachments, errors)
                if petition:
                    return request.redirect(f"/my/union/petitions/{petition.id}?submitted=1")
            values["errors"] = errors
        return request.render("union_documents.portal_union_petition_new", values)

    def _union_petition_validate(self, member, post):
        """Read and check the form: every error at once, nothing written."""
        env = request.env
        errors = []
        kind = post.get("kind")
        subject = (post.get("subject") or "").strip()
        description = (post.get("description") or "").strip()
        if kind not in PORTAL_KINDS:
            errors.append(env._("Choose the kind of your petition."))
        if not subject:
            errors.append(env._("Write the subject of your petition."))
        elif len(subject) > 200:
            errors.append(env._("The subject is too long (at most 200 characters)."))
        if not description:
            errors.append(env._("Write the content of your petition."))
        attachments = []
        uploads = [upload for upload in request.httprequest.files.getlist("attachments")
                   if upload and upload.filename]
        if len(uploads) > MAX_ATTACHMENTS:
            errors.append(env._("Attach at most %(max)s files (you chose %(count)s).",
                                max=MAX_ATTACHMENTS, count=len(uploads)))
            uploads = []
        for upload in uploads:
            try:
                # at most the limit read into memory; the size and, for an archive (XLSX, DOCX...),
                # its directory, before anything opens it
                raw = read_upload(env, upload)
            except UserError as err:
                errors.append(err.args[0])
                continue
            attachments.append({"name": upload.filename, "raw": raw,
                                "mimetype": upload.mimetype or False,
                                "res_model": "union.petition"})
        if attachments:
            try:
                env["ir.attachment"]._check_union_attachment_vals(attachments)
            except ValidationError as err:
                errors.append(err.args[0])
        # only the form's fields: anything else posted (an answer, an assignee, a date, a state) is ignored
        vals = {"kind": kind, "subject": subject, "description": description}
        return vals, attachments, errors

    def _union_petition_create(self, vals, attachments, errors):
        env = request.env
        try:
            with env.cr.savepoint():
                # written by the neutral intake user: the member is named on the submitter record only
                petition = env["union.petition"]._submit_from_portal(env.user.union_member_id, vals, attachments)
        except (ValidationError, AccessError, UserError) as err:
            errors.append(err.args[0])
            return False
        return petition
