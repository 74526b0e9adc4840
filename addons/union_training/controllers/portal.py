from odoo import fields, http
from odoo.exceptions import UserError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.union_membership.rules import form as form_rules
from odoo.addons.union_membership.tools.qr import qr_data_url


class UnionTrainingPortal(CustomerPortal):

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "union_training_count" in counters:
            values["union_training_count"] = len(request.env.user.union_member_id)
        return values

    def _union_training_values(self, error=None, success=None):
        member = request.env.user.union_member_id
        values = self._prepare_portal_layout_values()
        values.update({"page_name": "union_training", "member": member, "error": error,
                       "success": success})
        if not member:
            return values
        # sudo: the member's own registrations and courses, and the courses of their unit and
        # the units above it; nothing else is rendered
        member_sudo = member.sudo()
        registrations = request.env["event.registration"].sudo().search(
            [("union_member_id", "=", member.id), ("state", "!=", "cancel")],
            order="create_date desc")
        open_events = self._union_training_open_events(member, registrations.event_id)
        channels = request.env["slide.channel.partner"].sudo().search(
            [("partner_id", "=", request.env.user.partner_id.id)])
        courses = request.env["slide.channel"].sudo().search([
            ("union_organization_ids", "parent_of", member_sudo.organization_id.ids),
            ("is_published", "=", True)])
        # the check-in QR codes, drawn as the member card's (the suite's one QR drawer)
        qr_codes = {registration.id: qr_data_url(registration.barcode, box_size=8, border=1)
                    for registration in registrations}
        values.update({
            "registrations": registrations, "open_events": open_events, "qr_codes": qr_codes,
            "course_partners": channels, "courses": courses - channels.channel_id,
        })
        return values

    def _union_training_open_events(self, member, registered):
        """The events ``member`` may register for now and is not registered for yet (not in
        ``registered``): what the page offers them."""
        # sudo: the events of the member's unit and the units above it, each one checked by
        # the event's own rules (unit, audience, state, places, dates) before it is offered
        member_sudo = member.sudo()
        candidates = request.env["event.event"].sudo().search([
            ("union_organization_id", "parent_of", member_sudo.organization_id.ids),
            ("date_end", ">=", fields.Datetime.now())], order="date_begin")
        return candidates.filtered(
            lambda event: event not in registered and not event._union_refusal(member_sudo))

    def _union_training_event_to_register(self, member, event_id):
        """The event posted as ``event_id`` when it is one of the member's open events or
        one they are registered for already (a second click), else an empty recordset. The
        id is only compared with these events' ids, never read."""
        event_id = form_rules.record_id(str(event_id or ""))  # 0 for "²", "12.0", 20 digits...
        if not event_id:
            return request.env["event.event"]
        # sudo: the member's own registrations
        registered = request.env["event.registration"].sudo().search(
            [("union_member_id", "=", member.id), ("state", "!=", "cancel")]).event_id
        events = self._union_training_open_events(member, registered) | registered
        return events.filtered(lambda event: event.id == event_id)

    @http.route("/my/union/training", type="http", auth="user", website=True)
    def portal_union_training(self, **kw):
        return request.render("union_training.portal_union_training",
                              self._union_training_values(success=kw.get("registered")))

    @http.route("/my/union/training/register", type="http", auth="user", website=True,
                methods=["POST"])
    def portal_union_training_register(self, event_id=None, **kw):
        member = request.env.user.union_member_id
        if not member:
            return request.redirect("/my/union/training")
        # only an event the page offers the member is looked at: any other id (another unit's
        # class, an event that is no union's, a number that is no id) gets one answer that names
        # no event, so the form cannot be used to learn what exists
        event = self._union_training_event_to_register(member, event_id)
        if not event:
            return request.render("union_training.portal_union_training", self._union_training_values(
                error=request.env._("This class or meeting is not open to you.")))
        try:
            # the event's own checks decide (unit, audience, places, dates), whoever calls
            event._union_register_member(member)
        except UserError as error:
            return request.render("union_training.portal_union_training",
                                  self._union_training_values(error=str(error)))
        return request.redirect("/my/union/training?registered=1")

    @http.route("/my/union/training/certificate/<int:registration_id>", type="http",
                auth="user", website=True)
    def portal_union_training_certificate(self, registration_id, **kw):
        member = request.env.user.union_member_id
        registration = request.env["event.registration"].sudo().browse(registration_id).exists()
        if not member or not registration or registration.union_member_id != member \
                or not registration.union_attendance_count:
            return request.redirect("/my/union/training")
        # sudo: the member's own certificate (checked above)
        pdf, _type = request.env["ir.actions.report"].sudo()._render_qweb_pdf(
            "union_training.union_training_certificate_report", [registration.id])
        return request.make_response(pdf, headers=[
            ("Content-Type", "application/pdf"), ("Content-Length", len(pdf)),
            ("Content-Disposition", f'inline; filename="chung-nhan-{registration.id}.pdf"')])

    @http.route("/my/union/course/<int:channel_id>/enroll", type="http", auth="user",
                website=True)
    def portal_union_course_enroll(self, channel_id, **kw):
        """A union course enrols the member at their first visit (instead of enrolling a
        whole province up front); nobody outside the course's units is enrolled."""
        channel = request.env["slide.channel"].sudo().browse(channel_id).exists()
        if not channel or not channel._union_may_access(request.env.user.partner_id):
            raise request.not_found()
        # sudo: the enrolment of the visitor themself, allowed by the course's units
        channel._action_add_members(request.env.user.partner_id)
        return request.redirect(channel.website_url)
