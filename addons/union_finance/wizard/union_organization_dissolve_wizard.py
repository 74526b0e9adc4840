from odoo import models


class UnionOrganizationDissolveWizard(models.TransientModel):
    """A dissolution also closes the unit's books: its cash, bank, receivables and internal
    balances are handed over to the upper level by a posted entry on the dissolution date
    (dispatch 4181/TLĐ-TC; union.organization._union_close_books)."""

    _inherit = "union.organization.dissolve.wizard"

    def action_dissolve(self):
        self.ensure_one()
        units = self.organization_id._get_subtree().filtered(lambda unit: unit.state == "active")
        res = super().action_dissolve()
        target = self.organization_id.parent_id
        while target and target.state != "active":
            target = target.parent_id
        # sudo: the dissolving officer may keep no books; the wizard checked their reach
        units.sudo()._union_close_books(target.sudo(), self.date, self.decision_ref)
        return res
