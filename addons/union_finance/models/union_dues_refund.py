from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Command

from ..rules import split as split_rules
from ..rules.amount_words import amount_in_words


class UnionDuesRefund(models.Model):
    """Dues a member paid for months after the unit stopped collecting (units
    fully state-paid or self-financing below 10% stopped on 1 June 2025,
    dispatch 4181/TLĐ-TC, DOMAIN.md §1): paid back on a payment voucher
    (C41-BB). The refund takes back the income the dues run booked for those
    lines (the kept share, the share owed upward, the surplus above the rate)
    against the cash or bank paid out; the paid dues lines stay paid, marked
    refunded."""

    _name = "union.dues.refund"
    _description = "Refund of Dues Paid after the Unit Stopped"
    _inherit = ["union.payment.mixin", "mail.thread", "union.reference.check.mixin"]
    _union_checked_references = ("member_id", "line_ids", "journal_id")
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    member_id = fields.Many2one("union.member", required=True, index=True, tracking=True)
    organization_id = fields.Many2one(related="member_id.organization_id", store=True, index=True)
    company_id = fields.Many2one("res.company", compute="_compute_company_id", store=True,
                                 index=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    line_ids = fields.Many2many(
        "union.dues.line", "union_dues_refund_line_rel", "refund_id", "line_id",
        string="Dues Lines", domain="[('member_id', '=', member_id), ('payment_state', '=', 'paid')]",
        help="The paid dues lines of months after the unit stopped.")
    amount = fields.Monetary(string="Amount (VND)", compute="_compute_amount", store=True)
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    journal_id = fields.Many2one(
        "account.journal", string="Paid From", check_company=True,
        domain="[('type', 'in', ('cash', 'bank'))]",
        compute="_compute_journal_id", store=True, readonly=False)
    state = fields.Selection([("draft", "Draft"), ("posted", "Posted")], default="draft",
                             required=True, index=True, tracking=True)
    move_id = fields.Many2one("account.move", string="Journal Entry", readonly=True, copy=False,
                              check_company=True)

    @api.depends("member_id", "date")
    def _compute_name(self):
        for rec in self:
            rec.name = f"{rec.member_id.name or ''} ({rec.date and rec.date.strftime('%d/%m/%Y') or ''})"

    @api.depends("line_ids", "member_id")
    def _compute_company_id(self):
        for rec in self:
            rec.company_id = rec.line_ids[:1].company_id or rec.member_id.organization_id.company_id

    @api.depends("company_id")
    def _compute_journal_id(self):
        for rec in self:
            rec.journal_id = rec.journal_id or rec.company_id.union_dues_cash_journal_id

    @api.depends("line_ids.amount_paid")
    def _compute_amount(self):
        for rec in self:
            rec.amount = sum(rec.line_ids.mapped("amount_paid"))

    @api.model
    def _default_lines(self, member):
        """The member's paid lines to refund, not refunded yet."""
        Line = self.env["union.dues.line"]
        lines = Line.search(member.organization_id._union_refund_domain() + [
            ("member_id", "=", member.id)])
        refunded = self.search([("line_ids", "in", lines.ids), ("state", "=", "posted")]).line_ids
        return lines - refunded

    @api.onchange("member_id")
    def _onchange_member_id(self):
        self.line_ids = self._default_lines(self.member_id) if self.member_id else False

    def _check_lines(self):
        Line = self.env["union.dues.line"]
        for rec in self:
            if not rec.line_ids or not rec.amount:
                raise UserError(self.env._("The refund %(name)s has no paid dues line to refund.",
                                           name=rec.name))
            if rec.line_ids.member_id != rec.member_id:
                raise UserError(self.env._("The refund %(name)s may only pay back the dues of "
                                           "%(member)s.", name=rec.name, member=rec.member_id.name))
            allowed = Line.search(rec.line_ids.organization_id._union_refund_domain() + [
                ("id", "in", rec.line_ids.ids)])
            wrong = rec.line_ids - allowed
            if wrong:
                raise UserError(self.env._(
                    "Only dues paid for months after the unit stopped are refunded: %(lines)s.",
                    lines=", ".join(wrong.mapped("payment_reference"))))
            done = self.search([("id", "!=", rec.id), ("state", "=", "posted"),
                                ("line_ids", "in", rec.line_ids.ids)])
            if done:
                raise UserError(self.env._("These dues were already refunded by %(refund)s.",
                                           refund=", ".join(done.mapped("name"))))

    def action_post(self):
        self._check_draft()
        self._check_lines()
        for rec in self:
            if not rec.journal_id:
                raise UserError(self.env._("Choose the cash or bank journal the refund is paid "
                                           "from."))
            move = self.env["account.move"].create(rec._prepare_move_vals())
            move.action_post()
            rec.write({"state": "posted", "move_id": move.id})
        # a statement line imported before: cleared now (one search for the batch)
        self.env["account.bank.statement.line"]._union_match_posted(self)
        return True

    def _prepare_move_vals(self):
        """Debit back what the dues runs credited for these lines, each line
        split by its run's share rule (the surplus whole), per unit's
        analytic account; credit the cash or bank paid out."""
        self.ensure_one()
        company = self.company_id
        debits = defaultdict(int)
        for line in self.line_ids:
            surplus = min(line.amount_surplus, line.amount_paid)
            regular = line.amount_paid - surplus
            percent = line.run_id.share_rule_id.dues_kept_percent
            split = split_rules.split_collected(regular, percent)
            unit = line.organization_id
            debits[company.union_dues_income_account_id, unit] += split["kept"]
            debits[company.union_dues_upward_account_id, unit] += split["upward"]
            if surplus:
                debits[company.union_dues_surplus_account_id, unit] += surplus
        months = ", ".join(sorted({line.month.strftime("%m/%Y") for line in self.line_ids}))
        label = self.env._("Refund of dues %(months)s to %(member)s (unit stopped)",
                           months=months, member=self.member_id.name)
        # no member is a partner on a journal item: each unit's partner on its
        # items, the member named in the label (and in this refund record)
        partner = self.organization_id.partner_id
        lines = [Command.create({
            "name": label, "account_id": account.id, "partner_id": unit.partner_id.id,
            "debit": amount, "credit": 0,
            "analytic_distribution": unit._union_analytic_distribution()})
            for (account, unit), amount in debits.items() if amount]
        lines.append(Command.create({
            "name": label, "account_id": self._union_payment_account().id,
            "partner_id": partner.id, "debit": 0, "credit": self.amount,
            "analytic_distribution": self.organization_id._union_analytic_distribution()}))
        return {
            "move_type": "entry", "journal_id": self.journal_id.id, "company_id": company.id,
            "date": self.date, "ref": label, "line_ids": lines,
        }

    def _union_bank_match_keys(self, move):
        """What the bank's description of the refund transferred to the member (``move``,
        its entry) may hold: its number, the member's name."""
        self.ensure_one()
        return {"numbers": [move.name], "names": [self.member_id.name]}

    def _union_payment_voucher_values(self):
        """What the payment voucher (C41-BB) of the refund shows."""
        self.ensure_one()
        move = self.move_id
        if not move:
            raise UserError(self.env._("%(name)s is not paid: there is no payment voucher to print.",
                                       name=self.name))
        partner = self.member_id.partner_id
        stop = self.organization_id._union_finance_stop_dates().get(self.organization_id.id)
        return {
            "unit": self.organization_id, "date": move.date, "number": move.name,
            "debit": ", ".join(sorted(set(move.line_ids.filtered("debit").account_id.mapped("code")))),
            # the account the entry credits (the till, or money in transit on a bank journal)
            "credit": ", ".join(sorted(set(move.line_ids.filtered("credit").account_id.mapped("code")))),
            "book": self.journal_id.union_voucher_book or "",
            "receiver": self.member_id.name,
            "address": ", ".join(filter(None, (partner.street, partner.city))),
            "purpose": self.env._(
                "Refund of union dues paid for %(months)s, after the unit stopped collecting on "
                "%(date)s", months=", ".join(sorted({
                    line.month.strftime("%m/%Y") for line in self.line_ids})),
                date=stop and stop.strftime("%d/%m/%Y") or ""),
            "amount": self.amount, "words": amount_in_words(self.amount),
        }

    def action_print_voucher(self):
        return self.env.ref("union_finance.union_dues_refund_payment_voucher_report_action"
                            ).report_action(self)


class UnionDuesLine(models.Model):
    _inherit = "union.dues.line"

    refund_ids = fields.Many2many("union.dues.refund", "union_dues_refund_line_rel", "line_id",
                                  "refund_id", string="Refunds", readonly=True)
