from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Command

#: balance-sheet accounts whose balances follow a merged unit (cash, bank, receivables, 136/336)
MOVED_ACCOUNT_TYPES = ("asset_cash", "asset_current", "asset_receivable", "asset_prepayments",
                       "liability_current", "liability_payable")
#: the union chart's internal payable account, the default counterpart across companies
DEFAULT_COUNTERPART_CODE = "33684"


class ResCompany(models.Model):
    _inherit = "res.company"

    union_merge_counterpart_account_id = fields.Many2one(
        "account.account", string="Unit Merge Counterpart Account (336)", check_company=True,
        domain="[('account_type', 'in', ('liability_payable', 'liability_current', 'asset_receivable'))]",
        help="When a unit whose books are kept in another company is merged, the closing entry in "
             "that company and the opening entry in the surviving unit's company balance on this "
             "internal account. Empty: the union chart's 33684, or else the account payable to the "
             "upper level.")


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    union_merge_counterpart_account_id = fields.Many2one(
        related="company_id.union_merge_counterpart_account_id", readonly=False)


class UnionDuesLine(models.Model):
    """A dues line's company was its run's; after a merge across companies an unpaid line is
    owed to the surviving unit's company (see UnionOrganization._union_merge_into), so the
    company is stored on the line, taken from the run when the line is made."""
    _inherit = "union.dues.line"

    company_id = fields.Many2one("res.company", related=False, compute="_compute_company_id", store=True,
                                 readonly=False, precompute=True, index=True)

    @api.depends("run_id.company_id")
    def _compute_company_id(self):
        for line in self:
            line.company_id = line.run_id.company_id


