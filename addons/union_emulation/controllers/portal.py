from odoo import http
from odoo.exceptions import AccessError, MissingError, ValidationError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal


class UnionEmulationPortal(CustomerPortal):

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "union_emulation_count" in counters:
            # the card is shown to members: they may register even before any achievement
            values["union_emulation_count"] = len(request.env.user.union_member_id)
        return values

    def _union_emulation_values(self, error=None, success=None):
        env = request.env
        member = env.user.union_member_id
        values = self._prepare_portal_layout_values()
        values.update({"page_name": "union_emulation", "member": member, "error": error, "success": success})
        if not member:
            values.update(open_movements=[], registrations=[], achievements=[], evaluations=[], contests=[])
            return values
        registrations = env["union.emulation.registration"].search([("member_id", "=", member.id)])
        registered = registrations.filtered(lambda r: r.state == "registered").movement_id
        # sudo: the member's unit decides which movements cover them; only its id is used
        unit = member.sudo().organization_id
        movements = env["union.emulation.movement"].search([("state", "=", "launched")])
        # the movements that cover the member's unit: only their registrations and contests are offered
        covering = movements.filtered(lambda m: unit in m.sudo()._get_target_units())
        open_movements = covering.filtered(lambda m: m.registration_open and m not in registered)
        contests = env["union.contest"].search([("state", "=", "open"), ("movement_id", "in", covering.ids)])
        results = {}
        if contests:
            # sudo: the member's own answers only (partner filter)
            inputs = env["survey.user_input"].sudo().search_read(
                [("survey_id", "in", contests.survey_id.ids), ("partner_id", "=", env.user.partner_id.id),
                 ("state", "=", "done"), ("test_entry", "=", False)],
                ["survey_id", "scoring_percentage", "scoring_success"])
            for answer in inputs:
                best = results.setdefault(answer["survey_id"][0], {"best": 0.0, "passed": False, "attempts": 0})
                best["best"] = max(best["best"], answer["scoring_percentage"])
                best["passed"] = best["passed"] or answer["scoring_success"]
                best["attempts"] += 1
        values.update(
            unit=unit,
            open_movements=open_movements,
            registrations=registrations,
            achievements=env["union.award.recipient"].search([("member_id", "=", member.id)]),
            evaluations=self._union_unit_evaluations(unit),
            contests=contests,
            contest_results=results,
        )
        return values

    def _union_unit_evaluations(self, unit):
        """Approved results of the member's unit and of the units above it: a member of a trade-union
        group (tổ công đoàn) sees the result of the grassroots union the group belongs to."""
        if not unit:
            return request.env["union.emulation.evaluation"]
        ancestor_ids = [int(unit_id) for unit_id in unit.sudo().parent_path.split("/") if unit_id]
        # sudo: approved results are published (the website ranking shows them); only the totals and
        # classes of the member's own units are rendered
        return request.env["union.emulation.evaluation"].sudo().search(
            [("state", "=", "approved"), ("organization_id", "in", ancestor_ids)])

    @http.route("/my/union/emulation", type="http", auth="user", website=True)
    def portal_union_emulation(self, **kw):
        return request.render("union_emulation.portal_union_emulation",
                              self._union_emulation_values(success=kw.get("registered") and True))

    def _prepare_union_registration_vals(self, member, movement, note):
        """The only values a member's registration takes from the portal: anything else posted
        (date, unit, another member, state...) is ignored."""
        return {"movement_id": movement.id, "member_id": member.id, "registrant_type": "member",
                "note": (note or "").strip()[:2000]}

    @http.route("/my/union/emulation/register", type="http", auth="user", website=True, methods=["POST"])
    def portal_union_emulation_register(self, movement_id=None, note=None, **kw):
        member = request.env.user.union_member_id
        error = None
        if not member:
            error = request.env._("Your account is not linked to a union member.")
        else:
            try:
                movement = request.env["union.emulation.movement"].browse(int(movement_id or 0)).exists()
                if not movement:
                    raise MissingError(request.env._("This movement does not exist."))
                # the member must see the movement (launched, not a draft) ...
                movement.check_access("read")
                with request.env.cr.savepoint():
                    # sudo: members cannot create registrations through the ORM (they could set the date,
                    # the unit or another movement); this route writes the member's own registration
                    # from the values above, and the registration's constraints check the deadline,
                    # the member's state and the units the movement covers
                    request.env["union.emulation.registration"].sudo().create(
                        self._prepare_union_registration_vals(member, movement, note))
            except (ValidationError, AccessError, MissingError, ValueError) as err:
                error = str(err.args[0]) if err.args else str(err)
        if error:
            return request.render("union_emulation.portal_union_emulation", self._union_emulation_values(error=error))
        return request.redirect("/my/union/emulation?registered=1")

    @http.route("/my/union/emulation/certificate/<int:recipient_id>", type="http", auth="user", website=True)
    def portal_union_certificate(self, recipient_id, **kw):
        recipient = request.env["union.award.recipient"].browse(recipient_id)
        try:
            recipient.check_access("read")
            if not recipient.exists() or recipient.state != "granted":
                raise MissingError(recipient_id)
        except (AccessError, MissingError):
            return request.redirect("/my")
        # sudo: the member may read their own reward (checked above), the report also reads the decision
        pdf, _type = request.env["ir.actions.report"].sudo()._render_qweb_pdf(
            "union_emulation.union_award_certificate_report", [recipient.id])
        return request.make_response(pdf, headers=[
            ("Content-Type", "application/pdf"), ("Content-Length", len(pdf)),
            ("Content-Disposition", f'inline; filename="certificate-{recipient.id}.pdf"')])
