from odoo import api, models
from odoo.exceptions import UserError


class UnionPaymentMixin(models.AbstractModel):
    """What the dues payments and the 2% fund payments share: a payment is
    booked once (draft, then posted) and a posted one is never deleted.
    The models that inherit it have a ``state`` field (draft/posted)."""

    _name = "union.payment.mixin"
    _description = "Union Payment Guards"

    def _check_draft(self):
        """A payment is applied only once."""
        if self.filtered(lambda p: p.state != "draft"):
            raise UserError(self.env._("This payment has already been recorded."))

    @api.ondelete(at_uninstall=False)
    def _unlink_except_posted(self):
        if self.filtered(lambda p: p.state == "posted"):
            raise UserError(self.env._("A posted payment cannot be deleted."))

    def _union_receipt_account(self):
        """The account the money is debited to. Cash is in the till (the cash
        journal's account) when the receipt is written; a transfer, a check-off
        sheet or an employer's 2% fund transfer is only known to the bank once its
        statement shows it, so it waits on the bank journal's outstanding receipts
        account (113, money in transit) until the statement line clears it: the bank
        account is moved by the statement line only, once."""
        self.ensure_one()
        journal = self.journal_id
        if getattr(self, "kind", None) == "cash" or journal.type == "cash":
            return journal.default_account_id
        method_line = journal.inbound_payment_method_line_ids.filtered("payment_account_id")[:1]
        # Odoo's own fallback (account.payment._get_outstanding_account)
        chart = self.with_context(
            allowed_company_ids=self.company_id.root_id.ids).env["account.chart.template"]
        account = method_line.payment_account_id \
            or chart.ref("account_journal_payment_debit_account_id", raise_if_not_found=False) \
            or self.company_id.transfer_account_id
        if not account:
            raise UserError(self.env._(
                "Set the outstanding receipts account of the journal %(journal)s first.",
                journal=journal.display_name))
        return account
