from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

EMPLOYMENT = [("full_time", "Full-time"), ("part_time", "Part-time")]


class UnionOfficerPost(models.Model):
    """A member holding a position in a committee of a term, from one date to another."""
    _name = "union.officer.post"
    _description = "Union Officer Post"
    _inherit = ["union.reference.check.mixin"]
    _union_checked_references = ("body_id", "member_id")
    _order = "date_start desc, id desc"
    _rec_name = "member_id"

    body_id = fields.Many2one("union.body", string="Committee", required=True, index=True, ondelete="cascade")
    term_id = fields.Many2one(related="body_id.term_id", store=True, index=True, string="Term")
    organization_id = fields.Many2one(related="body_id.organization_id", store=True, index=True, string="Unit")
    member_id = fields.Many2one("union.member", string="Member", required=True, index=True, ondelete="restrict")
    position_id = fields.Many2one("union.position", string="Position", required=True, ondelete="restrict")
    employment = fields.Selection(EMPLOYMENT, default="part_time", required=True)
    date_start = fields.Date(string="Took Office On", required=True, index=True)
    date_end = fields.Date(string="Left Office On", index=True)
    end_reason = fields.Char(string="Reason for Leaving")
    decision_ref = fields.Char(string="Decision", help="Number and symbol of the recognition decision.")
    decision_date = fields.Date()
    is_current = fields.Boolean(compute="_compute_is_current", search="_search_is_current", string="In Office")
    officer_rights_granted = fields.Boolean(
        readonly=True, copy=False,
        help="Officer rights on the unit were given for this post: they are removed when the post ends.")
    officer_rights_from_portal = fields.Boolean(readonly=True, copy=False)
    event_ids = fields.One2many("union.officer.event", "post_id", string="Changes")

    @api.depends("date_start", "date_end")
    def _compute_is_current(self):
        today = fields.Date.context_today(self)
        for post in self:
            post.is_current = bool(post.date_start) and post.date_start <= today \
                and (not post.date_end or post.date_end >= today)

    def _search_is_current(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on the field In Office."))
        domain = self._domain_at_date(fields.Date.context_today(self))
        return domain if (operator == "=") == value else ["!", *domain]

    @api.model
    def _domain_at_date(self, day):
        """The posts held on ``day``."""
        return [("date_start", "<=", day), "|", ("date_end", "=", False), ("date_end", ">=", day)]

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for post in self:
            if post.date_end and post.date_end < post.date_start:
                raise ValidationError(self.env._(
                    "%(member)s cannot leave the post of %(position)s (%(end)s) before taking it (%(start)s).",
                    member=post.member_id.name, position=post.position_id.name,
                    end=post.date_end.strftime("%d/%m/%Y"), start=post.date_start.strftime("%d/%m/%Y")))

    @api.constrains("position_id", "body_id")
    def _check_position_body(self):
        for post in self:
            if post.position_id.body_kind != post.body_id.kind and not (
                    post.position_id.body_kind == "standing" and post.body_id.kind == "executive"):
                raise ValidationError(self.env._(
                    "The position %(position)s does not belong to the %(body)s.",
                    position=post.position_id.name, body=post.body_id.display_name))

    # ------------------------------------------------------------
    # Officer rights that follow the post
    # ------------------------------------------------------------

    def action_grant_officer_rights(self):
        """Give the post holder officer rights on the post's unit, in one action.

        Only an officer of a level above the unit, or the union administrator, may do it (the
        rule union_membership applies to a unit's officers): never the unit's own officers.
        """
        self.ensure_one()
        unit = self.organization_id
        unit._check_governed_fields(["officer_ids"])
        if not self.is_current:
            raise UserError(self.env._(
                "%(member)s does not hold the post of %(position)s today: officer rights follow a post in office.",
                member=self.member_id.name, position=self.position_id.name))
        user = self.member_id.user_id
        if not user:
            raise UserError(self.env._(
                "%(member)s has no login yet: give them a portal login first, then officer rights.",
                member=self.member_id.name))
        officer_group = self.env.ref("union_membership.group_union_officer")
        # sudo: the user's groups are set by this action, checked above (officer of a level above
        # or administrator); the officer group itself carries no more than the unit's subtree
        user_sudo = user.sudo()
        from_portal = user_sudo.share
        if officer_group not in user_sudo.groups_id:
            commands = [(4, officer_group.id)]
            if from_portal:
                commands.insert(0, (3, self.env.ref("base.group_portal").id))
            user_sudo.write({"groups_id": commands})
        if user not in unit.sudo().officer_ids:
            unit.write({"officer_ids": [(4, user.id)]})
        self.write({"officer_rights_granted": True, "officer_rights_from_portal": from_portal})
        return True

    @api.model
    def _cron_revoke_officer_rights(self):
        """Remove the officer rights given for posts that have ended (daily)."""
        today = fields.Date.context_today(self)
        # sudo: a scheduled job acting for the administrator
        ended = self.sudo().search([("officer_rights_granted", "=", True), ("date_end", "<", today)])
        if not ended:
            return
        still = self.sudo().search([("officer_rights_granted", "=", True), *self._domain_at_date(today),
                                    ("member_id", "in", ended.member_id.ids)])
        kept = {(post.member_id.id, post.organization_id.id) for post in still}
        portal = self.env.ref("base.group_portal")
        member_group = self.env.ref("union_membership.group_union_member")
        for post in ended:
            user = post.member_id.user_id.sudo()
            if user and (post.member_id.id, post.organization_id.id) not in kept:
                post.organization_id.sudo().write({"officer_ids": [(3, user.id)]})
                if post.officer_rights_from_portal and not user.union_organization_ids:
                    user.write({"groups_id": [(6, 0, [portal.id, member_group.id])]})
        ended.write({"officer_rights_granted": False})
