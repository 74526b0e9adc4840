from odoo import api, models


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.model
    def _union_reach_drop_marketing_group(self):
        """Take Odoo's "Email Marketing / User" from the union officers who are not union or
        Settings administrators. mass_mailing gives it to every internal user existing when it is
        installed; with it an officer would also read and change every mailing, list and contact
        that is no union's and the whole e-mail blacklist (members of every unit who opted out).
        Officers send their units' mailings through their officer group and this addon's rules."""
        group = self.env.ref("mass_mailing.group_mass_mailing_user", raise_if_not_found=False)
        if not group:
            return self.browse()
        officers = self.with_context(active_test=False).search([
            ("groups_id", "in", self.env.ref("union_membership.group_union_officer").ids),
            ("groups_id", "in", group.ids),
            ("groups_id", "not in", (self.env.ref("union_membership.group_union_admin")
                                     | self.env.ref("base.group_system")).ids),
        ])
        officers.write({"groups_id": [(3, group.id)]})
        return officers
