from odoo import http, tools
from odoo.http import request
from odoo.osv import expression

from odoo.addons.website_slides.controllers.main import WebsiteSlides


def union_sitemap_slide(env, rule, qs):
    """Odoo's sitemap of the courses without the union courses: the sitemap is the public
    user's, who may open none of them (a course's address carries its name)."""
    union_ids = set(env["slide.channel"].sudo().search([("union_organization_ids", "!=", False)]).ids)
    for page in WebsiteSlides.sitemap_slide(env, rule, qs):
        if env["ir.http"]._unslug(page["loc"].removeprefix("/slides/"))[1] not in union_ids:
            yield page


class UnionWebsiteSlides(WebsiteSlides):
    """A union course's pages and lessons are for the members of its units: others get
    "not found", whatever they type in the address bar or post to a JSON route (Odoo lets
    anyone read a "preview" lesson of a published course, so record rules alone would not
    say so). The lists of courses (`/slides`, `/slides/all`, the website search, the sitemap)
    leave out the union courses the visitor may not open."""

    def _union_may_open(self, channel):
        # a course that is no union's is open to whoever Odoo lets in (_union_may_access says so)
        return channel.sudo()._union_may_access(request.env.user.partner_id)

    def _union_guard(self, channel):
        channel = channel.sudo()
        if channel and not self._union_may_open(channel):
            raise request.not_found()
        return channel

    def _union_guard_slide(self, slide):
        """``slide`` (a record or an id) when its course may be opened, else "not found"."""
        if not isinstance(slide, int):
            slide = slide.id
        self._union_guard(request.env["slide.slide"].sudo().browse(slide).exists().channel_id)

    # -- course pages ----------------------------------------------------------------------

    @http.route(sitemap=union_sitemap_slide)
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
    def slide_channel_join(self, channel_id):
        self._union_guard(request.env["slide.channel"].sudo().browse(channel_id).exists())
        return super().slide_channel_join(channel_id)

    @http.route()
    def slide_channel_subscribe(self, channel_id):
        # a follower would be told of each new lesson
        self._union_guard(request.env["slide.channel"].sudo().browse(channel_id).exists())
        return super().slide_channel_subscribe(channel_id)

    @http.route()
    def slide_channel_send_share_email(self, channel_id, emails):
        self._union_guard(request.env["slide.channel"].sudo().browse(int(channel_id)).exists())
        return super().slide_channel_send_share_email(channel_id, emails)

    # -- lessons ---------------------------------------------------------------------------

    def _fetch_slide(self, slide_id):
        """The one look-up of Odoo's JSON lesson routes (content, quiz get/submit/reset,
        completed, like, certification): a lesson of a union course the visitor may not
        open is "not found", as the course is."""
        result = super()._fetch_slide(slide_id)
        slide = result.get("slide")
        if slide and not self._union_may_open(slide.sudo().channel_id):
            return {"error": "slide_wrong"}
        return result

    @http.route()
    def slide_view(self, slide, **kwargs):
        self._union_guard_slide(slide)
        return super().slide_view(slide, **kwargs)

    @http.route()
    def slide_shared_view(self, slide_id, **kwargs):
        # Odoo's answer to an outsider puts the lesson's name in the address it redirects to
        self._union_guard_slide(slide_id)
        return super().slide_shared_view(slide_id, **kwargs)

    @http.route()
    def slide_get_pdf_content(self, slide):
        self._union_guard_slide(slide)
        return super().slide_get_pdf_content(slide)

    @http.route()
    def slide_get_image(self, slide_id, field="image_128", width=0, height=0, crop=False):
        # an infographic lesson's image is its content
        self._union_guard_slide(slide_id)
        return super().slide_get_image(slide_id, field=field, width=width, height=height, crop=crop)

    @http.route()
    def slide_set_completed_and_redirect(self, slide, next_slide_id=None):
        self._union_guard_slide(slide)
        return super().slide_set_completed_and_redirect(slide, next_slide_id=next_slide_id)

    @http.route()
    def slide_set_uncompleted_and_redirect(self, slide):
        self._union_guard_slide(slide)
        return super().slide_set_uncompleted_and_redirect(slide)

    @http.route()
    def slide_send_share_email(self, slide_id, emails, fullscreen=False):
        self._union_guard_slide(int(slide_id))
        return super().slide_send_share_email(slide_id, emails, fullscreen=fullscreen)

    def _slide_embed(self, slide_id, page="1", is_external_embed=False, **kw):
        """`/slides/embed/<id>` and `/slides/embed_external/<id>`."""
        self._union_guard_slide(slide_id)
        return super()._slide_embed(slide_id, page=page, is_external_embed=is_external_embed, **kw)

    # -- lists of courses ------------------------------------------------------------------

    @http.route()
    def slides_channel_home(self, **post):
        """Odoo's home of the courses, its three lists drawn from the courses the visitor may
        open (`/slides/all` and the search are narrowed in `slide.channel._search_get_detail`)."""
        response = super().slides_channel_home(**post)
        hidden = request.env["slide.channel"]._union_hidden_courses()
        if not hidden or not getattr(response, "qcontext", None):
            return response
        channels_all = tools.lazy(lambda: request.env["slide.channel"].search(expression.AND([
            request.website.website_domain(), [("id", "not in", hidden.ids)]])))
        values = {
            "channels_popular": tools.lazy(
                lambda: channels_all.sorted("total_votes", reverse=True)[:3]),
            "channels_newest": tools.lazy(
                lambda: channels_all.sorted("create_date", reverse=True)[:3]),
        }
        if not request.env.user._is_public():
            values["channels_my"] = tools.lazy(lambda: channels_all.filtered("is_member").sorted(
                lambda channel: 0 if channel.completed else channel.completion, reverse=True)[:3])
        response.qcontext.update(values)
        return response
