from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Command

from ..rules import dues as dues_rules
from ..rules import split as split_rules

RUN_STATES = [
    ("draft", "Draft"),
    ("computed", "To Review"),
    ("posted", "Posted"),
    ("reversed", "Reversed"),
]


class UnionDuesRun(models.Model):
    _name = "union.dues.run"
    _description = "Monthly Dues Run"
    _inherit = ["mail.thread"]
    _order = "month desc, id desc"
    _check_company_auto = True

    # how many months back a run looks for posted dues to correct
    _adjustment_lookback_months = 12

    name = fields.Char(compute="_compute_name", store=True)
    organization_id = fields.Many2one(
        "union.organization", string="Unit", required=True, index=True, tracking=True)
    include_children = fields.Boolean(
        string="Include Sub-units", default=True, tracking=True,
        help="Compute the dues of the members of every unit below this one too.")
    month = fields.Date(
        required=True, index=True, tracking=True,
        default=lambda self: dues_rules.month_start(fields.Date.context_today(self)),
        help="Any day of the month; stored as its first day.")
    company_id = fields.Many2one(
        "res.company", related="organization_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    state = fields.Selection(RUN_STATES, default="draft", required=True, index=True, tracking=True)
    share_rule_id = fields.Many2one("union.share.rule", string="Share Rule", readonly=True,
                                    ondelete="restrict")
    line_ids = fields.One2many("union.dues.line", "run_id", string="Dues Lines")
    line_count = fields.Integer(compute="_compute_totals")
    amount_total = fields.Integer(compute="_compute_totals", string="Total Dues")
    amount_kept = fields.Integer(string="Kept by Grassroots", readonly=True)
    amount_upward = fields.Integer(string="Owed to Upper Level", readonly=True)
    move_id = fields.Many2one("account.move", string="Journal Entry", readonly=True, copy=False,
                              check_company=True)
    reversal_move_id = fields.Many2one("account.move", string="Reversal Entry", readonly=True,
                                       copy=False, check_company=True)

    @api.depends("organization_id", "month")
    def _compute_name(self):
        for run in self:
            month = run.month and run.month.strftime("%m/%Y") or ""
            run.name = f"{month} - {run.organization_id.name or ''}"

    @api.depends("line_ids.amount")
    def _compute_totals(self):
        data = self.env["union.dues.line"]._read_group(
            [("run_id", "in", self.ids)], ["run_id"], ["__count", "amount:sum"])
        totals = {run.id: (count, amount) for run, count, amount in data}
        for run in self:
            run.line_count, run.amount_total = totals.get(run.id, (0, 0))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            dues_rules.normalize_month(vals)
        return super().create(vals_list)

    def write(self, vals):
        dues_rules.normalize_month(vals)
        if {"month", "organization_id", "include_children"} & set(vals) and \
                self.filtered(lambda r: r.state not in ("draft", "computed")):
            raise UserError(self.env._("A posted dues run cannot be changed; reverse it instead."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_posted(self):
        if self.filtered(lambda r: r.state in ("posted", "reversed")):
            raise UserError(self.env._(
                "A posted dues run cannot be deleted; reverse it with a reversal entry."))

    # ------------------------------------------------------------------ actions

    def action_compute(self):
        """(Re)compute the lines of draft runs: nothing is ever created twice."""
        for run in self:
            if run.state not in ("draft", "computed"):
                raise UserError(self.env._("Only a draft dues run can be computed (%(run)s).",
                                           run=run.name))
            run.line_ids.unlink()
            vals_list = run._get_dues_lines_to_create()
            vals_list += run._get_adjustment_lines_to_create()
            self.env["union.dues.line"].create(vals_list)
            run.state = "computed"
        return True

    def action_reset_to_draft(self):
        self.filtered(lambda r: r.state == "computed").write({"state": "draft"})

    def action_confirm(self):
        """Post one journal entry per run (receivable per member, income split)."""
        for run in self:
            if run.state != "computed":
                raise UserError(self.env._("Compute and review the dues run %(run)s first.",
                                           run=run.name))
            run._check_accounting_setup()
            share_rule = self.env["union.share.rule"]._rule_at(run.month)
            if not share_rule:
                raise UserError(self.env._("No share rule is in force on %(date)s.",
                                           date=run.month))
            total = sum(run.line_ids.mapped("amount"))
            split = split_rules.split_collected(total, share_rule.dues_kept_percent)
            move = self.env["account.move"]
            if run.line_ids.filtered("amount"):
                move = move.create(run._prepare_move_vals(split))
                move.action_post()
                by_name = {aml.name: aml.id for aml in move.line_ids
                           if aml.account_id == run.company_id.union_dues_receivable_account_id}
                for line in run.line_ids.filtered("amount"):
                    line.move_line_id = by_name[line.payment_reference]
            run.write({
                "state": "posted", "move_id": move.id, "share_rule_id": share_rule.id,
                "amount_kept": split["kept"], "amount_upward": split["upward"],
            })
            run._apply_outstanding_credits()
        return True

    def action_reverse(self):
        """Reverse a posted run: its payments become the members' credit."""
        for run in self:
            if run.state != "posted":
                raise UserError(self.env._("Only a posted dues run can be reversed."))
            receivables = run.line_ids.move_line_id
            receivables.filtered(lambda aml: aml.matched_credit_ids or aml.matched_debit_ids
                                 ).remove_move_reconcile()
            if not run.move_id:
                run.state = "reversed"
                continue
            reversal = run.move_id._reverse_moves([{
                "date": fields.Date.context_today(self),
                "ref": self.env._("Reversal of %(run)s", run=run.name),
            }], cancel=True)
            run.write({"state": "reversed", "reversal_move_id": reversal.id})
        return True

    def action_view_lines(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("union_finance.union_dues_line_action")
        action["domain"] = [("run_id", "=", self.id)]
        action["context"] = {}
        return action

    # --------------------------------------------------------- business steps

    def _get_scope_organizations(self):
        self.ensure_one()
        return self.organization_id._get_subtree() if self.include_children else self.organization_id

    def _gather_member_data(self, member_ids):
        """Salaries, exemptions and member fields of many members: a fixed number
        of queries whatever their count.

        sudo: the members come from the run's units, which the user may access
        (record rules on the run); reading them again through the rules would
        cost a rule check per batch for nothing.
        """
        bases = defaultdict(list)
        for rec in self.env["union.member.dues.base"].sudo().search_read(
                [("member_id", "in", member_ids)], ["member_id", "date_start", "amount"]):
            bases[rec["member_id"][0]].append((rec["date_start"], rec["amount"]))
        exemptions = defaultdict(list)
        for rec in self.env["union.dues.exemption"].sudo().search_read(
                [("member_id", "in", member_ids)], ["member_id", "date_from", "date_to", "reason"]):
            exemptions[rec["member_id"][0]].append(rec)
        members = {rec["id"]: rec for rec in self.env["union.member"].sudo().search_read(
            [("id", "in", member_ids)], ["member_code", "dues_group"])}
        return members, bases, exemptions

    def _compute_member_month(self, member_id, org_id, state, month, data, rules_data):
        """The values of one member's dues for one month (no query)."""
        members, bases, exemptions = data
        rules, base_salaries, salary_ids, fundings = rules_data
        member = members[member_id]
        group = dues_rules.group_for(fundings.get(org_id), member["dues_group"])
        base_amount = dues_rules.value_at(bases.get(member_id, []), dues_rules.month_end(month)) or 0
        reason = "suspension" if state == "suspended" else False
        if not reason:
            for exemption in exemptions.get(member_id, []):
                if dues_rules.exempt_in_month(month, exemption["date_from"], exemption["date_to"] or None):
                    reason = exemption["reason"]
                    break
        result = dues_rules.dues_for_month(month, group, base_amount, rules, base_salaries,
                                           fixed_amount=base_amount)
        if result is None:
            raise UserError(self.env._(
                "No dues rule for the member group %(group)s in %(month)s.",
                group=group, month=month.strftime("%m/%Y")))
        return {
            "member_group": group,
            "rule_id": result["rule"]["id"],
            "base_salary": result["base_salary"],
            "base_salary_id": dues_rules.value_at(salary_ids, dues_rules.month_start(month)),
            "base_amount": base_amount,
            "rate": result["rule"]["rate"],
            "cap": result["cap"],
            "capped": result["capped"],
            "amount": 0 if reason else result["amount"],
            "exemption_reason": reason,
        }

    def _get_rules_data(self, org_ids):
        rules = self.env["union.dues.rule"]._get_rule_dicts()
        dated = self.env["union.base.salary"]._get_dated()
        base_salaries = [(start, amount) for start, (amount, _id) in dated]
        salary_ids = [(start, rec_id) for start, (_amount, rec_id) in dated]
        fundings = {rec["id"]: rec["funding_type"] for rec in self.env["union.organization"].sudo(
        ).search_read([("id", "in", list(org_ids))], ["funding_type"])}
        return rules, base_salaries, salary_ids, fundings

    def _get_dues_lines_to_create(self):
        """Values of the regular lines of this run's month (a fixed number of queries)."""
        self.ensure_one()
        # sudo: see _gather_member_data; the scope is the run's own units
        Member = self.env["union.member"].sudo()
        month = self.month
        status = Member._get_status_at(dues_rules.month_end(month), self._get_scope_organizations().ids)
        due = {mid: value for mid, value in status.items() if value[0] in ("active", "suspended")}
        if not due:
            return []
        # sudo: a member charged in a run the user cannot see is still charged
        taken = {rec["member_id"][0] for rec in self.env["union.dues.line"].sudo().search_read([
            ("member_id", "in", list(due)), ("month", "=", month), ("line_type", "=", "regular"),
            ("run_state", "!=", "reversed"), ("run_id", "!=", self.id)], ["member_id"])}
        member_ids = sorted(set(due) - taken)
        data = self._gather_member_data(member_ids)
        rules_data = self._get_rules_data({org for _s, org in due.values()})
        prefix = self.company_id.union_dues_reference_prefix or "DP"
        vals_list = []
        for member_id in member_ids:
            state, org_id = due[member_id]
            vals = self._compute_member_month(member_id, org_id, state, month, data, rules_data)
            vals.update({
                "run_id": self.id, "member_id": member_id, "organization_id": org_id,
                "month": month, "line_type": "regular",
                "payment_reference": dues_rules.payment_reference(
                    prefix, data[0][member_id]["member_code"] or member_id, month),
            })
            vals_list.append(vals)
        return vals_list

    def _get_adjustment_lines_to_create(self):
        """Adjustments for earlier posted months whose figures changed since
        (salary corrected, exemption recorded late): posted lines are never
        changed, the difference goes into this run."""
        self.ensure_one()
        # sudo: every posted line of the run's units counts, whoever may read it
        Line = self.env["union.dues.line"].sudo()
        month = self.month
        since = dues_rules.add_months(month, -self._adjustment_lookback_months)
        scope = self._get_scope_organizations().ids
        posted = Line.search_read([
            ("organization_id", "in", scope), ("line_type", "=", "regular"),
            ("run_state", "=", "posted"), ("month", ">=", since), ("month", "<", month),
        ], ["member_id", "month", "organization_id"])
        if not posted:
            return []
        keys = {(rec["member_id"][0], rec["month"]): rec["organization_id"][0] for rec in posted}
        member_ids = sorted({member_id for member_id, _m in keys})
        existing = defaultdict(int)
        for rec in Line.search_read([
                ("member_id", "in", member_ids), ("month", ">=", since), ("month", "<", month),
                ("run_state", "!=", "reversed"), ("run_id", "!=", self.id)],
                ["member_id", "month", "amount"]):
            existing[rec["member_id"][0], rec["month"]] += rec["amount"]
        data = self._gather_member_data(member_ids)
        rules_data = self._get_rules_data(set(keys.values()))
        states = {}
        for past_month in sorted({m for _id, m in keys}):
            # one query per month (not per member)
            states[past_month] = self.env["union.member"].sudo()._get_status_at(
                dues_rules.month_end(past_month), scope)
        prefix = self.company_id.union_dues_reference_prefix or "DP"
        vals_list = []
        for (member_id, past_month), org_id in sorted(keys.items()):
            state = states[past_month].get(member_id, ("left", org_id))[0]
            if state not in ("active", "suspended"):
                continue
            vals = self._compute_member_month(member_id, org_id, state, past_month, data, rules_data)
            difference = vals["amount"] - existing[member_id, past_month]
            if not difference:
                continue
            reference = dues_rules.payment_reference(
                prefix, data[0][member_id]["member_code"] or member_id, past_month)
            vals.update({
                "run_id": self.id, "member_id": member_id, "organization_id": org_id,
                "month": past_month, "line_type": "adjustment", "amount": difference,
                "payment_reference": f"{reference}-DC{month.year:04d}{month.month:02d}",
            })
            vals_list.append(vals)
        return vals_list

    def _check_accounting_setup(self):
        company = self.company_id
        # a company created after the installation gets its journal and accounts now
        company._union_finance_setup_accounting()
        missing = [company._fields[f].get_description(self.env)["string"] for f in (
            "union_dues_journal_id", "union_dues_receivable_account_id",
            "union_dues_income_account_id", "union_dues_upward_account_id") if not company[f]]
        if missing:
            raise UserError(self.env._(
                "Set up the union dues accounting of %(company)s first (Settings): %(fields)s.",
                company=company.name, fields=", ".join(missing)))

    def _prepare_move_vals(self, split):
        """One entry: a receivable item per member line, the income split into
        the kept share and the share owed to the upper level."""
        self.ensure_one()
        company = self.company_id
        date = dues_rules.month_end(self.month)
        line_cmds = []
        for line in self.line_ids.filtered("amount"):
            line_cmds.append(Command.create({
                "name": line.payment_reference,
                "account_id": company.union_dues_receivable_account_id.id,
                "partner_id": line.partner_id.id,
                "debit": max(line.amount, 0), "credit": max(-line.amount, 0),
            }))
        for account, amount, label in (
                (company.union_dues_income_account_id, split["kept"],
                 self.env._("Dues %(month)s: kept share", month=self.month.strftime("%m/%Y"))),
                (company.union_dues_upward_account_id, split["upward"],
                 self.env._("Dues %(month)s: owed to the upper level",
                            month=self.month.strftime("%m/%Y")))):
            if amount:
                line_cmds.append(Command.create({
                    "name": label, "account_id": account.id,
                    "debit": max(-amount, 0), "credit": max(amount, 0),
                }))
        return {
            "move_type": "entry",
            "journal_id": company.union_dues_journal_id.id,
            "company_id": company.id,
            "date": date,
            "ref": self.env._("Union dues %(run)s", run=self.name),
            "line_ids": line_cmds,
        }

    def _apply_outstanding_credits(self):
        """Use the members' credits (overpayments, downward adjustments) for
        their open dues, oldest month first."""
        self.ensure_one()
        partners = self.line_ids.move_line_id.partner_id
        if not partners:
            return
        AML = self.env["account.move.line"]
        open_items = AML.search([
            ("account_id", "=", self.company_id.union_dues_receivable_account_id.id),
            ("partner_id", "in", partners.ids), ("reconciled", "=", False),
            ("amount_residual", "!=", 0), ("parent_state", "=", "posted"),
            ("company_id", "=", self.company_id.id)], order="date, id")
        credits, debits = defaultdict(lambda: AML), defaultdict(lambda: AML)
        for aml in open_items:
            (credits if aml.amount_residual < 0 else debits)[aml.partner_id.id] |= aml
        plan = [credits[pid] + debits[pid] for pid in credits if debits[pid]]
        if plan:
            AML._reconcile_plan(plan)
