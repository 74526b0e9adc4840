from odoo.http import request

from odoo.addons.union_membership.controllers.portal import UnionPortal


class UnionReachPortal(UnionPortal):

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if not counters:
            member = self._union_get_member()
            if member:
                values["union_announcements"] = request.env["blog.post"]._union_latest_for_member(member)
        return values
