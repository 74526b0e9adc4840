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

    # ------------------------------------------------- money in transit (113)
    # One home for the accounts a payment of the suite books its money on, called by
    # every model that receives or pays (dues, 2% fund, allocations, remittances,
    # welfare, refunds): ``self.env["union.payment.mixin"]._union_payment_account(journal)``.

    def _union_receipt_account(self, journal=None, kind=None):
        """The account the money received is debited to. Cash is in the till (the cash
        journal's account) when the receipt is written; a transfer, a check-off sheet, an
        employer's 2% fund transfer or an allocation from the upper level is only known to
        the bank once its statement shows it, so it waits on the bank journal's
        outstanding receipts account (1131, money in transit) until the statement line
        clears it: the bank account is moved by the statement line only, once.
        ``journal`` and ``kind`` default to the payment's own (a record of the mixin)."""
        if journal is None:
            self.ensure_one()
            journal, kind = self.journal_id, getattr(self, "kind", None)
        if kind == "cash" or journal.type == "cash":
            return journal.default_account_id
        return self._union_transit_account(journal, "inbound")

    def _union_payment_account(self, journal=None):
        """The account the money paid out is credited to: the till of a cash journal;
        on a bank journal the outstanding payments account (1132, money in transit: the
        payment order is written, the bank's debit advice is not there yet) until the
        bank statement's outgoing line clears it, so the bank account is moved once, by
        the statement line. ``journal`` defaults to the payment's own."""
        if journal is None:
            self.ensure_one()
            journal = self.journal_id
        if journal.type == "cash":
            return journal.default_account_id
        return self._union_transit_account(journal, "outbound")

    def _union_transit_account(self, journal, direction):
        """The bank journal's outstanding receipts (``inbound``) or payments (``outbound``)
        account: its payment method line's, else the chart's (Odoo's own fallback,
        account.payment._get_outstanding_account)."""
        method_lines = journal.inbound_payment_method_line_ids if direction == "inbound" \
            else journal.outbound_payment_method_line_ids
        account = method_lines.filtered("payment_account_id")[:1].payment_account_id
        if account:
            return account
        company = journal.company_id
        chart = self.with_context(allowed_company_ids=company.root_id.ids).env["account.chart.template"]
        if direction == "inbound":
            account = chart.ref("account_journal_payment_debit_account_id", raise_if_not_found=False) \
                or company.transfer_account_id
            if not account:
                raise UserError(self.env._(
                    "Set the outstanding receipts account of the journal %(journal)s first.",
                    journal=journal.display_name))
        else:
            account = chart.ref("account_journal_payment_credit_account_id", raise_if_not_found=False)
            if not account:
                raise UserError(self.env._(
                    "Set the outstanding payments account of the journal %(journal)s first "
                    "(money in transit, 1132 on the union chart): a payment recorded on a bank "
                    "journal waits there until the bank statement shows it.",
                    journal=journal.display_name))
        return account
