from odoo import models


class SlideSlide(models.Model):
    _inherit = "slide.slide"

    def _search_get_detail(self, website, order, options):
        """The website search of lessons: none of a union course the visitor may not open."""
        detail = super()._search_get_detail(website, order, options)
        hidden = self.env["slide.channel"]._union_hidden_courses()
        if hidden:
            detail["base_domain"] = [*detail["base_domain"], [("channel_id", "not in", hidden.ids)]]
        return detail
