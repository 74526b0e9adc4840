import json
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.fields import Command

from ..models.template_vn_union import UNION_CHART_ACCOUNT_FIELDS, UNION_TEMPLATE

# the union's documents that point at their open journal item; after the
# cut-over they point at the item that carries the rest on the union account
OPEN_ITEM_LINKS = (
    ("union.dues.line", "move_line_id"),
    ("union.fund.contribution", "move_line_id"),
    ("union.remittance", "move_line_id"),
)
CODE_DIGITS = 4  # the union template's code_digits


class UnionChartCutover(models.TransientModel):
    """Move a company that already has entries on another chart of accounts to the
    union chart: Odoo does not replace a chart under posted entries, so the union
    accounts are added, the balances of the mapped accounts are moved by one
    posted entry on the cut-over date, and the company's union accounts are
    switched. Running it again changes nothing."""

    _name = "union.chart.cutover"
    _description = "Cut-over to the Union Chart of Accounts"

    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    date = fields.Date(string="Cut-over Date", required=True, default=fields.Date.context_today)
    journal_id = fields.Many2one(
        "account.journal", string="Journal", check_company=True,
        domain="[('type', '=', 'general'), ('company_id', '=', company_id)]",
        compute="_compute_journal_id", store=True, readonly=False,
        help="Journal of the cut-over entry.")
    move_id = fields.Many2one("account.move", string="Cut-over Entry", readonly=True)
    result = fields.Text(readonly=True)

    @api.depends("company_id")
    def _compute_journal_id(self):
        Journal = self.env["account.journal"]
        for wizard in self:
            wizard.journal_id = Journal.search([
                *Journal._check_company_domain(wizard.company_id), ("type", "=", "general"),
                ("company_id", "=", wizard.company_id.id)], order="sequence, id", limit=1)

    # ------------------------------------------------------------------ action

    def action_cutover(self):
        self.ensure_one()
        self._check_cutover_allowed()
        company = self.company_id
        created = self._union_add_missing_accounts()
        mapping = self.env["union.chart.mapping"]._get_mapping(company)
        move = self._union_move_balances(mapping)
        switched = self._union_switch_company_fields(mapping)
        self.write({"move_id": move.id, "result": self.env._(
            "%(accounts)s union accounts added, %(fields)s company settings switched, "
            "cut-over entry: %(move)s.",
            accounts=len(created), fields=len(switched),
            move=move.name if move else self.env._("none (nothing to move)"))})
        return {
            "type": "ir.actions.act_window", "res_model": self._name, "res_id": self.id,
            "view_mode": "form", "target": "new",
        }

    def _check_cutover_allowed(self):
        user = self.env.user
        if not (user.has_group("union_finance.group_union_accountant")
                or user.has_group("account.group_account_manager")):
            raise AccessError(self.env._("Only an accountant or an administrator can move "
                                         "a company to the union chart of accounts."))
        if self.company_id not in user.company_ids:
            raise AccessError(self.env._("You do not have access to the company %(company)s.",
                                         company=self.company_id.name))
        if not self.journal_id:
            raise UserError(self.env._("Choose the journal of the cut-over entry."))
        violated = self.company_id._get_violated_lock_dates(self.date, False, self.journal_id)
        if violated:
            raise UserError(self.env._(
                "The cut-over date %(date)s is in a locked period (locked up to %(lock)s): "
                "choose a date after the lock date.",
                date=self.date.strftime("%d/%m/%Y"),
                lock=max(lock for lock, _field in violated).strftime("%d/%m/%Y")))

    # ------------------------------------------------------------------ steps

    def _union_template_accounts(self):
        """{template xmlid: values} of the union chart's accounts, codes padded as
        the template pads them."""
        data = self.env["account.chart.template"]._parse_csv(UNION_TEMPLATE, "account.account")
        for values in data.values():
            values["code"] = values["code"].ljust(CODE_DIGITS, "0")
        return data

    def _union_add_missing_accounts(self):
        """Create the union chart's accounts the company lacks (same code = kept) and
        give them the template's external ids. sudo: an accountant may not manage
        the chart of accounts; this wizard is limited to accountants above."""
        company = self.company_id
        Account = self.env["account.account"].sudo().with_company(company)
        IrData = self.env["ir.model.data"].sudo()
        company_domain = Account._check_company_domain(company)
        template = self._union_template_accounts()
        existing = {account.code: account for account in Account.search(
            [*company_domain, ("code", "in", [v["code"] for v in template.values()])])}
        has_unaffected = bool(Account.search_count(
            [*company_domain, ("account_type", "=", "equity_unaffected")], limit=1))
        created = Account
        for xmlid, values in template.items():
            account = existing.get(values["code"])
            if not account:
                account_type = values["account_type"]
                if account_type == "equity_unaffected" and has_unaffected:
                    account_type = "equity"  # a company has one unaffected earnings account
                account = Account.create({
                    "code": values["code"], "name": values["name"], "account_type": account_type,
                    "reconcile": values.get("reconcile", False),
                    "company_ids": [Command.link(company.id)],
                })
                created |= account
            full_xmlid = f"account.{company.id}_{xmlid}"
            if not self.env.ref(full_xmlid, raise_if_not_found=False):
                IrData._update_xmlids([{"xml_id": full_xmlid, "record": account, "noupdate": True}])
        return created

    def _union_move_balances(self, mapping):
        """One posted entry on the cut-over date that empties each mapped account into
        its union account: open items one by one on a reconcilable account (each
        is reconciled with its counterpart and the union document that pointed at
        it points at the new item), else the balance per partner and analytic
        distribution; income and expense accounts from the start of the fiscal
        year only (earlier years are in the accumulated surplus)."""
        company = self.company_id
        date = self.date
        Account = self.env["account.account"].with_company(company)
        company_domain = Account._check_company_domain(company)
        olds = Account.search([*company_domain, ("code", "in", list(mapping))], order="code")
        news = {account.code: account for account in Account.search(
            [*company_domain, ("code", "in", list(mapping.values()))])}
        AML = self.env["account.move.line"]
        later = AML.search([("account_id", "in", olds.ids), ("company_id", "=", company.id),
                            ("parent_state", "=", "posted"), ("date", ">", date)])
        if later:
            raise UserError(self.env._(
                "Entries after the cut-over date %(date)s are posted on %(accounts)s: "
                "choose the date of the last of them or a later one.",
                date=date.strftime("%d/%m/%Y"),
                accounts=", ".join(sorted(set(later.account_id.with_company(company).mapped("code"))))))
        year_start = company.compute_fiscalyear_dates(date)["date_from"]
        currency = company.currency_id
        pairs = []  # (old item or False, values of the emptying line, values of the new line)
        for old in olds:
            new = news.get(mapping[old.code])
            if not new:
                raise UserError(self.env._(
                    "The union account %(new)s that takes over %(old)s does not exist: "
                    "check the cut-over mapping.", new=mapping[old.code], old=old.code))
            domain = [("account_id", "=", old.id), ("company_id", "=", company.id),
                      ("parent_state", "=", "posted"), ("date", "<=", date)]
            if old.internal_group in ("income", "expense"):
                domain.append(("date", ">=", year_start))
            label = self.env._("Cut-over to the union chart: %(old)s → %(new)s",
                               old=old.code, new=new.code)
            if old.reconcile:
                items = AML.search(domain + [("reconciled", "=", False)], order="date, id")
                for item in items:
                    if not currency.is_zero(item.amount_residual):
                        pairs.append((item, *self._union_pair(
                            item.amount_residual, old, new, item.partner_id.id,
                            item.analytic_distribution,
                            f"{label} ({item.name})" if item.name else label)))
                continue
            totals = defaultdict(float)
            for item in AML.search(domain):
                key = (item.partner_id.id, json.dumps(item.analytic_distribution or {},
                                                      sort_keys=True))
                totals[key] += item.balance
            for (partner_id, analytic), balance in totals.items():
                if not currency.is_zero(balance):
                    pairs.append((False, *self._union_pair(
                        balance, old, new, partner_id, json.loads(analytic) or False, label)))
        if not pairs:
            return self.env["account.move"]
        lines = []
        for _item, emptying, carrying in pairs:
            lines += [Command.create(emptying), Command.create(carrying)]
        move = self.env["account.move"].create({
            "move_type": "entry", "journal_id": self.journal_id.id, "company_id": company.id,
            "date": date, "ref": self.env._("Cut-over to the union chart of accounts"),
            "line_ids": lines,
        })
        move.action_post()
        created = move.line_ids.sorted("id")
        plan = []
        relink = {}
        for index, (item, _emptying, _carrying) in enumerate(pairs):
            if item:
                plan.append(item + created[2 * index])
                relink[item.id] = created[2 * index + 1]
        if plan:
            AML._reconcile_plan(plan)
        self._union_relink_open_items(relink)
        return move

    @api.model
    def _union_pair(self, balance, old, new, partner_id, analytic, label):
        """The line that empties ``old`` of ``balance`` and the one that carries it on ``new``."""
        common = {"partner_id": partner_id or False, "analytic_distribution": analytic or False,
                  "name": label}
        emptying = {**common, "account_id": old.id,
                    "debit": max(-balance, 0), "credit": max(balance, 0)}
        carrying = {**common, "account_id": new.id,
                    "debit": max(balance, 0), "credit": max(-balance, 0)}
        return emptying, carrying

    def _union_relink_open_items(self, relink):
        """The union documents that pointed at a moved open item point at the new one.
        sudo: the documents of every unit of the company are relinked, whatever the
        accountant's units."""
        if not relink:
            return
        for model, field in OPEN_ITEM_LINKS:
            if model not in self.env:
                continue
            Model = self.env[model].sudo().with_context(active_test=False)
            records = Model.search([(field, "in", list(relink))])
            by_item = defaultdict(lambda m=Model: m)
            for record in records:
                by_item[record[field].id] |= record
            for item_id, group in by_item.items():
                group.write({field: relink[item_id].id})

    def _union_switch_company_fields(self, mapping):
        """Point the company's union accounts at the union chart: the mapped account
        of the current one, or the template's account for an empty field. Only the
        fields that change are written. sudo: company settings."""
        company = self.company_id.sudo()
        Account = self.env["account.account"].with_company(company)
        codes = {account.code: account for account in Account.search(
            Account._check_company_domain(company))}
        template = self._union_template_accounts()
        vals = {}
        for field, xmlid in UNION_CHART_ACCOUNT_FIELDS.items():
            if field not in company._fields:
                continue
            current = company[field]
            code = mapping.get(current.with_company(company).code) if current \
                else template[xmlid]["code"]
            target = codes.get(code) if code else None
            if target and target != current:
                vals[field] = target.id
        if vals:
            company.write(vals)
        return vals
