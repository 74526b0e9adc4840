from odoo import models
from odoo.exceptions import AccessError


class UnionOrganization(models.Model):
    _inherit = "union.organization"

    def _union_reach_check_managed(self):
        """Refuse a unit the user does not manage (with the units below), for actions that reach
        its members (a mailing, a national comparison): being able to read a unit is not enough,
        since a member reads their own unit's parents."""
        user = self.env.user
        if self.env.su or user.has_group("union_membership.group_union_admin"):
            return
        outside = self - user.union_subtree_ids
        if outside:
            raise AccessError(self.env._(
                "You do not manage %(unit)s: you can reach the members of your own units only.",
                unit=outside[0].display_name))