class UnionOrganization(models.Model):
    """A merge moves the closing units' unpaid dues lines to the surviving unit (the union's own
    records) and their balances in the books by one posted entry per closing unit, dated on the
    merge date: in the same company one entry from the closing unit's analytic account to the
    surviving unit's; across companies a closing entry in the closing unit's company and an opening
    entry in the surviving unit's. No posted journal item is rewritten; everything goes through
    the ORM."""
    _inherit = "union.organization"

    def _union_merge_unpaid_dues(self):
        # sudo: the merging officer may keep no books; the merge checked their reach over the units
        return self.env["union.dues.line"].sudo().search([
            ("organization_id", "in", self.ids), ("payment_state", "in", ("unpaid", "partial"))])

    def _union_merge_balances(self, on_date):
        """{unit: {(account, partner): balance}} of the posted balance-sheet items carrying each
        unit's analytic account up to ``on_date`` (one grouped read per unit)."""
        result = {}
        # sudo: as above, the books of the closing units are read for the merge
        Line = self.env["account.move.line"].sudo()
        for unit in self.sudo().filtered("analytic_account_id"):
            groups = Line._read_group([
                ("company_id", "=", unit.company_id.id), ("parent_state", "=", "posted"),
                ("date", "<=", on_date), ("account_id.account_type", "in", MOVED_ACCOUNT_TYPES),
                ("analytic_distribution", "in", unit.analytic_account_id.ids),
            ], ["account_id", "partner_id"], ["balance:sum"])
            balances = {(account, partner): round(balance, 2) for account, partner, balance in groups
                        if round(balance, 2)}
            if balances:
                result[unit] = balances
        return result

    def _union_merge_preview(self, target, on_date):
        lines = super()._union_merge_preview(target, on_date)
        unpaid = self._union_merge_unpaid_dues()
        balances = self._union_merge_balances(on_date)
        amount = f"{int(sum(unpaid.mapped('amount_residual'))):,}".replace(",", ".")
        lines.append(self.env._(
            "%(count)s unpaid dues line(s) (%(amount)s VND due) moved to the surviving unit.",
            count=len(unpaid), amount=amount))
        if balances:
            lines.append(self.env._(
                "Balances of %(count)s unit(s) in the books moved by one posted entry each, dated on the "
                "merge date (a closing and an opening entry when the surviving unit keeps other books).",
                count=len(balances)))
        return lines

    def _union_merge_into(self, target, on_date, decision_ref):
        res = super()._union_merge_into(target, on_date, decision_ref)
        unpaid = self._union_merge_unpaid_dues()
        balances = self._union_merge_balances(on_date)
        if balances:
            self._union_merge_post_entries(target, on_date, decision_ref, balances)
        foreign = unpaid.filtered(lambda line: line.move_line_id and line.company_id != target.company_id)
        if foreign:
            self._union_merge_move_receivables(foreign, target, on_date, decision_ref)
        if unpaid:
            unpaid.write({"organization_id": target.id})
            # the unpaid dues are now owed in the surviving unit's books (opened there above):
            # its company's accountants collect them; paid lines stay in the books they were paid in
            company = target.sudo().company_id
            moved = unpaid.filtered(lambda line: company and line.company_id != company)
            if moved:
                moved.write({"company_id": company.id})
        return res

    def _union_merge_move_receivables(self, dues_lines, target, on_date, decision_ref):
        """Unpaid dues owed in another company: a closing entry there settles each open receivable
        item (reconciled with it), an opening entry in the surviving unit's company opens it again,
        and the dues line then points at the new item (what a later payment settles)."""
        Move = self.env["account.move"].sudo()  # sudo: see _union_merge_unpaid_dues
        target = target.sudo()
        company = target.company_id
        company._union_finance_setup_accounting()
        ref = self.env._("Unpaid dues moved to %(target)s (%(decision)s)", target=target.name,
                         decision=decision_ref)
        for source_company in dues_lines.company_id:
            lines = dues_lines.filtered(lambda line, c=source_company: line.company_id == c)
            source_company._union_finance_setup_accounting()
            items = lines.move_line_id
            total = sum(items.mapped("amount_residual"))
            closing = [self._union_merge_line(item.account_id, item.partner_id, -item.amount_residual, False, ref)
                       for item in items]
            closing.append(self._union_merge_line(self._union_merge_counterpart_account(source_company),
                                                  None, total, False, ref))
            opening = [self._union_merge_line(company.union_dues_receivable_account_id, item.partner_id,
                                              item.amount_residual, False, ref) for item in items]
            opening.append(self._union_merge_line(self._union_merge_counterpart_account(company),
                                                  None, -total, False, ref))
            close_move = Move.create(self._union_merge_move_vals(source_company, on_date, ref, closing))
            open_move = Move.create(self._union_merge_move_vals(company, on_date, ref, opening))
            (close_move | open_move).action_post()
            closing_items = close_move.line_ids.filtered(lambda i: i.account_id.account_type == "asset_receivable")
            opening_items = open_move.line_ids.filtered(lambda i: i.account_id.account_type == "asset_receivable")
            for item, closing_item, opening_item in zip(items, closing_items, opening_items):
                (item | closing_item).reconcile()
                lines.filtered(lambda d, i=item: d.move_line_id == i).move_line_id = opening_item

    def _union_merge_counterpart_account(self, company):
        """Across companies, the account the closing and opening entries balance on: the one the
        company's accountant chose (Settings), else the union chart's 33684, else the company's
        account payable to the upper level."""
        company = company.sudo()  # sudo: see _union_merge_unpaid_dues
        company._union_finance_setup_accounting()
        if company.union_merge_counterpart_account_id:
            return company.union_merge_counterpart_account_id
        Account = self.env["account.account"].sudo().with_company(company)
        chart = Account.search([*Account._check_company_domain(company), ("code", "=", DEFAULT_COUNTERPART_CODE)],
                               limit=1)
        return chart or company.union_upper_payable_account_id

    def _union_merge_post_entries(self, target, on_date, decision_ref, balances, dissolution=False):
        """One posted entry per closing unit (two across companies)."""
        Move = self.env["account.move"].sudo()  # sudo: see _union_merge_unpaid_dues
        target = target.sudo()
        target_analytic = {str(target._union_analytic_map()[target.id]): 100}
        moves = Move
        for unit, items in balances.items():
            source_analytic = {str(unit.analytic_account_id.id): 100}
            if dissolution:
                ref = self.env._("Books of %(unit)s handed over to %(target)s on dissolution "
                                 "(%(decision)s)", unit=unit.name, target=target.name,
                                 decision=decision_ref or "-")
            else:
                ref = self.env._("Merge of %(unit)s into %(target)s (%(decision)s)",
                                 unit=unit.name, target=target.name, decision=decision_ref)
            unit.company_id._union_finance_setup_accounting()
            closing = [self._union_merge_line(account, partner, -balance, source_analytic, ref)
                       for (account, partner), balance in items.items()]
            if unit.company_id == target.company_id:
                opening = [self._union_merge_line(account, partner, balance, target_analytic, ref)
                           for (account, partner), balance in items.items()]
                moves |= Move.create(self._union_merge_move_vals(unit.company_id, on_date, ref, closing + opening))
                continue
            # across companies: the same accounts by code in the surviving unit's company
            total = sum(items.values())
            counterpart = self._union_merge_counterpart_account(unit.company_id)
            closing.append(self._union_merge_line(counterpart, None, total, source_analytic, ref))
            moves |= Move.create(self._union_merge_move_vals(unit.company_id, on_date, ref, closing))
            target.company_id._union_finance_setup_accounting()
            codes = {account: account.with_company(unit.company_id).code for account, _partner in items}
            by_code = self._union_merge_accounts_by_code(target.company_id, codes)
            opening = defaultdict(float)
            for (account, partner), balance in items.items():
                opening[(by_code[codes[account]], partner)] += balance
            lines = [self._union_merge_line(account, partner, balance, target_analytic, ref)
                     for (account, partner), balance in opening.items()]
            lines.append(self._union_merge_line(self._union_merge_counterpart_account(target.company_id),
                                                None, -total, target_analytic, ref))
            moves |= Move.create(self._union_merge_move_vals(target.company_id, on_date, ref, lines))
        moves.action_post()
        self._union_merge_reconcile_transit(moves)
        return moves

    def _union_merge_reconcile_transit(self, moves):
        """On money in transit (1131/1132, the outstanding accounts of the company's bank
        journals) a hand-over in the same books only moves a unit's balance to another
        analytic account: its closing and opening items (same account and partner) cancel out
        and are reconciled together, so nothing is left open there for a bank statement line
        to clear (the payments waiting there keep their own items)."""
        Mixin = self.env["union.payment.mixin"]
        for move in moves:
            transit = self.env["account.account"]
            # sudo: see _union_merge_unpaid_dues
            for journal in self.env["account.journal"].sudo().search([
                    ("type", "=", "bank"), ("company_id", "=", move.company_id.id)]):
                for direction in ("inbound", "outbound"):
                    try:
                        transit |= Mixin._union_transit_account(journal, direction)
                    except UserError:
                        continue  # no such account: nothing waits there
            pairs = defaultdict(list)
            for item in move.line_ids.filtered(lambda i, t=transit: i.account_id in t):
                pairs[item.account_id, item.partner_id].append(item.id)
            for ids in pairs.values():
                items = move.line_ids.browse(ids)  # the entry's env (sudo, as it was posted)
                if len(items) > 1 and not move.currency_id.round(sum(items.mapped("balance"))):
                    items.reconcile()

    def _union_merge_accounts_by_code(self, company, codes):
        """{code: account of ``company``} for ``codes`` {account: code} (created like them if missing)."""
        Account = self.env["account.account"].sudo().with_company(company)
        result = {}
        for account, code in codes.items():
            found = Account.search([*Account._check_company_domain(company), ("code", "=", code)], limit=1)
            result[code] = found or Account.create({
                "code": code, "name": account.name, "account_type": account.account_type,
                "reconcile": account.reconcile, "company_ids": [Command.link(company.id)]})
        return result

    def _union_merge_line(self, account, partner, balance, analytic, ref):
        return Command.create({
            "name": ref, "account_id": account.id, "partner_id": partner.id if partner else False,
            "debit": balance if balance > 0 else 0.0, "credit": -balance if balance < 0 else 0.0,
            "analytic_distribution": analytic or False})

    def _union_merge_move_vals(self, company, on_date, ref, lines):
        return {"move_type": "entry", "company_id": company.id, "journal_id": company.union_dues_journal_id.id,
                "date": on_date, "ref": ref, "line_ids": lines}

    def _union_close_books(self, target, on_date, decision_ref):
        """The books of these dissolved units handed over to ``target`` (their upper level) on
        ``on_date`` (dispatch 4181/TLĐ-TC): the balances of their cash, bank, receivables and
        internal accounts, carried on each unit's analytic account, moved to the upper level's
        by one posted entry per unit (a closing and an opening entry when the upper level keeps
        other books). Their unpaid dues lines stay theirs (the members' history); what is still
        owed now sits on the upper level's analytic account. Returns the entries."""
        balances = self._union_merge_balances(on_date)
        if not balances or not target:
            return self.env["account.move"]
        return self._union_merge_post_entries(target, on_date, decision_ref, balances,
                                              dissolution=True)

    def _union_dissolution_settlement(self, on_date):
        """Dues collected for months from the end date on: to refund (dispatch 4181/TLĐ-TC)."""
        lines = super()._union_dissolution_settlement(on_date)
        # sudo: the officer dissolving the unit may keep no books; counts only leave this method
        month = on_date.replace(day=1)
        groups = self.env["union.dues.line"].sudo()._read_group([
            ("organization_id", "child_of", self.id), ("month", ">=", month), ("amount_paid", ">", 0),
            ("run_state", "!=", "reversed")], [], ["__count", "amount_paid:sum"])
        count, amount = groups[0] if groups else (0, 0)
        if count:
            total = f"{int(amount or 0):,}".replace(",", ".")
            lines.append(self.env._(
                "%(count)s dues line(s) paid for months from %(month)s on (%(amount)s VND): to refund "
                "to the members.", count=count, month=month.strftime("%m/%Y"), amount=total))
        return lines
