import base64
import io
from collections import defaultdict
from datetime import date

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression
from odoo.tools import SQL

from odoo.addons.union_membership.tools.xlsx import add_styles, download_action, new_workbook, print_setup

REPORT_TYPES = [
    ("dues_collection", "Dues Collection by Unit and Month"),
    ("arrears", "Dues Arrears by Unit and Member"),
    ("cash_book", "Cash Book"),
    ("bank_book", "Bank Book"),
]


class UnionFinanceXlsxReport(models.TransientModel):
    """The finance reports of a unit as XLSX files."""

    _name = "union.finance.xlsx.report"
    _description = "Union Finance XLSX Report"
    _inherit = ["union.finance.reference.mixin", "union.background.job.mixin"]
    _union_checked_references = ("organization_id",)

    report_type = fields.Selection(REPORT_TYPES, required=True, default="dues_collection")
    organization_id = fields.Many2one("union.organization", string="Unit", required=True)
    company_id = fields.Many2one(related="organization_id.company_id")
    year = fields.Integer(required=True, default=lambda self: fields.Date.context_today(self).year)
    journal_id = fields.Many2one(
        "account.journal", string="Cash or Bank Journal",
        compute="_compute_journal_id", store=True, readonly=False,
        domain="[('type', 'in', ('cash', 'bank')), ('company_id', '=', company_id)]")
    books_scope = fields.Selection(
        [("unit", "The unit and the units below it, by analytic account"),
         ("company", "The whole company")], string="Books", compute="_compute_books_scope",
        help="A unit that books in its parent's company gets the cash and "
             "bank books of its own analytic account (and of the units below it); a unit that "
             "keeps the books of its own company gets the whole company's.")
    file_data = fields.Binary(string="File", readonly=True, attachment=False)
    file_name = fields.Char(readonly=True)

    @api.constrains("year")
    def _check_year(self):
        for wizard in self:
            if not 2000 <= wizard.year <= 2100:
                raise ValidationError(self.env._(
                    "Year: %(year)s is not a year the reports can cover (2000 to 2100).",
                    year=wizard.year))

    @api.depends("report_type", "organization_id")
    def _compute_journal_id(self):
        for wizard in self:
            company = wizard.organization_id.company_id
            if wizard.report_type == "cash_book":
                wizard.journal_id = company.union_dues_cash_journal_id
            elif wizard.report_type == "bank_book":
                wizard.journal_id = company.union_dues_payment_journal_id
            else:
                wizard.journal_id = False

    @api.depends("organization_id")
    def _compute_books_scope(self):
        for wizard in self:
            wizard.books_scope = "unit" if wizard._get_analytic_scope() is not None else "company"

    def _get_analytic_scope(self):
        """The analytic accounts whose items make the unit's books when the unit
        books in its parent's company: its own and those of the units below it
        that book in the same company. None when the unit keeps the books of
        its company: then the reports take the whole company."""
        unit = self.organization_id.sudo()
        if not unit or not unit.parent_id or unit.parent_id.company_id != unit.company_id:
            return None
        units = unit._get_subtree().filtered(lambda u: u.company_id == unit.company_id)
        return units.analytic_account_id

    def _analytic_line_domain(self, accounts):
        """Analytic items of ``accounts`` in the unit's company."""
        return [("auto_account_id", "in", accounts.ids),
                ("company_id", "=", self.organization_id.company_id.id)]

    def action_export(self):
        """The file at once; the arrears of many members (System Parameter
        ``union_finance.arrears_background_min_members``, 5,000 by default) in the background
        (union.background.job.mixin): the wizard shows the progress, then the file."""
        self.ensure_one()
        self.env["union.welfare.norm.report"]._check_unit_access(self.organization_id)
        if self.union_job_state in ("queued", "running"):
            return self._reopen()  # a second click: the report under way goes on
        if self.report_type == "arrears" and self._arrears_in_background():
            self.write({"file_data": False, "file_name": False})
            self._union_job_start("_export_in_background", self.env._(
                "Arrears report of %(unit)s, %(year)s", unit=self.organization_id.name, year=self.year))
            return self._reopen()
        content, name = self._build_xlsx()
        self.write({"file_data": base64.b64encode(content), "file_name": name})
        return self._download()

    def action_download(self):
        self.ensure_one()
        return self._download()

    def _download(self):
        return download_action(self, "file_data", self.file_name)

    def _reopen(self):
        return {"type": "ir.actions.act_window", "res_model": self._name, "res_id": self.id,
                "view_mode": "form", "target": "new", "name": self.env._("Finance Reports (XLSX)")}

    def _arrears_in_background(self):
        """Whether the unit and the units below it have enough members for a background job."""
        # sudo: a setting every user's report follows
        value = self.env["ir.config_parameter"].sudo().get_param(
            "union_finance.arrears_background_min_members", "5000")
        try:
            threshold = int(value)
        except ValueError:
            threshold = 5000
        # sudo: a count, for a unit whose figures the user may see (checked by the caller)
        members = self.env["union.member"].sudo().search_count(
            [("organization_id", "child_of", self.organization_id.id)], limit=threshold)
        return members >= threshold

    def _export_in_background(self):
        """The job of a large arrears report: the file on the wizard and as the job's result."""
        self._union_job_progress(5, note=self.env._("Reading the dues still unpaid"))
        content, name = self._build_xlsx()
        self._union_job_progress(95, note=self.env._("Saving the file"))
        self.write({"file_data": base64.b64encode(content), "file_name": name})
        return {"message": self.env._("The arrears report %(file)s is ready.", file=name), "file": (name, content)}

    def _build_xlsx(self):
        """(XLSX bytes, file name) of the chosen report."""
        self.ensure_one()
        out = io.BytesIO()
        # the arrears of a province run to 100,000 rows: written row by row
        # through temporary files instead of held in memory
        workbook = new_workbook(out, constant_memory=self.report_type == "arrears")
        styles = add_styles(workbook)
        builder = getattr(self, f"_xlsx_{self.report_type}")
        name = builder(workbook, styles)
        workbook.close()
        return out.getvalue(), f"{name}-{self.organization_id.code or self.organization_id.id}-{self.year}.xlsx"

    def _period(self):
        return date(self.year, 1, 1), date(self.year, 12, 31)

    # ------------------------------------------------------------ dues

    def _xlsx_dues_collection(self, workbook, styles):
        start, end = self._period()
        sheet = workbook.add_worksheet(self.env._("Dues")[:31])
        sheet.write(0, 0, self.env._("Dues collection %(year)s: %(unit)s", year=self.year,
                                     unit=self.organization_id.name), styles["title"])
        groups = self.env["union.dues.line"].sudo()._read_group(
            [("organization_id", "child_of", self.organization_id.id), ("month", ">=", start),
             ("month", "<=", end), ("run_state", "=", "posted")],
            ["organization_id", "month:month"], ["amount:sum", "amount_paid:sum"])
        data, units = {}, self.env["union.organization"]
        for unit, month, amount, paid in groups:
            data[unit.id, month.month] = (amount, paid)
            units |= unit
        heads = [self.env._("Unit"), self.env._("Code")]
        for month in range(1, 13):
            label = f"{month:02d}/{self.year}"
            heads += [self.env._("%(month)s due", month=label),
                      self.env._("%(month)s paid", month=label)]
        heads += [self.env._("Total due"), self.env._("Total paid"), self.env._("Left to pay")]
        for col, head in enumerate(heads):
            sheet.write(2, col, head, styles["head"])
        sheet.set_column(0, 0, 40)
        sheet.set_column(2, len(heads), 13)
        row = 3
        totals = [0] * (len(heads) - 2)
        for unit in units.sorted(lambda u: (u.parent_path or "", u.name)):
            sheet.write(row, 0, unit.name, styles["text"])
            sheet.write(row, 1, unit.code or "", styles["text"])
            due_total = paid_total = 0
            for month in range(1, 13):
                amount, paid = data.get((unit.id, month), (0, 0))
                col = 2 + (month - 1) * 2
                sheet.write_number(row, col, amount, styles["money"])
                sheet.write_number(row, col + 1, paid, styles["money"])
                totals[col - 2] += amount
                totals[col - 1] += paid
                due_total += amount
                paid_total += paid
            for offset, value in enumerate((due_total, paid_total, due_total - paid_total)):
                sheet.write_number(row, 26 + offset, value, styles["money"])
                totals[24 + offset] += value
            row += 1
        sheet.write(row, 0, self.env._("Total"), styles["bold"])
        sheet.write(row, 1, "", styles["bold"])
        for offset, value in enumerate(totals):
            sheet.write_number(row, 2 + offset, value, styles["money_bold"])
        return "dues-collection"

    # ------------------------------------------------------------ arrears

    ARREARS_BUCKETS = ((0, 3), (4, 6), (7, None))

    def _arrears_date(self):
        """The date the arrears are counted at: today, or the last day of a past year."""
        today = fields.Date.context_today(self)
        return today if self.year >= today.year else date(self.year, 12, 31)

    def _arrears_data(self):
        """([(unit_id, member_id, months, oldest month, amount due, (amount per bucket))],
        {unit_id: (name, code, parent_path)}, {member_id: (code, name)}) of the dues
        still unpaid (or partly paid) of the unit and the units below it, for the
        months up to the report's date: three queries whatever the number of members
        (the aggregation is PostgreSQL's)."""
        at = self._arrears_date()
        cr = self.env.cr
        self.env["union.dues.line"].flush_model()
        self.env["union.organization"].flush_model(["parent_path", "name", "code"])
        self.env["union.member"].flush_model(["member_code", "partner_id"])
        self.env["res.partner"].flush_model(["name"])
        buckets = SQL(", ").join(
            SQL("SUM(l.amount_residual) FILTER (WHERE %s)", SQL(
                "age BETWEEN %s AND %s", low, high) if high is not None else SQL("age >= %s", low))
            for low, high in self.ARREARS_BUCKETS)
        cr.execute(SQL("""
            SELECT l.organization_id, l.member_id, COUNT(DISTINCT l.month), MIN(l.month),
                   SUM(l.amount_residual), %(buckets)s
              FROM (SELECT line.*, (%(year)s - EXTRACT(YEAR FROM line.month)::int) * 12
                                   + %(month)s - EXTRACT(MONTH FROM line.month)::int AS age
                      FROM union_dues_line line
                      JOIN union_organization unit ON unit.id = line.organization_id
                     WHERE unit.parent_path LIKE %(path)s
                       AND line.payment_state IN ('unpaid', 'partial')
                       AND line.month <= %(at)s) l
          GROUP BY l.organization_id, l.member_id
        """, buckets=buckets, year=at.year, month=at.month, at=at,
            path=f"{self.organization_id.sudo().parent_path}%"))
        rows = cr.fetchall()
        cr.execute("SELECT id, name, code, parent_path FROM union_organization WHERE id = ANY(%s)",
                   [list({row[0] for row in rows})])
        units = {uid: (name, code or "", path) for uid, name, code, path in cr.fetchall()}
        cr.execute("""SELECT m.id, m.member_code, p.name FROM union_member m
                        JOIN res_partner p ON p.id = m.partner_id WHERE m.id = ANY(%s)""",
                   [list({row[1] for row in rows})])
        members = {mid: (code or "", name) for mid, code, name in cr.fetchall()}
        result = [(unit_id, member_id, months, oldest, amount, tuple(bucket or 0 for bucket in buckets))
                  for unit_id, member_id, months, oldest, amount, *buckets in rows]
        return result, units, members

    def _bucket_labels(self):
        labels = []
        for low, high in self.ARREARS_BUCKETS:
            labels.append(self.env._("%(low)s to %(high)s months overdue", low=low, high=high)
                          if high is not None else
                          self.env._("%(low)s months or more overdue", low=low))
        return labels

    def _arrears_sections(self, units):
        """{unit id: (section path, section title)}: each unit's grassroots union (the nearest
        unit at that level, the unit itself included, read from the parent paths in one
        query); a unit above that level is its own section."""
        ancestor_ids = {int(part) for _name, _code, path in units.values()
                        for part in (path or "").split("/") if part}
        self.env.cr.execute("""SELECT id, name, code, level, parent_path FROM union_organization
                                WHERE id = ANY(%s)""", [list(ancestor_ids)])
        info = {uid: (name, code or "", level, path)
                for uid, name, code, level, path in self.env.cr.fetchall()}
        sections = {}
        for unit_id, (name, code, path) in units.items():
            chain = [int(part) for part in (path or "").split("/") if part]
            key = next((uid for uid in reversed(chain) if uid in info and info[uid][2] == "grassroots"),
                       unit_id)
            section_name, section_code, _level, section_path = info.get(key, (name, code, "", path))
            sections[unit_id] = (section_path or "",
                                 f"{section_name} ({section_code})" if section_code else section_name)
        return sections

    def _xlsx_arrears(self, workbook, styles):
        rows, units, members = self._arrears_data()
        self._union_job_progress(40, note=self.env._("Writing the file"))  # in a background job only
        at = self._arrears_date()
        title_args = {"unit": self.organization_id.name, "date": at.strftime("%d/%m/%Y")}
        section_style = styles["section"]
        subtotal_text, subtotal_money = styles["subtotal_text"], styles["subtotal_money"]
        # sheet 1: by unit (the unit's tree order)
        by_unit = {}
        for unit_id, _member_id, _months, _oldest, amount, buckets in rows:
            count, total, bucket_totals = by_unit.get(unit_id, (0, 0, [0] * len(buckets)))
            by_unit[unit_id] = (count + 1, total + amount,
                                [done + more for done, more in zip(bucket_totals, buckets)])
        sheet = workbook.add_worksheet(self.env._("By unit")[:31])
        heads = [self.env._("Unit"), self.env._("Code"), self.env._("Members in arrears"),
                 self.env._("Amount due")] + self._bucket_labels()
        print_setup(self.env, sheet, 2, [(0, 0, 45), (1, 1, 14), (2, len(heads) - 1, 17)])
        sheet.write(0, 0, self.env._("Dues arrears of %(unit)s at %(date)s", **title_args),
                    styles["title"])
        for col, head in enumerate(heads):
            sheet.write(2, col, head, styles["head"])
        row = 3
        totals = [0] * (len(heads) - 2)
        for unit_id in sorted(by_unit, key=lambda uid: (units[uid][2] or "", units[uid][0])):
            count, total, bucket_totals = by_unit[unit_id]
            sheet.write(row, 0, units[unit_id][0], styles["text"])
            sheet.write(row, 1, units[unit_id][1], styles["text"])
            for offset, value in enumerate([count, total, *bucket_totals]):
                sheet.write_number(row, 2 + offset, value, styles["money"])
                totals[offset] += value
            row += 1
        sheet.write(row, 0, self.env._("Total"), styles["bold"])
        sheet.write(row, 1, "", styles["bold"])
        for offset, value in enumerate(totals):
            sheet.write_number(row, 2 + offset, value, styles["money_bold"])
        # sheet 2: one section per grassroots union (its members by unit then member code),
        # each closed by its subtotal
        sheet = workbook.add_worksheet(self.env._("By member")[:31])
        heads = [self.env._("Unit"), self.env._("Unit code"), self.env._("Member code"),
                 self.env._("Member"), self.env._("Months owed"), self.env._("Since"),
                 self.env._("Amount due")] + self._bucket_labels()
        print_setup(self.env, sheet, 2, [(0, 0, 38), (1, 2, 13), (3, 3, 30), (4, 5, 11),
                                          (6, len(heads) - 1, 16)])
        sheet.write(0, 0, self.env._("Members in arrears of %(unit)s at %(date)s", **title_args),
                    styles["title"])
        for col, head in enumerate(heads):
            sheet.write(2, col, head, styles["head"])
        sections = self._arrears_sections(units)
        rows.sort(key=lambda r: (sections[r[0]], units[r[0]][2] or "", units[r[0]][0],
                                 members[r[1]][0]))
        # 100,000 rows: the typed writers (no type sniffing per cell), one label per month
        text, money = styles["text"], styles["money"]
        write_string, write_number = sheet.write_string, sheet.write_number
        month_labels = {}
        row = 3
        current, sub_amount, sub_buckets = None, 0, []

        def close_section(row):
            write_string(row, 0, self.env._("Subtotal %(section)s", section=current[1]), subtotal_text)
            for col in range(1, 6):
                write_string(row, col, "", subtotal_text)
            write_number(row, 6, sub_amount, subtotal_money)
            for offset, bucket in enumerate(sub_buckets):
                write_number(row, 7 + offset, bucket, subtotal_money)
            return row + 1

        for unit_id, member_id, months, oldest, amount, buckets in rows:
            if sections[unit_id] != current:
                if current is not None:
                    row = close_section(row)
                current, sub_amount, sub_buckets = sections[unit_id], 0, [0] * len(buckets)
                write_string(row, 0, current[1], section_style)
                for col in range(1, len(heads)):
                    write_string(row, col, "", section_style)
                row += 1
            unit_name, unit_code, _path = units[unit_id]
            member_code, member_name = members[member_id]
            if oldest not in month_labels:
                month_labels[oldest] = oldest.strftime("%m/%Y")
            write_string(row, 0, unit_name, text)
            write_string(row, 1, unit_code, text)
            write_string(row, 2, member_code, text)
            write_string(row, 3, member_name, text)
            write_number(row, 4, months, money)
            write_string(row, 5, month_labels[oldest], text)
            write_number(row, 6, amount, money)
            for offset, bucket in enumerate(buckets):
                write_number(row, 7 + offset, bucket, money)
            sub_amount += amount
            sub_buckets = [done + more for done, more in zip(sub_buckets, buckets)]
            row += 1
        if current is not None:
            row = close_section(row)
        sheet.write(row, 0, self.env._("Total"), styles["bold"])
        sheet.write_number(row, 6, totals[1], styles["money_bold"])
        for offset, value in enumerate(totals[2:]):
            sheet.write_number(row, 7 + offset, value, styles["money_bold"])
        return "arrears"

    # ------------------------------------------------------------ cash and bank books

    def _xlsx_book(self, workbook, styles, title):
        journal = self.journal_id
        if not journal.default_account_id:
            raise UserError(self.env._("Choose the cash or bank journal of the book."))
        opening, lines = self._book_lines(journal)
        sheet = workbook.add_worksheet(title[:31])
        sheet.write(0, 0, f"{title} {self.year}: {self.organization_id.name} ({journal.name})",
                    styles["title"])
        heads = [self.env._("Date"), self.env._("Voucher"), self.env._("Description"),
                 self.env._("Partner"), self.env._("Receipts"), self.env._("Payments"),
                 self.env._("Balance")]
        for col, head in enumerate(heads):
            sheet.write(2, col, head, styles["head"])
        sheet.set_column(0, 1, 14)
        sheet.set_column(2, 3, 35)
        sheet.set_column(4, 6, 15)
        sheet.write(3, 2, self.env._("Opening balance"), styles["bold"])
        sheet.write_number(3, 6, opening, styles["money_bold"])
        balance, total_in, total_out = opening, 0, 0
        row = 4
        for line in lines:
            balance += line["debit"] - line["credit"]
            total_in += line["debit"]
            total_out += line["credit"]
            sheet.write_datetime(row, 0, fields.Datetime.to_datetime(line["date"]), styles["date"])
            sheet.write(row, 1, line["move_name"] or "", styles["text"])
            sheet.write(row, 2, line["name"] or line["ref"] or "", styles["text"])
            sheet.write(row, 3, line["partner_id"][1] if line["partner_id"] else "", styles["text"])
            sheet.write_number(row, 4, line["debit"], styles["money"])
            sheet.write_number(row, 5, line["credit"], styles["money"])
            sheet.write_number(row, 6, balance, styles["money"])
            row += 1
        sheet.write(row, 2, self.env._("Total and closing balance"), styles["bold"])
        sheet.write_number(row, 4, total_in, styles["money_bold"])
        sheet.write_number(row, 5, total_out, styles["money_bold"])
        sheet.write_number(row, 6, balance, styles["money_bold"])
        return journal.code

    def _book_lines(self, journal):
        """(opening balance, [{date, move_name, name, ref, partner_id, debit,
        credit}]) of the journal's account in the year: all its items, or the
        unit's part of them when it books in its parent's company."""
        start, end = self._period()
        AML = self.env["account.move.line"].sudo()
        account = journal.default_account_id
        fields_read = ["date", "move_name", "name", "ref", "partner_id", "debit", "credit"]
        analytic = self._get_analytic_scope()
        if analytic is None:
            domain = [("account_id", "=", account.id), ("parent_state", "=", "posted"),
                      ("company_id", "=", journal.company_id.id)]
            opening = AML._read_group(domain + [("date", "<", start)], [], ["balance:sum"])[0][0]
            return opening or 0, AML.search_read(
                domain + [("date", ">=", start), ("date", "<=", end)], fields_read,
                order="date, move_name, id")
        AAL = self.env["account.analytic.line"].sudo()
        domain = expression.AND([self._analytic_line_domain(analytic),
                                 [("general_account_id", "=", account.id)]])
        opening = -(AAL._read_group(expression.AND([domain, [("date", "<", start)]]), [],
                                    ["amount:sum"])[0][0] or 0)
        # the unit's part of each item (amount = credit - debit)
        parts = defaultdict(float)
        for item in AAL.search_read(
                expression.AND([domain, [("date", ">=", start), ("date", "<=", end)]]),
                ["move_line_id", "amount"]):
            parts[item["move_line_id"][0]] += item["amount"]
        lines = AML.search_read([("id", "in", list(parts))], fields_read[:-2],
                                order="date, move_name, id")
        for line in lines:
            part = parts[line["id"]]
            line.update(debit=max(-part, 0), credit=max(part, 0))
        return opening, lines

    def _xlsx_cash_book(self, workbook, styles):
        self._xlsx_book(workbook, styles, self.env._("Cash book"))
        return "cash-book"

    def _xlsx_bank_book(self, workbook, styles):
        self._xlsx_book(workbook, styles, self.env._("Bank book"))
        return "bank-book"
