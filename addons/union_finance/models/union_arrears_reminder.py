from collections import defaultdict

from odoo import api, fields, models

from odoo.addons.union_membership.tools.qr import qr_data_url

COLLECTIONS = [
    ("self", "Members pay themselves"),
    ("checkoff", "Payroll check-off by the employer"),
]


class UnionOrganization(models.Model):
    _inherit = "union.organization"

    dues_collection = fields.Selection(
        COLLECTIONS, string="Dues Collected By", default="self", required=True, tracking=True,
        help="Payroll check-off: the employer deducts the dues from the salaries, so the arrears "
             "reminder goes once to the unit's treasurer, not to each member.")
    dues_treasurer_id = fields.Many2one(
        "res.users", string="Treasurer", tracking=True,
        help="Receives the unit's arrears reminder when dues are collected by payroll check-off "
             "(else the unit's first officer).")


class UnionArrearsReminder(models.Model):
    """A monthly reminder of dues in arrears: to a member who pays themselves (e-mail when they
    have one, and always a notice on the portal, with a VietQR code for exactly the amount), or
    once to the treasurer of a unit that collects by payroll check-off. A reminder never
    suspends anyone: suspension is an officer's decision (union_membership)."""

    _name = "union.arrears.reminder"
    _description = "Dues Arrears Reminder"
    _order = "month desc, organization_id, id"

    month = fields.Date(required=True, index=True, readonly=True, help="First day of the month of the reminder.")
    kind = fields.Selection([("member", "Member"), ("treasurer", "Treasurer (check-off)")],
                            required=True, readonly=True, index=True)
    organization_id = fields.Many2one("union.organization", string="Unit", required=True, index=True, readonly=True)
    member_id = fields.Many2one("union.member", string="Member", index=True, readonly=True)
    partner_id = fields.Many2one("res.partner", string="Recipient", index=True, readonly=True)
    line_ids = fields.Many2many("union.dues.line", string="Dues in Arrears", readonly=True)
    months_label = fields.Char(string="Months", readonly=True)
    member_count = fields.Integer(string="Members", readonly=True)
    # computed, not related: Monetary's insert looks a related currency up through a new
    # record per value when the related path's first field is in the create values
    currency_id = fields.Many2one("res.currency", compute="_compute_currency_id", compute_sudo=True)
    amount = fields.Monetary(string="Amount (VND)", readonly=True, aggregator="sum")
    qr_payload = fields.Char(string="VietQR Payload", readonly=True)
    by_email = fields.Boolean(string="E-mailed", readonly=True)
    paid_since = fields.Boolean(compute="_compute_paid_since", store=True)
    amount_due_now = fields.Monetary(compute="_compute_paid_since", store=True, string="Still Due (VND)")

    _sql_constraints = [
        ("member_month_unique", "unique(month, member_id, organization_id, kind)",
         "One reminder per member (or unit) and month."),
    ]

    @api.depends("organization_id.company_id.currency_id")
    def _compute_currency_id(self):
        for rec in self:
            rec.currency_id = rec.organization_id.company_id.currency_id

    @api.depends("line_ids.amount_residual", "line_ids.payment_state")
    def _compute_paid_since(self):
        for reminder in self:
            due = sum(reminder.line_ids.mapped("amount_residual"))
            reminder.amount_due_now = due
            reminder.paid_since = due <= 0

    @api.model
    def _cron_send_monthly(self):
        self._send_reminders(fields.Date.context_today(self))

    @api.model
    def _arrears_lines(self, month):
        """Posted dues lines of months before ``month`` still unpaid (one query)."""
        return self.env["union.dues.line"].search([
            ("run_state", "=", "posted"), ("payment_state", "in", ("unpaid", "partial")),
            ("month", "<", month), ("amount_residual", ">", 0)])

    @api.model
    def _send_reminders(self, today):
        """Create this month's reminders and send their e-mails; a second run in the same month
        adds only what is missing (and changes nothing when nothing is)."""
        month = today.replace(day=1)
        lines = self._arrears_lines(month)
        done = {(r["member_id"], r["organization_id"], r["kind"]) for r in self.search_read(
            [("month", "=", month)], ["member_id", "organization_id", "kind"], load=False)}
        by_member = defaultdict(lambda: self.env["union.dues.line"])
        for line in lines:
            by_member[line.member_id] |= line
        vals_list = []
        checkoff = defaultdict(lambda: self.env["union.dues.line"])
        for member, member_lines in by_member.items():
            unit = member_lines[0].organization_id
            if unit.dues_collection == "checkoff":
                checkoff[unit] |= member_lines
                continue
            if (member.id, unit.id, "member") in done:
                continue
            vals_list.append(self._prepare_member_reminder(month, member, unit, member_lines))
        for unit, unit_lines in checkoff.items():
            if (False, unit.id, "treasurer") in done:
                continue
            treasurer = unit.dues_treasurer_id or unit.officer_ids[:1]
            vals_list.append({
                "month": month, "kind": "treasurer", "organization_id": unit.id,
                "partner_id": treasurer.partner_id.id, "line_ids": [fields.Command.set(unit_lines.ids)],
                "months_label": self._months_label(unit_lines), "member_count": len(unit_lines.member_id),
                "amount": sum(unit_lines.mapped("amount_residual")),
                "by_email": bool(treasurer.partner_id.email),
            })
        reminders = self.create(vals_list)
        self._send_emails(reminders.filtered("by_email"))
        return reminders

    @api.model
    def _months_label(self, lines):
        return ", ".join(sorted({line.month.strftime("%m/%Y") for line in lines},
                                key=lambda label: (label[3:], label[:2])))

    @api.model
    def _prepare_member_reminder(self, month, member, unit, lines):
        amount = sum(lines.mapped("amount_residual"))
        return {
            "month": month, "kind": "member", "organization_id": unit.id, "member_id": member.id,
            "partner_id": member.partner_id.id, "line_ids": [fields.Command.set(lines.ids)],
            "months_label": self._months_label(lines), "member_count": 1, "amount": amount,
            "qr_payload": self._qr_payload(unit, member, amount),
            "by_email": bool(member.email),
        }

    @api.model
    def _qr_payload(self, unit, member, amount):
        """The VietQR (EMV) payload for ``amount`` to the unit's dues account, or False."""
        bank = unit._get_dues_bank_account()
        if not bank:
            return False
        vnd = self.env.ref("base.VND")
        reference = f"DOANPHI {member.member_code}"
        if not bank._build_qr_code_vals(float(amount), reference, reference, vnd, member.partner_id,
                                        qr_method="emv_qr"):
            return False
        return bank._get_qr_vals("emv_qr", float(amount), vnd, member.partner_id, reference, reference)

    def _qr_image(self):
        """The VietQR code as a PNG data URL (portal notice)."""
        self.ensure_one()
        if not self.qr_payload:
            return False
        return qr_data_url(self.qr_payload, box_size=4, border=2)

    def _send_emails(self, reminders):
        member_template = self.env.ref("union_finance.mail_template_arrears_reminder_member")
        treasurer_template = self.env.ref("union_finance.mail_template_arrears_reminder_treasurer")
        for template, kind in ((member_template, "member"), (treasurer_template, "treasurer")):
            todo = reminders.filtered(lambda r, k=kind: r.kind == k)
            if todo:
                template.send_mail_batch(todo.ids)

    @api.model
    def _portal_notices(self):
        """The current member's reminders of the latest month, still unpaid (portal home)."""
        return self.search([("partner_id", "=", self.env.user.partner_id.id), ("kind", "=", "member"),
                            ("paid_since", "=", False)], order="month desc", limit=1)
