import base64
import html
import io
import re
import zipfile
from collections import defaultdict
from datetime import date, datetime, time
from itertools import chain, islice

import openpyxl
import python_calamine
from markupsafe import Markup, escape
from openpyxl.utils import get_column_letter, range_boundaries

from odoo import fields, models
from odoo.exceptions import UserError
from odoo.osv import expression

from ..rules import citizen_id as cccd
from ..rules import foreign_member
from ..rules import member_sheet as sheet_rules
from ..tools.upload import check_upload, upload_limits
from ..tools.xlsx import download_action, new_workbook

#: columns read from a member sheet
MAX_COLUMNS = 80
#: errors listed in the summary (the error file has them all)
MAX_SUMMARY_ERRORS = 20

_MERGE_RE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]{1,3}\d+(?::[A-Z]{1,3}\d+)?)"')
#: a cell with a formula in a sheet's XML: its reference, and the formula's text when it has one
_FORMULA_RE = re.compile(
    rb'<(?:\w+:)?c\b[^>]*?\br="([A-Z]{1,3})(\d+)"[^>]*>\s*<(?:\w+:)?f\b[^>]*?(?:/>|>([^<]*)<)')

#: what a formula's tag starts with (with or without a namespace prefix): a part of the sheet's
#: XML without any of these has no formula
_FORMULA_TAGS = (b"<f>", b"<f ", b"<f/", b":f>", b":f ", b":f/")

#: the types of a cell value the import reads as it is (a text starting with "=" is a formula)
_PLAIN_CELL_TYPES = frozenset({str, int, float, bool, date, datetime, time, type(None)})

#: member fields compared with the sheet (the import writes only those that differ)
COMPARED_FIELDS = [
    "name", "gender", "birth_date", "citizen_id", "organization_id", "date_joined", "card_number",
    "ethnicity_id", "religion", "education_level", "job_title", "workplace", "party_member",
    "union_position", "phone", "email", "street",
    "nationality_id", "id_document_type", "id_document_number", "id_document_country_id", "date_employed",
    "contract_date_start", "contract_date_end", "contract_indefinite",
]
#: personal data whose old and new values are not written in the chatter's text, but kept as
#: tracking values (shown only to the users allowed to read the field)
PRIVATE_FIELDS = {"citizen_id", "birth_date", "ethnicity_id", "religion", "party_member",
                  "id_document_number"}


