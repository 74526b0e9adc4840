from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Command

from ..rules import fund as fund_rules


class UnionFundAllocation(models.Model):
    """What the upper level, having collected the 2% fund from a grassroots
    union's employers, allocates back to it (its share, DOMAIN.md §4, §5):
    the paid declarations it covers, one entry in the upper level's company
    (the allocation owed is paid) and one in the grassroots union's company
    (the allocation received, its 2% fund income)."""

    _name = "union.fund.allocation"
    _description = "2% Fund Allocation to a Grassroots Union"
    _inherit = ["mail.thread", "union.reference.check.mixin"]
    _union_checked_references = ("organization_id", "upper_organization_id")
    _order = "date desc, id desc"

    name = fields.Char(string="Number", required=True, tracking=True)
    organization_id = fields.Many2one(
        "union.organization", string="Grassroots Union", required=True, index=True,
        domain="[('level', '=', 'grassroots')]", tracking=True)
    upper_organization_id = fields.Many2one(
        "union.organization", string="Allocated By", required=True, index=True, tracking=True,
        compute="_compute_upper_organization_id", store=True, readonly=False, precompute=True)
    company_id = fields.Many2one(related="organization_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    upper_company_id = fields.Many2one(related="upper_organization_id.company_id", store=True,
                                       string="Upper-Level Company")
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    date_to = fields.Date(string="Months Up To", required=True, default=fields.Date.context_today,
                          help="Paid declarations of months up to this date are allocated.")
    contribution_ids = fields.One2many("union.fund.contribution", "allocation_id",
                                       string="Declarations", readonly=True)
    amount = fields.Monetary(string="Amount (VND)", compute="_compute_amount", store=True)
    journal_id = fields.Many2one(
        "account.journal", string="Received On",
        domain="[('type', 'in', ('cash', 'bank')), ('company_id', '=', company_id)]",
        help="Cash or bank journal of the grassroots union that receives the allocation.")
    upper_journal_id = fields.Many2one(
        "account.journal", string="Paid From",
        domain="[('type', 'in', ('cash', 'bank')), ('company_id', '=', upper_company_id)]",
        help="Cash or bank journal of the upper level that pays the allocation.")
    state = fields.Selection([("draft", "Draft"), ("posted", "Posted")], default="draft",
                             required=True, index=True, tracking=True)
    move_id = fields.Many2one("account.move", string="Entry Received", readonly=True, copy=False)
    upper_move_id = fields.Many2one("account.move", string="Entry Paid", readonly=True,
                                    copy=False)

    @api.depends("organization_id")
    def _compute_upper_organization_id(self):
        for rec in self:
            rec.upper_organization_id = rec.upper_organization_id or (
                rec.organization_id and rec.organization_id._union_fund_upper_unit())

    @api.depends("contribution_ids.amount_kept")
    def _compute_amount(self):
        for rec in self:
            rec.amount = sum(rec.contribution_ids.mapped("amount_kept"))

    @api.ondelete(at_uninstall=False)
    def _unlink_except_posted(self):
        if self.filtered(lambda r: r.state == "posted"):
            raise UserError(self.env._("A posted allocation cannot be deleted."))

    def action_compute(self):
        """Take the paid declarations collected by the upper level for the
        unit, up to the month of ``date_to``, not allocated yet."""
        Contribution = self.env["union.fund.contribution"]
        for rec in self:
            if rec.state != "draft":
                raise UserError(self.env._("Only a draft allocation can be computed."))
            rec.contribution_ids.write({"allocation_id": False})
            found = Contribution.search([
                ("organization_id", "=", rec.organization_id.id), ("state", "=", "posted"),
                ("collector", "=", fund_rules.COLLECTOR_UPPER),
                ("collecting_organization_id", "=", rec.upper_organization_id.id),
                ("allocation_id", "=", False), ("month", "<=", rec.date_to),
                ("status", "=", fund_rules.STATUS_PAID)])
            found.write({"allocation_id": rec.id})
        return True

    def action_post(self):
        for rec in self:
            if rec.state != "draft":
                raise UserError(self.env._("Only a draft allocation can be posted."))
            if not rec.amount:
                raise UserError(self.env._(
                    "The allocation %(name)s covers no paid declaration: compute it first.",
                    name=rec.name))
            if not rec.journal_id or not rec.upper_journal_id:
                raise UserError(self.env._(
                    "Give the journal the allocation %(name)s is paid from and the one it is "
                    "received on.", name=rec.name))
            if rec.journal_id.company_id != rec.company_id \
                    or rec.upper_journal_id.company_id != rec.upper_company_id:
                raise UserError(self.env._(
                    "The allocation %(name)s is paid from a journal of %(upper)s and received on a "
                    "journal of %(unit)s.", name=rec.name, upper=rec.upper_company_id.name,
                    unit=rec.company_id.name))
            for company in rec.company_id | rec.upper_company_id:
                company._union_ensure_fund_accounts()
            upper_move = self.env["account.move"].create(rec._prepare_upper_move_vals())
            upper_move.action_post()
            move = self.env["account.move"].create(rec._prepare_move_vals())
            move.action_post()
            rec.write({"state": "posted", "move_id": move.id, "upper_move_id": upper_move.id})
        # a statement line imported before: cleared now (one search for the batch)
        self.env["account.bank.statement.line"]._union_match_posted(self)
        return True

    def _union_bank_match_keys(self, move):
        """What the bank's description of the allocation's transfer may hold: the
        allocation's number, the entry's number and the other side's name (the unit that
        receives it on the upper level's entry ``upper_move_id``, the upper level on the
        unit's ``move_id``)."""
        self.ensure_one()
        other = self.organization_id if move == self.upper_move_id else self.upper_organization_id
        return {"numbers": [self.name, move.name], "names": [other.name]}

    def _prepare_upper_move_vals(self):
        """Upper level: the allocation owed to the unit is paid."""
        self.ensure_one()
        company = self.upper_company_id
        analytic = self.upper_organization_id._union_analytic_distribution()
        label = self.env._("2%% fund allocated to %(unit)s, %(name)s",
                           unit=self.organization_id.name, name=self.name)
        partner = self.organization_id.partner_id
        return {
            "move_type": "entry", "journal_id": self.upper_journal_id.id,
            "company_id": company.id, "date": self.date, "ref": label,
            "line_ids": [
                Command.create({
                    "name": label, "account_id": company.union_fund_allocation_payable_account_id.id,
                    "partner_id": partner.id, "debit": self.amount, "credit": 0,
                    "analytic_distribution": analytic}),
                Command.create({
                    "name": label,
                    "account_id": self.env["union.payment.mixin"]._union_payment_account(
                        self.upper_journal_id).id,
                    "partner_id": partner.id, "debit": 0, "credit": self.amount,
                    "analytic_distribution": analytic}),
            ],
        }

    def _prepare_move_vals(self):
        """Grassroots union: the allocation received, its 2% fund income."""
        self.ensure_one()
        company = self.company_id
        analytic = self.organization_id._union_analytic_distribution()
        label = self.env._("2%% fund allocated by %(upper)s, %(name)s",
                           upper=self.upper_organization_id.name, name=self.name)
        partner = self.upper_organization_id.partner_id
        return {
            "move_type": "entry", "journal_id": self.journal_id.id,
            "company_id": company.id, "date": self.date, "ref": label,
            "line_ids": [
                Command.create({
                    "name": label,
                    "account_id": self.env["union.payment.mixin"]._union_receipt_account(
                        self.journal_id).id,
                    "partner_id": partner.id, "debit": self.amount, "credit": 0,
                    "analytic_distribution": analytic}),
                Command.create({
                    "name": label, "account_id": company.union_fund_income_account_id.id,
                    "partner_id": partner.id, "debit": 0, "credit": self.amount,
                    "analytic_distribution": analytic}),
            ],
        }
