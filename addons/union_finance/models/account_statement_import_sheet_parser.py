import csv
import io
import itertools
from os import path

from odoo import api, models
from odoo.exceptions import UserError

from ..rules import bank_statement as bank_rules
from .account_statement_import_sheet_mapping import UNION_HEADER_VALUES

try:
    import openpyxl
except ImportError:  # pragma: no cover - declared in external_dependencies
    openpyxl = None

#: errors listed in one message at most (the rest are counted)
MAX_LISTED = 10


class AccountStatementImportSheetParser(models.TransientModel):
    """Reads a statement in a layout with a header block (``union_table_start_text``
    set on the mapping): the account number and balances from the header block,
    the table from the row that names its columns, totals and signatures after
    it ignored. Other mappings are read by OCA's parser unchanged."""

    _inherit = "account.statement.import.sheet.parser"

    @api.model
    def parse(self, data_file, mapping, filename):
        if not mapping.union_table_start_text:
            return super().parse(data_file, mapping, filename)
        statement = self._union_parse(data_file, mapping, filename)
        journal = self.env["account.journal"].browse(self.env.context.get("journal_id"))
        currency = (journal.currency_id or journal.company_id.currency_id
                    or self.env.company.currency_id).name
        return currency, statement.pop("account_number"), [statement]

    @api.model
    def _union_read_table(self, data_file, mapping=None, filename="", limit=None):
        """The file's first sheet as a list of rows (lists of cell values), its first
        ``limit`` rows only when given."""
        try:
            if data_file[:2] == b"PK":
                # read_only: a 10,000-line statement is read row by row
                book = openpyxl.load_workbook(io.BytesIO(data_file), read_only=True, data_only=True)
                rows = book.worksheets[0].iter_rows(values_only=True, max_row=limit)
                return [list(row) for row in rows]
            encoding = mapping.file_encoding if mapping and mapping.file_encoding else "utf-8-sig"
            text = self._decode_data_file(data_file, encoding=encoding)
            delimiter = mapping._get_column_delimiter_character() if mapping else None
            if not delimiter:
                try:
                    delimiter = csv.Sniffer().sniff(text[:4096], delimiters=",;\t").delimiter
                except csv.Error:  # a header block of one column: the usual comma
                    delimiter = ","
            reader = csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=delimiter,
                                quotechar=(mapping.quotechar if mapping else None) or '"')
            return list(itertools.islice(reader, limit))
        except Exception as error:  # noqa: BLE001 - any unreadable file
            raise UserError(self.env._(
                "The file %(name)s cannot be read as an XLSX or CSV bank statement (%(error)s).",
                name=filename or "", error=error)) from error

    @api.model
    def _union_recognise(self, data_file, filename=""):
        """The layout whose recognition text appears in the file's header block, or
        an empty recordset."""
        mappings = self.env["account.statement.import.sheet.mapping"].search(
            [("union_recognition_text", "!=", False)], order="union_sequence, id")
        if not mappings:
            return mappings
        table = self._union_read_table(data_file, filename=filename, limit=40)
        for mapping in mappings:
            start = bank_rules.find_row(table, mapping.union_table_start_text or "")
            head = table[:start] if start else table
            if any(bank_rules.find_row(head, text) is not None
                   for text in mapping._union_labels("union_recognition_text")):
                return mapping
        return mappings.browse()

    @api.model
    def _union_column(self, header, names, mapping, required=False):
        """Indexes of the columns named in the mapping field ``names`` (comma separated),
        compared without diacritics, case or line breaks."""
        titles = [bank_rules.plain(bank_rules.cell_text(v)) for v in header]
        indexes = []
        for name in (mapping[names] or "").split(","):
            if not name.strip():
                continue
            wanted = bank_rules.plain(name)
            # the title as the layout names it, else the one title that contains it (banks
            # add footnote marks and line breaks: "Ngày1/ TNX Date/ Số CT/ Doc No")
            containing = [i for i, title in enumerate(titles) if wanted in title]
            if wanted in titles:
                indexes.append(titles.index(wanted))
            elif len(containing) == 1:
                indexes.append(containing[0])
            else:
                raise UserError(self.env._(
                    "The layout %(layout)s expects a column '%(column)s' in the table, but "
                    "the file has the columns: %(columns)s.", layout=mapping.name,
                    column=name.strip(), columns=", ".join(t for t in titles if t))) from None
        if required and not indexes:
            raise UserError(self.env._("The layout %(layout)s names no column for %(field)s.",
                                       layout=mapping.name, field=mapping._fields[names].string))
        return indexes

    @api.model
    def _union_header_values(self, table, mapping, start, end):
        """{key: the value written next to its label} of ``UNION_HEADER_VALUES``: in the
        header block (the rows before ``start``), or after the table (from ``end``)."""
        values = {}
        for key, (field, after_table) in UNION_HEADER_VALUES.items():
            values[key] = None
            for rows in (table[:start], table[end:] if after_table else []):
                values[key] = next((
                    value for value in (bank_rules.find_labelled_value(rows, label)
                                        for label in mapping._union_labels(field))
                    if value not in (None, "")), None)
                if values[key] is not None:
                    break
        return values

    @api.model
    def _union_parse(self, data_file, mapping, filename):  # noqa: C901 - one pass over the rows
        """{account_number, name, date, balance_start, balance_end_real, transactions}
        of the file, its lines checked against its balances; a UserError lists
        every bad row and nothing is written."""
        env = self.env
        table = self._union_read_table(data_file, mapping, filename)
        start = bank_rules.find_row(table, mapping.union_table_start_text)
        if start is None:
            raise UserError(env._(
                "No row of %(name)s contains '%(text)s', where the table of the layout "
                "%(layout)s starts: is it a statement of this bank?", name=filename or "",
                text=mapping.union_table_start_text, layout=mapping.name))
        header = table[start]
        thousands, decimal = mapping._get_float_separators()
        col_date = self._union_column(header, "timestamp_column", mapping, required=True)[0]
        col_in = self._union_column(header, "amount_debit_column", mapping)
        col_out = self._union_column(header, "amount_credit_column", mapping)
        col_amount = self._union_column(header, "amount_column", mapping)
        col_desc = self._union_column(header, "description_column", mapping)
        col_ref = self._union_column(header, "transaction_id_column", mapping)
        col_partner = self._union_column(header, "partner_name_column", mapping)
        col_balance = self._union_column(header, "balance_column", mapping)
        amount_cols = col_in + col_out + col_amount

        def amount_of(row, number, indexes, errors):
            total = 0
            for index in indexes:
                value = row[index] if index < len(row) else None
                amount = bank_rules.parse_amount(value, thousands, decimal)
                if amount is None:
                    errors.append(env._("Row %(row)s, column %(column)s: '%(value)s' is not an "
                                        "amount of VND.", row=number,
                                        column=bank_rules.cell_text(header[index]), value=value))
                    return 0
                total += abs(amount) if indexes is not col_amount else amount
            return total

        def text_of(row, indexes):
            return " ".join(bank_rules.cell_text(row[i]) for i in indexes
                            if i < len(row) and bank_rules.cell_text(row[i]))

        lines, errors, end = [], [], len(table)
        for index in range(start + 1, len(table)):
            row, number = table[index], index + 1
            if not any(bank_rules.cell_text(v) for v in row):
                continue
            cell = row[col_date] if col_date < len(row) else None
            reference = ""
            if mapping.union_split_date_reference:
                cell, reference = bank_rules.split_two_lines(cell)
            day = bank_rules.parse_date(cell, mapping.timestamp_format)
            has_amount = any(bank_rules.parse_amount(row[i] if i < len(row) else None,
                                                     thousands, decimal) for i in amount_cols)
            if not day:
                if not bank_rules.cell_text(cell) and not has_amount and lines:
                    # a description wrapped onto the next row
                    lines[-1]["description"] += " " + text_of(row, col_desc)
                    continue
                if not bank_rules.cell_text(cell) or has_amount or not lines:
                    end = index  # totals, closing balance, signatures: the table is over
                    break
                errors.append(env._("Row %(row)s, column %(column)s: '%(value)s' is not a date "
                                    "(%(format)s).", row=number,
                                    column=bank_rules.cell_text(header[col_date]),
                                    value=bank_rules.cell_text(cell),
                                    format=mapping.timestamp_format))
                continue
            row_errors = []
            amount = (amount_of(row, number, col_in, row_errors)
                      - amount_of(row, number, col_out, row_errors)
                      + amount_of(row, number, col_amount, row_errors))
            if mapping.amount_inverse_sign:
                amount = -amount
            errors += row_errors
            if not reference and col_ref:
                reference = text_of(row, col_ref)
            lines.append({
                "row": number, "date": day, "amount": amount, "reference": reference,
                "description": " ".join(text_of(row, col_desc).split()),
                "partner_name": text_of(row, col_partner),
                "balance": bank_rules.parse_amount(row[col_balance[0]], thousands, decimal)
                if col_balance and col_balance[0] < len(row) else None,
            })
        lines = [line for line in lines if line["amount"]]
        values = self._union_header_values(table, mapping, start, end)
        account, opening, closing = values["account"], values["opening"], values["closing"]
        opening_amount = bank_rules.parse_amount(opening, thousands, decimal)
        closing_amount = bank_rules.parse_amount(closing, thousands, decimal)
        for key, value, amount in (("opening", opening, opening_amount),
                                   ("closing", closing, closing_amount)):
            label = mapping[UNION_HEADER_VALUES[key][0]]
            if label and (value in (None, "") or amount is None):
                errors.append(env._("The balance '%(label)s' is missing or not an amount "
                                    "('%(value)s').", label=label, value=value or ""))
        if lines and col_balance and not errors:
            # no balance in the header block (MB): the running balance of the lines
            if not mapping.union_opening_label and lines[0]["balance"] is not None:
                opening_amount = lines[0]["balance"] - lines[0]["amount"]
                opening = opening_amount
            if not mapping.union_closing_label and lines[-1]["balance"] is not None:
                closing_amount = closing = lines[-1]["balance"]
        if errors:
            listed = errors[:MAX_LISTED]
            if len(errors) > MAX_LISTED:
                listed.append(env._("... and %(count)s more.", count=len(errors) - MAX_LISTED))
            raise UserError(env._(
                "The statement %(name)s cannot be imported; nothing was recorded:\n%(errors)s",
                name=filename or "", errors="\n".join(listed)))
        if not lines:
            raise UserError(env._("The statement %(name)s has no transaction.",
                                  name=filename or ""))
        if opening is not None and closing is not None:
            difference = bank_rules.check_balances(
                opening_amount, closing_amount, [line["amount"] for line in lines])
            if difference:
                total = sum(line["amount"] for line in lines)
                raise UserError(env._(
                    "The statement %(name)s does not add up: opening balance %(opening)s + "
                    "%(count)s lines (%(total)s) = %(computed)s, but the closing balance is "
                    "%(closing)s. Nothing was recorded.", name=filename or "",
                    opening=bank_rules.format_vnd(opening_amount), count=len(lines),
                    total=bank_rules.format_vnd(total),
                    computed=bank_rules.format_vnd(opening_amount + total),
                    closing=bank_rules.format_vnd(closing_amount)))
        account_number = bank_rules.account_number(account)
        if mapping.union_account_label and not account_number:
            raise UserError(env._("The account number ('%(label)s') was not found in the header "
                                  "of %(name)s.", label=mapping.union_account_label,
                                  name=filename or ""))
        return {
            "account_number": account_number,
            "name": f"{mapping.union_bank_name or mapping.name}: {path.basename(filename or '')}",
            "date": lines[-1]["date"],
            "balance_start": opening_amount if opening is not None else None,
            "balance_end_real": closing_amount if closing is not None else None,
            "transactions": self._union_transactions(lines),
        }

    @api.model
    def _union_transactions(self, lines):
        """Statement line values; the import id is the bank's reference, or (where the
        bank gives none) the line's date, amount, description and rank among
        identical lines, so that the same transaction is never imported twice."""
        seen = {}
        transactions = []
        for line in lines:
            if line["reference"]:
                unique = f"R{bank_rules.compact(line['reference'])}-{line['date'].isoformat()}"
            else:
                base = (line["date"], line["amount"], bank_rules.plain(line["description"]))
                seen[base] = seen.get(base, -1) + 1
                unique = "K" + bank_rules.line_key(line["date"], line["amount"],
                                                   line["description"], seen[base])
            vals = {
                "date": line["date"], "amount": line["amount"], "unique_import_id": unique,
                "payment_ref": line["description"] or line["reference"] or "/",
            }
            if line["reference"]:
                vals["ref"] = line["reference"]
            if line["partner_name"]:
                vals["partner_name"] = line["partner_name"]
            transactions.append(vals)
        return transactions
