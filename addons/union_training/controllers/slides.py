from odoo import http
from odoo.http import request

from odoo.addons.website_slides.controllers.main import WebsiteSlides


class UnionWebsiteSlides(WebsiteSlides):
    """A union course's pages are for the members of its units: others get "not found",
    whatever they type in the address bar (record rules alone would not say so)."""

    def _union_guard(self, channel):
        channel = channel.sudo()
        if channel and channel.union_organization_ids \
                and not channel._union_may_access(request.env.user.partner_id):
            raise request.not_found()
        return channel

    @http.route()
    def channel(self, channel=False, channel_id=False, **kw):
        target = channel or (request.env["slide.channel"].sudo().browse(channel_id).exists()
                             if channel_id else False)
        if target:
            target = self._union_guard(target)
            if target.union_organization_ids and not target.is_member \
                    and not request.env.user._is_public() \
                    and request.env.user.union_member_id:
                return request.redirect(f"/my/union/course/{target.id}/enroll")
        return super().channel(channel=channel, channel_id=channel_id, **kw)

    @http.route()
    def slide_view(self, slide, **kwargs):
        self._union_guard(slide.sudo().channel_id)
        return super().slide_view(slide, **kwargs)

    @http.route()
    def slide_channel_join(self, channel_id):
        self._union_guard(request.env["slide.channel"].sudo().browse(channel_id).exists())
        return super().slide_channel_join(channel_id)
