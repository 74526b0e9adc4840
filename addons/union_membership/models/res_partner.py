from odoo import models
from odoo.exceptions import UserError


class ResPartner(models.Model):
    _inherit = "res.partner"

    def write(self, vals):
        # A member changes their own contact data on the portal, but their name only
        # through a request an officer approves (the portal account page writes as sudo).
        if "name" in vals and self.env.user._is_portal():
            members = self.env["union.member"].sudo().search([("partner_id", "in", self.ids)])
            if members and any(vals["name"] != partner.name for partner in members.partner_id):
                raise UserError(self.env._(
                    "Your name is part of your union record: send a change request from "
                    "the My union page instead."))
        return super().write(vals)
