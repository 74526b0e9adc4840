from odoo import api, models

# Odoo's groups that see and change every unit's events and courses (their record rules are
# "all records"): a union officer organises their units' classes through the union's own rules
MANAGER_GROUPS = (
    "event.group_event_manager",
    "website_slides.group_website_slides_manager",
    "website_slides.group_website_slides_officer",
)


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.model
    def _union_training_drop_manager_groups(self):
        """Take the events and eLearning managers' groups from the union officers who are not
        union or Settings administrators (who keep them: they set up the courses)."""
        groups = self.env["res.groups"].browse(
            [group.id for xmlid in MANAGER_GROUPS if (group := self.env.ref(xmlid, raise_if_not_found=False))])
        officers = self.with_context(active_test=False).search([
            ("groups_id", "in", self.env.ref("union_membership.group_union_officer").ids),
            ("groups_id", "in", groups.ids),
            ("groups_id", "not in", (self.env.ref("union_membership.group_union_admin")
                                     | self.env.ref("base.group_system")).ids),
        ])
        officers.write({"groups_id": [(3, group.id) for group in groups]})
        return officers
