from odoo import fields, models


class UnionMember(models.Model):
    _inherit = "union.member"

    award_ids = fields.One2many("union.award.recipient", "member_id", string="Achievements")
    award_count = fields.Integer(compute="_compute_award_count", string="Achievements Count")
    state_achievement_count = fields.Integer(
        compute="_compute_state_achievement_count", string="State Titles Count")

    def _compute_award_count(self):
        counts = dict(self.env["union.award.recipient"]._read_group(
            [("member_id", "in", self.ids), ("state", "=", "granted")], ["member_id"], ["__count"]))
        for member in self:
            member.award_count = counts.get(member, 0)

    def _compute_state_achievement_count(self):
        counts = dict(self.env["union.state.achievement"]._read_group(
            [("member_id", "in", self.ids)], ["member_id"], ["__count"]))
        for member in self:
            member.state_achievement_count = counts.get(member, 0)

    def action_view_state_achievements(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("union_emulation.union_state_achievement_action")
        action["domain"] = [("member_id", "=", self.id)]
        action["context"] = {"default_member_id": self.id}
        return action

    def action_view_awards(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("union_emulation.union_award_recipient_action")
        action["domain"] = [("member_id", "=", self.id)]
        action["context"] = {"search_default_group_year": 1}
        return action
