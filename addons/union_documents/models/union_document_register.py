from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.union_membership.tools.xlsx import add_styles, attachment_download_action, new_workbook, print_setup

from ..rules import numbering

DIRECTIONS = [("outgoing", "Outgoing"), ("incoming", "Incoming")]


class UnionDocumentRegister(models.Model):
    """One number series: a unit's outgoing or incoming documents of one year.

    Secret documents have their own register (``is_secret``). The series is
    taken under a row lock, so two officers releasing at the same moment get
    two consecutive numbers, and a rolled-back release gives its number back.
    """

    _name = "union.document.register"
    _description = "Document Register"
    _order = "year desc, organization_id, direction, is_secret"

    name = fields.Char(compute="_compute_name")
    organization_id = fields.Many2one(
        "union.organization", string="Unit", required=True, index=True, ondelete="restrict")
    company_id = fields.Many2one(related="organization_id.company_id", store=True)
    direction = fields.Selection(DIRECTIONS, required=True)
    year = fields.Integer(required=True)
    is_secret = fields.Boolean(string="Secret Documents")
    last_number = fields.Integer(readonly=True, copy=False, help="Last number given in this register.")
    document_ids = fields.One2many("union.document", "register_id", string="Documents")
    document_count = fields.Integer(compute="_compute_document_count")

    _sql_constraints = [
        ("series_unique", "unique(organization_id, direction, year, is_secret)",
         "A unit has one register per direction, year and secrecy."),
        ("year_valid", "CHECK(year >= 1900 AND year <= 9999)", "The year of a register is not valid."),
    ]

    @api.depends("organization_id", "direction", "year", "is_secret")
    def _compute_name(self):
        labels = dict(self._fields["direction"]._description_selection(self.env))
        for reg in self:
            name = self.env._("%(direction)s register %(year)s - %(unit)s",
                              direction=labels.get(reg.direction, ""), year=reg.year,
                              unit=reg.organization_id.short_name or reg.organization_id.name or "")
            if reg.is_secret:
                name = self.env._("%(name)s (secret)", name=name)
            reg.name = name

    def _compute_document_count(self):
        counts = dict(self.env["union.document"]._read_group(
            [("register_id", "in", self.ids)], ["register_id"], ["__count"]))
        for reg in self:
            reg.document_count = counts.get(reg, 0)

    @api.constrains("last_number")
    def _check_last_number(self):
        for reg in self:
            if reg.last_number < 0:
                raise ValidationError(self.env._("The last number of a register cannot be negative."))

    @api.model
    def _get_registers(self, keys):
        """Registers for ``keys`` [(organization_id, direction, year, is_secret)], created if missing.

        The existing registers are read with a plain SELECT (no lock, no write):
        a release on an existing register must not touch its row before
        ``_take_next_numbers`` locks it. Writing to a row that a concurrent
        release has just numbered (as ``INSERT ... ON CONFLICT DO NOTHING``
        does on every key) waits for that release and then fails with a
        serialization error under REPEATABLE READ. Only the missing registers
        (the first number of a year) are inserted, with ``ON CONFLICT DO
        NOTHING`` so that two transactions creating the same register at once
        do not both insert it.
        Returns {key: register}.
        """
        keys = [(k[0], k[1], k[2], bool(k[3])) for k in dict.fromkeys(keys)]
        if not keys:
            return {}
        # sudo: a register is infrastructure of the unit; access to documents is checked on them
        self.sudo().flush_model()
        found = self._select_registers(keys)
        missing = [k for k in keys if k not in found]
        if missing:
            self.env.cr.execute("""
                INSERT INTO union_document_register
                       (organization_id, company_id, direction, year, is_secret, last_number,
                        create_uid, write_uid, create_date, write_date)
                SELECT k.org, o.company_id, k.direction, k.year, k.secret, 0,
                       %s, %s, now() at time zone 'UTC', now() at time zone 'UTC'
                  FROM unnest(%s::int[], %s::varchar[], %s::int[], %s::bool[]) AS k(org, direction, year, secret)
                  JOIN union_organization o ON o.id = k.org
                ON CONFLICT (organization_id, direction, year, is_secret) DO NOTHING
            """, [self.env.uid, self.env.uid, *self._key_arrays(missing)])
            found.update(self._select_registers(missing))
        return found

    @api.model
    def _key_arrays(self, keys):
        return ([k[0] for k in keys], [k[1] for k in keys], [k[2] for k in keys], [bool(k[3]) for k in keys])

    @api.model
    def _select_registers(self, keys):
        """{key: register} of the existing registers of ``keys`` (one query, no lock)."""
        self.env.cr.execute("""
            SELECT r.id, r.organization_id, r.direction, r.year, r.is_secret
              FROM union_document_register r
              JOIN unnest(%s::int[], %s::varchar[], %s::int[], %s::bool[]) AS k(org, direction, year, secret)
                ON r.organization_id = k.org AND r.direction = k.direction
               AND r.year = k.year AND r.is_secret = k.secret
        """, self._key_arrays(keys))
        return {(row[1], row[2], row[3], row[4]): self.browse(row[0]) for row in self.env.cr.fetchall()}

    def _take_next_numbers(self):
        """Give the next number of each register in ``self`` (locks the rows).

        One statement: the rows are locked with ``FOR UPDATE NOWAIT`` (as Odoo's
        gap-free ``ir.sequence`` does) in id order, then incremented; this is
        the first statement of the release that touches the register rows
        (``_get_registers`` only reads them). The lock holds until the end of
        the transaction: a concurrent release fails at once with a lock error
        (or, under REPEATABLE READ, a serialization error if the row changed
        since its snapshot), and Odoo's request layer retries it
        (``odoo.service.model.retrying``), so it gets the next number; a
        rolled-back transaction gives its number back (no gap), and the unique
        (register, number) constraint makes a duplicate impossible.
        Returns {register_id: number}.
        """
        if not self:
            return {}
        self.flush_recordset()
        self.env.cr.execute("""
            UPDATE union_document_register r
               SET last_number = r.last_number + 1, write_uid = %s, write_date = now() at time zone 'UTC'
              FROM (SELECT id FROM union_document_register
                     WHERE id IN %s ORDER BY id FOR UPDATE NOWAIT) AS locked
             WHERE r.id = locked.id
         RETURNING r.id, r.last_number
        """, [self.env.uid, tuple(self.ids)])
        result = dict(self.env.cr.fetchall())
        self.invalidate_recordset(["last_number"])
        return result

    def _lock_for_manual_number(self, number):
        """Lock the register and accept a hand-typed ``number`` if it is free."""
        self.ensure_one()
        self.flush_recordset()
        self.env.cr.execute("SELECT last_number FROM union_document_register WHERE id = %s FOR UPDATE NOWAIT",
                            [self.id])
        last = self.env.cr.fetchone()[0] or 0
        self.env["union.document"].flush_model(["register_id", "number"])
        self.env.cr.execute("SELECT number FROM union_document WHERE register_id = %s AND number IS NOT NULL",
                            [self.id])
        used = {row[0] for row in self.env.cr.fetchall()}
        try:
            new_last = numbering.check_manual_number(number, used, last)
        except numbering.NumberingError as err:
            if err.code == "duplicate_number":
                raise ValidationError(self.env._(
                    "The number %(number)s is already used in the register \"%(register)s\".",
                    number=number, register=self.name)) from err
            raise ValidationError(self.env._(
                "The number %(number)s is not a valid document number.", number=number)) from err
        if new_last != last:
            self.env.cr.execute("UPDATE union_document_register SET last_number = %s WHERE id = %s",
                                [new_last, self.id])
            self.invalidate_recordset(["last_number"])
        return number

    def action_open_documents(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("union_documents.union_document_action_all")
        action["domain"] = [("register_id", "=", self.id)]
        return action

    def action_print_pdf(self):
        self.ensure_one()
        return self.env.ref("union_documents.union_document_register_report_action").report_action(self)

    def action_export_xlsx(self):
        self.ensure_one()
        content = self._render_xlsx()
        filename = f"so_{'di' if self.direction == 'outgoing' else 'den'}_{self.year}_" \
                   f"{self.organization_id.code}{'_mat' if self.is_secret else ''}.xlsx"
        # the file is a download of data the user has just read through their own access
        return attachment_download_action(self.env, self, filename, content)

    def _get_register_rows(self):
        """Rows of the register in the columns of Decree 30 (DOMAIN.md §8)."""
        self.ensure_one()
        docs = self.env["union.document"].search(
            [("register_id", "=", self.id)], order="number, id")
        return docs._get_register_row_values(self.direction)

    def _get_register_columns(self):
        self.ensure_one()
        if self.direction == "outgoing":
            return [
                ("number_symbol", self.env._("Number and symbol")),
                ("date", self.env._("Date")),
                ("type_summary", self.env._("Type and summary")),
                ("signer", self.env._("Signer")),
                ("recipients", self.env._("Recipients")),
                ("file_keeper", self.env._("Unit or person keeping the file copy")),
                ("copies", self.env._("Copies")),
                ("date_sent", self.env._("Date sent")),
                ("receipt_signature", self.env._("Receipt signature")),
                ("notes", self.env._("Notes")),
            ]
        return [
            ("date_received", self.env._("Date received")),
            ("incoming_number", self.env._("Incoming number")),
            ("issuer", self.env._("Issuer")),
            ("number_symbol", self.env._("Number and symbol")),
            ("date", self.env._("Document date")),
            ("type_summary", self.env._("Type and summary")),
            ("handler", self.env._("Unit or person handling")),
            ("date_passed", self.env._("Date passed on")),
            ("receipt_signature", self.env._("Receipt signature")),
            ("notes", self.env._("Notes")),
        ]

    def _render_xlsx(self):
        import io

        self.ensure_one()
        buf = io.BytesIO()
        book = new_workbook(buf)
        sheet = book.add_worksheet(self.env._("Register"))
        styles = add_styles(book)
        bold, title, cell = styles["head"], styles["title"], styles["wrap"]
        columns = self._get_register_columns()
        print_setup(self.env, sheet, 3)
        sheet.write_string(0, 0, self.organization_id.name or "", title)
        sheet.write_string(1, 0, self.name or "", title)
        for col, (_key, label) in enumerate(columns):
            sheet.write(3, col, label, bold)
            sheet.set_column(col, col, 40 if _key in ("type_summary", "recipients") else 16)
        for row, values in enumerate(self._get_register_rows(), start=4):
            for col, (key, _label) in enumerate(columns):
                # user text stays text: a subject starting with "=" is never a live formula
                sheet.write_string(row, col, values.get(key) or "", cell)
        book.close()
        return buf.getvalue()
