from odoo import fields, models


class UnionOrganizationAsAtWizard(models.TransientModel):
    _name = "union.organization.as.at.wizard"
    _description = "Union Units as at a Date"

    date = fields.Date(string="As At", required=True, default=fields.Date.context_today)

    def action_show_tree(self):
        """The units' chart and list as they were at the end of the chosen date."""
        self.ensure_one()
        Org = self.env["union.organization"]
        ids = list(Org._get_tree_at(self.date))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Union units as at %(date)s", date=self.date.strftime("%d/%m/%Y")),
            "res_model": "union.organization",
            "view_mode": "hierarchy,list,form",
            "views": [(self.env.ref("union_membership.union_organization_view_hierarchy_as_at").id, "hierarchy"),
                      (self.env.ref("union_membership.union_organization_view_list_as_at").id, "list"),
                      (False, "form")],
            "domain": [("id", "in", ids)],
            "context": {"union_as_at": fields.Date.to_string(self.date), "active_test": False},
        }
