from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Command
from odoo.tools import SQL

from odoo.addons.union_membership import bulk_sql

from ..rules import dues as dues_rules
from ..rules import split as split_rules
from ..vnd import VndAmount

RUN_STATES = [
    ("draft", "Draft"),
    ("computed", "To Review"),
    ("posted", "Posted"),
    ("reversed", "Reversed"),
]


class UnionDuesRun(models.Model):
    _name = "union.dues.run"
    _description = "Monthly Dues Run"
    _inherit = ["mail.thread", "union.finance.reference.mixin"]
    _order = "month desc, id desc"
    _union_checked_references = ("organization_id",)
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
    amount_kept = VndAmount(string="Kept by Grassroots", readonly=True)
    amount_upward = VndAmount(string="Owed to Upper Level", readonly=True)
    move_id = fields.Many2one("account.move", string="Journal Entry", readonly=True, copy=False,
                              check_company=True)
    reversal_move_id = fields.Many2one("account.move", string="Reversal Entry", readonly=True,
                                       copy=False, check_company=True)
    dues_qr_warning = fields.Text(related="organization_id.dues_qr_warning")
    month_label = fields.Char(compute="_compute_month_label", string="Month (mm/yyyy)")
    preview_share_rule_id = fields.Many2one(
        "union.share.rule", compute="_compute_preview_split", string="Share Rule of the Month")
    preview_kept = VndAmount(
        compute="_compute_preview_split", string="Kept by Grassroots (before posting)",
        help="What the grassroots units keep of this run's dues, by the share rule of the month "
             "(each unit's own total split, the rounding stays with the unit).")
    preview_upward = VndAmount(
        compute="_compute_preview_split", string="Owed to Upper Level (before posting)")
    move_line_ids = fields.One2many(
        related="move_id.line_ids", string="Journal Items", groups="account.group_account_invoice",
        help="The debit and credit items of the run's journal entry.")

    @api.depends("organization_id", "month")
    def _compute_name(self):
        for run in self:
            month = run.month and run.month.strftime("%m/%Y") or ""
            run.name = f"{month} - {run.organization_id.name or ''}"

    @api.depends("month")
    def _compute_month_label(self):
        for run in self:
            run.month_label = run.month.strftime("%m/%Y") if run.month else False

    @api.depends("line_ids.amount", "month", "state")
    def _compute_preview_split(self):
        """The split the run will post, before it is posted: the share rule of the month
        applied to each unit's total (one grouped read for all the runs)."""
        totals = defaultdict(list)
        for run, unit, amount in self.env["union.dues.line"]._read_group(
                [("run_id", "in", self.ids)], ["run_id", "organization_id"], ["amount:sum"]):
            totals[run.id].append({"organization_id": unit.id, "amount": amount})
        ShareRule = self.env["union.share.rule"]
        for run in self:
            rule = run.share_rule_id or (ShareRule._rule_at(run.month) if run.month else ShareRule)
            splits = self._split_per_unit(totals.get(run.id, []), rule.dues_kept_percent) \
                if rule else {}
            run.preview_share_rule_id = rule
            run.preview_kept = sum(split["kept"] for split in splits.values())
            run.preview_upward = sum(split["upward"] for split in splits.values())

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
            # state first: the new lines are born "To Review" (no recompute of
            # their run's state and payment state afterwards)
            run.state = "computed"
            self.env["union.dues.line"]._create_batch(vals_list)
        return True

    def action_reset_to_draft(self):
        self.filtered(lambda r: r.state == "computed").write({"state": "draft"})

    def action_confirm(self):
        """Post one journal entry per run: a receivable item per member line,
        and the income split per unit (kept share and share owed upward, each
        with the unit's analytic account).

        Built for a province (100,000 lines): the lines are read with one query,
        the entry is posted small and completed in SQL (_create_and_post_move),
        and the lines get their receivable item and their posted status in one
        UPDATE (_set_lines_posted)."""
        for run in self:
            if run.state != "computed":
                raise UserError(self.env._("Compute and review the dues run %(run)s first.",
                                           run=run.name))
            run._check_accounting_setup()
            share_rule = self.env["union.share.rule"]._rule_at(run.month)
            if not share_rule:
                raise UserError(self.env._("No share rule is in force on %(date)s.",
                                           date=run.month))
            lines = run._read_lines_to_post()
            splits = run._split_per_unit(lines, share_rule.dues_kept_percent)
            move, links = self.env["account.move"], {}
            if any(line["amount"] for line in lines):
                move, links = run._create_and_post_move(lines, splits)
            Line = self.env["union.dues.line"]
            states = [Line._fields[name] for name in
                      ("run_state", "payment_state", "amount_residual", "amount_paid")]
            with self.env.protecting(states, run._set_lines_posted(lines, links)):
                run.write({
                    "state": "posted", "move_id": move.id, "share_rule_id": share_rule.id,
                    "amount_kept": sum(split["kept"] for split in splits.values()),
                    "amount_upward": sum(split["upward"] for split in splits.values()),
                })
            run._apply_outstanding_credits()
        return True

    def _set_lines_posted(self, lines, links):
        """Link the run's lines to their receivable items (``links``: {line
        id: item id}) and give them the status of a posted run, in one UPDATE
        (plus one for the lines with nothing due), and return them: what
        _compute_payment_state computes for a line of a just-posted run (its
        receivable item, just created, still owes the whole amount), without
        the ORM recomputing 100,000 lines one by one when the run's state
        changes (the caller protects these fields)."""
        self.ensure_one()
        due = {line["id"] for line in lines if line["amount"]}
        if set(links) != due:
            raise UserError(self.env._(
                "The dues run %(run)s could not match its journal items to its lines.",
                run=self.name))
        Line = self.env["union.dues.line"]
        Line.flush_model()
        status = """run_state = 'posted',
                    payment_state = CASE WHEN dl.amount > 0 THEN 'unpaid' ELSE 'not_due' END,
                    amount_residual = GREATEST(dl.amount, 0), amount_paid = 0"""
        cr = self.env.cr
        cr.execute(SQL(f"""
            UPDATE union_dues_line dl SET {status}, move_line_id = v.item_id
              FROM unnest(%s::int[], %s::int[]) AS v(line_id, item_id)
             WHERE dl.id = v.line_id""", list(links), list(links.values())))
        cr.execute(SQL(f"""UPDATE union_dues_line dl SET {status}
                            WHERE dl.run_id = %s AND dl.run_state != 'posted'""", self.id))
        lines = Line.browse([line["id"] for line in lines])
        lines.invalidate_recordset(["run_state", "payment_state", "amount_residual", "amount_paid",
                                    "move_line_id"])
        return lines

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

        Plain SQL on stored columns (flushed first): the run reads the members
        of its own units (record rules on the run), and search_read would build
        a display name of every member for nothing (a third of the run's time
        at 5,000 members).
        """
        cr = self.env.cr
        for model, fnames in (("union.member.dues.base", ["member_id", "date_start", "amount"]),
                              ("union.dues.exemption", ["member_id", "date_from", "date_to", "reason"]),
                              ("union.member", ["member_code", "dues_group"])):
            self.env[model].flush_model(fnames)
        ids = list(member_ids)
        bases = defaultdict(list)
        cr.execute("""SELECT member_id, date_start, amount FROM union_member_dues_base
                       WHERE member_id = ANY(%s) ORDER BY member_id, date_start DESC""", [ids])
        for member_id, date_start, amount in cr.fetchall():
            bases[member_id].append((date_start, amount))
        exemptions = defaultdict(list)
        cr.execute("""SELECT member_id, date_from, date_to, reason FROM union_dues_exemption
                       WHERE member_id = ANY(%s) ORDER BY member_id, date_from DESC""", [ids])
        for member_id, date_from, date_to, reason in cr.fetchall():
            exemptions[member_id].append({"date_from": date_from, "date_to": date_to, "reason": reason})
        cr.execute("SELECT id, member_code, dues_group FROM union_member WHERE id = ANY(%s)", [ids])
        members = {rec_id: {"id": rec_id, "member_code": code, "dues_group": group}
                   for rec_id, code, group in cr.fetchall()}
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
        # a member charged in a run the user cannot see is still charged (no rule)
        self.env["union.dues.line"].flush_model(["member_id", "month", "line_type", "run_state", "run_id"])
        self.env.cr.execute("""
            SELECT member_id FROM union_dues_line
             WHERE member_id = ANY(%s) AND month = %s AND line_type = 'regular'
               AND run_state != 'reversed' AND run_id != %s""", [list(due), month, self.id])
        taken = {row[0] for row in self.env.cr.fetchall()}
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

    def _read_lines_to_post(self):
        """[{id, amount, partner_id, payment_reference, organization_id}] of the
        run's lines, in id order (one query, no ORM record per line)."""
        self.ensure_one()
        self.env["union.dues.line"].flush_model(
            ["run_id", "amount", "partner_id", "payment_reference", "organization_id"])
        self.env.cr.execute("""
            SELECT id, amount, partner_id, payment_reference, organization_id
              FROM union_dues_line WHERE run_id = %s ORDER BY id""", [self.id])
        return self.env.cr.dictfetchall()

    @api.model
    def _split_per_unit(self, lines, kept_percent):
        """{unit id: {"total", "kept", "upward"}}: the split rule applied to each
        unit's own total, so that each unit's income equals its members' lines
        (the rounding stays with each unit) and the run's totals are the sums
        of the units'."""
        totals = defaultdict(int)
        for line in lines:
            totals[line["organization_id"]] += line["amount"]
        return {unit_id: dict(split_rules.split_collected(total, kept_percent), total=total)
                for unit_id, total in totals.items() if total}

    def _prepare_move_items(self, lines, splits):
        """The items of the run's entry, as dicts of account.move.line values
        plus ``key``: ("receivable", False) for a member's item (no analytic:
        see the readme), ("kept" or "upward", has analytic) for a unit's
        kept-share and owed-upward income items, which carry the unit's
        analytic account (``analytic_id``); a receivable item also has the
        ``line_id`` of its dues line."""
        self.ensure_one()
        company = self.company_id
        receivable = company.union_dues_receivable_account_id.id
        items = [{
            "key": ("receivable", False), "line_id": line["id"],
            "name": line["payment_reference"], "account_id": receivable,
            "partner_id": line["partner_id"],
            "debit": max(line["amount"], 0), "credit": max(-line["amount"], 0),
        } for line in lines if line["amount"]]
        units = self.env["union.organization"].browse(sorted(splits))
        analytic = units.filtered(lambda unit: unit.company_id == company)._union_analytic_map()
        month = self.month.strftime("%m/%Y")
        for unit in units:
            split = splits[unit.id]
            analytic_id = analytic.get(unit.id)
            for kind, account, amount, label in (
                    ("kept", company.union_dues_income_account_id, split["kept"],
                     self.env._("Dues %(month)s: kept share, %(unit)s", month=month, unit=unit.name)),
                    ("upward", company.union_dues_upward_account_id, split["upward"],
                     self.env._("Dues %(month)s: owed to the upper level, %(unit)s",
                                month=month, unit=unit.name))):
                if amount:
                    items.append({
                        "key": (kind, bool(analytic_id)), "analytic_id": analytic_id,
                        "name": label, "account_id": account.id,
                        "debit": max(-amount, 0), "credit": max(amount, 0),
                        "analytic_distribution": {str(analytic_id): 100.0} if analytic_id else False,
                    })
        return items

    _ITEM_FIELDS = ("name", "account_id", "partner_id", "debit", "credit", "analytic_distribution")

    @api.model
    def _item_create(self, item):
        """The command that creates the journal item of ``item`` (see _prepare_move_items)."""
        return Command.create({name: item[name] for name in self._ITEM_FIELDS if name in item})

    def _prepare_move_vals(self, items):
        """The values of the run's entry with these items (see _prepare_move_items)."""
        self.ensure_one()
        company = self.company_id
        return {
            "move_type": "entry",
            "journal_id": company.union_dues_journal_id.id,
            "company_id": company.id,
            "date": dues_rules.month_end(self.month),
            "ref": self.env._("Union dues %(run)s", run=self.name),
            "line_ids": [self._item_create(item) for item in items],
        }

    # columns of a journal item that differ from one member to the next
    _ITEM_AMOUNT_COLUMNS = ("amount_currency", "amount_residual", "amount_residual_currency",
                            "price_subtotal", "price_total")

    def _create_and_post_move(self, lines, splits):
        """Create and post the run's entry; return it and {dues line id:
        receivable item id}.

        The contexts are the ones Odoo's accounting uses for entries it builds
        itself: skip_invoice_sync (a plain entry with no tax, no payment term:
        nothing to synchronise), check_move_validity=False (one balance check
        below, on the whole entry), tracking_disable (no chatter per item).

        The ORM costs several milliseconds per journal item (some forty
        computed fields each, posting walks every item again, and an analytic
        item is made per income item): minutes for a province. So the ORM
        creates and posts a small entry: the first item of each kind (a
        member's receivable item, a unit's kept-share and owed-upward income
        items, the "templates") and, per kind and side, one placeholder item
        holding the debits or credits of all the other items of that kind.
        Then, in SQL, the other items are copied from their posted template
        (every column as Odoo computed and posted it; only the label, partner,
        amounts and analytic account change), so are the analytic items of the
        income items, and the placeholders are deleted: the entry's debits,
        credits and residual per account are the same before and after, so
        nothing Odoo stored on the entry changes. The copy is only made when it
        is exact (see _copy_select); otherwise the ORM creates every item and
        posts the whole entry.
        """
        self.ensure_one()
        Move = self.env["account.move"].with_company(self.company_id).with_context(
            skip_invoice_sync=True, check_move_validity=False, tracking_disable=True,
            mail_create_nolog=True, mail_notrack=True)
        items = self._prepare_move_items(lines, splits)
        templates, copies = {}, []
        for item in items:
            if item["key"] in templates:
                copies.append(item)
            else:
                templates[item["key"]] = item
        if self.env["account.analytic.distribution.model"].sudo().search_count([], limit=1):
            copies = []  # a distribution model may give each item its own analytic
        to_create = items if not copies else list(templates.values())
        placeholders = {}
        if copies:
            totals = defaultdict(int)
            for item in copies:
                totals[item["key"], "debit"] += item["debit"]
                totals[item["key"], "credit"] += item["credit"]
            for (key, side), total in sorted(totals.items()):
                if total:
                    name = f"union-dues-run-{self.id}-{key[0]}-{int(key[1])}-{side}"
                    placeholders[name] = {**templates[key], "name": name, "partner_id": False,
                                          "debit": 0, "credit": 0, side: total}
            to_create = to_create + list(placeholders.values())
        move = Move.create(self._prepare_move_vals(to_create))
        template_items, selects = {}, {}
        if copies:
            for key, item in templates.items():
                template_items[key] = move.line_ids.filtered(
                    lambda aml, item=item: aml.name == item["name"] and aml.account_id.id == item["account_id"])
                selects[key] = len(template_items[key]) == 1 and self._copy_select(template_items[key])
            if not all(selects.values()):
                # not exactly copyable: the ORM creates them, and posts them all
                move.write({"line_ids": [Command.delete(aml.id) for aml in move.line_ids
                                         if aml.name in placeholders] + [
                    self._item_create(item) for item in copies]})
                copies = []
        unbalanced = move._get_unbalanced_moves({"records": move})
        if unbalanced:
            raise UserError(self.env._(
                "The entry of the dues run %(run)s is not balanced.", run=self.name))
        ranks = {}
        move.with_context(check_move_validity=True, union_deferred_ranks=ranks).action_post()
        if copies:
            links = self._copy_items(move, template_items, selects, copies, placeholders)
            links[templates["receivable", False]["line_id"]] = template_items["receivable", False].id
            # posting makes every partner of a receivable item a customer: the copies' too
            ranks.setdefault(("customer_rank", 1), set()).update(
                item["partner_id"] for item in copies if item.get("partner_id"))
        else:
            links = self._match_receivable_items(move, items)
        # the members become customers in one query (see ResPartner)
        self.env["res.partner"]._union_flush_ranks(ranks)
        return move.with_env(self.env), links

    def _copy_select(self, template):
        """{column: SQL expression} of the columns of the journal item
        ``template`` that differ in its copies (the others are taken from the
        template row ``t``; the JSON row ``v`` has id, name, partner_id,
        debit, credit, balance and analytic_distribution), or None when the
        copy would not be exact: a foreign currency, an analytic distribution
        other than one account at 100%, a reconciliation, or an amount column
        that is neither the balance nor zero. Read before posting: posting
        changes none of these, and the INSERT reads the posted template row."""
        template.flush_recordset()
        self.env.cr.execute("SELECT * FROM account_move_line WHERE id = %s", [template.id])
        row = self.env.cr.dictfetchone()
        balance = row["balance"]
        distribution = row["analytic_distribution"]
        if not balance or row["currency_id"] != row["company_currency_id"] \
                or (distribution and (len(distribution) != 1 or list(distribution.values()) != [100])) \
                or row["reconciled"] or row["full_reconcile_id"] or row["matching_number"] \
                or any(row[column] not in (None, 0, balance) for column in self._ITEM_AMOUNT_COLUMNS):
            return None
        select = {column: f"v.{column}" for column in (
            "id", "name", "partner_id", "debit", "credit", "balance", "analytic_distribution")}
        select.update({column: "NULL" if row[column] is None else "0" if row[column] == 0 else "v.balance"
                       for column in self._ITEM_AMOUNT_COLUMNS})
        return {"columns": list(row), "expressions": select}

    _ITEM_RECORD = {"id": "int4", "name": "varchar", "partner_id": "int4", "debit": "numeric",
                    "credit": "numeric", "balance": "numeric", "analytic_distribution": "jsonb"}

    def _copy_items(self, move, templates, selects, copies, placeholders):
        """Insert the ``copies`` (see _create_and_post_move) into the posted
        ``move``, each a copy of the template item of its kind, with ids taken
        from the sequence beforehand (10,000 per INSERT); copy the income
        items' analytic items; delete the placeholders. Return {dues line id:
        receivable item id}."""
        cr = self.env.cr
        self.env["account.move.line"].flush_model()
        by_key = defaultdict(list)
        for item, item_id in zip(copies, bulk_sql.allocate_ids(cr, "account_move_line", len(copies))):
            by_key[item["key"]].append(dict(item, id=item_id))
        for key, key_items in by_key.items():
            bulk_sql.copy_rows(
                cr, "account_move_line", templates[key].id, selects[key]["columns"],
                selects[key]["expressions"], self._ITEM_RECORD, [{
                    "id": item["id"], "name": item["name"], "partner_id": item.get("partner_id") or None,
                    "debit": item["debit"], "credit": item["credit"],
                    "balance": item["debit"] - item["credit"],
                    "analytic_distribution": item.get("analytic_distribution") or None,
                } for item in key_items])
        # the placeholders' analytic items go with them (ON DELETE CASCADE)
        cr.execute("DELETE FROM account_move_line WHERE move_id = %s AND name = ANY(%s) AND partner_id IS NULL",
                   [move.id, list(placeholders)])
        # the entry's items are read again from the database
        self.env["account.move.line"].invalidate_model()
        move.invalidate_recordset(["line_ids"])
        for key, key_items in by_key.items():
            if key[1]:
                self._copy_analytic_items(templates[key], key_items)
        return {item["line_id"]: item["id"] for item in by_key.get(("receivable", False), [])}

    def _copy_analytic_items(self, template, items):
        """The analytic items of the copied income ``items``: copies of the
        posted ``template``'s analytic item (the unit's analytic account, the
        item's label and amount) when it can be copied (see
        _analytic_copy_template); else Odoo makes them (_create_analytic_lines)."""
        found = self._analytic_copy_template(template, items)
        if not found:
            self.env["account.move.line"].browse([item["id"] for item in items])._create_analytic_lines()
            return
        row, column = found
        bulk_sql.copy_rows(
            self.env.cr, "account_analytic_line", row["id"], [name for name in row if name != "id"],
            {"name": "v.name", "amount": "v.amount", "move_line_id": "v.move_line_id", column: "v.account"},
            {"name": "varchar", "amount": "numeric", "move_line_id": "int4", "account": "int4"},
            [{"name": item["name"], "amount": item["credit"] - item["debit"], "move_line_id": item["id"],
              "account": item["analytic_id"]} for item in items])
        self.env["account.analytic.line"].invalidate_model()

    def _analytic_copy_template(self, template, items):
        """(row, plan column) of the posted ``template``'s analytic item, when
        it is what Odoo makes of a distribution of one account at 100% (one
        item, the template's label, minus its balance, the account in its
        plan's column) and every unit's account of ``items`` is on the same
        plan; else None."""
        cr = self.env.cr
        self.env["account.analytic.line"].flush_model()
        cr.execute("SELECT * FROM account_analytic_line WHERE move_line_id = %s", [template.id])
        rows = cr.dictfetchall()
        template_analytic = int(next(iter(template.analytic_distribution)))
        # sudo: the plans of the units' own analytic accounts
        accounts = self.env["account.analytic.account"].sudo().browse(
            {template_analytic} | {item["analytic_id"] for item in items})
        columns = {account.plan_id._column_name() for account in accounts}
        column = accounts.browse(template_analytic).plan_id._column_name()
        if len(rows) != 1 or columns != {column} or rows[0][column] != template_analytic \
                or rows[0]["name"] != template.name or rows[0]["amount"] != -template.balance:
            return None
        return rows[0], column

    def _match_receivable_items(self, move, items):
        """{dues line id: receivable item id} of an entry the ORM made whole
        (the items' names are the lines' payment references, unique in a run):
        matched in Python from one read."""
        self.env["account.move.line"].flush_model(["name", "account_id", "move_id"])
        self.env.cr.execute("""SELECT name, id FROM account_move_line
                                WHERE move_id = %s AND account_id = %s""",
                            [move.id, self.company_id.union_dues_receivable_account_id.id])
        by_name = dict(self.env.cr.fetchall())
        return {item["line_id"]: by_name[item["name"]] for item in items
                if item["key"] == ("receivable", False) and item["name"] in by_name}

    def _apply_outstanding_credits(self):
        """Use the members' credits (overpayments, downward adjustments) for
        their open dues, oldest month first. Credits are rare: the members who
        have one are found first (one query), and only their items are read."""
        self.ensure_one()
        self.env["union.dues.line"].flush_model(["run_id", "move_line_id", "partner_id"])
        self.env.cr.execute("""
            SELECT DISTINCT partner_id FROM union_dues_line
             WHERE run_id = %s AND move_line_id IS NOT NULL AND partner_id IS NOT NULL""", [self.id])
        run_partners = {row[0] for row in self.env.cr.fetchall()}
        if not run_partners:
            return
        AML = self.env["account.move.line"]
        base = [("account_id", "=", self.company_id.union_dues_receivable_account_id.id),
                ("reconciled", "=", False), ("parent_state", "=", "posted"),
                ("company_id", "=", self.company_id.id), ("partner_id", "!=", False)]
        with_credit = [partner.id for [partner] in AML._read_group(
            base + [("amount_residual", "<", 0)], ["partner_id"]) if partner.id in run_partners]
        if not with_credit:
            return
        open_items = AML.search(base + [("partner_id", "in", with_credit), ("amount_residual", "!=", 0)],
                                order="date, id")
        credits, debits = defaultdict(lambda: AML), defaultdict(lambda: AML)
        for aml in open_items:
            (credits if aml.amount_residual < 0 else debits)[aml.partner_id.id] |= aml
        plan = [credits[pid] + debits[pid] for pid in credits if debits[pid]]
        if plan:
            AML._reconcile_plan(plan)

