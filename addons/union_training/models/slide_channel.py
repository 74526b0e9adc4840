from odoo import api, fields, models


class SlideChannel(models.Model):
    """A course on Odoo's eLearning for the members of some union units."""

    _name = "slide.channel"
    _inherit = ["slide.channel", "union.reference.check.mixin"]
    _union_checked_references = ("union_organization_ids",)

    union_organization_ids = fields.Many2many(
        "union.organization", "union_training_channel_organization_rel", "channel_id",
        "organization_id", string="For the Members of",
        help="The course is for the members of these units and the units below them; nobody "
             "else may open or join it. Leave empty for an ordinary course.")
    union_digital_skills = fields.Boolean(
        compute="_compute_union_digital_skills", store=True, string="Digital Skills")

    @api.depends("tag_ids.union_digital_skills")
    def _compute_union_digital_skills(self):
        for channel in self:
            channel.union_digital_skills = any(channel.tag_ids.mapped("union_digital_skills"))

    def _union_allowed_partners(self, partners):
        """Those of ``partners`` who may open and join this course: for a union course,
        active members of its units (and below), the officers who manage one of them and
        the union administrators."""
        self.ensure_one()
        if not self.union_organization_ids:
            return partners
        units = self.sudo().union_organization_ids._get_subtree()
        members = self.env["union.member"].sudo().search([
            ("partner_id", "in", partners.ids), ("state", "=", "active"),
            ("organization_id", "in", units.ids)])
        allowed = members.partner_id
        for user in partners.sudo().user_ids:
            if user.has_group("union_membership.group_union_admin") or (
                    user.has_group("union_membership.group_union_officer")
                    and user.union_subtree_ids & units):
                allowed |= user.partner_id
        return partners & allowed

    def _union_may_access(self, partner=None):
        self.ensure_one()
        partner = partner or self.env.user.partner_id
        if self.env.user._is_public():
            return not self.union_organization_ids
        return bool(self._union_allowed_partners(partner))

    @api.model
    def _union_hidden_courses(self):
        """The union courses the current user may not open: the website lists none of them
        (their pages and lessons answer "not found" to this user).

        The same answer as ``_union_may_access`` course by course, in two queries whatever the
        number of courses (every page of courses and every read of a course's messages asks it):
        a course is for the user when one of its units is above or at a unit where the user is an
        active member, or above, at or below a unit the user manages."""
        user = self.env.user
        # sudo: the union courses and the units of the user, whoever asks
        Course, Unit = self.sudo(), self.env["union.organization"].sudo().with_context(active_test=False)
        if user.has_group("union_membership.group_union_admin"):
            return Course.browse()
        managed = user.sudo().union_organization_ids if user.has_group(
            "union_membership.group_union_officer") else Unit
        member_units = Unit if user._is_public() else self.env["union.member"].sudo().search(
            [("partner_id", "=", user.partner_id.id), ("state", "=", "active")]).organization_id
        domain = [("union_organization_ids", "!=", False)]
        if managed or member_units:
            reach = Unit.search(["|", ("id", "parent_of", (managed | member_units).ids),
                                 ("id", "child_of", managed.ids)])
            domain.append(("union_organization_ids", "not in", reach.ids))
        return Course.search(domain)

    def _search_get_detail(self, website, order, options):
        """`/slides/all`, the website search and its suggestions: no union course the visitor
        may not open."""
        detail = super()._search_get_detail(website, order, options)
        hidden = self._union_hidden_courses()
        if hidden:
            detail["base_domain"] = [*detail["base_domain"], [("id", "not in", hidden.ids)]]
        return detail

    def write(self, vals):
        result = super().write(vals)
        if "union_organization_ids" in vals:
            # a course that becomes (or stops being) a union course: its reviews follow
            ratings = self.env["rating.rating"].sudo().search([
                ("res_model", "=", "slide.channel"), ("res_id", "in", self.ids)])
            self.env.add_to_compute(ratings._fields["union_course"], ratings)
        return result

    def _action_add_members(self, target_partners, member_status="joined", raise_on_access=False):
        """Nobody outside a union course's units becomes its attendee, whatever the path
        (the join button, an invitation, a wizard, sudo)."""
        result = self.env["slide.channel.partner"].sudo()
        for channel in self:
            allowed = channel._union_allowed_partners(target_partners)
            if allowed:
                result |= super(SlideChannel, channel)._action_add_members(
                    allowed, member_status=member_status, raise_on_access=raise_on_access)
        return result


class SlideChannelPartner(models.Model):
    _inherit = "slide.channel.partner"

    union_organization_id = fields.Many2one(
        "union.organization", string="Member's Unit", index=True, readonly=True,
        help="The attendee's unit when they joined: the unit the completion counts for.")
    union_completed_on = fields.Date(string="Completed On", readonly=True)

    @api.model_create_multi
    def create(self, vals_list):
        unit_of = self.env["union.member"]._union_unit_by_partner(
            {vals["partner_id"] for vals in vals_list if vals.get("partner_id")})
        for vals in vals_list:
            vals.setdefault("union_organization_id", unit_of.get(vals.get("partner_id")))
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("member_status") == "completed":
            vals = dict(vals, union_completed_on=fields.Date.context_today(self))
        return super().write(vals)
