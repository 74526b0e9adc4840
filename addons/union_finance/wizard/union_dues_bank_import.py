import base64
import csv
import datetime
import io
import re
import unicodedata

from odoo import fields, models
from odoo.exceptions import UserError

from odoo.addons.union_membership.tools.upload import check_upload

try:
    import openpyxl
except ImportError:  # pragma: no cover - declared in external_dependencies
    openpyxl = None

# header aliases (lower case, without accents) -> column role
HEADERS = {
    "date": "date", "ngay": "date", "ngay giao dich": "date", "transaction date": "date",
    "description": "description", "noi dung": "description", "dien giai": "description",
    "mo ta": "description", "reference": "description",
    "amount": "amount", "so tien": "amount", "credit": "amount", "ghi co": "amount",
    "so tien ghi co": "amount",
    "transaction id": "txn", "ma giao dich": "txn", "so giao dich": "txn", "so but toan": "txn",
}
ROW_STATES = [
    ("matched", "Matched"),
    ("unmatched", "No Reference Found"),
    ("duplicate", "Already Recorded"),
    ("debit", "Not a Receipt"),
]


def _plain(text):
    text = unicodedata.normalize("NFD", str(text or "")).replace("đ", "d").replace("Đ", "D")
    return "".join(ch for ch in text if unicodedata.category(ch) != "Mn").strip().lower()


