from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Command
from odoo.tools import SQL

from odoo.addons.union_membership.rules.lifecycle import MEMBER_STATES

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
    _inherit = ["mail.thread", "union.finance.reference.mixin"]
    _order = "month desc, id desc"
    _union_checked_references = ("organization_id",)
    _check_company_auto = True

    # how many months back a run looks for posted dues to correct
    _adjustment_lookback_months = 12
    # entries created and posted together: Odoo's checks on a batch of journal
    # items walk the whole batch for each item (quadratic), so a province's
    # 2,000 entries go by batches of this many
    _move_batch_size = 100

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
    amount_total = fields.Monetary(compute="_compute_totals", string="Total Dues")
    amount_kept = fields.Monetary(string="Kept by Grassroots", readonly=True)
    amount_upward = fields.Monetary(string="Owed to Upper Level", readonly=True)
    move_ids = fields.Many2many(
        "account.move", "union_dues_run_move_rel", "run_id", "move_id", string="Journal Entries",
        readonly=True, copy=False,
        help="One entry per unit, in the company that keeps the unit's books.")
    reversal_move_ids = fields.Many2many(
        "account.move", "union_dues_run_reversal_move_rel", "run_id", "move_id",
        string="Reversal Entries", readonly=True, copy=False)
    move_id = fields.Many2one(
        "account.move", string="Journal Entry (before 2026-12)", readonly=True, copy=False,
        check_company=True,
        help="The single entry of a run posted before the dues were booked per unit (one "
             "receivable item per member).")
    reversal_move_id = fields.Many2one("account.move", string="Reversal Entry (before 2026-12)",
                                       readonly=True, copy=False, check_company=True)
    lock_date_warning = fields.Char(
        compute="_compute_lock_date_warning",
        help="Shown before confirming when the month is inside a locked period.")
    dues_qr_warning = fields.Text(related="organization_id.dues_qr_warning")
    month_label = fields.Char(compute="_compute_month_label", string="Month (mm/yyyy)")
    preview_share_rule_id = fields.Many2one(
        "union.share.rule", compute="_compute_preview_split", string="Share Rule of the Month")
    preview_kept = fields.Monetary(
        compute="_compute_preview_split", string="Kept by Grassroots (before posting)",
        help="What the grassroots units keep of this run's dues, by the share rule of the month "
             "(each unit's own total split, the rounding stays with the unit).")
    preview_upward = fields.Monetary(
        compute="_compute_preview_split", string="Owed to Upper Level (before posting)")
    move_line_ids = fields.Many2many(
        "account.move.line", compute="_compute_move_line_ids", string="Journal Items",
        groups="account.group_account_invoice",
        help="The debit and credit items of the run's journal entries.")

    @api.depends("organization_id", "month")
    def _compute_name(self):
        for run in self:
            month = run.month and run.month.strftime("%m/%Y") or ""
            run.name = f"{month} - {run.organization_id.name or ''}"

    @api.depends("move_ids", "move_id")
    def _compute_move_line_ids(self):
        for run in self:
            run.move_line_ids = (run.move_ids | run.move_id).line_ids

    @api.depends("month", "company_id", "state")
    def _compute_lock_date_warning(self):
        """Tell the officer before confirming that the month is locked: the
        entries will be booked on the first open date (the month stays on the
        lines and in the entries' reference)."""
        for run in self:
            run.lock_date_warning = False
            if run.state not in ("draft", "computed") or not run.month or not run.company_id:
                continue
            # sudo: officers see the warning; reading the company's lock dates and dues
            # journal gives them a date, no accounting record
            date = run.sudo()._union_posting_date(run.company_id.sudo())
            if date != dues_rules.month_end(run.month):
                run.lock_date_warning = self.env._(
                    "%(month)s is inside a locked accounting period: the dues entries will be "
                    "booked on %(date)s, the first open date. The lines and the entries' "
                    "reference keep the month %(month)s.",
                    month=run.month.strftime("%m/%Y"), date=date.strftime("%d/%m/%Y"))

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
        """Book the runs: one journal entry per unit and month, in the company
        that keeps the unit's books (the unit's partner on the receivable item,
        the kept share on income, the share owed upward on 336, the unit's
        analytic account on every item; no member on any item). The member by
        member detail stays in the dues lines, and what each member paid in the
        allocations (union.dues.allocation).

        Built for a province (100,000 lines): the lines are read with one query,
        the entries are created and posted by batches of a hundred (one
        ``create`` and one ``action_post`` each), and the lines get their posted status in one UPDATE of
        their own table (_set_lines_posted). A month inside a locked period is
        booked on the first open date (Odoo's own rule, see _union_posting_date);
        the month stays on the lines and in each entry's reference."""
        for run in self:
            if run.state != "computed":
                raise UserError(self.env._("Compute and review the dues run %(run)s first.",
                                           run=run.name))
            share_rule = self.env["union.share.rule"]._rule_at(run.month)
            if not share_rule:
                raise UserError(self.env._("No share rule is in force on %(date)s.",
                                           date=run.month))
            # each step's progress, in the background job of a province's run (else nothing)
            run._union_job_progress(10, note=self.env._("Reading the dues lines"))
            lines = run._read_lines_to_post()
            splits = run._split_per_unit(lines, share_rule.dues_kept_percent)
            run._union_job_progress(30, note=self.env._("Creating and posting the journal entries"))
            moves = run._create_and_post_moves(lines, splits)
            run._union_job_progress(80, note=self.env._("Marking the dues lines posted"))
            run._set_lines_posted(lines)
            run._set_state_posted(len(moves))
            run.write({
                "move_ids": [Command.set(moves.ids)],
                "share_rule_id": share_rule.id,
                "amount_kept": sum(split["kept"] for split in splits.values()),
                "amount_upward": sum(split["upward"] for split in splits.values()),
            })
            run._union_job_progress(90, note=self.env._("Applying the members' credits"))
            run._apply_member_credits(lines, moves)
        return True

    def _set_lines_posted(self, lines):
        """Give the run's lines the status of a posted run in one UPDATE of
        their own table (not an accounting table) and return them: what
        _compute_payment_state computes for a line of a just-posted run (nothing
        is allocated to it yet, so it owes its whole amount), without the ORM
        recomputing 100,000 lines one by one when the run's state changes (see
        _set_state_posted)."""
        self.ensure_one()
        Line = self.env["union.dues.line"]
        Line.flush_model()
        self.env.cr.execute(SQL("""
            UPDATE union_dues_line dl
               SET run_state = 'posted',
                   payment_state = CASE WHEN dl.amount > 0 THEN 'unpaid' ELSE 'not_due' END,
                   amount_residual = GREATEST(dl.amount, 0), amount_paid = 0
             WHERE dl.run_id = %s""", self.id))
        Line.invalidate_model(["run_state", "payment_state", "amount_residual", "amount_paid"])
        return Line.browse([line["id"] for line in lines])

    def _set_state_posted(self, entry_count):
        """The run's state "posted", written with its lines' (_set_lines_posted), in one
        UPDATE of its own row, and said in its chatter. Through the ORM, writing the state
        makes Odoo walk the dependencies of every line of the run (run_state, payment
        state) although _set_lines_posted already gave them their values: about a minute
        for a province's 100,000 lines, for nothing. No stored field other than the lines'
        depends on the run's state."""
        self.ensure_one()
        self.env.cr.execute(SQL(
            "UPDATE union_dues_run SET state = 'posted', write_uid = %s, "
            "write_date = (now() at time zone 'UTC') WHERE id = %s", self.env.uid, self.id))
        # every field of the run is read again (its computed fields that depend on the state:
        # the lock-date warning, the preview of the split)
        self.invalidate_recordset()
        self._message_log(body=self.env._("Posted: %(count)s journal entries, one per unit.",
                                          count=entry_count))

    def _apply_member_credits(self, lines, moves):
        """The members' credits go to their dues: a downward adjustment of this
        run becomes its member's credit, then every credit of the run's members
        (overpayments, adjustments, the payments of a reversed run) is applied
        to their open dues, oldest month first (union.dues.allocation). In the
        books, each unit's open credit items are reconciled with its dues
        entries."""
        self.ensure_one()
        Allocation = self.env["union.dues.allocation"]
        date = moves[:1].date or dues_rules.month_end(self.month)
        negative = self.env["union.dues.line"].browse(
            [line["id"] for line in lines if line["amount"] < 0])
        Allocation.create([{
            "source_line_id": line.id, "member_id": line.member_id.id, "amount": -line.amount,
            "organization_id": line.organization_id.id, "company_id": line.company_id.id,
            "date": date} for line in negative])
        members = {line["member_id"] for line in lines}
        Allocation._apply_credits(members, date)
        moves._union_reconcile_unit_receivables()

    def action_reverse(self):
        """Reverse a posted run by Odoo's reversal of its entries: what its
        members paid for it becomes their credit, applied by the next run."""
        Allocation = self.env["union.dues.allocation"]
        for run in self:
            if run.state != "posted":
                raise UserError(self.env._("Only a posted dues run can be reversed."))
            moves = run.move_ids | run.move_id
            receivables = (moves.line_ids | run.line_ids.move_line_id).filtered(
                lambda aml: aml.account_id.reconcile)
            receivables.filtered(lambda aml: aml.matched_credit_ids or aml.matched_debit_ids
                                 ).remove_move_reconcile()
            allocations = Allocation.search([("line_id", "in", run.line_ids.ids)])
            from_run = Allocation.search([("source_line_id", "in", run.line_ids.ids)])
            (allocations - from_run).write({"line_id": False})
            from_run.unlink()
            if not moves:
                run.state = "reversed"
                continue
            reversals = moves._reverse_moves([{
                "date": fields.Date.context_today(self),
                "ref": self.env._("Reversal of %(entry)s", entry=move.ref or move.name),
            } for move in moves], cancel=True)
            vals = {"state": "reversed", "reversal_move_ids": [Command.set(reversals.ids)]}
            if run.move_id:
                vals["reversal_move_id"] = reversals[:1].id
            run.write(vals)
        return True

    def action_view_lines(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("union_finance.union_dues_line_action")
        action["domain"] = [("run_id", "=", self.id)]
        action["context"] = {}
        return action

    # --------------------------------------------------------- business steps

    def _get_scope_organizations(self):
        """The run's unit, with its sub-units: those below it now and those below it at the
        end of the run's month (the units' history, union_membership): a month before a
        reorganisation is run by the unit that held the units then (a sector union since
        merged still runs its schools' months before the merge). Each member is charged
        once a month whatever the run (see _get_dues_lines_to_create)."""
        self.ensure_one()
        if not self.include_children:
            return self.organization_id
        Org = self.env["union.organization"]
        current = self.organization_id._get_subtree()
        if not self.month:
            return current
        tree = Org._get_tree_at(dues_rules.month_end(self.month))
        return current | Org.browse(Org._get_subtree_at(tree, self.organization_id.ids))

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
            bases[member_id].append((date_start, int(amount)))  # whole đồng for rules/dues.py
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
        due = {mid: value for mid, value in status.items() if value[0] in MEMBER_STATES}
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
            if state not in MEMBER_STATES:
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

    def _check_accounting_setup(self, companies=None):
        for company in companies or self.company_id:
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
        """[{id, amount, member_id, payment_reference, organization_id}] of the
        run's lines, in id order (one query, no ORM record per line)."""
        self.ensure_one()
        self.env["union.dues.line"].flush_model(
            ["run_id", "amount", "member_id", "payment_reference", "organization_id"])
        self.env.cr.execute("""
            SELECT id, amount, member_id, payment_reference, organization_id
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
        """The items of the run's entries, as dicts of account.move.line values
        plus ``unit_id`` (the entry they go in: one per unit) and ``key``:
        ("receivable", True) for the unit's receivable item (the unit's
        partner, its whole month), ("kept" or "upward", True) for the unit's
        kept-share and owed-upward items. Every item carries the unit's analytic
        account (``analytic_id``) and the accounts of the unit's company."""
        self.ensure_one()
        units = self.env["union.organization"].browse(sorted(splits))
        analytic = units._union_analytic_map()
        month = self.month.strftime("%m/%Y")
        items = []
        for unit in units:
            split = splits[unit.id]
            company = unit.company_id
            analytic_id = analytic.get(unit.id)
            distribution = {str(analytic_id): 100.0} if analytic_id else False
            for kind, account, amount, label, partner in (
                    ("receivable", company.union_dues_receivable_account_id, -split["total"],
                     self.env._("Dues %(month)s of the members of %(unit)s", month=month,
                                unit=unit.name), unit.partner_id.id),
                    ("kept", company.union_dues_income_account_id, split["kept"],
                     self.env._("Dues %(month)s: kept share, %(unit)s", month=month, unit=unit.name),
                     False),
                    ("upward", company.union_dues_upward_account_id, split["upward"],
                     self.env._("Dues %(month)s: owed to the upper level, %(unit)s",
                                month=month, unit=unit.name), False)):
                if amount:
                    items.append({
                        "key": (kind, bool(analytic_id)), "unit_id": unit.id,
                        "analytic_id": analytic_id, "name": label, "account_id": account.id,
                        "partner_id": partner,
                        "debit": max(-amount, 0), "credit": max(amount, 0),
                        "analytic_distribution": distribution,
                    })
        return items

    _ITEM_FIELDS = ("name", "account_id", "partner_id", "debit", "credit", "analytic_distribution")

    @api.model
    def _item_create(self, item):
        """The command that creates the journal item of ``item`` (see _prepare_move_items)."""
        return Command.create({name: item[name] for name in self._ITEM_FIELDS if name in item})

    def _union_posting_date(self, company):
        """The date the run's entries are booked on in ``company``: the month's
        last day, or, when it is inside a locked period, the date Odoo's own
        accounting-date rule gives (account.move._get_accounting_date: the first
        open period)."""
        self.ensure_one()
        month_end = dues_rules.month_end(self.month)
        journal = company.union_dues_journal_id
        if not journal or not company._get_violated_lock_dates(month_end, False, journal):
            return month_end
        probe = self.env["account.move"].with_company(company).new({
            "move_type": "entry", "journal_id": journal.id, "company_id": company.id,
            "date": month_end})
        return probe._get_accounting_date(month_end, False)

    def _prepare_move_vals(self, unit, items, date):
        """The values of the entry of ``unit`` for the run's month."""
        self.ensure_one()
        company = unit.company_id
        return {
            "move_type": "entry",
            "journal_id": company.union_dues_journal_id.id,
            "company_id": company.id,
            "date": date,
            "ref": self.env._("Union dues %(month)s, %(unit)s", month=self.month.strftime("%m/%Y"),
                              unit=unit.name),
            "line_ids": [self._item_create(item) for item in items],
        }

    def _create_and_post_moves(self, lines, splits):
        """Create the entries of the run (one per unit) by batches of
        ``_move_batch_size``, each with one ``create`` and one ``action_post``:
        all through Odoo's accounting, so that lock dates, hashed journals and
        the audit trail hold.

        The contexts are the ones Odoo's accounting uses for entries it builds
        itself: skip_invoice_sync (a plain entry with no tax, no payment term:
        nothing to synchronise), tracking_disable (no chatter per entry)."""
        self.ensure_one()
        self._check_accounting_setup(
            self.company_id | self.env["union.organization"].browse(list(splits)).company_id)
        items = self._prepare_move_items(lines, splits)
        if not items:
            return self.env["account.move"]
        units = self.env["union.organization"].browse(sorted({item["unit_id"] for item in items}))
        by_unit = defaultdict(list)
        for item in items:
            by_unit[item["unit_id"]].append(item)
        dates = {company: self._union_posting_date(company) for company in units.company_id}
        Move = self.env["account.move"].with_context(
            skip_invoice_sync=True, tracking_disable=True, mail_create_nolog=True,
            mail_notrack=True, allowed_company_ids=(self.company_id | units.company_id).ids)
        vals_list = [self._prepare_move_vals(unit, by_unit[unit.id], dates[unit.company_id])
                     for unit in units]
        moves = Move
        size = self._move_batch_size
        for start in range(0, len(vals_list), size):
            batch = Move.create(vals_list[start:start + size])
            batch.action_post()
            moves |= batch
        return moves.with_env(self.env)
