import base64
import hashlib
import io

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.union_membership.tools.upload import check_upload

from ..vnd import format_vnd

try:
    import openpyxl
except ImportError:  # pragma: no cover - declared in external_dependencies
    openpyxl = None

ROW_STATES = [
    ("matched", "Matched"),
    ("unknown", "Unknown Member"),
    ("wrong_amount", "Amount Differs"),
]


def _cell_text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


class UnionDuesCheckoffImport(models.TransientModel):
    """Import of a payroll deduction sheet (check-off): a school pays the dues
    of its members at once. Columns: A member code, B citizen ID, C full name,
    D amount (VND); the first row is the header."""

    _name = "union.dues.checkoff.import"
    _description = "Payroll Check-off Import"
    _inherit = ["union.dues.import.mixin", "union.finance.reference.mixin"]
    _union_checked_references = ("organization_id",)

    organization_id = fields.Many2one("union.organization", string="Unit", required=True)
    company_id = fields.Many2one(related="organization_id.company_id")
    currency_id = fields.Many2one(related="company_id.currency_id")
    journal_id = fields.Many2one(
        "account.journal", required=True, domain="[('type', 'in', ('bank', 'cash'))]",
        compute="_compute_journal_id", store=True, readonly=False, precompute=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    file = fields.Binary(string="Sheet (XLSX)", required=True)
    line_ids = fields.One2many("union.dues.checkoff.import.line", "wizard_id", string="Rows")
    amount_matched = fields.Monetary(compute="_compute_amounts")
    exception_count = fields.Integer(compute="_compute_amounts")
    payment_id = fields.Many2one("union.dues.payment", readonly=True)

    @api.depends("organization_id")
    def _compute_journal_id(self):
        for wizard in self:
            wizard.journal_id = wizard.organization_id.company_id.union_dues_payment_journal_id \
                or wizard.journal_id

    @api.depends("line_ids.status", "line_ids.amount")
    def _compute_amounts(self):
        for wizard in self:
            matched = wizard.line_ids.filtered(lambda line: line.status == "matched")
            wizard.amount_matched = sum(matched.mapped("amount"))
            wizard.exception_count = len(wizard.line_ids) - len(matched)

    def _reopen(self):
        return {
            "type": "ir.actions.act_window", "res_model": self._name, "res_id": self.id,
            "view_mode": "form", "target": "new", "name": self.env._("Payroll Check-off Import"),
        }

    def _read_rows(self):
        """[(row number, [cell values])] of the sheet (header skipped)."""
        data = check_upload(self.env, base64.b64decode(self.file or b""), self.filename)
        try:
            workbook = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
        except Exception as error:  # noqa: BLE001 - any unreadable file
            raise UserError(self.env._("The file %(name)s is not a readable XLSX sheet (%(error)s).",
                                       name=self.filename or "", error=error)) from error
        sheet = workbook.worksheets[0]
        rows = []
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            if number == 1 or not any(v not in (None, "") for v in values):
                continue
            rows.append((number, list(values) + [None] * (4 - len(values))))
        return workbook, rows

    def action_check(self):
        """Validate the whole sheet first: with a bad row, nothing is written and
        the file comes back with an error column."""
        self.ensure_one()
        workbook, rows = self._read_rows()
        errors, parsed = {}, []
        for number, values in rows:
            code, citizen, name = (_cell_text(v) for v in values[:3])
            raw_amount = values[3]
            row_errors = []
            if not code and not citizen:
                row_errors.append(self.env._(
                    "Row %(row)s: neither a member code (column A) nor a citizen ID (column B).",
                    row=number))
            amount = None
            if isinstance(raw_amount, (int, float)) and float(raw_amount).is_integer() and raw_amount > 0:
                amount = int(raw_amount)
            else:
                text = _cell_text(raw_amount).replace(".", "").replace(",", "").replace(" ", "")
                if text.isdigit() and int(text) > 0:
                    amount = int(text)
                else:
                    row_errors.append(self.env._(
                        "Row %(row)s, column D (amount): '%(value)s' is not a positive whole number of VND.",
                        row=number, value=_cell_text(raw_amount)))
            if row_errors:
                errors[number] = row_errors
            parsed.append((number, code, citizen, name, amount))
        # match the members in two queries
        Member = self.env["union.member"]
        scope = self.organization_id._get_subtree().ids
        codes = [p[1] for p in parsed if p[1]]
        citizens = [p[2] for p in parsed if p[2]]
        by_code = {m.member_code: m for m in Member.search(
            [("member_code", "in", codes), ("organization_id", "in", scope)])} if codes else {}
        by_citizen = {m.citizen_id: m for m in Member.search(
            [("citizen_id", "in", citizens), ("organization_id", "in", scope)])} if citizens else {}
        seen = {}
        for number, code, citizen, _name, _amount in parsed:
            member = by_code.get(code) or by_citizen.get(citizen)
            if member and member.id in seen:
                errors.setdefault(number, []).append(self.env._(
                    "Row %(row)s: member %(member)s is already on row %(other)s.",
                    row=number, member=member.member_code, other=seen[member.id]))
            elif member:
                seen[member.id] = number
        if errors:
            return self._set_error_file(self._xlsx_with_errors(workbook, errors), "xlsx", errors,
                                        "checkoff")
        due = {member.id: amount for member, amount in self.env["union.dues.line"]._read_group(
            [("member_id", "in", list(seen)), ("payment_state", "in", ("unpaid", "partial"))],
            ["member_id"], ["amount_residual:sum"])}
        lines = []
        for number, code, citizen, name, amount in parsed:
            member = by_code.get(code) or by_citizen.get(citizen)
            if not member:
                status = "unknown"
                message = self.env._("No member of this unit with code '%(code)s' or citizen ID '%(citizen)s'.",
                                     code=code, citizen=citizen)
            elif self.currency_id.compare_amounts(amount, due.get(member.id, 0)):
                status = "wrong_amount"
                deducted = format_vnd(self.env, amount, unit=False)
                expected = format_vnd(self.env, due.get(member.id, 0), unit=False)
                message = self.env._("Deducted %(amount)s VND, but %(due)s VND is due.",
                                     amount=deducted, due=expected)
            else:
                status, message = "matched", False
            lines.append({"row": number, "member_code": code, "citizen_id": citizen, "name": name,
                          "amount": amount, "member_id": member.id if member else False,
                          "amount_due": due.get(member.id, 0) if member else 0,
                          "status": status, "message": message})
        self.line_ids.unlink()
        self.write({"state": "checked", "error_file": False, "error_message": False,
                    "line_ids": [fields.Command.create(vals) for vals in lines]})
        return self._reopen()

    def action_confirm(self):
        """Pay the matched rows in one payment (the exceptions stay listed)."""
        self.ensure_one()
        if self.state != "checked":
            raise UserError(self.env._("Check the sheet first."))
        matched = self.line_ids.filtered(lambda line: line.status == "matched")
        if not matched:
            raise UserError(self.env._("No row of the sheet matches a member's dues."))
        key = "CHECKOFF:" + hashlib.sha1(base64.b64decode(self.file)).hexdigest()
        # sudo: a sheet recorded by anybody is never recorded again
        if self.env["union.dues.payment"].sudo().search_count([
                ("import_key", "=", key), ("company_id", "=", self.company_id.id)]):
            raise UserError(self.env._("This sheet (%(name)s) has already been recorded.",
                                       name=self.filename or ""))
        payment = self.env["union.dues.payment"].create({
            "kind": "checkoff", "organization_id": self.organization_id.id,
            "journal_id": self.journal_id.id, "date": self.date,
            "payer_name": self.organization_id.name,
            "description": self.env._("Union dues by payroll check-off (%(name)s)",
                                      name=self.filename or ""),
            "amount": sum(matched.mapped("amount")),
            "allocation": {str(line.member_id.id): line.amount for line in matched},
            "import_key": key,
        })
        payment.action_post()
        self.payment_id = payment
        return {
            "type": "ir.actions.act_window", "res_model": "union.dues.payment",
            "res_id": payment.id, "view_mode": "form",
        }


class UnionDuesCheckoffImportLine(models.TransientModel):
    _name = "union.dues.checkoff.import.line"
    _description = "Payroll Check-off Row"
    _inherit = ["union.finance.reference.mixin"]
    _union_checked_references = ("wizard_id", "member_id")
    _order = "row"

    wizard_id = fields.Many2one("union.dues.checkoff.import", required=True, ondelete="cascade")
    row = fields.Integer()
    member_code = fields.Char()
    citizen_id = fields.Char(string="Citizen ID")
    name = fields.Char()
    # computed, not related: Monetary's insert looks a related currency up through a new
    # record per value when the related path's first field is in the create values
    currency_id = fields.Many2one("res.currency", compute="_compute_currency_id", compute_sudo=True)
    amount = fields.Monetary()
    member_id = fields.Many2one("union.member")
    amount_due = fields.Monetary(string="Due")
    status = fields.Selection(ROW_STATES)
    message = fields.Char()

    @api.depends("wizard_id.company_id.currency_id")
    def _compute_currency_id(self):
        for rec in self:
            rec.currency_id = rec.wizard_id.company_id.currency_id
