from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Command

from ..rules import dues as dues_rules
from ..rules import fund as fund_rules
from ..rules import split as split_rules
from ..rules.amount_words import amount_in_words

FUND_STATUSES = [
    (fund_rules.STATUS_DUE, "Due"),
    (fund_rules.STATUS_PAID, "Paid"),
    (fund_rules.STATUS_LATE, "Late"),
    # the legal "không đóng": still unpaid 60 days after the deadline (DOMAIN.md §4)
    (fund_rules.STATUS_UNPAID, "Not paid"),
    (fund_rules.STATUS_PAUSED, "Paused (deferred)"),
    (fund_rules.STATUS_WAIVED, "Waived"),
]
COLLECTORS = [
    (fund_rules.COLLECTOR_UPPER, "Upper-level union (công đoàn cấp trên cơ sở)"),
    (fund_rules.COLLECTOR_GRASSROOTS, "Grassroots union (authorised to collect)"),
]


class UnionFundContribution(models.Model):
    """An employer's monthly declaration of the payroll fund for compulsory
    social insurance, and the 2% union fund it owes for that month.

    Who collects (DOMAIN.md §4): by default the upper level (the nearest
    công đoàn cấp trên cơ sở above the unit) books the fund in its company
    and owes the grassroots unit its share, paid by an allocation
    (union.fund.allocation); under a dated authorisation
    (union.fund.authorization) the grassroots unit collects and owes the
    upper share, sent by a remittance. The employer's status is kept by the
    collecting level."""

    _name = "union.fund.contribution"
    _description = "2% Union Fund Declaration"
    _inherit = ["mail.thread", "union.finance.reference.mixin"]
    _order = "month desc, organization_id, employer_id, id"
    _union_checked_references = ("organization_id", "employer_id")
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    organization_id = fields.Many2one(
        "union.organization", string="Unit", required=True, index=True, tracking=True,
        help="The grassroots union of the employer's workers.")
    collector = fields.Selection(
        COLLECTORS, string="Collected By", compute="_compute_collector", store=True,
        readonly=False, precompute=True, tracking=True,
        help="The upper level collects unless it has authorised the grassroots union to collect "
             "for the month.")
    collecting_organization_id = fields.Many2one(
        "union.organization", string="Collecting Unit", compute="_compute_collector", store=True,
        precompute=True, index=True,
        help="The unit that collects the fund and keeps the employer's status: the grassroots "
             "union when authorised, else the upper-level union above it.")
    employer_id = fields.Many2one("res.partner", string="Employer", required=True, index=True,
                                  tracking=True, domain="[('id', 'in', allowed_employer_ids)]")
    allowed_employer_ids = fields.Many2many(related="organization_id.employer_ids",
                                            string="Employers of the Unit")
    company_id = fields.Many2one(related="collecting_organization_id.company_id", store=True,
                                 index=True, string="Company")
    currency_id = fields.Many2one(related="company_id.currency_id")
    month = fields.Date(required=True, index=True, tracking=True,
                        help="Any day of the month; stored as its first day.")
    deadline = fields.Date(compute="_compute_deadline", store=True,
                           help="The last day of the following month; for a paused month, the "
                                "last day of the month after the pause ends.")
    headcount = fields.Integer(string="Workers", tracking=True)
    payroll_fund = fields.Monetary(string="Social Insurance Payroll Fund (VND)", required=True,
                                   tracking=True)
    rate = fields.Float(string="Rate (%)", digits=(5, 2), required=True, aggregator=False,
                        compute="_compute_rate", store=True, readonly=False, precompute=True,
                        help="The 2% fund rate in force in the month (Configuration › 2% Fund Rates).")
    reduction_percent = fields.Float(string="Reduction (%)", digits=(5, 2), aggregator=False,
                                     compute="_compute_decision", store=True)
    waived = fields.Boolean(compute="_compute_decision", store=True,
                            help="Waived by a decision for a dissolved or bankrupt employer.")
    pause_to = fields.Date(string="Paused Until", compute="_compute_pause", store=True,
                           help="A pause defers: the month stays due, by the last day of the "
                                "month after the pause ends.")
    paused = fields.Boolean(compute="_compute_pause", store=True)
    amount_due = fields.Monetary(string="Amount Due (VND)", compute="_compute_amount_due",
                                 store=True, aggregator="sum", tracking=True)
    state = fields.Selection([("draft", "Draft"), ("posted", "Posted")], default="draft",
                             required=True, index=True, tracking=True)
    share_rule_id = fields.Many2one("union.share.rule", string="Share Rule", readonly=True,
                                    ondelete="restrict")
    amount_kept = fields.Monetary(string="Grassroots Share", readonly=True,
                                  help="Kept by the grassroots union when it collects; allocated to it "
                                       "by the upper level when the upper level collects.")
    amount_upward = fields.Monetary(string="Upper-Level Share", readonly=True)
    allocation_id = fields.Many2one("union.fund.allocation", string="Allocation", readonly=True,
                                    copy=False, index="btree_not_null",
                                    help="The allocation that paid the grassroots share.")
    move_id = fields.Many2one("account.move", string="Journal Entry", readonly=True, copy=False,
                              check_company=True)
    move_line_id = fields.Many2one("account.move.line", string="Receivable Item", readonly=True,
                                   copy=False, index="btree_not_null")
    payment_ids = fields.One2many("union.fund.payment", "contribution_id", string="Payments")
    amount_paid = fields.Monetary(compute="_compute_amount_paid", store=True, aggregator="sum")
    amount_residual = fields.Monetary(string="Amount Left", compute="_compute_amount_paid",
                                      store=True, aggregator="sum")
    payment_date = fields.Date(compute="_compute_amount_paid", store=True,
                               help="Date of the last payment.")
    status = fields.Selection(FUND_STATUSES, compute="_compute_status", store=True, index=True)
    amount_words = fields.Char(compute="_compute_amount_words", string="Amount in Words")

    _sql_constraints = [
        ("employer_month_uniq", "unique(organization_id, employer_id, month)",
         "This employer has already declared this month to this unit."),
        ("payroll_positive", "CHECK(payroll_fund >= 0 AND headcount >= 0)",
         "The payroll fund and the number of workers cannot be negative."),
    ]

    @api.depends("employer_id", "month")
    def _compute_name(self):
        for rec in self:
            month = rec.month and rec.month.strftime("%m/%Y") or ""
            rec.name = f"{month} - {rec.employer_id.name or ''}"

    @api.depends("organization_id", "month")
    def _compute_collector(self):
        auths = self.env["union.fund.authorization"]._get_authorization_dicts(
            self.organization_id.ids)
        for rec in self:
            if rec.state == "posted" and rec.collector and rec.collecting_organization_id:
                # a posted declaration keeps who booked it
                rec.collector, rec.collecting_organization_id = (rec.collector,
                                                                 rec.collecting_organization_id)
                continue
            if not rec.organization_id:
                rec.collector, rec.collecting_organization_id = False, False
                continue
            if rec.state == "posted" and not rec.collector:
                # posted before the two flows existed: booked by the unit itself
                rec.collector = fund_rules.COLLECTOR_GRASSROOTS
                rec.collecting_organization_id = rec.organization_id
                continue
            rec.collector = fund_rules.collector(auths.get(rec.organization_id.id, []),
                                                 rec.month or fields.Date.context_today(self))
            if rec.collector == fund_rules.COLLECTOR_UPPER:
                rec.collecting_organization_id = rec.organization_id._union_fund_upper_unit()
            else:
                rec.collecting_organization_id = rec.organization_id

    @api.depends("month", "pause_to")
    def _compute_deadline(self):
        for rec in self:
            rec.deadline = rec.month and fund_rules.deadline(rec.month, rec.pause_to)

    @api.depends("employer_id", "month")
    def _compute_decision(self):
        decisions = self.env["union.fund.decision"]._get_decision_dicts(self.employer_id.ids)
        for rec in self:
            if not rec.month:
                rec.reduction_percent, rec.waived = 0, False
                continue
            effects = fund_rules.decision_effects(decisions.get(rec.employer_id.id, []), rec.month)
            rec.reduction_percent, rec.waived = effects["reduction"], effects["waived"]

    @api.depends("employer_id", "month")
    def _compute_pause(self):
        decisions = self.env["union.fund.decision"]._get_decision_dicts(self.employer_id.ids)
        for rec in self:
            effects = rec.month and fund_rules.decision_effects(
                decisions.get(rec.employer_id.id, []), rec.month)
            rec.pause_to = effects and effects["pause_to"]
            rec.paused = bool(rec.pause_to)

    @api.depends("month")
    def _compute_rate(self):
        # sudo: rates are public figures; all of them in one query, whatever the number of months
        rates = [(rule.date_start, rule.rate_percent)
                 for rule in self.env["union.fund.rate"].sudo().search([], order="date_start")]
        for rec in self:
            rate = dues_rules.value_at(rates, rec.month) if rec.month else None
            if rate is not None:
                rec.rate = rate
            elif not rec.rate:
                rec.rate = 0.0

    @api.depends("payroll_fund", "rate", "reduction_percent", "waived")
    def _compute_amount_due(self):
        for rec in self:
            rec.amount_due = fund_rules.fund_due(rec.payroll_fund, rec.rate,
                                                 rec.reduction_percent, rec.waived)

    @api.depends("move_line_id.amount_residual", "payment_ids.state", "payment_ids.date",
                 "amount_due", "state")
    def _compute_amount_paid(self):
        for rec in self:
            if rec.state == "posted" and rec.move_line_id:
                residual = max(round(rec.move_line_id.amount_residual), 0)
            else:
                residual = rec.amount_due if rec.state == "posted" else 0
            rec.amount_residual = residual
            rec.amount_paid = rec.amount_due - residual if rec.state == "posted" else 0
            dates = rec.payment_ids.filtered(lambda p: p.state == "posted").mapped("date")
            rec.payment_date = max(dates) if dates else False

    @api.depends("state", "month", "amount_due", "amount_paid", "pause_to", "waived")
    def _compute_status(self):
        today = fields.Date.context_today(self)
        days = self._unpaid_after_days()
        for rec in self:
            if not rec.month:
                rec.status = False
                continue
            rec.status = fund_rules.status(rec.month, rec.amount_due, rec.amount_paid, today,
                                           days, pause_to=rec.pause_to, waived=rec.waived)

    @api.depends("amount_due")
    def _compute_amount_words(self):
        for rec in self:
            rec.amount_words = amount_in_words(rec.amount_due)

    @api.model
    def _unpaid_after_days(self):
        return int(self.env["ir.config_parameter"].sudo().get_param(
            "union_finance.fund_unpaid_after_days", 60))

    @api.constrains("employer_id", "organization_id")
    def _check_employer_linked(self):
        for rec in self:
            if rec.employer_id not in rec.organization_id.employer_ids:
                raise ValidationError(self.env._(
                    "%(employer)s is not an employer linked to the unit %(unit)s: add it to the "
                    "unit's employers first.", employer=rec.employer_id.name,
                    unit=rec.organization_id.name))

    @api.constrains("organization_id", "month")
    def _check_unit_not_stopped(self):
        stops = self.organization_id._union_finance_stop_dates()
        for rec in self:
            stop = stops.get(rec.organization_id.id)
            if rec.month and dues_rules.stopped(rec.month, stop):
                raise ValidationError(self.env._(
                    "%(unit)s stopped collecting dues and the 2%% fund on %(date)s: no fund "
                    "declaration for %(month)s. Money already collected for these months is to be "
                    "refunded.", unit=rec.organization_id.name, date=stop.strftime("%d/%m/%Y"),
                    month=rec.month.strftime("%m/%Y")))

    @api.constrains("collector", "collecting_organization_id")
    def _check_collector(self):
        for rec in self:
            if rec.collector == fund_rules.COLLECTOR_UPPER and not rec.collecting_organization_id:
                raise ValidationError(self.env._(
                    "%(unit)s has no upper-level union above it to collect its 2%% fund: record "
                    "an authorisation for it to collect the fund itself.",
                    unit=rec.organization_id.name))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            dues_rules.normalize_month(vals)
        return super().create(vals_list)

    def write(self, vals):
        dues_rules.normalize_month(vals)
        locked = {"month", "organization_id", "employer_id", "payroll_fund", "rate", "headcount",
                  "collector"}
        if locked & set(vals) and self.filtered(lambda r: r.state == "posted"):
            raise UserError(self.env._(
                "A posted 2%% fund declaration cannot be changed (%(names)s).",
                names=", ".join(self.filtered(lambda r: r.state == "posted").mapped("name"))))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_posted(self):
        if self.filtered(lambda r: r.state == "posted"):
            raise UserError(self.env._("A posted 2% fund declaration cannot be deleted."))

    # ------------------------------------------------------------------ actions

    def action_post(self):
        """Book the fund due: receivable from the employer, income split into
        the kept share and the share owed upward by the share rule of the month."""
        if self.filtered(lambda r: r.state != "draft"):
            raise UserError(self.env._("Only a draft 2% fund declaration can be posted."))
        ShareRule = self.env["union.share.rule"]
        self.organization_id._union_analytic_map()  # the missing accounts, in one batch
        for rec in self:
            rec._check_accounting_setup()
            share_rule = ShareRule._rule_at(rec.month)
            if not share_rule:
                raise UserError(self.env._("No share rule is in force on %(date)s.",
                                           date=rec.month))
            if rec.collector == fund_rules.COLLECTOR_UPPER:
                allocation = fund_rules.allocation_split(rec.amount_due,
                                                         share_rule.fund_kept_percent)
                split = {"kept": allocation["allocated"], "upward": allocation["kept"]}
            else:
                split = split_rules.split_collected(rec.amount_due, share_rule.fund_kept_percent)
            move = self.env["account.move"]
            receivable = self.env["account.move.line"]
            if rec.amount_due:
                move = move.create(rec._prepare_move_vals(split))
                move.action_post()
                receivable = move.line_ids.filtered(
                    lambda aml, a=rec.company_id.union_fund_receivable_account_id: aml.account_id == a)
            rec.write({
                "state": "posted", "share_rule_id": share_rule.id, "move_id": move.id,
                "move_line_id": receivable.id, "amount_kept": split["kept"],
                "amount_upward": split["upward"],
            })
        return True

    def action_register_payment(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "union_finance.union_fund_payment_action")
        action.update({
            "views": [(False, "form")], "view_mode": "form", "target": "new",
            "context": {"default_contribution_id": self.id, "default_amount": self.amount_residual},
        })
        return action

    def action_print_request(self):
        return self.env.ref("union_finance.union_fund_request_report_action").report_action(self)

    def action_print_confirmation(self):
        if self.filtered(lambda r: r.status != fund_rules.STATUS_PAID or not r.amount_paid):
            raise UserError(self.env._("Only a paid 2% fund declaration can be confirmed."))
        return self.env.ref("union_finance.union_fund_confirmation_report_action").report_action(self)

    @api.model
    def _cron_update_status(self):
        """The status moves with time (paused, due, late, unpaid): refresh the open ones."""
        records = self.search([("status", "in", (fund_rules.STATUS_PAUSED, fund_rules.STATUS_DUE,
                                                 fund_rules.STATUS_LATE))])
        self.env.add_to_compute(self._fields["status"], records)
        records.flush_recordset(["status"])

    # --------------------------------------------------------- business steps

    def _check_accounting_setup(self):
        company = self.company_id
        company._union_ensure_fund_accounts()
        missing = [company._fields[f].get_description(self.env)["string"] for f in (
            "union_fund_journal_id", "union_fund_receivable_account_id",
            "union_fund_income_account_id", "union_fund_upward_account_id",
            "union_fund_allocation_payable_account_id") if not company[f]]
        if missing:
            raise UserError(self.env._(
                "Set up the union fund accounting of %(company)s first (Settings): %(fields)s.",
                company=company.name, fields=", ".join(missing)))

    def _prepare_move_vals(self, split):
        """The entry of the collecting level: the employer's receivable, and
        either (grassroots collects) its kept share and the share owed upward,
        or (upper level collects) its own share and the grassroots share it
        owes the grassroots unit (paid by an allocation)."""
        self.ensure_one()
        if self.collector == fund_rules.COLLECTOR_UPPER:
            return self._prepare_upper_move_vals(split)
        company = self.company_id
        month = self.month.strftime("%m/%Y")
        # the receivable and both parts of the income belong to the unit
        analytic = self.organization_id._union_analytic_distribution()
        lines = [Command.create({
            "name": self.env._("2%% fund %(month)s", month=month),
            "account_id": company.union_fund_receivable_account_id.id,
            "partner_id": self.employer_id.id, "debit": self.amount_due, "credit": 0,
            "analytic_distribution": analytic,
        })]
        for account, amount, label in (
                (company.union_fund_income_account_id, split["kept"],
                 self.env._("2%% fund %(month)s: kept share", month=month)),
                (company.union_fund_upward_account_id, split["upward"],
                 self.env._("2%% fund %(month)s: owed to the upper level", month=month))):
            if amount:
                lines.append(Command.create({
                    "name": label, "account_id": account.id, "partner_id": self.employer_id.id,
                    "debit": 0, "credit": amount, "analytic_distribution": analytic,
                }))
        return {
            "move_type": "entry", "journal_id": company.union_fund_journal_id.id,
            "company_id": company.id, "date": dues_rules.month_end(self.month),
            "ref": self.env._("2%% union fund %(name)s", name=self.name), "line_ids": lines,
        }

    def _prepare_upper_move_vals(self, split):
        self.ensure_one()
        company = self.company_id
        month = self.month.strftime("%m/%Y")
        # booked by the collecting upper level: its analytic account on every item
        analytic = self.collecting_organization_id._union_analytic_distribution()
        lines = [Command.create({
            "name": self.env._("2%% fund %(month)s", month=month),
            "account_id": company.union_fund_receivable_account_id.id,
            "partner_id": self.employer_id.id, "debit": self.amount_due, "credit": 0,
            "analytic_distribution": analytic,
        })]
        for account, amount, partner, label in (
                (company.union_fund_income_account_id, split["upward"], self.employer_id,
                 self.env._("2%% fund %(month)s: upper-level share", month=month)),
                (company.union_fund_allocation_payable_account_id, split["kept"],
                 self.organization_id.partner_id,
                 self.env._("2%% fund %(month)s: to allocate to %(unit)s", month=month,
                            unit=self.organization_id.name))):
            if amount:
                lines.append(Command.create({
                    "name": label, "account_id": account.id, "partner_id": partner.id,
                    "debit": 0, "credit": amount, "analytic_distribution": analytic,
                }))
        return {
            "move_type": "entry", "journal_id": company.union_fund_journal_id.id,
            "company_id": company.id, "date": dues_rules.month_end(self.month),
            "ref": self.env._("2%% union fund %(name)s", name=self.name), "line_ids": lines,
        }

    @api.model
    def action_view_all_refunds(self):
        units = self.env["union.organization"].search([("finance_stop_date", "!=", False)])
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "union_finance.union_fund_contribution_action_refund")
        action["domain"] = units._union_refund_domain()
        return action

    def _write_off_waived(self, decision):
        """Write off what is still owed on these posted declarations under the
        waiver ``decision`` (a dissolved or bankrupt employer): an entry that
        takes back the unpaid part of the income booked (each share in
        proportion), reconciled with the receivable item; the declarations
        become "Waived"."""
        done = self.browse()
        for rec in self.filtered(lambda r: r.state == "posted" and r.amount_residual > 0
                                 and r.move_line_id):
            residual = rec.amount_residual
            company = rec.company_id
            if rec.collector == fund_rules.COLLECTOR_UPPER:
                parts = fund_rules.allocation_split(residual, rec.share_rule_id.fund_kept_percent)
                debits = ((company.union_fund_income_account_id, parts["kept"], rec.employer_id),
                          (company.union_fund_allocation_payable_account_id, parts["allocated"],
                           rec.organization_id.partner_id))
                analytic = rec.collecting_organization_id._union_analytic_distribution()
            else:
                parts = split_rules.split_collected(residual, rec.share_rule_id.fund_kept_percent)
                debits = ((company.union_fund_income_account_id, parts["kept"], rec.employer_id),
                          (company.union_fund_upward_account_id, parts["upward"], rec.employer_id))
                analytic = rec.organization_id._union_analytic_distribution()
            label = self.env._("2%% fund %(name)s waived (%(decision)s)", name=rec.name,
                               decision=decision.name)
            lines = [Command.create({
                "name": label, "account_id": account.id, "partner_id": partner.id,
                "debit": amount, "credit": 0, "analytic_distribution": analytic})
                for account, amount, partner in debits if amount]
            lines.append(Command.create({
                "name": label, "account_id": rec.move_line_id.account_id.id,
                "partner_id": rec.employer_id.id, "debit": 0, "credit": residual,
                "analytic_distribution": analytic}))
            move = self.env["account.move"].create({
                "move_type": "entry", "journal_id": company.union_fund_journal_id.id,
                "company_id": company.id, "date": fields.Date.context_today(self),
                "ref": label, "line_ids": lines})
            move.action_post()
            credit = move.line_ids.filtered(
                lambda aml, a=rec.move_line_id.account_id: aml.account_id == a)
            (rec.move_line_id + credit).reconcile()
            done |= rec
        if done:
            done.write({"waived": True})
        return done
