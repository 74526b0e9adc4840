from odoo import fields, models


class UnionOfficerRegisterWizard(models.TransientModel):
    """The register of union officers (cán bộ công đoàn) of a unit, as at a date."""
    _name = "union.officer.register.wizard"
    _description = "Union Officer Register"

    organization_id = fields.Many2one("union.organization", string="Unit", required=True)
    date = fields.Date(string="As At", required=True, default=fields.Date.context_today)
    include_subunits = fields.Boolean(string="With Sub-units", default=True)

    def action_open_register(self):
        self.ensure_one()
        self.organization_id.check_access("read")
        operator = "child_of" if self.include_subunits else "="
        Post = self.env["union.officer.post"]
        action = self.env["ir.actions.act_window"]._for_xml_id("union_governance.union_officer_post_action")
        action["domain"] = [("organization_id", operator, self.organization_id.id), *Post._domain_at_date(self.date)]
        action["name"] = self.env._("Union officers of %(unit)s on %(date)s", unit=self.organization_id.name,
                                    date=self.date.strftime("%d/%m/%Y"))
        action["context"] = {"search_default_group_organization": 1}
        return action
