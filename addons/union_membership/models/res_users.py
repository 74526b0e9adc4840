from odoo import api, fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    union_organization_ids = fields.Many2many(
        "union.organization", "union_organization_res_users_rel", "user_id", "organization_id",
        string="Managed Union Units",
        help="The units this officer manages, with everything below them.")
    union_member_id = fields.Many2one("union.member", compute="_compute_union_member_id",
                                      string="Union Member")
    union_subtree_ids = fields.Many2many(
        "union.organization", compute="_compute_union_subtree_ids", string="Managed Units and Below",
        help="The managed units with every unit below them: read by record rules that must be "
             "checked record by record cheaply (e.g. on contacts).")

    @api.depends("union_organization_ids")
    def _compute_union_subtree_ids(self):
        for user in self:
            # sudo: the subtree of the units the user manages, whoever asks (record rules)
            user.union_subtree_ids = user.sudo().union_organization_ids._get_subtree()

    def _compute_union_member_id(self):
        members = self.env["union.member"].sudo().search([("partner_id", "in", self.partner_id.ids)])
        by_partner = {member.partner_id.id: member.id for member in members}
        for user in self:
            user.union_member_id = by_partner.get(user.partner_id.id, False)

    @api.model_create_multi
    def create(self, vals_list):
        users = super().create(vals_list)
        if any("union_organization_ids" in vals for vals in vals_list):
            self.env.registry.clear_cache()
        return users

    def write(self, vals):
        res = super().write(vals)
        if "union_organization_ids" in vals:
            # record rules read the managed units
            self.env.registry.clear_cache()
        return res
