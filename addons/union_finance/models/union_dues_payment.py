from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.fields import Command

from ..rules.amount_words import amount_in_words
from ..vnd import VndAmount

PAYMENT_KINDS = [
    ("cash", "Cash Receipt"),
    ("checkoff", "Payroll Check-off"),
    ("bank", "Bank Transfer"),
]


class UnionDuesPayment(models.Model):
    """A sum received for members' dues, booked and reconciled against their
    receivable items (oldest month first); what is left is their credit."""

    _name = "union.dues.payment"
    _description = "Union Dues Payment"
    _inherit = ["mail.thread", "union.payment.mixin", "union.finance.reference.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True
    _union_checked_references = ("member_id", "organization_id", "dues_line_ids")

    name = fields.Char(string="Number", default="/", readonly=True, copy=False)
    kind = fields.Selection(PAYMENT_KINDS, required=True, default="cash", index=True)
    state = fields.Selection([("draft", "Draft"), ("posted", "Posted")], default="draft",
                             required=True, index=True, tracking=True)
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    organization_id = fields.Many2one("union.organization", string="Unit", required=True,
                                      index=True)
    company_id = fields.Many2one(related="organization_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    journal_id = fields.Many2one(
        "account.journal", required=True, check_company=True,
        domain="[('type', 'in', ('cash', 'bank'))]",
        compute="_compute_journal_id", store=True, readonly=False, precompute=True)
    member_id = fields.Many2one("union.member", string="Member", index=True,
                                help="The member who pays (cash receipts and bank transfers).")
    payer_name = fields.Char(compute="_compute_payer", store=True, readonly=False)
    payer_address = fields.Char(compute="_compute_payer", store=True, readonly=False)
    description = fields.Char(string="Purpose", required=True,
                              default=lambda self: self.env._("Union dues"))
    amount = VndAmount(string="Amount (VND)", required=True, tracking=True)
    amount_words = fields.Char(compute="_compute_amount_words", string="Amount in Words")
    allocation = fields.Json(
        copy=False, help="{member_id: amount} for payments of several members (check-off).")
    import_key = fields.Char(
        copy=False, index=True,
        help="Identifies the bank line or sheet it comes from, so it is never applied twice.")
    move_id = fields.Many2one("account.move", string="Journal Entry", readonly=True, copy=False,
                              check_company=True)
    dues_line_ids = fields.Many2many("union.dues.line", string="Dues Paid", readonly=True,
                                     copy=False)

    _sql_constraints = [
        ("import_key_uniq", "unique(company_id, import_key)",
         "This bank line or sheet has already been recorded."),
        ("amount_positive", "CHECK(amount > 0)", "The amount must be positive."),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_allocation_members(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._check_allocation_members(vals)
        return super().write(vals)

    @api.model
    def _check_allocation_members(self, vals):
        """The members of a payment of several members (``allocation``: {member id:
        amount}) are members the user may read, as ``member_id`` is."""
        if self.env.su or not vals.get("allocation"):
            return
        try:
            ids = [int(key) for key in vals["allocation"]]
        except (TypeError, ValueError):
            raise UserError(self.env._("The members of the payment are not valid.")) from None
        members = self.env["union.member"].browse(ids).exists()
        if len(members) != len(set(ids)):
            raise UserError(self.env._("The members of the payment are not valid."))
        try:
            members.check_access("read")
        except AccessError:
            raise AccessError(self.env._(
                "You cannot record a payment for a member you may not see.")) from None

    @api.depends("kind", "organization_id")
    def _compute_journal_id(self):
        for payment in self:
            company = payment.organization_id.company_id or self.env.company
            journal = company.union_dues_cash_journal_id if payment.kind == "cash" \
                else company.union_dues_payment_journal_id
            payment.journal_id = journal or payment.journal_id

    @api.depends("member_id")
    def _compute_payer(self):
        for payment in self:
            partner = payment.member_id.partner_id
            if partner:
                payment.payer_name = partner.name
                payment.payer_address = partner.contact_address.replace("\n", ", ").strip(", ") \
                    if partner.contact_address else False

    @api.depends("amount")
    def _compute_amount_words(self):
        for payment in self:
            payment.amount_words = amount_in_words(payment.amount or 0)

    @api.onchange("member_id")
    def _onchange_member_id(self):
        if self.member_id:
            self.organization_id = self.member_id.organization_id
            due = sum(self.env["union.dues.line"].search([
                ("member_id", "=", self.member_id.id),
                ("payment_state", "in", ("unpaid", "partial"))]).mapped("amount_residual"))
            if due and not self.amount:
                self.amount = due

    def action_post(self):
        """Book and reconcile the payments; a payment is applied only once."""
        self._check_draft()
        for payment in self:
            if not payment._get_allocation():
                raise UserError(self.env._("Choose the member who pays %(payment)s.",
                                           payment=payment.description))
        self.organization_id._union_analytic_map()  # the missing accounts, in one batch
        sequence = self.env["ir.sequence"]
        for payment in self:
            code = "union.dues.receipt" if payment.kind == "cash" else "union.dues.payment"
            payment.name = sequence.with_company(payment.company_id).next_by_code(code) or "/"
        moves = self.env["account.move"].create([p._prepare_move_vals() for p in self])
        moves.action_post()
        for payment, move in zip(self, moves):
            payment.write({"move_id": move.id, "state": "posted"})
        self._reconcile_with_dues()
        return True

    def action_print_receipt(self):
        self.ensure_one()
        return self.env.ref("union_finance.union_dues_receipt_report_action").report_action(self)

    def _get_allocation(self):
        """{member_id: amount} this payment settles."""
        self.ensure_one()
        if self.allocation:
            return {int(k): v for k, v in self.allocation.items()}
        return {self.member_id.id: self.amount} if self.member_id else {}

    def _prepare_move_vals(self):
        self.ensure_one()
        company = self.company_id
        if not company.union_dues_receivable_account_id:
            raise UserError(self.env._("Set up the union dues accounts of %(company)s first.",
                                       company=company.name))
        liquidity = self._union_receipt_account()
        allocation = self._get_allocation()
        if sum(allocation.values()) != self.amount:
            raise UserError(self.env._("The amounts of the members do not add up to %(amount)s.",
                                       amount=self.amount))
        partners = {m.id: m.partner_id.id for m in self.env["union.member"].browse(list(allocation))}
        # both sides belong to the unit that receives the money
        analytic = self.organization_id._union_analytic_distribution()
        lines = [Command.create({
            "name": f"{self.description} {self.name}", "account_id": liquidity.id,
            "debit": self.amount, "credit": 0, "analytic_distribution": analytic,
        })]
        for member_id, amount in allocation.items():
            lines.append(Command.create({
                "name": f"{self.description} {self.name}",
                "account_id": company.union_dues_receivable_account_id.id,
                "partner_id": partners[member_id], "debit": 0, "credit": amount,
                "analytic_distribution": analytic,
            }))
        return {
            "move_type": "entry", "journal_id": self.journal_id.id, "company_id": company.id,
            "date": self.date, "ref": f"{self.name} {self.payer_name or ''}".strip(),
            "line_ids": lines,
        }

    def _union_receipt_account(self):
        """The account the money is debited to. Cash is in the till (the cash
        journal's account) when the receipt is written; a transfer or a check-off
        sheet is only known to the bank once its statement shows it, so it waits
        on the bank journal's outstanding receipts account (113, money in
        transit) until the statement line clears it: the bank account is moved
        by the statement line only, once."""
        self.ensure_one()
        journal = self.journal_id
        if self.kind == "cash" or journal.type == "cash":
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

    def _reconcile_with_dues(self):
        """Reconcile each member's credit with their open dues (oldest first),
        in one batch; a remaining credit waits for the next months."""
        AML = self.env["account.move.line"]
        credits = self.move_id.line_ids.filtered(lambda aml: aml.credit and aml.partner_id)
        if not credits:
            return
        dues_lines = self.env["union.dues.line"].search([
            ("partner_id", "in", credits.partner_id.ids), ("payment_state", "in", ("unpaid", "partial")),
            ("company_id", "in", self.company_id.ids)], order="month, id")
        open_items = defaultdict(lambda: AML)
        for line in dues_lines:
            open_items[line.partner_id.id] |= line.move_line_id
        by_partner = defaultdict(lambda: AML)
        for aml in credits:
            by_partner[aml.partner_id.id] |= aml
        plan = [by_partner[pid] + open_items[pid] for pid in by_partner if pid in open_items]
        if plan:
            AML._reconcile_plan(plan)
        for payment in self:
            partners = payment.move_id.line_ids.partner_id
            payment.dues_line_ids = dues_lines.filtered(
                lambda line, p=partners: line.partner_id in p and line.amount_paid)
