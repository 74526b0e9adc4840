from odoo import http
from odoo.http import request


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
        return request.render("union_emulation.website_movement_page", {
            "movement": movement,
            "contests": movement.contest_ids.filtered(lambda c: c.state != "draft"),
        })

    @http.route("/union/emulation/ranking", type="http", auth="public", website=True, sitemap=True)
    def ranking(self, year=None, **kw):
        # sudo: approved evaluations are published results; only those are read
        Evaluation = request.env["union.emulation.evaluation"].sudo()
        years = sorted({y for y in Evaluation.search([("state", "=", "approved")]).mapped("year")}, reverse=True)
        year = year if year in years else (years[0] if years else None)
        ranking = Evaluation._get_ranking(year) if year else []
        return request.render("union_emulation.website_ranking", {
            "years": years, "year": year, "ranking": ranking,
            "classes": dict(Evaluation._fields["classification"]._description_selection(request.env)),
        })