class UnionMemberImportWizard(models.TransientModel):
    _name = "union.member.import.wizard"
    _inherit = ["union.background.job.mixin"]
    _description = "Import Union Members from XLSX"

    state = fields.Selection(
        [("upload", "Upload"), ("running", "In the Background"), ("error", "Errors"), ("done", "Done")],
        default="upload", required=True)
    file = fields.Binary(string="XLSX File", attachment=False)
    filename = fields.Char()
    template_file = fields.Binary(attachment=False, readonly=True)
    template_filename = fields.Char(readonly=True)
    result_file = fields.Binary(string="File with Errors", attachment=False, readonly=True)
    result_filename = fields.Char(readonly=True)
    summary = fields.Text(readonly=True)
    created_count = fields.Integer(string="Created", readonly=True)
    updated_count = fields.Integer(string="Updated", readonly=True)
    unchanged_count = fields.Integer(string="Unchanged", readonly=True)
    error_count = fields.Integer(string="Rows with Errors", readonly=True)

    # --- actions ---------------------------------------------------------------------

    def action_download_template(self):
        self.ensure_one()
        self.write({
            "template_file": base64.b64encode(self._build_template()),
            "template_filename": "mau_nhap_doan_vien.xlsx",
        })
        return self._download("template_file", "template_filename")

    def action_download_result(self):
        self.ensure_one()
        return self._download("result_file", "result_filename")

    def action_import(self):
        """Validate the whole file; then write every row, or none and give back the errors.

        A large file (System Parameter ``union_membership.import_background_min_kb``, 200 KB by
        default: about 2,000 rows) is imported in the background (union.background.job.mixin);
        the wizard shows its progress and its outcome."""
        self.ensure_one()
        if self.state != "upload" or self.union_job_state in ("queued", "running"):
            return self._reopen()  # a second click on Import: the first one goes on
        data = self._get_upload()
        if len(data) < self._background_min_bytes():
            self._import_file(data)
            return self._reopen()
        self.write({"state": "running"})
        self._union_job_start("_import_in_background", self.env._(
            "Import of the members of %(file)s", file=self.filename or "XLSX"))
        return self._reopen()

    def _background_min_bytes(self):
        # sudo: a setting every officer's import follows
        value = self.env["ir.config_parameter"].sudo().get_param(
            "union_membership.import_background_min_kb", "200")
        try:
            return int(float(value) * 1024)
        except ValueError:
            return 200 * 1024

    def _import_in_background(self):
        """The job of a large file (see action_import); its outcome is the wizard's summary
        and, when rows are wrong, the file with the error column."""
        self._import_file(self._get_upload())
        result = {"message": self.summary}
        if self.state == "error":
            result["file"] = (self.result_filename, base64.b64decode(self.result_file))
        return result

    def _import_file(self, data):
        self._union_job_progress(0, note=self.env._("Reading the file"))
        sheets = self._read_sheets(data)
        self._union_job_progress(30, note=self.env._("Checking the rows"))
        lookups, current = self._build_lookups(sheets)
        results = sheet_rules.validate(
            ((row, raw, sheet["title"]) for sheet in sheets for row, raw in sheet["rows"]), lookups)
        if not results:
            raise UserError(self.env._(
                "The file has no member rows under the header row: nothing was imported."))
        bad = [res for res in results if res.errors]
        if bad:
            self._union_job_progress(60, note=self.env._("Writing the file with errors"))
            self._report_errors(data, sheets, results, bad)
        else:
            self._union_job_progress(50, note=self.env._("Writing the members"))
            self._import_rows(results, current)

    def action_restart(self):
        self.ensure_one()
        if self.union_job_state in ("queued", "running"):
            return self._reopen()  # the import under way writes its outcome here
        self.write({"state": "upload", "file": False, "filename": False, "result_file": False,
                    "summary": False, "union_job_id": False})
        return self._reopen()

    def _reopen(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": self.env._("Import Members"),
        }

    def _download(self, field_name, filename_field):
        # the suite's one download URL (tools/xlsx.py)
        return download_action(self, field_name, self[filename_field])

    # --- reading the file ------------------------------------------------------------

    def _get_upload(self):
        data = base64.b64decode(self.file or b"")
        if not data:
            raise UserError(self.env._("Choose an XLSX file to import: the file is empty."))
        try:
            # the zip's directory only (nothing is unpacked): a file that is no zip is no XLSX
            zipfile.ZipFile(io.BytesIO(data)).close()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
            if len(data) > upload_limits(self.env).max_bytes:
                check_upload(self.env, data, self.filename)
            raise self._not_xlsx() from None
        # size, unpacked size, entries and ratio, from the zip's directory, before openpyxl reads
        # anything: a small file that unpacks to hundreds of MB (a zip bomb) is refused here
        return check_upload(self.env, data, self.filename)

    def _not_xlsx(self):
        return UserError(self.env._(
            "The file %(name)s is not an Excel workbook (.xlsx) or is damaged. Save it as "
            "\"Excel Workbook (.xlsx)\", or start from the template.", name=self.filename or ""))

    def _open_workbook(self, data):
        check_upload(self.env, data, self.filename)
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, ValueError, OSError, EOFError):
            raise self._not_xlsx() from None
        try:
            workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
        except Exception:  # noqa: BLE001 - any failure to parse means the upload is not a usable XLSX
            raise self._not_xlsx() from None
        return archive, workbook

    def _read_sheets(self, data):
        """The member sheets of the file: their header and raw rows; refuses malformed files.

        A large file (System Parameter ``union_membership.import_fast_reader_min_kb``, 200 KB by
        default) is read with python-calamine (Rust), several times faster than openpyxl, which
        reads the small ones; both give the same rows (the tests compare them)."""
        if len(data) >= self._fast_reader_min_bytes():
            sheets = self._read_sheets_calamine(data)
        else:
            sheets = self._read_sheets_openpyxl(data)
        if not sheets:
            raise UserError(self.env._(
                "No sheet of this file has the member columns (%(columns)s) in its first %(rows)s rows. "
                "Use the template, or the file exported from the member list.",
                columns=", ".join(col.header for col in sheet_rules.COLUMNS if col.required),
                rows=sheet_rules.HEADER_SEARCH_ROWS))
        return sheets

    def _fast_reader_min_bytes(self):
        # sudo: a setting every officer's import follows
        value = self.env["ir.config_parameter"].sudo().get_param(
            "union_membership.import_fast_reader_min_kb", "200")
        try:
            return int(float(value) * 1024)
        except ValueError:
            return 200 * 1024

    def _read_sheets_openpyxl(self, data):
        archive, workbook = self._open_workbook(data)
        sheets = []
        try:
            for worksheet in workbook.worksheets:
                worksheet.reset_dimensions()  # a wrong dimension tag must not make us read empty cells
                rows = worksheet.iter_rows(max_col=MAX_COLUMNS, values_only=True)
                sheet = self._read_sheet(worksheet.title, rows, lambda ws=worksheet: [
                    (ref, range_boundaries(ref)[3]) for ref in self._merged_ranges(archive, ws)])
                if sheet:
                    sheets.append(sheet)
        finally:
            workbook.close()
        return sheets

    def _read_sheets_calamine(self, data):
        check_upload(self.env, data, self.filename)
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
            workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
            paths = self._sheet_paths(archive)
        except Exception:  # noqa: BLE001 - any failure to parse means the upload is not a usable XLSX
            raise self._not_xlsx() from None
        sheets = []
        try:
            for meta in workbook.sheets_metadata:
                if str(meta.typ).rsplit(".", 1)[-1] != "WorkSheet":
                    continue
                try:
                    worksheet = workbook.get_sheet_by_name(meta.name)
                except Exception:  # noqa: BLE001 - a damaged sheet part is an unreadable file
                    raise self._not_xlsx() from None
                formulas = self._formula_cells(archive, paths.get(meta.name))
                sheet = self._read_sheet(
                    meta.name, self._calamine_rows(worksheet, formulas),
                    lambda ws=worksheet: [
                        (f"{get_column_letter(start[1] + 1)}{start[0] + 1}:{get_column_letter(end[1] + 1)}{end[0] + 1}",
                         end[0] + 1) for start, end in (ws.merged_cell_ranges or [])])
                if sheet:
                    sheets.append(sheet)
        finally:
            workbook.close()
        return sheets

    @staticmethod
    def _calamine_rows(worksheet, formulas):
        """The rows as openpyxl gives them: None for an empty cell, whole numbers as int, a
        date as a datetime, a formula as its text (``=...``), at most MAX_COLUMNS cells."""
        # calamine's rows start at the sheet's first row, its columns at the first used one
        first_col = (worksheet.start or (0, 0))[1]
        by_row = defaultdict(dict)
        for (row_index, col_index), formula in (formulas or {}).items():
            by_row[row_index][col_index - 1] = "=" + formula
        midnight = time()
        combine = datetime.combine
        lead = (None,) * first_col
        limit = MAX_COLUMNS - first_col
        for row_index, cells in enumerate(worksheet.iter_rows(), start=1):
            # one comprehension per row (the branches inline: 100,000 rows of 20 cells)
            row = lead + tuple([
                (value or None) if value.__class__ is str
                else (int(value) if value.is_integer() else value) if value.__class__ is float
                else combine(value, midnight) if value.__class__ is date
                else value
                for value in cells[:limit]])
            formulas_of_row = by_row.get(row_index)
            if formulas_of_row:
                row = list(row)
                for index, formula in formulas_of_row.items():
                    if index < len(row):
                        row[index] = formula
                row = tuple(row)
            yield row

    @staticmethod
    def _sheet_paths(archive):
        """{sheet name: path of its XML in the zip}, from the workbook and its relationships."""
        relationships = {}
        rels = archive.read("xl/_rels/workbook.xml.rels").decode("utf-8")
        for match in re.finditer(r'<(?:\w+:)?Relationship\b([^>]*)/?>', rels):
            attrs = dict(re.findall(r'(\w+)="([^"]*)"', match.group(1)))
            target = attrs.get("Target", "")
            target = target.lstrip("/") if target.startswith("/") else "xl/" + target
            relationships[attrs.get("Id")] = target
        book = archive.read("xl/workbook.xml").decode("utf-8")
        paths = {}
        for match in re.finditer(r'<(?:\w+:)?sheet\b([^>]*)/?>', book):
            attrs = dict(re.findall(r'([\w:]+)="([^"]*)"', match.group(1)))
            rid = next((value for key, value in attrs.items() if key.endswith(":id")), None)
            name = attrs.get("name", "").replace("&amp;", "&").replace("&lt;", "<").replace(
                "&gt;", ">").replace("&quot;", '"').replace("&apos;", "'")
            if rid in relationships:
                paths[name] = relationships[rid]
        return paths

    @staticmethod
    def _formula_cells(archive, path):
        """{(row, column), 1-based: formula text} of a sheet, read from its XML (calamine gives
        the values that formulas last computed, never the formulas)."""
        if not path:
            return {}
        formulas, tail = {}, b""
        with archive.open(path) as stream:
            while chunk := stream.read(1 << 20):
                buffer = tail + chunk
                tail = buffer[-512:]
                if not any(tag in buffer for tag in _FORMULA_TAGS):
                    continue  # no formula in this part (the common case): no cell-by-cell scan
                for match in _FORMULA_RE.finditer(buffer):
                    col = 0
                    for letter in match.group(1):
                        col = col * 26 + letter - 64
                    text = (match.group(3) or b"").decode("utf-8", "replace")
                    formulas[int(match.group(2)), col] = html.unescape(text)
        return formulas

    def _read_sheet(self, title, rows, merged_ranges):
        """One sheet's header and raw rows (None when it has no member header): ``rows`` its
        cells row by row, ``merged_ranges()`` its merged ranges as [(reference, last row)]."""
        try:
            head = list(islice(rows, sheet_rules.HEADER_SEARCH_ROWS))
            found = sheet_rules.find_header(head)
            if not found:
                return None
            index, colmap, missing, duplicates = found
            header_row = index + 1
            if missing:
                raise UserError(self.env._(
                    "The sheet \"%(sheet)s\" lacks the required column(s): %(columns)s (header row %(row)s).",
                    sheet=title, columns=", ".join(missing), row=header_row))
            if duplicates:
                raise UserError(self.env._(
                    "The sheet \"%(sheet)s\" has the column(s) %(columns)s twice.",
                    sheet=title, columns=", ".join(duplicates)))
            for ref, last_row in merged_ranges():
                if last_row >= header_row:
                    raise UserError(self.env._(
                        "The sheet \"%(sheet)s\" has merged cells (%(range)s) in its header or rows. "
                        "Unmerge them so that every column has its own header and value.",
                        sheet=title, range=ref))
            read = {key: idx for key, idx in colmap.items() if key in sheet_rules.COLUMN_BY_KEY
                    and sheet_rules.COLUMN_BY_KEY[key].kind != "info"}
            keys, indexes = tuple(read), tuple(read.values())
            last = max(indexes)
            width = 0
            raw_rows = []
            for row_number, cells in enumerate(chain(head, rows), start=1):
                used = len(cells)
                if used > width:
                    while used and cells[used - 1] is None:
                        used -= 1
                    width = max(width, used)
                if row_number <= header_row:
                    continue
                if len(cells) > last:
                    values = tuple([cells[idx] for idx in indexes])
                else:
                    values = tuple([cells[idx] if idx < len(cells) else None for idx in indexes])
                if values.count(None) == len(values):
                    continue
                for idx, value in zip(indexes, values):
                    cls = value.__class__
                    if cls in _PLAIN_CELL_TYPES and not (cls is str and value.startswith("=")):
                        continue
                    if value is not None and (
                            isinstance(value, str) and value.startswith("=") or not isinstance(
                                value, (str, int, float, bool, date, datetime, time))):
                        cell = get_column_letter(idx + 1) + str(row_number)
                        raise UserError(self.env._(
                            "The cell %(cell)s of the sheet \"%(sheet)s\" holds a formula (%(formula)s). "
                            "Copy the column and paste it back as values, then import again.",
                            cell=cell, sheet=title, formula=str(getattr(value, "text", value))[:60]))
                raw_rows.append((row_number, dict(zip(keys, values))))
        except UserError:
            raise
        except Exception:  # noqa: BLE001 - a damaged sheet part is an unreadable file, not a crash
            raise self._not_xlsx() from None
        return {"title": title, "header_row": header_row, "rows": raw_rows,
                "error_col": colmap.get("error", width), "colmap": colmap}

    def _merged_ranges(self, archive, worksheet):
        """The merged ranges of a sheet, read from its XML (read-only sheets do not list them)."""
        path = getattr(worksheet, "_worksheet_path", None)
        if not path:
            return []
        refs, tail = [], b""
        with archive.open(path.lstrip("/")) as stream:
            while chunk := stream.read(1 << 20):
                buffer = tail + chunk
                refs.extend(match.group(1).decode() for match in _MERGE_RE.finditer(buffer))
                tail = buffer[-256:]
        return list(dict.fromkeys(refs))

    # --- lookups (one query each, whatever the number of rows) --------------------------

    def _build_lookups(self, sheets):
        raws = [raw for sheet in sheets for _row, raw in sheet["rows"]]
        texts = defaultdict(set)
        for raw in raws:
            for key in ("unit_code", "member_code", "card_number"):
                if not sheet_rules.is_empty(raw.get(key)):
                    texts[key].add(sheet_rules.as_text(raw[key]))
            if not sheet_rules.is_empty(raw.get("citizen_id")):
                texts["citizen_id"].add(cccd.normalize(raw["citizen_id"], pad=True))
                # a passport or work-permit number, as the row would read it (too long: not looked up)
                number = sheet_rules.as_text(raw["citizen_id"]).replace(" ", "").upper()
                if len(number) <= 30:
                    texts["id_document_number"].add(number)
        # units the user may import into: the active ones their record rules let them see
        # (an ended unit is accepted only as the unchanged unit of one of its former members)
        units = self.env["union.organization"].with_context(active_test=False).search_fetch(
            [("code", "in", sorted(texts["unit_code"]))], ["code", "state", "active"]
        ) if texts["unit_code"] else self.env["union.organization"]
        ethnicities = {}
        for ethnicity in self.env["union.ethnicity"].search_fetch([], ["name", "code"]):
            ethnicities[sheet_rules.fold(ethnicity.code)] = ethnicity.id
            ethnicities[sheet_rules.fold(ethnicity.name)] = ethnicity.id
        domains = [[(fname, "in", sorted(texts[key]))] for key, fname in (
            ("citizen_id", "citizen_id"), ("member_code", "member_code"), ("card_number", "card_number"),
            ("id_document_number", "id_document_number"))
            if texts[key]]
        # sudo: the identifiers are unique among all members, also those of units the user does
        # not manage; they are looked up to refuse such rows (without showing those members)
        members = self.env["union.member"].sudo().with_context(active_test=False).search_fetch(
            expression.OR(domains), ["citizen_id", "member_code", "card_number", "state", "organization_id",
                                     "id_document_type", "id_document_country_id", "id_document_number"]
        ) if domains else self.env["union.member"].sudo()
        accessible = set(self.env["union.member"].with_context(active_test=False).search(
            [("id", "in", members.ids)]).ids) if members else set()
        country_codes = {country.id: country.code for country in self.env["res.country"].search_fetch([], ["code"])}
        lookups = sheet_rules.Lookups(
            today=fields.Date.context_today(self),
            units={unit.code: unit.id for unit in units if unit.state == "active" and unit.active},
            ended_units={unit.code: unit.id for unit in units if unit.state != "active" or not unit.active},
            ethnicities=ethnicities,
            members_by_citizen_id={m.citizen_id: m.id for m in members if m.citizen_id},
            members_by_code={m.member_code: m.id for m in members if m.member_code},
            members_by_card={m.card_number: m.id for m in members if m.card_number},
            members={m.id: sheet_rules.MemberInfo(m.id, m.id in accessible, m.state, m.organization_id.id)
                     for m in members},
            # a spreadsheet drops the leading zero of a number: only the import puts it back
            normalize_citizen_id=lambda value: cccd.normalize(value, pad=True),
            is_valid_citizen_id=cccd.is_valid,
            citizen_id_mismatches=cccd.mismatches,
            countries=self._country_lookup(),
            vietnam_id=self.env.ref("base.vn").id,
            members_by_document={
                (m.id_document_type, m.id_document_country_id.id, m.id_document_number): m.id
                for m in members if m.id_document_number},
            foreign_admission_problems=lambda values: self._foreign_admission_problems(values, country_codes),
        )
        mine = members.filtered(lambda m: m.id in accessible)
        current = {row["id"]: row for row in mine.read(COMPARED_FIELDS, load=None)} if mine else {}
        return lookups, current

    def _country_lookup(self):
        """{folded name (Vietnamese and English) or ISO code: country id}, for the nationality column."""
        countries = {}
        # the English names (the source language, always readable) and the Vietnamese ones when
        # that language is installed (reading an inactive one fails)
        for lang in ["en_US", *(["vi_VN"] if self.env["res.lang"]._lang_get("vi_VN") else [])]:
            for country in self.env["res.country"].with_context(lang=lang).search_fetch([], ["name", "code"]):
                countries[sheet_rules.fold(country.name)] = country.id
                countries[sheet_rules.fold(country.code)] = country.id
        by_code = {code: country_id for code, country_id in countries.items() if len(code) == 2}
        for alias, code in sheet_rules.COUNTRY_ALIASES.items():
            if code.casefold() in by_code:
                countries.setdefault(alias, by_code[code.casefold()])
        return countries

    def _foreign_admission_problems(self, values, codes):
        """What keeps the new member of a row from admission (``codes``: {country id: ISO code})."""
        return foreign_member.admission_problems(
            codes.get(values.get("nationality_id")) if values.get("nationality_id") else "VN",
            values.get("id_document_type", "citizen_id"), values.get("id_document_number"),
            values.get("id_document_country_id"), values.get("contract_date_start"),
            values.get("contract_date_end"), values.get("contract_indefinite"))

    # --- errors ------------------------------------------------------------------------

    def _error_message(self, err):
        _ = self.env._
        params = dict(err.params or {}, column=err.column, value=err.value)
        code = err.code
        if code == "required":
            return _("Column \"%(column)s\" is required.", **params)
        if code == "required_new":
            return _("Column \"%(column)s\": a new member needs a citizen ID (or, for a foreign member, "
                     "a passport or work permit number).", **params)
        if code == "bad_date":
            return _("Column \"%(column)s\": \"%(value)s\" is not a date (write it as dd/mm/yyyy).", **params)
        if code == "future_date":
            return _("Column \"%(column)s\": the date %(value)s is in the future.", **params)
        if code == "joined_before_birth":
            return _("Column \"%(column)s\": the member cannot have joined (%(value)s) before being born.",
                     **params)
        if code == "bad_gender":
            return _("Column \"%(column)s\": \"%(value)s\" is not a gender (write Nam or Nữ).", **params)
        if code == "bad_bool":
            return _("Column \"%(column)s\": \"%(value)s\" is not understood (write x for yes, "
                     "leave the cell empty for no).", **params)
        if code == "bad_education":
            return _("Column \"%(column)s\": \"%(value)s\" is not an education level (%(choices)s).",
                     choices=", ".join(sheet_rules.EDUCATION_LABELS.values()), **params)
        if code == "too_long":
            return _("Column \"%(column)s\": the value is longer than %(max)s characters.", **params)
        if code == "bad_phone":
            return _("Column \"%(column)s\": \"%(value)s\" is not a phone number.", **params)
        if code == "bad_email":
            return _("Column \"%(column)s\": \"%(value)s\" is not an e-mail address.", **params)
        if code == "bad_citizen_id":
            return _("Column \"%(column)s\": \"%(value)s\" is not a valid citizen ID (12 digits, "
                     "starting with a province code from 001 to 096).", **params)
        if code == "citizen_id_birth_year":
            return _("Column \"%(column)s\": the citizen ID %(value)s says born in %(id_year)s "
                     "(digits 4 to 6: %(digits)s), but the birth date is in %(year)s.", **params)
        if code == "citizen_id_gender":
            genders = dict(self.env["union.member"]._fields["gender"]._description_selection(self.env))
            params.update(id_gender=genders[params["id_gender"]].lower(), gender=genders[params["gender"]].lower())
            return _("Column \"%(column)s\": the citizen ID %(value)s is that of a %(id_gender)s "
                     "(4th digit: %(digit)s), but the sex is %(gender)s.", **params)
        if code == "unknown_unit":
            return _("Column \"%(column)s\": the unit code \"%(value)s\" does not exist, is no longer "
                     "active, or is not a unit you manage.", **params)
        if code == "unknown_ethnicity":
            return _("Column \"%(column)s\": \"%(value)s\" is not one of the 54 ethnic groups.", **params)
        if code == "duplicate_in_file":
            return _("Column \"%(column)s\": \"%(value)s\" is already used in row %(first_row)s of the file.",
                     **params)
        if code == "unknown_member_code":
            return _("Column \"%(column)s\": no member has the code \"%(value)s\" (leave the cell empty "
                     "for a new member).", **params)
        if code == "citizen_id_other_member":
            return _("Column \"%(column)s\": the citizen ID \"%(value)s\" belongs to another member than "
                     "the member code of this row.", **params)
        if code == "unknown_country":
            return _("Column \"%(column)s\": \"%(value)s\" is not a country (write its name, e.g. Việt Nam, "
                     "Hàn Quốc, or its code, e.g. KR).", **params)
        if code == "bad_document_type":
            return _("Column \"%(column)s\": \"%(value)s\" is not a kind of identity document (%(choices)s).",
                     choices=", ".join(sheet_rules.DOCUMENT_TYPE_LABELS.values()), **params)
        if code == "citizen_id_foreigner":
            return _("Column \"%(column)s\": a citizen ID (CCCD) is a Vietnamese document; for a member of "
                     "another nationality write Hộ chiếu or Giấy phép lao động.", **params)
        if code == "required_document":
            return _("Column \"%(column)s\": write the number of the passport or work permit.", **params)
        if code == "required_nationality":
            return _("Column \"%(column)s\": write the nationality of the member who holds this passport "
                     "or work permit.", **params)
        if code == "foreign_admission":
            member = self.env["union.member"]
            return _("Column \"%(column)s\": %(message)s", column=params["column"],
                     message=member._foreign_admission_message(_("this member"), params["problems"]))
        if code == "card_taken":
            return _("Column \"%(column)s\": the card number \"%(value)s\" belongs to another member.",
                     **params)
        if code == "member_not_accessible":
            # nothing about the value: whose it is must not be told to an officer of another unit
            return _("This row cannot be imported. The union administrator can help.")
        if code == "former_member_unit":
            return _("Column \"%(column)s\": the member is no longer in the union and cannot be moved to "
                     "\"%(value)s\"; record a readmission first.", **params)
        return _("Column \"%(column)s\": \"%(value)s\" is not valid.", **params)

    def _row_label(self, res, several_sheets):
        if several_sheets:
            return self.env._("Sheet \"%(sheet)s\", row %(row)s", sheet=res.sheet, row=res.row)
        return self.env._("Row %(row)s", row=res.row)

    def _report_errors(self, data, sheets, results, bad):
        several = len(sheets) > 1
        texts = {(res.sheet, res.row): "; ".join(self._error_message(err) for err in res.errors)
                 for res in bad}
        lines = [f"{self._row_label(res, several)}: {texts[res.sheet, res.row]}"
                 for res in bad[:MAX_SUMMARY_ERRORS]]
        if len(bad) > MAX_SUMMARY_ERRORS:
            lines.append(self.env._("… and %(count)s more rows with errors.", count=len(bad) - MAX_SUMMARY_ERRORS))
        summary = self.env._(
            "%(bad)s of %(total)s rows have errors, so nothing was imported. Download the file with "
            "the \"%(column)s\" column, correct those rows and import it again.",
            bad=len(bad), total=len(results), column=sheet_rules.ERROR_HEADER)
        stem = re.sub(r"\.xlsx?$", "", self.filename or "doan_vien", flags=re.IGNORECASE)
        self.write({
            "state": "error",
            "summary": summary + "\n\n" + "\n".join(lines),
            "error_count": len(bad),
            "created_count": 0, "updated_count": 0, "unchanged_count": 0,
            "result_file": base64.b64encode(self._build_error_workbook(data, sheets, texts)),
            "result_filename": f"{stem}_loi.xlsx",
        })

    def _build_error_workbook(self, data, sheets, texts):
        """The uploaded workbook again, every sheet and value, with the error column filled.

        Streams row by row (constant memory), so a file of 100,000 rows fits.
        """
        info = {sheet["title"]: sheet for sheet in sheets}
        _archive, workbook = self._open_workbook(data)
        output = io.BytesIO()
        book = new_workbook(output, constant_memory=True)
        date_format = book.add_format({"num_format": "dd/mm/yyyy"})
        header_format = book.add_format({"bold": True, "bg_color": "#F8CBAD", "border": 1})
        error_format = book.add_format({"font_color": "#C00000", "bold": True, "text_wrap": False})
        try:
            for worksheet in workbook.worksheets:
                worksheet.reset_dimensions()
                sheet = book.add_worksheet(worksheet.title)
                member_sheet = info.get(worksheet.title)
                error_col = member_sheet["error_col"] if member_sheet else None
                if member_sheet:
                    sheet.set_column(error_col, error_col, 60)
                for row_index, cells in enumerate(worksheet.iter_rows(values_only=True)):
                    row_number = row_index + 1
                    for col_index, value in enumerate(cells):
                        if col_index != error_col:
                            self._write_cell(sheet, row_index, col_index, value, date_format)
                    if not member_sheet:
                        continue
                    if row_number == member_sheet["header_row"]:
                        sheet.write_string(row_index, error_col, sheet_rules.ERROR_HEADER, header_format)
                    elif (worksheet.title, row_number) in texts:
                        sheet.write_string(row_index, error_col, texts[worksheet.title, row_number],
                                           error_format)
        finally:
            workbook.close()
        book.close()
        return output.getvalue()

    def _write_cell(self, sheet, row, col, value, date_format):
        if value is None:
            return
        if isinstance(value, bool):
            sheet.write_boolean(row, col, value)
        elif isinstance(value, (int, float)):
            sheet.write_number(row, col, value)
        elif isinstance(value, datetime):
            sheet.write_datetime(row, col, value, date_format)
        elif isinstance(value, date):
            sheet.write_datetime(row, col, datetime.combine(value, time()), date_format)
        elif isinstance(value, str) and value.startswith("=") and len(value) > 1:
            sheet.write_formula(row, col, value)
        else:
            sheet.write_string(row, col, str(getattr(value, "text", value))[:32767])

    # --- writing -------------------------------------------------------------------------

    def _import_rows(self, results, current):
        reason = self.env._("Imported from the file %(name)s.", name=self.filename or "XLSX")
        new_rows = [res for res in results if not res.member_id]
        created = self._create_members([self._prepare_member_vals(res.values) for res in new_rows], reason)
        self._union_job_progress(80, note=self.env._("Updating the known members"))
        updated, unchanged = self._update_members([res for res in results if res.member_id], current, reason)
        self.write({
            "state": "done",
            "created_count": len(created), "updated_count": updated, "unchanged_count": unchanged,
            "error_count": 0,
            "summary": self.env._(
                "Import done: %(created)s member(s) created, %(updated)s updated, %(unchanged)s unchanged.",
                created=len(created), updated=updated, unchanged=unchanged),
        })

    def _prepare_member_vals(self, values):
        vals = {key: value for key, value in values.items() if key != "member_code"}
        return vals

    def _create_members(self, vals_list, reason):
        """New members and their admission events, each in one batch insert (see
        models/union_member_import.py); the ORM's create when the fast path does not apply."""
        if not vals_list:
            return self.env["union.member"]
        return self.env["union.member"]._union_import_create(self._with_helper_defaults(vals_list), reason)

    def _with_helper_defaults(self, vals_list):
        """Give every row the defaults of the contact's non-stored helper fields, computed once.

        Other modules put defaults on non-stored contact fields (e.g. account counts the
        invoice report templates): computed per row by the ORM's create, they would cost a
        query per member (the fast path computes every default once anyway).
        """
        Partner = self.env["res.partner"]
        names = [name for name, field in Partner._fields.items()
                 if field.default and not field.store and not field.inverse and not field.compute]
        defaults = Partner.default_get(names) if names else {}
        return [dict(defaults, **vals) for vals in vals_list]

    def _update_members(self, rows, current, reason):
        """Write only what differs, grouped by identical values; a unit change is a transfer event."""
        groups = defaultdict(list)
        transfers = []
        logs = {}
        diffs = {}
        for res in rows:
            old = current[res.member_id]
            diff = sheet_rules.changes(res.values, old)
            unit_id = diff.pop("organization_id", None)
            if unit_id:
                transfers.append((res.member_id, unit_id))
            if diff:
                groups[tuple(sorted(diff.items()))].append(res.member_id)
                logs[res.member_id] = self._change_log(diff, old)
                diffs[res.member_id] = diff
        Member = self.env["union.member"].with_context(tracking_disable=True)
        changed = Member.browse(sorted(set(logs) | {mid for mid, _unit in transfers}))
        if not changed:
            return 0, len(rows)
        changed.check_access("write")
        # sudo: write access to every member of the file was checked above in one query;
        # citizen ID and birth date are officer-only fields the officer may write
        batch = changed.sudo()
        for items, member_ids in groups.items():
            # one prefetch set for all the groups: what a write reads is read once for the batch
            batch.browse(member_ids).with_prefetch(batch._prefetch_ids).write(dict(items))
        if transfers:
            self.env["union.member.event"].create([{
                "member_id": member_id, "event_type": "transfer", "organization_id": unit_id,
                "date": fields.Date.context_today(self), "reason": reason,
            } for member_id, unit_id in transfers])
        if logs:
            messages = Member.browse(list(logs))._message_log_batch(bodies=logs)
            self._track_private_changes(messages, diffs, current)
        return len(changed), len(rows) - len(changed)

    def _track_private_changes(self, messages, diffs, current):
        """Old and new values of the personal data changed by the import, as tracking values of
        the import's notes (one insert): the administrator and the member's officers see them,
        nobody else (mail.tracking.value shows a value only to users who may read its field)."""
        Member = self.env["union.member"].sudo()
        names = sorted(PRIVATE_FIELDS)
        info = Member.fields_get(names, attributes=("string", "type", "selection", "currency_field"))
        Tracking = self.env["mail.tracking.value"].sudo()
        vals_list = []
        for message in messages:
            member = Member.browse(message.res_id)
            for name in names:
                if name not in diffs.get(member.id, {}):
                    continue
                old, new = current[member.id].get(name), diffs[member.id][name]
                if info[name]["type"] == "many2one":
                    comodel = Member._fields[name].comodel_name
                    old, new = self.env[comodel].sudo().browse(old or ()), self.env[comodel].sudo().browse(new or ())
                vals = Tracking._create_tracking_values(old, new, name, info[name], member)
                vals_list.append(dict(vals, mail_message_id=message.id))
        if vals_list:
            # sudo: tracking values are written by the system, as mail's own tracking does
            Tracking.create(vals_list)

    def _change_log(self, diff, old):
        """The chatter note of one member's changes (no values for private data)."""
        labels = {name: field.get_description(self.env)["string"]
                  for name, field in self.env["union.member"]._fields.items() if name in diff}
        items = Markup()
        for name in sorted(diff):
            if name in PRIVATE_FIELDS:
                items += Markup("<li>%s</li>") % labels[name]
            else:
                items += Markup("<li>%s: %s → %s</li>") % (
                    labels[name], self._display(name, old.get(name)), self._display(name, diff[name]))
        return Markup("<p>%s</p><ul>%s</ul>") % (self.env._("Updated from an XLSX import:"), items)

    def _display(self, name, value):
        if value in (None, False, ""):
            return "—"
        field = self.env["union.member"]._fields[name]
        if field.type == "selection":
            return dict(field._description_selection(self.env)).get(value, value)
        if field.type == "boolean":
            return self.env._("Yes") if value else self.env._("No")
        if isinstance(value, date):
            return value.strftime("%d/%m/%Y")
        return escape(str(value))

    # --- template --------------------------------------------------------------------

    def _build_template(self):
        """The XLSX template: the member columns, an example row, and the units the user may use."""
        units = self.env["union.organization"].search([("state", "=", "active")])
        output = io.BytesIO()
        book = new_workbook(output)
        header = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True,
                                  "valign": "vcenter"})
        required = book.add_format({"bold": True, "bg_color": "#F8CBAD", "border": 1, "text_wrap": True,
                                    "valign": "vcenter"})
        text = book.add_format({"num_format": "@"})
        day = book.add_format({"num_format": "dd/mm/yyyy"})
        example_text = book.add_format({"num_format": "@", "italic": True, "font_color": "#7F7F7F"})
        example_day = book.add_format({"num_format": "dd/mm/yyyy", "italic": True, "font_color": "#7F7F7F"})
        sheet = book.add_worksheet(sheet_rules.TEMPLATE_SHEET)
        sheet.freeze_panes(1, 0)
        sheet.set_row(0, 32)
        example = dict(sheet_rules.EXAMPLE_ROW, unit_code=units[:1].code or "")
        for col_index, col in enumerate(sheet_rules.COLUMNS):
            is_date = col.kind == "date"
            sheet.set_column(col_index, col_index, 14 if is_date else max(12, len(col.header) + 4),
                             day if is_date else text)
            sheet.write_string(0, col_index, col.header, required if col.required else header)
            value = example.get(col.key)
            if isinstance(value, date):
                sheet.write_datetime(1, col_index, datetime.combine(value, time()), example_day)
            elif value:
                sheet.write_string(1, col_index, value, example_text)
            last = 100000
            if col.kind == "gender":
                sheet.data_validation(1, col_index, last, col_index, {
                    "validate": "list", "source": list(sheet_rules.GENDER_LABELS.values())})
            elif col.kind == "bool":
                sheet.data_validation(1, col_index, last, col_index, {"validate": "list", "source": ["x"]})
            elif col.kind == "education":
                sheet.data_validation(1, col_index, last, col_index, {
                    "validate": "list", "source": list(sheet_rules.EDUCATION_LABELS.values())})
            elif col.kind == "document_type":
                sheet.data_validation(1, col_index, last, col_index, {
                    "validate": "list", "source": list(sheet_rules.DOCUMENT_TYPE_LABELS.values())})
        sheet.write_comment(1, 1, "Dòng mẫu: sửa thành đoàn viên thật hoặc xóa dòng này trước khi nhập. "
                                  "Ngày viết dd/mm/yyyy; Giới tính: Nam/Nữ; Đảng viên: x.")
        units_sheet = book.add_worksheet(sheet_rules.UNITS_SHEET)
        for col_index, title in enumerate(sheet_rules.UNITS_HEADERS):
            units_sheet.write_string(0, col_index, title, header)
        units_sheet.set_column(0, 0, 16)
        units_sheet.set_column(1, 2, 45)
        for row_index, unit in enumerate(units, start=1):
            units_sheet.write_string(row_index, 0, unit.code)
            units_sheet.write_string(row_index, 1, unit.name)
            # the parent is shown only when the user may read it (an officer's own unit has none)
            units_sheet.write_string(row_index, 2, unit.parent_id.name if unit.parent_id in units else "")
        book.close()
        return output.getvalue()
