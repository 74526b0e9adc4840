from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Command

from ..rules.amount_words import amount_in_words

REMITTANCE_STATES = [
    ("draft", "Draft"),
    ("posted", "Posted"),
    ("paid", "Paid"),
]


class UnionRemittance(models.Model):
    """What a unit owes its upper level for a period: the upper level's share
    of the dues and of the 2% fund actually collected in the period."""

    _name = "union.remittance"
    _description = "Remittance to the Upper Level"
    _inherit = ["mail.thread", "union.finance.reference.mixin"]
    _order = "date_from desc, organization_id, id desc"
    # the upper level is outside the unit's reach on purpose: it must be one of the unit's
    # ancestors (_check_upper_organization)
    _union_checked_references = ("organization_id",)
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    organization_id = fields.Many2one("union.organization", string="Unit", required=True,
                                      index=True, tracking=True)
    upper_organization_id = fields.Many2one(
        "union.organization", string="Upper Level", required=True, index=True, tracking=True,
        compute="_compute_upper_organization_id", store=True, readonly=False, precompute=True)
    company_id = fields.Many2one(related="organization_id.company_id", store=True, index=True)
    upper_company_id = fields.Many2one(related="upper_organization_id.company_id", store=True,
                                       string="Upper Level Company")
    currency_id = fields.Many2one(related="company_id.currency_id")
    date_from = fields.Date(string="From", required=True, index=True, tracking=True)
    date_to = fields.Date(string="To", required=True, index=True, tracking=True)
    state = fields.Selection(REMITTANCE_STATES, default="draft", required=True, index=True,
                             tracking=True)
    share_rule_ids = fields.Many2many(
        "union.share.rule", string="Share Rules", readonly=True,
        help="The share rules used: each month's collection is split by the rule in force "
             "in that month.")
    collected_dues = fields.Monetary(string="Dues Collected", readonly=True, aggregator="sum")
    collected_fund = fields.Monetary(string="2% Fund Collected", readonly=True, aggregator="sum")
    dues_upward = fields.Monetary(string="Dues Owed Upward", readonly=True, aggregator="sum")
    fund_upward = fields.Monetary(string="2% Fund Owed Upward", readonly=True, aggregator="sum")
    amount = fields.Monetary(string="Amount Owed", readonly=True, aggregator="sum", tracking=True)
    move_id = fields.Many2one("account.move", string="Journal Entry", readonly=True, copy=False,
                              check_company=True)
    move_line_id = fields.Many2one("account.move.line", string="Payable Item", readonly=True,
                                   copy=False)
    payment_journal_id = fields.Many2one(
        "account.journal", string="Payment Journal", check_company=True,
        domain="[('type', 'in', ('cash', 'bank'))]",
        compute="_compute_payment_journal_id", store=True, readonly=False)
    payment_date = fields.Date(tracking=True)
    payment_move_id = fields.Many2one("account.move", string="Payment Entry", readonly=True,
                                      copy=False, check_company=True)
    amount_paid = fields.Monetary(compute="_compute_amount_paid", store=True, aggregator="sum")
    amount_residual = fields.Monetary(string="Amount Left", compute="_compute_amount_paid",
                                      store=True, aggregator="sum")

    @api.depends("organization_id", "date_from", "date_to")
    def _compute_name(self):
        for rec in self:
            period = ""
            if rec.date_from and rec.date_to:
                period = f"{rec.date_from.strftime('%d/%m/%Y')}-{rec.date_to.strftime('%d/%m/%Y')}"
            rec.name = f"{rec.organization_id.name or ''} {period}".strip()

    @api.depends("organization_id")
    def _compute_upper_organization_id(self):
        for rec in self:
            rec.upper_organization_id = rec.organization_id.parent_id or rec.upper_organization_id

    @api.depends("company_id")
    def _compute_payment_journal_id(self):
        for rec in self:
            rec.payment_journal_id = rec.company_id.union_dues_payment_journal_id \
                or rec.payment_journal_id

    @api.depends("move_line_id.amount_residual", "amount", "state")
    def _compute_amount_paid(self):
        for rec in self:
            if rec.move_line_id:
                residual = max(-round(rec.move_line_id.amount_residual), 0)
            else:
                residual = rec.amount if rec.state == "posted" else 0
            rec.amount_residual = residual
            rec.amount_paid = rec.amount - residual if rec.state in ("posted", "paid") else 0

    @api.constrains("date_from", "date_to", "organization_id", "state")
    def _check_period(self):
        for rec in self:
            if rec.date_to < rec.date_from:
                raise ValidationError(self.env._(
                    "Remittance %(name)s: the end date is before the start date.", name=rec.name))
            overlap = self.search_count([
                ("id", "!=", rec.id), ("organization_id", "=", rec.organization_id.id),
                ("state", "!=", "draft"), ("date_from", "<=", rec.date_to),
                ("date_to", ">=", rec.date_from)])
            if rec.state != "draft" and overlap:
                raise ValidationError(self.env._(
                    "The unit %(unit)s already has a posted remittance covering part of "
                    "%(from)s - %(to)s.", unit=rec.organization_id.name,
                    **{"from": rec.date_from.strftime("%d/%m/%Y"),
                       "to": rec.date_to.strftime("%d/%m/%Y")}))

    @api.constrains("organization_id", "upper_organization_id")
    def _check_upper_organization(self):
        """The upper level is one of the unit's own ancestors: any other unit (another unit's
        tree, which the accountant may not read) is refused."""
        for rec in self.sudo():
            ancestors = [int(part) for part in (rec.organization_id.parent_path or "").split("/")
                         if part][:-1]
            if rec.upper_organization_id.id not in ancestors:
                raise ValidationError(self.env._(
                    "Remittance %(name)s: the upper level must be a unit above %(unit)s.",
                    name=rec.name, unit=rec.organization_id.name))

    @api.ondelete(at_uninstall=False)
    def _unlink_except_posted(self):
        if self.filtered(lambda r: r.state != "draft"):
            raise UserError(self.env._("A posted remittance cannot be deleted."))

    # ------------------------------------------------------------------ actions

    def action_compute(self):
        """What was collected in the period (from the reconciled journal items,
        in bulk) and the upper level's share of it, each month split by the
        share rule in force in that month."""
        for rec in self:
            if rec.state != "draft":
                raise UserError(self.env._("Only a draft remittance can be computed."))
            split = self.env["union.share.rule"]._split_by_month(rec._get_collected_by_month())
            rec.write({
                "share_rule_ids": [Command.set(split["rules"].ids)],
                "collected_dues": split["dues"]["collected"],
                "collected_fund": split["fund"]["collected"],
                "dues_upward": split["dues"]["upward"], "fund_upward": split["fund"]["upward"],
                "amount": split["dues"]["upward"] + split["fund"]["upward"],
            })
        return True

    def action_post(self):
        """One entry: the collected upward shares become a payable to the upper level."""
        for rec in self:
            if rec.state != "draft":
                raise UserError(self.env._("Only a draft remittance can be posted."))
        self.action_compute()
        self.organization_id._union_analytic_map()  # the missing accounts, in one batch
        for rec in self:
            if rec.amount <= 0:
                raise UserError(self.env._(
                    "Nothing was collected for %(name)s: there is nothing to remit.",
                    name=rec.name))
            rec._check_accounting_setup()
            move = self.env["account.move"].create(rec._prepare_move_vals())
            move.action_post()
            payable = move.line_ids.filtered(
                lambda aml, a=rec.company_id.union_upper_payable_account_id: aml.account_id == a)
            rec.write({"state": "posted", "move_id": move.id, "move_line_id": payable.id})
        return True

    def action_register_payment(self):
        """Pay the upper level what is left, from the payment journal."""
        for rec in self:
            if rec.state != "posted" or rec.amount_residual <= 0:
                raise UserError(self.env._("%(name)s has nothing left to pay.", name=rec.name))
            if not rec.payment_journal_id:
                raise UserError(self.env._("Choose the payment journal of %(name)s.",
                                           name=rec.name))
            move = self.env["account.move"].create(rec._prepare_payment_move_vals())
            move.action_post()
            debit = move.line_ids.filtered(lambda aml, a=rec.move_line_id.account_id: aml.account_id == a)
            (rec.move_line_id + debit).reconcile()
            rec.write({"payment_move_id": move.id, "state": "paid",
                       "payment_date": move.date})
        # a statement line imported before: cleared now (one search for the batch)
        self.env["account.bank.statement.line"]._union_match_posted(self)
        return True

    def _union_payment_voucher_values(self):
        """What the payment voucher (C41-BB) of the payment to the upper level shows."""
        self.ensure_one()
        move = self.payment_move_id
        if not move:
            raise UserError(self.env._("%(name)s is not paid: there is no payment voucher to print.",
                                       name=self.name))
        # the account the entry credits: the till, money in transit (1132) of a bank journal,
        # or the bank account itself in a payment recorded before outgoing transfers waited
        # on money in transit (posted entries are never rewritten)
        credits = move.line_ids.filtered("credit")
        cash = credits.account_id[:1]
        amount = round(sum(credits.mapped("credit")))
        partner = self.upper_organization_id.partner_id
        return {
            "unit": self.organization_id, "date": move.date, "number": move.name,
            "debit": self.company_id.union_upper_payable_account_id.code or "",
            "credit": cash.code or "",
            "book": self.payment_journal_id.union_voucher_book or "",
            "receiver": self.upper_organization_id.name,
            "address": ", ".join(filter(None, (partner.street, partner.city))),
            "purpose": self.env._(
                "Dues and 2%% fund owed to the upper level, %(start)s to %(end)s",
                start=self.date_from.strftime("%d/%m/%Y"), end=self.date_to.strftime("%d/%m/%Y")),
            "amount": amount, "words": amount_in_words(amount),
        }

    def _union_bank_match_keys(self, move):
        """What the bank's description of the transfer to the upper level (``move``, the
        payment entry) may hold: its number, the upper level's name."""
        self.ensure_one()
        return {"numbers": [move.name], "names": [self.upper_organization_id.name]}

    # --------------------------------------------------------- business steps

    def _get_collected_by_month(self):
        self.ensure_one()
        return self._collected_by_month(self.organization_id, self.company_id, self.date_from,
                                        self.date_to)

    @api.model
    def _collected_by_month(self, organization, company, date_from, date_to):
        """{first day of a month: {'dues': VND, 'fund': VND}} received from
        ``date_from`` to ``date_to`` for ``organization`` and the units below
        it: the amounts reconciled against the receivable items of its dues
        lines posted member by member (before the dues were booked per unit)
        and fund declarations, by the month of the reconciliation, plus the
        allocations of the dues booked per unit, by their date. A
        fixed number of queries, bounded by the period's reconciliations (not
        by the unit's history)."""
        scope = organization._get_subtree().ids
        totals = defaultdict(lambda: {"dues": 0, "fund": 0})
        # dues booked per unit: the members' subledger says what was applied to which dues,
        # on which date (sudo: every payment of the unit's members counts, whoever remits)
        for allocation in self.env["union.dues.allocation"].sudo().search_read([
                ("company_id", "=", company.id), ("line_id", "!=", False),
                ("organization_id", "in", scope),
                ("date", ">=", date_from), ("date", "<=", date_to)], ["date", "amount"]):
            totals[allocation["date"].replace(day=1)]["dues"] += allocation["amount"]
        accounts = (company.union_dues_receivable_account_id
                    | company.union_fund_receivable_account_id).ids
        if not accounts:
            return dict(totals)
        partials = self.env["account.partial.reconcile"].sudo().search_read([
            ("company_id", "=", company.id), ("debit_move_id.account_id", "in", accounts),
            ("max_date", ">=", date_from), ("max_date", "<=", date_to)],
            ["debit_move_id", "amount", "max_date"])
        if not partials:
            return dict(totals)
        items = list({partial["debit_move_id"][0] for partial in partials})
        kinds = {}
        # the fund the upper level collected is not the unit's to remit (it is allocated back)
        for model, kind, only in (("union.dues.line", "dues", []),
                                  ("union.fund.contribution", "fund", [("collector", "=", "grassroots")])):
            for rec in self.env[model].sudo().search_read(
                    [("move_line_id", "in", items), ("organization_id", "in", scope)] + only,
                    ["move_line_id"]):
                kinds[rec["move_line_id"][0]] = kind
        for partial in partials:
            kind = kinds.get(partial["debit_move_id"][0])
            if kind:
                totals[partial["max_date"].replace(day=1)][kind] += round(partial["amount"])
        return dict(totals)

    def _check_accounting_setup(self):
        company = self.company_id
        missing = [company._fields[f].get_description(self.env)["string"] for f in (
            "union_dues_journal_id", "union_dues_upward_account_id",
            "union_fund_upward_account_id", "union_upper_payable_account_id") if not company[f]]
        if missing:
            raise UserError(self.env._(
                "Set up the union accounting of %(company)s first (Settings): %(fields)s.",
                company=company.name, fields=", ".join(missing)))

    def _prepare_move_vals(self):
        self.ensure_one()
        company = self.company_id
        partner = self.upper_organization_id.partner_id
        analytic = self.organization_id._union_analytic_distribution()
        lines = []
        for account, amount, label in (
                (company.union_dues_upward_account_id, self.dues_upward,
                 self.env._("Dues owed upward, %(name)s", name=self.name)),
                (company.union_fund_upward_account_id, self.fund_upward,
                 self.env._("2%% fund owed upward, %(name)s", name=self.name))):
            if amount:
                lines.append(Command.create({
                    "name": label, "account_id": account.id, "debit": amount, "credit": 0,
                    "analytic_distribution": analytic}))
        lines.append(Command.create({
            "name": self.env._("Remittance to %(upper)s, %(name)s",
                               upper=self.upper_organization_id.name, name=self.name),
            "account_id": company.union_upper_payable_account_id.id, "partner_id": partner.id,
            "debit": 0, "credit": self.amount, "analytic_distribution": analytic,
        }))
        return {
            "move_type": "entry", "journal_id": company.union_dues_journal_id.id,
            "company_id": company.id, "date": self.date_to,
            "ref": self.env._("Remittance %(name)s", name=self.name), "line_ids": lines,
        }

    def _prepare_payment_move_vals(self):
        self.ensure_one()
        partner = self.upper_organization_id.partner_id
        label = self.env._("Payment to %(upper)s, %(name)s", upper=self.upper_organization_id.name,
                           name=self.name)
        analytic = self.organization_id._union_analytic_distribution()
        return {
            "move_type": "entry", "journal_id": self.payment_journal_id.id,
            "company_id": self.company_id.id,
            "date": self.payment_date or fields.Date.context_today(self), "ref": label,
            "line_ids": [
                Command.create({
                    "name": label, "account_id": self.move_line_id.account_id.id,
                    "partner_id": partner.id, "debit": self.amount_residual, "credit": 0,
                    "analytic_distribution": analytic}),
                Command.create({
                    "name": label,
                    "account_id": self.env["union.payment.mixin"]._union_payment_account(
                        self.payment_journal_id).id,
                    "partner_id": partner.id, "debit": 0, "credit": self.amount_residual,
                    "analytic_distribution": analytic}),
            ],
        }
