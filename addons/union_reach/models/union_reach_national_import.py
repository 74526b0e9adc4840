import base64
import io

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.union_membership.tools import bulk
from odoo.addons.union_membership.tools.upload import check_upload
from odoo.addons.union_membership.tools.xlsx import attachment_download_action, new_workbook

from ..rules import national

#: difference lines written per batch (one progress step each)
DIFF_BATCH = 20000

DIFF_KINDS = [
    ("only_file", "Only in the national file"),
    ("only_suite", "Only in the suite"),
    ("unit", "Different unit"),
    ("state", "Different state"),
    ("card_number", "Different card number"),
    ("national_code", "Different national code"),
]


class UnionReachNationalImport(models.Model):
    """One comparison of the national software's export with the suite's members.

    Comparing writes only this record and its difference lines; members change only when the
    officer accepts the national codes and card numbers, in one action.
    """

    _name = "union.reach.national.import"
    _description = "National Register Comparison"
    _inherit = ["union.reference.check.mixin", "union.background.job.mixin"]
    _order = "create_date desc, id desc"
    _union_checked_references = ("organization_id",)

    name = fields.Char(required=True, default=lambda self: self.env._("National register comparison"))
    organization_id = fields.Many2one(
        "union.organization", string="Unit", required=True, index=True,
        help="The suite's members of this unit and every unit below it are compared with the file.")
    mapping_id = fields.Many2one(
        "union.reach.national.mapping", string="Column Mapping", required=True,
        default=lambda self: self.env["union.reach.national.mapping"].search([], limit=1))
    mapping_official_checked = fields.Boolean(related="mapping_id.official_checked")
    file = fields.Binary(string="National Export (XLSX)", attachment=True)
    filename = fields.Char()
    state = fields.Selection([("draft", "Draft"), ("compared", "Compared"), ("accepted", "Accepted")],
                             default="draft", required=True, readonly=True)
    row_count = fields.Integer(string="Rows in the File", readonly=True)
    diff_ids = fields.One2many("union.reach.national.diff", "import_id", string="Differences", readonly=True)
    diff_count = fields.Integer(compute="_compute_diff_count")
    accepted_count = fields.Integer(string="Members Updated", readonly=True)

    @api.depends("diff_ids")
    def _compute_diff_count(self):
        counts = dict(self.env["union.reach.national.diff"]._read_group(
            [("import_id", "in", self.ids)], ["import_id"], ["__count"]))
        for record in self:
            record.diff_count = counts.get(record, 0)

    def _file_message(self, err):
        _ = self.env._
        if err.code == "not_xlsx":
            return _("%(file)s is not an Excel workbook (.xlsx) exported by the national member software.",
                     file=self.filename or _("The file"))
        if err.code == "empty":
            return _("%(file)s has no column titles in row %(row)s.", file=self.filename or "",
                     row=self.mapping_id.header_row)
        if err.code == "missing_columns":
            return _("The file does not match the mapping %(mapping)s: the columns %(columns)s are "
                     "missing in row %(row)s, whose titles are: %(found)s. Choose another mapping, or ask an "
                     "administrator to build one from this file (Build a Mapping from this File).",
                     mapping=self.mapping_id.name, columns=err.params["columns"],
                     row=self.mapping_id.header_row, found=err.params.get("found") or "-")
        return _("Row %(row)s, column %(column)s: the value %(value)s cannot be read.", **err.params)

    def _suite_members(self):
        """The suite's members of the unit's subtree as plain dicts (one read)."""
        # sudo: the officer compares their own units' members (the unit is checked on write);
        # reading as dicts in one query keeps 100,000 members fast
        units = self.env["union.organization"].search([("id", "child_of", self.organization_id.id)])
        codes = dict(units.sudo().mapped(lambda u: (u.id, u.code)))
        rows = self.env["union.member"].sudo().with_context(active_test=False).search_read(
            [("organization_id", "in", units.ids)],
            ["name", "birth_date", "citizen_id", "id_document_number", "organization_id", "state",
             "card_number", "national_code"], load=False)
        for row in rows:
            row["unit_code"] = codes.get(row["organization_id"], "")
        return rows

    def action_compare(self):
        """Compare the file with the suite's members of the unit's tree.

        A large file (System Parameter ``union_reach.national_background_min_kb``, 100 KB by
        default: about 2,000 rows) is compared in the background (union.background.job.mixin):
        the form shows the progress, the officer is notified, and a second click while it runs
        starts nothing."""
        self.ensure_one()
        if self.union_job_state in ("queued", "running"):
            return True  # a second click on Compare: the first comparison goes on
        data = self._compare_checks()
        if len(data) < self._background_min_bytes():
            self._compare_file(data)
            return True
        self._union_job_start("_compare_in_background", self.env._(
            "National register comparison of %(unit)s", unit=self.organization_id.display_name))
        return True

    def _compare_checks(self):
        """What is refused at once, before any job: access, the unit, a missing or oversized file."""
        self.check_access("write")
        if self.state == "accepted":
            raise UserError(self.env._("This comparison is accepted already: start a new one."))
        self.organization_id._union_reach_check_managed()
        if not self.file:
            raise UserError(self.env._("Upload the national member software's export first."))
        data = base64.b64decode(self.file)
        check_upload(self.env, data, self.filename)
        return data

    def _background_min_bytes(self):
        # sudo: a setting every officer's comparison follows
        value = self.env["ir.config_parameter"].sudo().get_param(
            "union_reach.national_background_min_kb", "100")
        try:
            return int(float(value) * 1024)
        except ValueError:
            return 100 * 1024

    def _compare_in_background(self):
        """The job of a large file (see action_compare): the checks again (the record may have
        changed since the click), then the comparison; its outcome is the job's message."""
        self._compare_file(self._compare_checks())
        return {"message": self.env._(
            "%(rows)s rows compared with the members of %(unit)s: %(diffs)s differences.",
            rows=self.row_count, unit=self.organization_id.display_name, diffs=self.diff_count)}

    def _compare_file(self, data):
        self._union_job_progress(0, note=self.env._("Reading the file"))
        try:
            rows = national.read_rows(data, self.mapping_id._columns(), self.mapping_id.header_row)
        except national.NationalFileError as err:
            raise UserError(self._file_message(err)) from None
        self._union_job_progress(40, note=self.env._("Matching the members"))
        diffs = national.compare(rows, self._suite_members())
        self._union_job_progress(60, note=self.env._("Writing the differences"))
        # sudo: the difference lines belong to this comparison, which the officer may write
        self.diff_ids.sudo().unlink()
        self._write_diffs([dict(diff, import_id=self.id) for diff in diffs])
        self.write({"state": "compared", "row_count": len(rows)})
        self.invalidate_recordset(["diff_ids", "diff_count"])
        return True

    def _write_diffs(self, vals_list):
        """The difference lines, in batches with progress: through union_membership's bulk
        insert (tools/bulk.py: record rules and constraints checked on the batch), or the plain
        ORM when that path does not apply (its one fallback policy)."""
        # sudo: the difference lines belong to this comparison, which the officer may write
        Diff = self.env["union.reach.national.diff"].sudo()
        total = max(len(vals_list), 1)

        def write(create):
            for start in range(0, len(vals_list), DIFF_BATCH):
                create(vals_list[start:start + DIFF_BATCH])
                self._union_job_progress(60 + 39 * min(start + DIFF_BATCH, total) / total)
            return True

        # the unit of every line is the comparison's (the related field's value), given in the
        # insert: computing it after the insert rewrote every row (half of the writing time)
        unit = {"organization_id": self.organization_id.id}
        return bulk.with_orm_fallback(
            self.env,
            lambda: write(lambda batch: bulk.batch_create(
                Diff, [dict(vals, **unit) for vals in batch], computed=["organization_id"])),
            lambda: write(Diff.create), "national register comparison")

    def action_accept_codes(self):
        """Take the national codes and card numbers of the matched members into the suite."""
        self.ensure_one()
        if self.state != "compared":
            raise UserError(self.env._("Compare the file first."))
        lines = self.diff_ids.filtered(lambda d: d.kind in ("card_number", "national_code") and d.member_id)
        by_member = {}
        for line in lines:
            by_member.setdefault(line.member_id, {})[line.kind] = line.file_value
        taken = {value for vals in by_member.values() for value in vals.values()}
        Member = self.env["union.member"].with_context(active_test=False)
        # a card number or code already held by another member would break uniqueness: say who
        clash = Member.sudo().search_read(
            ["|", ("card_number", "in", list(taken)), ("national_code", "in", list(taken))],
            ["name", "card_number", "national_code"], load=False)
        members = {m.id for m in by_member}
        clash = [c for c in clash if c["id"] not in members]
        if clash:
            raise UserError(self.env._(
                "The national file gives %(member)s a card number or code that another member already "
                "holds; correct it first.", member=clash[0]["name"]))
        for member, vals in by_member.items():
            member.write(vals)
        self.write({"state": "accepted", "accepted_count": len(by_member)})
        return True

    def action_export(self):
        """The suite's members, admissions and leavers of the unit, in the mapping's columns."""
        self.ensure_one()
        self.organization_id._union_reach_check_managed()
        columns = [(line.column, line.key) for line in self.mapping_id.line_ids]
        buffer = io.BytesIO()
        # the suite's XLSX writer (tools/xlsx.py): user text stays text, never a formula
        workbook = new_workbook(buffer, constant_memory=True)
        sheet = workbook.add_worksheet("Doan vien")
        row_index = self.mapping_id.header_row - 1
        sheet.write_row(row_index, 0, [title for title, _key in columns])
        units = self.env["union.organization"].search([("id", "child_of", self.organization_id.id)])
        unit_names = {u.id: (u.code, u.name) for u in units}
        members = self.env["union.member"].with_context(active_test=False).search_read(
            [("organization_id", "in", units.ids)],
            ["name", "birth_date", "gender", "citizen_id", "id_document_number", "organization_id", "state",
             "card_number", "national_code", "date_joined"], load=False)
        for member in members:
            code, unit_name = unit_names.get(member["organization_id"], ("", ""))
            values = dict(member, unit_code=code, unit_name=unit_name,
                          state=national.SUITE_STATE_WORDS.get(member["state"], member["state"]),
                          gender={"male": "Nam", "female": "Nữ"}.get(member["gender"], ""))
            row = []
            for _title, key in columns:
                value = values.get(key)
                if hasattr(value, "strftime"):
                    value = value.strftime("%d/%m/%Y")
                # always text: a citizen id must keep its leading zero
                row.append("" if value in (None, False) else str(value))
            row_index += 1
            sheet.write_row(row_index, 0, row)
        workbook.close()
        return attachment_download_action(
            self.env, self, f"doan_vien_{self.organization_id.code}.xlsx", buffer.getvalue())


class UnionReachNationalDiff(models.Model):
    _name = "union.reach.national.diff"
    _description = "National Register Difference"
    _order = "kind, row, id"

    import_id = fields.Many2one("union.reach.national.import", required=True, ondelete="cascade", index=True)
    organization_id = fields.Many2one(related="import_id.organization_id", store=True, index=True)
    kind = fields.Selection(DIFF_KINDS, required=True, index=True)
    member_id = fields.Many2one("union.member", string="Member", index=True)
    row = fields.Integer(string="Row in File")
    name = fields.Char()
    file_value = fields.Char(string="In the National File")
    suite_value = fields.Char(string="In the Suite")