def _parse_date(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = str(value or "").strip()
    for fmt in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y %H:%M:%S", "%Y-%m-%d %H:%M:%S"):
        try:
            return datetime.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def _parse_amount(value):
    if isinstance(value, (int, float)):
        return int(value) if float(value).is_integer() else None
    text = str(value or "").strip().replace(" ", "").replace(".", "").replace(",", "")
    if text.startswith("-") and text[1:].isdigit():
        return -int(text[1:])
    return int(text) if text.isdigit() else None


class UnionDuesBankImport(models.TransientModel):
    """Import of a bank statement (XLSX or CSV export of the bank): each
    receipt whose description holds a dues payment reference pays that
    member's dues. A statement line is never recorded twice."""

    _name = "union.dues.bank.import"
    _description = "Bank Statement Import for Dues"
    _inherit = ["union.dues.import.mixin"]

    journal_id = fields.Many2one(
        "account.journal", required=True, domain="[('type', '=', 'bank')]",
        default=lambda self: self.env.company.union_dues_payment_journal_id)
    file = fields.Binary(string="Statement (XLSX or CSV)", required=True)
    line_ids = fields.One2many("union.dues.bank.import.line", "wizard_id", string="Statement Lines")
    payment_ids = fields.Many2many("union.dues.payment", readonly=True)

    def _reopen(self):
        return {
            "type": "ir.actions.act_window", "res_model": self._name, "res_id": self.id,
            "view_mode": "form", "target": "new", "name": self.env._("Bank Statement Import"),
        }

    def _is_csv(self):
        return (self.filename or "").lower().endswith(".csv")

    def _read_table(self):
        """(header, [(row number, values)]) of the file."""
        # a zip bomb is refused from the archive's directory, before any parser opens it
        data = check_upload(self.env, base64.b64decode(self.file or b""), self.filename)
        try:
            if self._is_csv():
                text = data.decode("utf-8-sig")
                dialect = csv.Sniffer().sniff(text.splitlines()[0], delimiters=",;\t")
                table = list(csv.reader(io.StringIO(text), dialect))
            else:
                sheet = openpyxl.load_workbook(io.BytesIO(data), data_only=True).worksheets[0]
                table = [list(row) for row in sheet.iter_rows(values_only=True)]
        except Exception as error:  # noqa: BLE001 - any unreadable file
            raise UserError(self.env._("The file %(name)s cannot be read as XLSX or CSV (%(error)s).",
                                       name=self.filename or "", error=error)) from error
        if not table:
            raise UserError(self.env._("The file %(name)s is empty.", name=self.filename or ""))
        header = table[0]
        rows = [(number, row) for number, row in enumerate(table[1:], start=2)
                if any(v not in (None, "") for v in row)]
        return header, rows

    def action_check(self):
        self.ensure_one()
        header, rows = self._read_table()
        columns = {}
        for index, title in enumerate(header):
            role = HEADERS.get(_plain(title))
            if role and role not in columns:
                columns[role] = index
        missing = [role for role in ("date", "description", "amount") if role not in columns]
        if missing:
            raise UserError(self.env._(
                "The first row of %(name)s must name the columns date, description and amount "
                "(missing: %(missing)s).", name=self.filename or "", missing=", ".join(missing)))
        errors, parsed = {}, []
        for number, row in rows:
            row = list(row) + [None] * (len(header) - len(row))
            day = _parse_date(row[columns["date"]])
            amount = _parse_amount(row[columns["amount"]])
            row_errors = []
            if not day:
                row_errors.append(self.env._("Row %(row)s, column %(column)s: '%(value)s' is not a date.",
                                             row=number, column=header[columns["date"]],
                                             value=row[columns["date"]] or ""))
            if amount is None:
                row_errors.append(self.env._(
                    "Row %(row)s, column %(column)s: '%(value)s' is not a whole amount of VND.",
                    row=number, column=header[columns["amount"]], value=row[columns["amount"]] or ""))
            if row_errors:
                errors[number] = row_errors
            description = str(row[columns["description"]] or "").strip()
            txn = str(row[columns["txn"]] or "").strip() if "txn" in columns else ""
            parsed.append((number, day, description, amount, txn))
        if errors:
            return self._return_error_file(header, rows, errors)
        prefix = re.escape(self.journal_id.company_id.union_dues_reference_prefix or "DP")
        pattern = re.compile(rf"{prefix}\W?([A-Z0-9]+)\W?(\d{{6}})")
        found = {}
        for number, _day, description, _amount, _txn in parsed:
            match = pattern.search(_plain(description).upper())
            if match:
                found[number] = f"{self.journal_id.company_id.union_dues_reference_prefix or 'DP'}-" \
                                f"{match.group(1)}-{match.group(2)}"
        Line = self.env["union.dues.line"]
        dues = {line.payment_reference: line for line in Line.search([
            ("payment_reference", "in", list(set(found.values()))), ("run_state", "=", "posted")])}
        keys = {number: self._import_key(day, description, amount, txn)
                for number, day, description, amount, txn in parsed}
        # sudo: a line recorded by anybody, in any unit, is never recorded again
        recorded = set(self.env["union.dues.payment"].sudo().search([
            ("import_key", "in", list(keys.values()))]).mapped("import_key"))
        vals_list = []
        for number, day, description, amount, txn in parsed:
            line = dues.get(found.get(number))
            if amount <= 0:
                status = "debit"
            elif keys[number] in recorded:
                status = "duplicate"
            elif not line:
                status = "unmatched"
            else:
                status = "matched"
            vals_list.append({
                "row": number, "date": day, "description": description, "amount": amount,
                "transaction_id": txn, "import_key": keys[number], "status": status,
                "dues_line_id": line.id if line else False,
                "member_id": line.member_id.id if line else False,
            })
        self.line_ids.unlink()
        self.write({"state": "checked", "error_file": False, "error_message": False,
                    "line_ids": [fields.Command.create(vals) for vals in vals_list]})
        return self._reopen()

    def _import_key(self, day, description, amount, txn):
        if txn:
            return f"BANK:{self.journal_id.id}:{txn}"
        return f"BANK:{self.journal_id.id}:{day}:{amount}:{description}"

    def _return_error_file(self, header, rows, errors):
        if self._is_csv():
            out = io.StringIO()
            writer = csv.writer(out)
            writer.writerow(list(header) + [self.env._("Error")])
            for number, row in rows:
                writer.writerow(list(row) + ["; ".join(errors.get(number, []))])
            content, ext = out.getvalue().encode("utf-8-sig"), "csv"
        else:
            data = check_upload(self.env, base64.b64decode(self.file), self.filename)
            workbook = openpyxl.load_workbook(io.BytesIO(data))
            content, ext = self._xlsx_with_errors(workbook, errors), "xlsx"
        return self._set_error_file(content, ext, errors, "statement")

    def action_confirm(self):
        """Record one payment per matched statement line (in one batch)."""
        self.ensure_one()
        if self.state != "checked":
            raise UserError(self.env._("Check the statement first."))
        matched = self.line_ids.filtered(lambda line: line.status == "matched")
        if not matched:
            raise UserError(self.env._("No line of the statement matches a dues payment reference."))
        payments = self.env["union.dues.payment"].create([{
            "kind": "bank", "organization_id": line.dues_line_id.organization_id.id,
            "journal_id": self.journal_id.id, "date": line.date, "member_id": line.member_id.id,
            "description": line.description[:200] or self.env._("Union dues"),
            "amount": line.amount, "import_key": line.import_key,
        } for line in matched])
        payments.action_post()
        self.payment_ids = payments
        return {
            "type": "ir.actions.act_window", "res_model": "union.dues.payment",
            "domain": [("id", "in", payments.ids)], "view_mode": "list,form",
            "name": self.env._("Dues Payments"),
        }


class UnionDuesBankImportLine(models.TransientModel):
    _name = "union.dues.bank.import.line"
    _description = "Bank Statement Line for Dues"
    _inherit = ["union.finance.reference.mixin"]
    _union_checked_references = ("wizard_id", "dues_line_id", "member_id")
    _order = "row"

    wizard_id = fields.Many2one("union.dues.bank.import", required=True, ondelete="cascade")
    row = fields.Integer()
    date = fields.Date()
    description = fields.Char()
    amount = fields.Integer()
    transaction_id = fields.Char()
    import_key = fields.Char()
    dues_line_id = fields.Many2one("union.dues.line", string="Dues")
    member_id = fields.Many2one("union.member")
    status = fields.Selection(ROW_STATES)
