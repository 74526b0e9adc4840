from odoo import fields, models


class UnionOrganization(models.Model):
    _inherit = "union.organization"

    award_count = fields.Integer(compute="_compute_award_count", string="Achievements Count")

    def _compute_award_count(self):
        counts = dict(self.env["union.award.recipient"]._read_group(
            [("recipient_organization_id", "in", self.ids), ("state", "=", "granted")],
            ["recipient_organization_id"], ["__count"]))
        for unit in self:
            unit.award_count = counts.get(unit, 0)

    def action_view_awards(self):
        """The unit's own rewards and its members' over the years."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("union_emulation.union_award_recipient_action")
        action["domain"] = ["|", ("recipient_organization_id", "=", self.id),
                            ("organization_id", "child_of", self.id)]
        action["context"] = {"search_default_group_year": 1, "search_default_granted": 1}
        return action
