from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Command

from ..vnd import format_vnd


class UnionFundPayment(models.Model):
    """A sum paid by an employer for one month's 2% fund, booked and
    reconciled against the declaration's receivable item."""

    _name = "union.fund.payment"
    _description = "2% Union Fund Payment"
    _inherit = ["union.payment.mixin", "union.finance.reference.mixin"]
    _union_checked_references = ("contribution_id",)
    _order = "date desc, id desc"
    _check_company_auto = True

    contribution_id = fields.Many2one("union.fund.contribution", string="Declaration",
                                      required=True, index=True, ondelete="restrict",
                                      domain="[('state', '=', 'posted')]")
    organization_id = fields.Many2one(related="contribution_id.organization_id", store=True,
                                      index=True)
    employer_id = fields.Many2one(related="contribution_id.employer_id", store=True, index=True)
    company_id = fields.Many2one(related="contribution_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    date = fields.Date(required=True, default=fields.Date.context_today)
    amount = fields.Monetary(string="Amount (VND)", required=True)
    journal_id = fields.Many2one(
        "account.journal", required=True, check_company=True,
        domain="[('type', 'in', ('cash', 'bank'))]",
        compute="_compute_journal_id", store=True, readonly=False, precompute=True)
    reference = fields.Char(help="The bank transfer's reference.")
    state = fields.Selection([("draft", "Draft"), ("posted", "Posted")], default="draft",
                             required=True, index=True)
    move_id = fields.Many2one("account.move", string="Journal Entry", readonly=True, copy=False,
                              check_company=True)

    _sql_constraints = [
        ("amount_positive", "CHECK(amount > 0)", "The amount must be positive."),
    ]

    @api.depends("contribution_id")
    def _compute_journal_id(self):
        for payment in self:
            company = payment.contribution_id.company_id or self.env.company
            payment.journal_id = company.union_dues_payment_journal_id or payment.journal_id

    @api.depends("contribution_id", "amount")
    def _compute_display_name(self):
        for payment in self:
            payment.display_name = f"{payment.contribution_id.name or ''} " \
                                   f"({format_vnd(self.env, payment.amount)})"

    def action_post(self):
        """Book each payment and reconcile it with its declaration."""
        self._check_draft()
        for payment in self:
            if payment.contribution_id.state != "posted":
                raise UserError(self.env._(
                    "Post the declaration %(name)s before recording its payment.",
                    name=payment.contribution_id.name))
            if not payment.contribution_id.move_line_id:
                raise UserError(self.env._("Nothing is due for %(name)s.",
                                           name=payment.contribution_id.name))
        self.organization_id._union_analytic_map()  # the missing accounts, in one batch
        moves = self.env["account.move"].create([p._prepare_move_vals() for p in self])
        moves.action_post()
        for payment, move in zip(self, moves):
            payment.write({"move_id": move.id, "state": "posted"})
            receivable = payment.contribution_id.move_line_id
            credit = move.line_ids.filtered(lambda aml, a=receivable.account_id: aml.account_id == a)
            (receivable + credit).reconcile()
        # a statement line imported before: cleared now (one search for the batch)
        self.env["account.bank.statement.line"]._union_match_posted(self)
        return True

    def _prepare_move_vals(self):
        self.ensure_one()
        contribution = self.contribution_id
        label = self.env._("2%% fund %(name)s", name=contribution.name)
        # the receivable belongs to the collecting level (the upper level by default)
        analytic = (contribution.collecting_organization_id
                    or contribution.organization_id)._union_analytic_distribution()
        return {
            "move_type": "entry", "journal_id": self.journal_id.id,
            "company_id": self.company_id.id, "date": self.date,
            "ref": self.reference or label,
            "line_ids": [
                Command.create({
                    # cash in the till, or money in transit until the bank statement
                    # line clears it (the bank account moves once, by the statement)
                    "name": label, "account_id": self._union_receipt_account().id,
                    "partner_id": contribution.employer_id.id, "debit": self.amount, "credit": 0,
                    "analytic_distribution": analytic,
                }),
                Command.create({
                    "name": label, "account_id": contribution.move_line_id.account_id.id,
                    "partner_id": contribution.employer_id.id, "debit": 0, "credit": self.amount,
                    "analytic_distribution": analytic,
                }),
            ],
        }
