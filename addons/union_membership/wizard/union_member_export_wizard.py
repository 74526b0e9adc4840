import base64
import io
import re
from datetime import date, datetime, time

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..rules import member_sheet as sheet_rules
from ..rules.lifecycle import MEMBER_STATES
from ..tools.xlsx import add_styles, download_action, new_workbook

#: member fields read for the export
EXPORT_FIELDS = [
    "member_code", "name", "gender", "birth_date", "citizen_id", "organization_id", "date_joined",
    "card_number", "ethnicity_id", "religion", "education_level", "job_title", "workplace",
    "party_member", "union_position", "phone", "email", "street", "state",
    "nationality_id", "id_document_type", "id_document_number", "date_employed",
    "contract_date_start", "contract_date_end", "contract_indefinite",
]


class UnionMemberExportWizard(models.TransientModel):
    _name = "union.member.export.wizard"
    _description = "Export Union Members to XLSX"
    _inherit = ["union.reference.check.mixin"]
    _union_checked_references = ("organization_ids",)

    organization_ids = fields.Many2many(
        "union.organization", string="Units", required=True, default=lambda self: self._default_units())
    include_subunits = fields.Boolean(string="Include Sub-units", default=True)
    include_former = fields.Boolean(
        string="Include Former Members",
        help="Also export people who left, were transferred out, expelled or died.")
    one_sheet_per_unit = fields.Boolean(string="One Sheet per Unit")
    file = fields.Binary(attachment=False, readonly=True)
    filename = fields.Char(readonly=True)

    @api.model
    def _default_units(self):
        if self.env.context.get("active_model") == "union.organization" and self.env.context.get("active_ids"):
            return self.env["union.organization"].browse(self.env.context["active_ids"]).exists()
        return self.env.user.union_organization_ids

    def action_export(self):
        self.ensure_one()
        members = self._get_members()
        self.write({
            "file": base64.b64encode(self._build_workbook(members)),
            "filename": self._filename(),
        })
        return download_action(self, "file", self.filename)

    def _filename(self):
        code = self.organization_ids[:1].code if len(self.organization_ids) == 1 else "cac_don_vi"
        code = re.sub(r"[^\w.-]+", "_", code or "")
        return f"doan_vien_{code}_{fields.Date.context_today(self).strftime('%Y%m%d')}.xlsx"

    def _get_members(self):
        """The members to export, as the user may read them (record rules apply)."""
        units = self.organization_ids
        if not units:
            raise UserError(self.env._("Choose at least one unit to export."))
        # a unit outside the user's units is refused, not silently exported empty
        units.check_access("read")
        if self.include_subunits:
            units = units._get_subtree()
        domain = [("organization_id", "in", units.ids)]
        if not self.include_former:
            domain.append(("state", "in", MEMBER_STATES))
        return self.env["union.member"].search(domain, order="organization_id, name, id")

    def _member_rows(self, members):
        """{unit id: [sheet rows]} for the members, read in bulk."""
        records = members.read(EXPORT_FIELDS, load=None)
        units = {unit.id: unit for unit in self.env["union.organization"].browse(
            {rec["organization_id"] for rec in records if rec["organization_id"]})}
        ethnicities = {eth.id: eth.name for eth in self.env["union.ethnicity"].with_context(
            active_test=False).search_fetch([], ["name"])}
        countries = {country.id: country.name for country in self.env["res.country"].with_context(
            lang="vi_VN").browse({rec["nationality_id"] for rec in records if rec["nationality_id"]})}
        rows = {}
        for rec in records:
            unit = units.get(rec["organization_id"])
            rec.update(unit_code=unit.code if unit else "", unit_name=unit.name if unit else "",
                       ethnicity=ethnicities.get(rec["ethnicity_id"], ""),
                       nationality=countries.get(rec["nationality_id"], ""))
            rows.setdefault(rec["organization_id"], []).append(sheet_rules.export_row(rec))
        return rows, units

    def _build_workbook(self, members):
        rows_by_unit, units = self._member_rows(members)
        output = io.BytesIO()
        book = new_workbook(output, constant_memory=True)
        # the sheet is the import template: plain cells (no border), text cells formatted as text
        styles = add_styles(book, cell_date={"num_format": "dd/mm/yyyy"}, cell_text={"num_format": "@"})
        formats = {"header": styles["head"], "date": styles["cell_date"], "text": styles["cell_text"]}
        if self.one_sheet_per_unit and rows_by_unit:
            names = set()
            for unit in sorted(units.values(), key=lambda u: (u.parent_path or "", u.name)):
                title = self._sheet_title(unit, names)
                self._write_sheet(book, title, rows_by_unit.get(unit.id, []), formats)
        else:
            self._write_sheet(book, sheet_rules.TEMPLATE_SHEET,
                              [row for rows in rows_by_unit.values() for row in rows], formats)
        book.close()
        return output.getvalue()

    def _sheet_title(self, unit, used):
        base = re.sub(r"[\[\]:*?/\\']", "-", unit.code or str(unit.id))[:31] or str(unit.id)
        title, counter = base, 1
        while title.lower() in used:
            counter += 1
            title = f"{base[:27]}~{counter}"
        used.add(title.lower())
        return title

    def _write_sheet(self, book, title, rows, formats):
        columns = sheet_rules.COLUMNS + sheet_rules.INFO_COLUMNS
        sheet = book.add_worksheet(title)
        for col_index, col in enumerate(columns):
            is_date = col.kind == "date"
            sheet.set_column(col_index, col_index, 14 if is_date else max(12, len(col.header) + 4))
        sheet.set_row(0, 32)
        for col_index, col in enumerate(columns):
            sheet.write_string(0, col_index, col.header, formats["header"])
        sheet.freeze_panes(1, 0)
        for row_index, row in enumerate(rows, start=1):
            for col_index, value in enumerate(row):
                if value in ("", None, False):
                    continue
                if isinstance(value, date):
                    sheet.write_datetime(row_index, col_index, datetime.combine(value, time()),
                                         formats["date"])
                else:
                    # every other value as text: citizen IDs, codes and phones keep their leading zeros
                    sheet.write_string(row_index, col_index, str(value), formats["text"])
