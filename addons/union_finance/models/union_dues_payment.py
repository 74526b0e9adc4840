from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.fields import Command

from ..rules.amount_words import amount_in_words
from ..vnd import format_vnd

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
    amount = fields.Monetary(string="Amount (VND)", required=True, tracking=True)
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
    allocation_ids = fields.One2many(
        "union.dues.allocation", "payment_id", string="Applied to Dues", readonly=True,
        help="What this payment settled, member by member and month by month; a row without a "
             "dues line is the member's credit, applied by the next dues run.")

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
        """Book the payments and apply them to the members' dues, oldest month
        first; a payment is applied only once.

        Cash is a C40-BB receipt on the cash journal (Dr cash); a transfer or a
        check-off sheet waits on money in transit (the bank journal's
        outstanding receipts account) until its bank statement line clears it.
        The other side credits each unit's dues receivable (the unit as
        partner) and is reconciled with the unit's open dues entries; what each
        member paid for which month is written in the allocations
        (union.dues.allocation), and what is left is the member's credit.
        Dues lines posted before the dues were booked per unit are still
        settled member by member: their part credits the member's receivable
        item and is reconciled with it."""
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
        legacy = {payment: payment._union_settle_legacy_lines() for payment in self}
        allocations = {payment: payment._union_allocate(legacy[payment]) for payment in self}
        moves = self.env["account.move"].create([
            payment._prepare_move_vals(legacy[payment], allocations[payment]) for payment in self])
        moves.action_post()
        for payment, move in zip(self, moves):
            payment.write({"move_id": move.id, "state": "posted"})
        self._reconcile_with_dues(legacy)
        for payment in self:
            payment.dues_line_ids = allocations[payment].line_id | self.env["union.dues.line"].browse(
                [line_id for line_id, _amount in legacy[payment]])
        # a statement line imported before: cleared now (one search for the batch)
        self.env["account.bank.statement.line"]._union_match_posted(self)
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

    def _union_settle_legacy_lines(self):
        """[(dues line id, amount)] of this payment applied to the member's
        lines posted before the dues were booked per unit (each with its own
        member receivable item), oldest month first: those are settled member
        by member, by reconciliation."""
        self.ensure_one()
        allocation = self._get_allocation()
        lines = self.env["union.dues.line"].search([
            ("member_id", "in", list(allocation)), ("move_line_id", "!=", False),
            ("payment_state", "in", ("unpaid", "partial"))], order="month, id")
        left, parts = dict(allocation), []
        for line in lines:
            part = min(left[line.member_id.id], line.amount_residual)
            if part > 0:
                parts.append((line.id, part))
                left[line.member_id.id] -= part
        return parts

    def _union_allocate(self, legacy):
        """Apply what this payment brings (less its ``legacy`` part) to the
        members' dues lines: the allocations (the rest is each member's credit)."""
        self.ensure_one()
        amounts = dict(self._get_allocation())
        Line = self.env["union.dues.line"]
        for line_id, part in legacy:
            amounts[Line.browse(line_id).member_id.id] -= part
        return self.env["union.dues.allocation"]._allocate(
            {member_id: amount for member_id, amount in amounts.items() if amount > 0},
            self.date, self.company_id, payment=self, organization=self.organization_id)

    def _prepare_move_vals(self, legacy=(), allocations=None):
        """One debit on the receipt account (see _union_receipt_account); a
        credit on the dues receivable per unit whose dues it pays (the unit as
        partner, its analytic account), and per member for the lines posted
        before the dues were booked per unit."""
        self.ensure_one()
        company = self.company_id
        if not company.union_dues_receivable_account_id:
            raise UserError(self.env._("Set up the union dues accounts of %(company)s first.",
                                       company=company.name))
        liquidity = self._union_receipt_account()
        allocation = self._get_allocation()
        if self.currency_id.compare_amounts(sum(allocation.values()), self.amount):
            raise UserError(self.env._("The amounts of the members do not add up to %(amount)s.",
                                       amount=format_vnd(self.env, self.amount)))
        label = f"{self.description} {self.name}"
        receivable = company.union_dues_receivable_account_id.id
        # the debit belongs to the unit that receives the money
        lines = [Command.create({
            "name": label, "account_id": liquidity.id, "debit": self.amount, "credit": 0,
            "analytic_distribution": self.organization_id._union_analytic_distribution(),
        })]
        per_unit = defaultdict(int)
        for allocation_row in allocations or []:
            per_unit[allocation_row.organization_id] += allocation_row.amount
        for unit, amount in sorted(per_unit.items(), key=lambda pair: pair[0].id):
            lines.append(Command.create({
                "name": label, "account_id": receivable, "partner_id": unit.partner_id.id,
                "debit": 0, "credit": amount,
                "analytic_distribution": unit._union_analytic_distribution(),
            }))
        per_member = defaultdict(int)
        for line in self.env["union.dues.line"].browse([line_id for line_id, _a in legacy]):
            per_member[line.member_id, line.organization_id] += dict(legacy)[line.id]
        for (member, unit), amount in per_member.items():
            lines.append(Command.create({
                "name": label, "account_id": receivable, "partner_id": member.partner_id.id,
                "debit": 0, "credit": amount,
                "analytic_distribution": unit._union_analytic_distribution(),
            }))
        return {
            "move_type": "entry", "journal_id": self.journal_id.id, "company_id": company.id,
            "date": self.date, "ref": f"{self.name} {self.payer_name or ''}".strip(),
            "line_ids": lines,
        }

    def _reconcile_with_dues(self, legacy):
        """In the books: each unit's credit is reconciled with the unit's open
        dues entries (oldest first), and a member's credit for lines posted
        before the dues were booked per unit with those lines' receivable
        items; one batch."""
        AML = self.env["account.move.line"]
        Line = self.env["union.dues.line"]
        plan = []
        for payment in self:
            members = Line.browse([line_id for line_id, _amount in legacy[payment]]).member_id
            for member in members:
                credit = payment.move_id.line_ids.filtered(
                    lambda aml, p=member.partner_id: aml.credit and aml.partner_id == p)
                items = Line.browse([line_id for line_id, _a in legacy[payment]]).filtered(
                    lambda line, m=member: line.member_id == m).move_line_id
                if credit and items:
                    plan.append(credit | items)
        if plan:
            AML._reconcile_plan(plan)
        self.move_id._union_reconcile_unit_receivables()
