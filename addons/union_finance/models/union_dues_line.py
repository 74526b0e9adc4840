from odoo import api, fields, models

from odoo.addons.union_membership.tools import bulk as bulk_sql

from .union_dues_exemption import EXEMPTION_REASONS
from .union_dues_rule import MEMBER_GROUPS

PAYMENT_STATES = [
    ("draft", "Not Posted"),
    ("not_due", "Nothing Due"),
    ("unpaid", "Unpaid"),
    ("partial", "Partly Paid"),
    ("paid", "Paid"),
    ("reversed", "Reversed"),
]


class UnionDuesLine(models.Model):
    _name = "union.dues.line"
    _description = "Member's Dues for a Month"
    _order = "month desc, organization_id, member_id, id"
    _inherit = ["union.finance.reference.mixin"]
    _rec_name = "payment_reference"
    _check_company_auto = True
    _union_checked_references = ("run_id", "member_id", "organization_id")

    run_id = fields.Many2one("union.dues.run", required=True, index=True, ondelete="cascade")
    run_state = fields.Selection(related="run_id.state", store=True, index=True, string="Run Status")
    member_id = fields.Many2one("union.member", required=True, index=True, ondelete="restrict")
    partner_id = fields.Many2one(related="member_id.partner_id", store=True, index=True)
    organization_id = fields.Many2one(
        "union.organization", required=True, index=True,
        help="The member's unit at the end of the month.")
    company_id = fields.Many2one(related="run_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    month = fields.Date(required=True, index=True, help="First day of the month the dues are for.")
    line_type = fields.Selection(
        [("regular", "Monthly Dues"), ("adjustment", "Adjustment")],
        required=True, default="regular", index=True)
    member_group = fields.Selection(MEMBER_GROUPS)
    rule_id = fields.Many2one("union.dues.rule", string="Dues Rule", ondelete="restrict")
    base_salary_id = fields.Many2one("union.base.salary", string="Base Salary Rule", ondelete="restrict")
    base_salary = fields.Monetary(string="Lương cơ sở", aggregator=False)
    base_amount = fields.Monetary(string="Dues Base (salary)", aggregator=False)
    rate = fields.Float(string="Rate (%)", digits=(5, 3), aggregator=False)
    cap = fields.Monetary(aggregator=False)
    capped = fields.Boolean()
    month_label = fields.Char(compute="_compute_month_label", string="Month (mm/yyyy)")
    amount = fields.Monetary(string="Amount (VND)", aggregator="sum")
    exemption_reason = fields.Selection(EXEMPTION_REASONS, string="Exemption")
    payment_reference = fields.Char(required=True, index=True, copy=False)
    move_line_id = fields.Many2one(
        "account.move.line", string="Member Receivable Item (before 2026-12)", copy=False,
        index="btree_not_null",
        help="Only on lines posted before the dues were booked per unit: the member's own "
             "receivable item, still settled by reconciliation. Newer lines are settled by "
             "their allocations.")
    allocation_ids = fields.One2many("union.dues.allocation", "line_id", string="Payments Applied")
    amount_residual = fields.Monetary(
        compute="_compute_payment_state", store=True, string="Amount Due", aggregator="sum")
    amount_paid = fields.Monetary(compute="_compute_payment_state", store=True, aggregator="sum")
    payment_state = fields.Selection(
        PAYMENT_STATES, compute="_compute_payment_state", store=True, index=True)

    def init(self):
        # One live monthly line per member and month, one live line per reference
        # (lines of a reversed run no longer count).
        self.env.cr.execute("""
            CREATE UNIQUE INDEX IF NOT EXISTS union_dues_line_member_month_uniq
                ON union_dues_line (member_id, month)
             WHERE line_type = 'regular' AND run_state != 'reversed';
            CREATE UNIQUE INDEX IF NOT EXISTS union_dues_line_reference_uniq
                ON union_dues_line (payment_reference)
             WHERE run_state != 'reversed';
        """)

    # the columns _create_batch fills itself; any other stored field (added by
    # another module) sends it back to the ORM's create
    _BATCH_COLUMNS = frozenset((
        "id", "create_uid", "create_date", "write_uid", "write_date",
        "run_id", "run_state", "member_id", "partner_id", "organization_id", "company_id",
        "month", "line_type", "member_group", "rule_id", "base_salary_id", "base_salary",
        "base_amount", "rate", "cap", "capped", "amount", "exemption_reason",
        "payment_reference", "move_line_id", "amount_residual", "amount_paid", "payment_state"))

    @api.model
    def _create_batch(self, vals_list):
        """Create the lines of not yet posted runs with one INSERT per 10,000
        lines (bulk_sql.insert_rows), for the monthly run of a province
        (100,000 lines).

        The ORM's create costs about 2 ms per line here (default values looked
        up per record, then the related and computed fields computed and
        written back with a second UPDATE). Every stored value is known
        beforehand: the related fields come from the run and the member (one
        query), and the payment state of a line of an unposted run is
        "Not Posted" with its whole amount due (what _compute_payment_state
        gives). Falls back to create() when another module adds a stored field
        or a run is already posted.
        """
        if not vals_list:
            return self.browse()
        stored = {name for name, field in self._fields.items() if field.store and field.column_type}
        runs = self.env["union.dues.run"].browse({vals["run_id"] for vals in vals_list})
        if stored - self._BATCH_COLUMNS or set(runs.mapped("state")) - {"draft", "computed"} \
                or any(set(vals) - self._BATCH_COLUMNS for vals in vals_list):
            return self.create(vals_list)
        self.check_access("create")
        self.env.flush_all()
        cr = self.env.cr
        member_ids = list({vals["member_id"] for vals in vals_list})
        cr.execute("SELECT id, partner_id FROM union_member WHERE id = ANY(%s)", [member_ids])
        partners = dict(cr.fetchall())
        run_data = {run.id: (run.state, run.company_id.id) for run in runs}
        columns = sorted(self._BATCH_COLUMNS - {"id"})
        now = cr.now()
        rows = []
        for vals in vals_list:
            run_state, company_id = run_data[vals["run_id"]]
            row = dict.fromkeys(columns)
            row.update({key: value or None for key, value in vals.items()
                        if self._fields[key].type in ("many2one", "selection", "char", "date")})
            row.update({key: value for key, value in vals.items()
                        if self._fields[key].type not in ("many2one", "selection", "char", "date")})
            row.update({
                "create_uid": self.env.uid, "write_uid": self.env.uid,
                "create_date": now, "write_date": now,
                "run_state": run_state, "partner_id": partners[vals["member_id"]],
                "company_id": company_id, "line_type": vals.get("line_type") or "regular",
                "move_line_id": None, "payment_state": "draft",
                "amount_residual": vals.get("amount") or 0, "amount_paid": 0,
                "capped": bool(vals.get("capped")),
            })
            for name in ("base_salary", "base_amount", "cap", "amount"):
                row[name] = row[name] or 0
            row["rate"] = row["rate"] or 0.0
            rows.append(row)
        ids = bulk_sql.insert_rows(cr, self._table, columns, rows)
        # the runs' and members' one2many and totals read the new lines again
        self.env.invalidate_all()
        return self.browse(ids)

    @api.depends("amount", "run_id.state", "move_line_id.amount_residual", "allocation_ids.amount")
    def _compute_payment_state(self):
        """A line posted before the dues were booked per unit is settled by
        the reconciliation of its member receivable item; any other line by
        the allocations of the payments and credits applied to it."""
        allocated = {}
        new_style = self.filtered(lambda line: not line.move_line_id).ids
        if new_style:
            # sudo: a member reads their own lines; what was applied to them counts whoever
            # computes the line (one grouped read for all the lines)
            allocated = dict(self.env["union.dues.allocation"].sudo()._read_group(
                [("line_id", "in", new_style)], ["line_id"], ["amount:sum"]))
            allocated = {line.id: amount for line, amount in allocated.items()}
        for line in self:
            state = line.run_id.state
            residual = round(line.move_line_id.amount_residual) if line.move_line_id \
                else line.amount - allocated.get(line.id, 0)
            if state == "reversed":
                line.payment_state, residual = "reversed", 0
            elif state != "posted":
                line.payment_state = "draft"
            elif not line.amount or line.amount < 0:
                line.payment_state, residual = "not_due", 0
            elif residual <= 0:
                line.payment_state, residual = "paid", 0
            elif residual < line.amount:
                line.payment_state = "partial"
            else:
                line.payment_state = "unpaid"
            line.amount_residual = residual
            line.amount_paid = (line.amount - residual) if state == "posted" and line.amount > 0 else 0

    @api.depends("month")
    def _compute_month_label(self):
        for line in self:
            line.month_label = line.month.strftime("%m/%Y") if line.month else False

    @api.depends("payment_reference", "member_id")
    def _compute_display_name(self):
        for line in self:
            line.display_name = f"{line.payment_reference} - {line.member_id.name or ''}"

    def _months_overdue(self, today=None):
        """Months since each line's month ended, for arrears reports."""
        today = today or fields.Date.context_today(self)
        return {line.id: max(0, (today.year - line.month.year) * 12 + today.month - line.month.month)
                for line in self}
