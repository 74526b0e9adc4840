from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.fields import Command

from ..rules.amount_words import amount_in_words

WELFARE_STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("approved", "Approved"),
    ("paid", "Paid"),
    ("refused", "Refused"),
]


class UnionWelfareRequest(models.Model):
    """A care or hardship payment to a member: asked by the member (portal)
    or entered by an officer, approved, then paid and booked as an expense."""

    _name = "union.welfare.request"
    _description = "Member Welfare Request"
    _inherit = ["mail.thread", "union.finance.reference.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True
    _union_checked_references = ("member_id", "organization_id")
    _rec_names_search = ["kind_id.name", "member_id.name"]

    # not stored: the kind's name is translated, so the title is written in the reader's
    # language (a stored title kept the language of whoever created the request)
    name = fields.Char(compute="_compute_name")
    member_id = fields.Many2one("union.member", string="Member", required=True, index=True,
                                tracking=True)
    partner_id = fields.Many2one(related="member_id.partner_id", store=True, index=True)
    organization_id = fields.Many2one(
        "union.organization", string="Unit", required=True, index=True, tracking=True,
        compute="_compute_organization_id", store=True, readonly=False, precompute=True)
    company_id = fields.Many2one(related="organization_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    kind_id = fields.Many2one("union.welfare.kind", string="Kind", required=True, tracking=True)
    category = fields.Selection(related="kind_id.category", store=True, index=True)
    date = fields.Date(string="Event Date", required=True, default=fields.Date.context_today,
                       tracking=True, help="The day of the illness, death, birth or event.")
    description = fields.Text(required=True)
    channel = fields.Selection([("officer", "Officer"), ("portal", "Member Portal")],
                               default="officer", required=True, readonly=True)
    amount_requested = fields.Monetary(string="Amount Asked (VND)")
    amount = fields.Monetary(string="Amount Granted (VND)", tracking=True, aggregator="sum")
    amount_words = fields.Char(compute="_compute_amount_words", string="Amount in Words")
    state = fields.Selection(WELFARE_STATES, default="draft", required=True, index=True,
                             tracking=True)
    approved_by_id = fields.Many2one("res.users", string="Approved By", readonly=True, copy=False)
    approval_date = fields.Date(readonly=True, copy=False)
    refusal_reason = fields.Char(tracking=True)
    payment_journal_id = fields.Many2one(
        "account.journal", check_company=True, domain="[('type', 'in', ('cash', 'bank'))]",
        compute="_compute_payment_journal_id", store=True, readonly=False)
    payment_date = fields.Date(copy=False)
    move_id = fields.Many2one("account.move", string="Journal Entry", readonly=True, copy=False,
                              check_company=True)

    _sql_constraints = [
        ("amount_positive", "CHECK(amount >= 0 AND amount_requested >= 0)",
         "Amounts cannot be negative."),
    ]

    @api.depends("kind_id.name", "member_id.name")
    @api.depends_context("lang")
    def _compute_name(self):
        for rec in self:
            rec.name = f"{rec.kind_id.name or ''} - {rec.member_id.name or ''}"

    @api.depends("member_id")
    def _compute_organization_id(self):
        for rec in self:
            rec.organization_id = rec.member_id.organization_id or rec.organization_id

    @api.depends("company_id")
    def _compute_payment_journal_id(self):
        for rec in self:
            rec.payment_journal_id = rec.company_id.union_dues_cash_journal_id \
                or rec.payment_journal_id

    @api.depends("amount")
    def _compute_amount_words(self):
        for rec in self:
            rec.amount_words = amount_in_words(rec.amount)

    @api.onchange("kind_id")
    def _onchange_kind_id(self):
        if self.kind_id.default_amount and not self.amount:
            self.amount = self.kind_id.default_amount

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and not self.env.user.has_group("union_membership.group_union_officer"):
            # a member asks; only officers grant, approve and pay
            vals_list = [self._portal_request_vals(vals) for vals in vals_list]
        return super().create(vals_list)

    #: what a member writes on the portal form; anything else sent over RPC is dropped
    _PORTAL_FIELDS = ("kind_id", "date", "description", "amount_requested")

    @api.model
    def _portal_request_vals(self, vals):
        """The values of a request a member creates (portal form or RPC): only the portal form's
        fields, for their own member record, of a kind offered on the portal; the unit, the
        amount granted, the approval and the state are not theirs to set."""
        member = self.env.user.union_member_id
        if not member or vals.get("member_id", member.id) != member.id:
            raise AccessError(self.env._("A member can only ask for care for themselves."))
        kind = self.env["union.welfare.kind"].browse(vals.get("kind_id")).exists()
        if not kind or not kind.portal_allowed:
            raise UserError(self.env._("Kind of request: choose one of the kinds offered on the portal."))
        clean = {name: vals[name] for name in self._PORTAL_FIELDS if name in vals}
        clean.update({"member_id": member.id, "channel": "portal", "amount": 0,
                      "state": "submitted" if vals.get("state") == "submitted" else "draft"})
        return clean

    @api.ondelete(at_uninstall=False)
    def _unlink_except_paid(self):
        if self.filtered(lambda r: r.state not in ("draft", "refused")):
            raise UserError(self.env._("Only a draft or refused welfare request can be deleted."))

    def write(self, vals):
        locked = {"member_id", "organization_id", "kind_id", "amount", "date"}
        if locked & set(vals) and self.filtered(lambda r: r.state == "paid"):
            raise UserError(self.env._("A paid welfare request cannot be changed."))
        return super().write(vals)

    # ------------------------------------------------------------------ actions

    def action_submit(self):
        if self.filtered(lambda r: r.state != "draft"):
            raise UserError(self.env._("Only a draft welfare request can be submitted."))
        self.write({"state": "submitted"})

    def action_approve(self):
        self._check_officer()
        for rec in self:
            if rec.state not in ("draft", "submitted"):
                raise UserError(self.env._("%(name)s cannot be approved in its current state.",
                                           name=rec.name))
            if rec.amount <= 0:
                raise UserError(self.env._("Set the amount granted for %(name)s first.",
                                           name=rec.name))
        self.write({"state": "approved", "approved_by_id": self.env.user.id,
                    "approval_date": fields.Date.context_today(self)})

    def action_refuse(self):
        self._check_officer()
        if self.filtered(lambda r: r.state in ("paid", "refused")):
            raise UserError(self.env._("A paid or refused welfare request cannot be refused."))
        self.write({"state": "refused"})

    def action_reset_to_draft(self):
        self.filtered(lambda r: r.state == "refused").write({"state": "draft"})

    def action_pay(self):
        """Pay the approved amount: an expense entry from the payment journal."""
        if not self.env.user.has_group("union_finance.group_union_accountant"):
            raise AccessError(self.env._("Only a union accountant records welfare payments."))
        for rec in self:
            if rec.state != "approved":
                raise UserError(self.env._("Approve %(name)s before paying it.", name=rec.name))
            if not rec.company_id.union_welfare_expense_account_id or not rec.payment_journal_id:
                raise UserError(self.env._(
                    "Set up the welfare expense account and the payment journal of %(company)s "
                    "first.", company=rec.company_id.name))
        self.organization_id._union_analytic_map()  # the missing accounts, in one batch
        moves = self.env["account.move"].create([rec._prepare_move_vals() for rec in self])
        moves.action_post()
        for rec, move in zip(self, moves):
            rec.write({"state": "paid", "move_id": move.id, "payment_date": move.date})
        # a statement line imported before: cleared now (one search for the batch)
        self.env["account.bank.statement.line"]._union_match_posted(self)
        return True

    def _union_payment_voucher_values(self):
        """What the payment voucher (C41-BB) of a paid request shows."""
        self.ensure_one()
        if self.state != "paid" or not self.move_id:
            raise UserError(self.env._("%(name)s is not paid: there is no payment voucher to print.",
                                       name=self.name))
        partner = self.member_id.partner_id
        return {
            "unit": self.organization_id, "date": self.move_id.date, "number": self.move_id.name,
            "debit": self.company_id.union_welfare_expense_account_id.code or "",
            # the account the entry credits (the till, or money in transit on a bank journal)
            "credit": self.move_id.line_ids.filtered("credit").account_id[:1].code or "",
            "book": self.payment_journal_id.union_voucher_book or "",
            "receiver": self.member_id.name,
            "address": ", ".join(filter(None, (partner.street, partner.city))),
            "purpose": self.env._("%(kind)s: %(description)s", kind=self.kind_id.name,
                                  description=self.description),
            "amount": self.amount, "words": amount_in_words(self.amount),
        }

    def _union_bank_match_keys(self, move):
        """What the bank's description of the transfer to the member (``move``, the
        payment entry) may hold: its number, the member's name."""
        self.ensure_one()
        return {"numbers": [move.name], "names": [self.member_id.name]}

    # --------------------------------------------------------- business steps

    def _check_officer(self):
        if not self.env.user.has_group("union_membership.group_union_officer"):
            raise AccessError(self.env._("Only a union officer approves or refuses welfare requests."))

    def _prepare_move_vals(self):
        self.ensure_one()
        label = self.env._("%(kind)s: %(member)s", kind=self.kind_id.name, member=self.member_id.name)
        # the expense and the money that leaves belong to the unit that pays; no
        # member is a partner on a journal item: the unit's partner, the member in the label
        analytic = self.organization_id._union_analytic_distribution()
        partner = self.organization_id.partner_id
        return {
            "move_type": "entry", "journal_id": self.payment_journal_id.id,
            "company_id": self.company_id.id,
            "date": self.payment_date or fields.Date.context_today(self), "ref": label,
            "line_ids": [
                Command.create({
                    "name": label, "account_id": self.company_id.union_welfare_expense_account_id.id,
                    "partner_id": partner.id, "debit": self.amount, "credit": 0,
                    "analytic_distribution": analytic}),
                Command.create({
                    "name": label,
                    "account_id": self.env["union.payment.mixin"]._union_payment_account(
                        self.payment_journal_id).id,
                    "partner_id": partner.id, "debit": 0, "credit": self.amount,
                    "analytic_distribution": analytic}),
            ],
        }
