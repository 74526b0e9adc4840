from odoo import models
from odoo.exceptions import UserError


class AccountMove(models.Model):
    _inherit = "account.move"

    def _union_dues_moves(self):
        """The posted entries among these that are dues entries: in a company's union dues
        journal, or the entry or reversal of a dues run, or the entry of a dues payment."""
        posted = self.filtered(lambda move: move.state == "posted")
        if not posted:
            return posted
        # sudo: which runs and payments own an entry is checked whoever resets it
        runs = self.env["union.dues.run"].sudo().search(
            ["|", ("move_id", "in", posted.ids), ("reversal_move_id", "in", posted.ids)])
        payments = self.env["union.dues.payment"].sudo().search([("move_id", "in", posted.ids)])
        owned = runs.move_id | runs.reversal_move_id | payments.move_id
        return posted.filtered(lambda move: move in owned or (
            move.journal_id and move.journal_id == move.company_id.sudo().union_dues_journal_id))

    def _union_check_dues_not_reset(self):
        """A posted dues entry is evidence: it is corrected by the run's own reversal (a
        reversal entry), never reset to draft, whoever asks (DOMAIN.md §6)."""
        if self.env.context.get("union_dues_allow_draft"):
            return
        dues = self._union_dues_moves()
        if dues:
            raise UserError(self.env._(
                "%(entries)s: a posted union dues entry cannot be reset to draft. Reverse the "
                "dues run instead (button Reverse on the run), then run the month again.",
                entries=", ".join(dues.mapped("name"))))

    def _check_draftable(self):
        self._union_check_dues_not_reset()
        return super()._check_draftable()

    def write(self, vals):
        if vals.get("state") == "draft":
            self._union_check_dues_not_reset()
        return super().write(vals)
