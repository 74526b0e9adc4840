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

    # --- merge (union.organization.merge): the closing units' outreach goes to the surviving unit ---

    def _union_reach_merge_open_records(self):
        """What is still under way in these closing units: waiting online applications,
        workplaces still without a union, and the routes that send new applications to them."""
        applications = self.env["union.reach.application"].search([
            ("organization_id", "in", self.ids), ("state", "=", "new")])
        workplaces = self.env["union.reach.workplace"].search([
            ("organization_id", "in", self.ids), ("state", "!=", "founded")])
        # sudo: routes are configuration (written by administrators); the merging officer's access
        # over the closing units was checked by the merge
        routes = self.env["union.reach.route"].sudo().with_context(active_test=False).search([
            ("organization_id", "in", self.ids)])
        return applications, workplaces, routes

    def _union_merge_preview(self, target, on_date):
        lines = super()._union_merge_preview(target, on_date)
        applications, workplaces, routes = self._union_reach_merge_open_records()
        if applications or workplaces or routes:
            lines.append(self.env._(
                "%(applications)s waiting online application(s), %(workplaces)s workplace(s) without a "
                "union and %(routes)s application route(s) passed to the surviving unit.",
                applications=len(applications), workplaces=len(workplaces), routes=len(routes)))
        return lines

    def _union_merge_into(self, target, on_date, decision_ref):
        res = super()._union_merge_into(target, on_date, decision_ref)
        applications, workplaces, routes = self._union_reach_merge_open_records()
        # a route to a closed unit is skipped (``_route`` keeps units in operation): without this,
        # an employer's applications would fall back to the province's route after the merge
        routes.write({"organization_id": target.id})
        body = self.env._("Passed from %(unit)s, merged on %(date)s (%(decision)s).",
                          unit=", ".join(self.mapped("name")), date=on_date.strftime("%d/%m/%Y"),
                          decision=decision_ref)
        for records in (applications, workplaces):
            if records:
                records.write({"organization_id": target.id})
                records._message_log_batch({record.id: body for record in records})
        return res
