from collections import defaultdict

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
            ["|", "|", "|", ("move_id", "in", posted.ids), ("reversal_move_id", "in", posted.ids),
             ("move_ids", "in", posted.ids), ("reversal_move_ids", "in", posted.ids)])
        payments = self.env["union.dues.payment"].sudo().search([("move_id", "in", posted.ids)])
        owned = runs.move_id | runs.reversal_move_id | runs.move_ids | runs.reversal_move_ids \
            | payments.move_id
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

    def _union_reconcile_unit_receivables(self):
        """Reconcile, per unit, the open dues receivable items of the units on
        these entries (the unit's monthly dues, its payments and credits),
        oldest first, through Odoo's reconciliation: the book's view of the
        unit's account. Which member paid which month is the union's own
        subledger (union.dues.allocation). Items of a member (entries posted
        before the dues were booked per unit) are not touched."""
        AML = self.env["account.move.line"]
        for company in self.company_id:
            account = company.union_dues_receivable_account_id
            # sudo: which units the partners of these entries are, whoever posts them
            units = self.env["union.organization"].sudo().search(
                [("partner_id", "in", self.filtered(lambda m, c=company: m.company_id == c)
                  .line_ids.filtered(lambda aml, a=account: aml.account_id == a).partner_id.ids)])
            if not account or not units:
                continue
            items = AML.search([
                ("company_id", "=", company.id), ("account_id", "=", account.id),
                ("partner_id", "in", units.partner_id.ids), ("parent_state", "=", "posted"),
                ("reconciled", "=", False)], order="date, id")
            by_partner = defaultdict(lambda: AML)
            for aml in items:
                by_partner[aml.partner_id.id] |= aml
            plan = [amls for amls in by_partner.values()
                    if any(aml.amount_residual > 0 for aml in amls)
                    and any(aml.amount_residual < 0 for aml in amls)]
            if plan:
                AML._reconcile_plan(plan)
