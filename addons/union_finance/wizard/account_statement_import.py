from odoo import api, models
from odoo.exceptions import UserError
from odoo.tools import split_every

from odoo.addons.base.models.res_bank import sanitize_account_number
from odoo.addons.union_membership.tools.upload import check_upload

from ..rules.bank_statement import format_vnd

#: lines listed by name in the import's message (the rest are counted)
MAX_LISTED = 20
#: statements with more lines are matched by a background job (System Parameter
#: union_finance.bank_match_job_threshold)
UNION_MATCH_JOB_THRESHOLD = 500
#: statement lines created by one ``create``
UNION_CREATE_BATCH = 200


class AccountStatementImport(models.TransientModel):
    """OCA's statement import, as the union's accountant uses it: the bank's layout
    is recognised from the file, the file is checked (size, balances, the
    journal's balance where it overlaps what is already imported) before
    anything is written, and the new lines are matched with the dues."""

    _inherit = "account.statement.import"

    def _parse_file(self, data_file):
        self.ensure_one()
        # a zip bomb or an oversized file is refused before any parser opens it
        check_upload(self.env, data_file, self.statement_filename)
        recognised = self.env["account.statement.import.sheet.parser"]._union_recognise(
            data_file, self.statement_filename)
        if recognised:
            self.sheet_mapping_id = recognised
        if self.sheet_mapping_id.union_table_start_text:
            # read directly: OCA's wrapper would log the accountant's error as a warning and
            # replace its Vietnamese message by "Bad file/mapping"
            return self.env["account.statement.import.sheet.parser"].parse(
                data_file, self.sheet_mapping_id, self.statement_filename)
        return super()._parse_file(data_file)

    @api.model
    def _match_journal(self, account_number, currency):
        """The bank journal of the account number read from the file's header; an
        unknown account is refused, naming it."""
        if account_number and self.sheet_mapping_id.union_table_start_text:
            sanitized = sanitize_account_number(account_number)
            journal = self.env["account.journal"].search([
                ("type", "=", "bank"),
                ("bank_account_id.sanitized_acc_number", "=", sanitized)], limit=1)
            if not journal:
                raise UserError(self.env._(
                    "No bank journal has the account number %(account)s of this statement. "
                    "Set this account on the union's bank journal first.", account=account_number))
            chosen = self.env.context.get("journal_id")
            if chosen and chosen != journal.id:
                raise UserError(self.env._(
                    "This statement is of the account %(account)s (journal %(found)s), not of "
                    "the journal %(chosen)s.", account=account_number, found=journal.display_name,
                    chosen=self.env["account.journal"].browse(chosen).display_name))
            return journal
        return super()._match_journal(account_number, currency)

    def _create_bank_statements(self, stmts_vals, result):
        """Skip (and list) the lines already imported; refuse the file when the
        opening balance of its new part differs from the journal's balance; then
        match the new lines with the dues."""
        if not self.sheet_mapping_id.union_table_start_text:
            return super()._create_bank_statements(stmts_vals, result)
        for st_vals in stmts_vals:
            self._union_skip_imported(st_vals, result)
        statements = self.with_context(union_statement_import=True)._union_create_statements(
            stmts_vals)
        result["statement_ids"].extend(statements.ids)
        if statements:
            lines = statements.line_ids
            # sudo: the accountant reads a System Parameter of the suite (not their own data)
            threshold = int(self.env["ir.config_parameter"].sudo().get_param(
                "union_finance.bank_match_job_threshold", UNION_MATCH_JOB_THRESHOLD))
            if len(lines) > threshold:
                lines._union_match_later()
                result["notifications"].append(self.env._(
                    "%(count)s lines imported; they are matched with the dues in the "
                    "background.", count=len(lines)))
            else:
                summary = lines._union_match()
                result["notifications"].append(summary)
        return True

    def _union_create_statements(self, stmts_vals):
        """The statements and their lines, through the ORM: the statement first, then
        its lines created ``UNION_CREATE_BATCH`` at a time (one ``create`` of a list),
        the cache flushed and emptied between batches. OCA creates every line in one
        go through the statement's one2many: Odoo's statement line ``create`` then
        writes each line's entry with a cache that grows with the file (10,000 lines:
        25 minutes, most of it spent on the cache)."""
        Statement = self.env["account.bank.statement"]
        Line = self.env["account.bank.statement.line"]
        statements = Statement.browse()
        for st_vals in stmts_vals:
            transactions = st_vals.pop("transactions", [])
            st_vals.pop("creation_context", None)
            if not transactions:
                continue
            for sequence, vals in enumerate(transactions, start=1):
                vals.setdefault("sequence", sequence)
            if st_vals.get("balance_end_real") is None:
                st_vals["balance_end_real"] = (st_vals.get("balance_start") or 0) + sum(
                    float(vals["amount"]) for vals in transactions)
            statement = Statement.create(st_vals)
            statements |= statement
            for batch in split_every(UNION_CREATE_BATCH, transactions, list):
                Line.create([dict(vals, statement_id=statement.id) for vals in batch])
                self.env.flush_all()
                self.env.invalidate_all()
        return statements

    def _union_skip_imported(self, st_vals, result):
        transactions = st_vals["transactions"]
        journal = self.env["account.journal"].browse(st_vals["journal_id"])
        # sudo: a line imported by any user is never imported again (OCA checks the same way)
        existing = set(self.env["account.bank.statement.line"].sudo().search([
            ("unique_import_id", "in", [t["unique_import_id"] for t in transactions])
        ]).mapped("unique_import_id"))
        skipped = [t for t in transactions if t["unique_import_id"] in existing]
        new = [t for t in transactions if t["unique_import_id"] not in existing]
        listed = [" ".join((t["date"].strftime("%d/%m/%Y"), format_vnd(float(t["amount"])),
                            t.get("ref") or t["payment_ref"][:60])) for t in skipped]
        if not new:
            raise UserError(self.env._(
                "Every line of this statement has already been imported; nothing was "
                "changed:\n%(lines)s", lines="\n".join(listed[:MAX_LISTED])))
        first_new = transactions.index(new[0])
        if st_vals.get("balance_start") is not None:
            opening = st_vals["balance_start"] + sum(
                float(t["amount"]) for t in transactions[:first_new])
            Line = self.env["account.bank.statement.line"]
            if Line.search_count([("journal_id", "=", journal.id)], limit=1):
                day = new[0]["date"]
                # the lines already in the journal up to that day (a statement is imported
                # after the ones before it: its first new line comes after them)
                [[balance]] = Line._read_group([
                    ("journal_id", "=", journal.id), ("date", "<=", day)], aggregates=["amount:sum"])
                balance = balance or 0
                if round(balance) != round(opening):
                    raise UserError(self.env._(
                        "The opening balance of the new lines of this statement (%(opening)s on "
                        "%(date)s) differs from the balance of the journal %(journal)s at that "
                        "date (%(balance)s): a statement is missing or wrong. Nothing was "
                        "recorded.", opening=format_vnd(opening),
                        date=day.strftime("%d/%m/%Y"), journal=journal.display_name,
                        balance=format_vnd(balance)))
            st_vals["balance_start"] = opening
            if st_vals.get("balance_end_real") is not None:
                # lines already imported after the first new one are not in this statement
                st_vals["balance_end_real"] -= sum(
                    float(t["amount"]) for t in transactions[first_new:] if t in skipped)
        st_vals["transactions"] = new
        if skipped:
            result["notifications"].append(self.env._(
                "%(count)s line(s) had already been imported and were skipped:\n%(lines)s",
                count=len(skipped), lines="\n".join(listed[:MAX_LISTED])))
