import re

from odoo import http
from odoo.http import request

# ASCII digits only (\d takes any Unicode digit, e.g. full-width ones), matched whole (fullmatch:
# "$" would let a trailing newline through)
YEAR_PATTERN = re.compile(r"[0-9]{4}(?:-[0-9]{4})?")


class UnionEmulationWebsite(http.Controller):
    """Public pages: launched movements and the published ranking of units."""

    def _published_movements(self):
        # sudo: the public sees published movements only (the domain says so), not the backend records
        return request.env["union.emulation.movement"].sudo().search(
            [("is_published", "=", True), ("state", "!=", "draft")])

    @http.route("/union/emulation", type="http", auth="public", website=True, sitemap=True)
    def movements(self, **kw):
        return request.render("union_emulation.website_movement_list", {
            "movements": self._published_movements(),
        })

    @http.route("/union/emulation/<int:movement_id>", type="http", auth="public", website=True, sitemap=False)
    def movement(self, movement_id, **kw):
        movement = self._published_movements().filtered(lambda m: m.id == movement_id)
        if not movement:
            raise request.not_found()
        registered = can_register = False
        user = request.env.user
        member = user.union_member_id if not user._is_public() else None
        if member and movement.registration_open:
            registered = bool(request.env["union.emulation.registration"].search_count(
                [("movement_id", "=", movement.id), ("member_id", "=", member.id), ("state", "=", "registered")]))
            # sudo: only the id of the member's unit is compared with the units the movement covers
            can_register = (not registered and member.sudo().state == "active"
                            and member.sudo().organization_id in movement._get_target_units())
        return request.render("union_emulation.website_movement_page", {
            "movement": movement,
            "contests": movement.contest_ids.filtered(lambda c: c.state != "draft"),
            "registered": registered,
            "can_register": can_register,
        })

    @http.route("/union/emulation/ranking", type="http", auth="public", website=True, sitemap=True)
    def ranking(self, year=None, **kw):
        # sudo: approved evaluations are published results; only those are read
        Evaluation = request.env["union.emulation.evaluation"].sudo()
        years = sorted((y for [y] in Evaluation._read_group([("state", "=", "approved")], ["year"]) if y),
                       reverse=True)
        # a year asked for (e.g. from a movement's page) is shown even before its results are approved;
        # without one, the latest year with approved results
        if not (isinstance(year, str) and YEAR_PATTERN.fullmatch(year)):
            year = years[0] if years else None
        ranking = Evaluation._get_ranking(year) if year else []
        return request.render("union_emulation.website_ranking", {
            "years": years, "year": year, "ranking": ranking,
            "classes": dict(Evaluation._fields["classification"]._description_selection(request.env)),
        })
