from odoo import fields, models


class UnionOrganization(models.Model):
    _inherit = "union.organization"

    award_count = fields.Integer(compute="_compute_award_count", string="Achievements Count")
    state_achievement_count = fields.Integer(
        compute="_compute_state_achievement_count", string="State Titles Count",
        help="State titles recorded for the unit and its members, this unit and below.")

    def _compute_award_count(self):
        counts = dict(self.env["union.award.recipient"]._read_group(
            [("recipient_organization_id", "in", self.ids), ("state", "=", "granted")],
            ["recipient_organization_id"], ["__count"]))
        for unit in self:
            unit.award_count = counts.get(unit, 0)

    def _compute_state_achievement_count(self):
        for unit in self:
            unit.state_achievement_count = self.env["union.state.achievement"].search_count(
                [("organization_id", "child_of", unit.id)])

    def action_view_state_achievements(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("union_emulation.union_state_achievement_action")
        action["domain"] = [("organization_id", "child_of", self.id)]
        action["context"] = {"search_default_group_year": 1, "default_recipient_organization_id": self.id}
        return action

    def _get_certificate_place(self):
        """The place written before the date on certificates ("Gia Nghĩa, ngày ..."): the unit's city
        or province, else the nearest unit above that has one."""
        for unit in self.sudo()._get_ancestors_first():  # sudo: only the city of the unit's address is read
            partner = unit.partner_id
            if partner.city or partner.state_id:
                return partner.city or partner.state_id.name
        company = self.sudo().company_id  # sudo: only the city of the accounting entity's address is read
        return company.city or company.state_id.name or ""

    def _get_ancestors_first(self):
        """This unit, then its parents up to the root."""
        self.ensure_one()
        ids = [int(unit_id) for unit_id in (self.parent_path or "").split("/") if unit_id]
        return self.browse(list(reversed(ids))) if ids else self

    def action_view_awards(self):
        """The unit's own rewards and its members' over the years."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("union_emulation.union_award_recipient_action")
        action["domain"] = ["|", ("recipient_organization_id", "=", self.id),
                            ("organization_id", "child_of", self.id)]
        action["context"] = {"search_default_group_year": 1, "search_default_granted": 1}
        return action
