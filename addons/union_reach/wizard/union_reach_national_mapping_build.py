import base64

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.union_membership.tools.upload import check_upload

from ..models.union_reach_national_mapping import KEY_LABELS
from ..rules import national


class UnionReachNationalMappingBuild(models.TransientModel):
    """Build a column mapping from a real export of the national member software: the titles are
    read from the file, a column is proposed for each kind of value, the administrator corrects
    the proposal and saves it as a mapping. No code, and the titles are the export's own."""

    _name = "union.reach.national.mapping.build"
    _description = "Build a National Register Mapping from an Export"

    file = fields.Binary(string="National Export (XLSX)", required=True)
    filename = fields.Char()
    name = fields.Char(string="Mapping Name")
    header_row = fields.Integer(readonly=True)
    state = fields.Selection([("upload", "Upload"), ("review", "Review")], default="upload", required=True)
    real_export = fields.Boolean(
        string="This file is an export of the national member software",
        help="Tick when the file was exported from the national member software itself (not typed by "
             "hand): the mapping is then marked as checked against the official template.")
    line_ids = fields.One2many("union.reach.national.mapping.build.line", "wizard_id", string="Columns")

    @api.model
    def default_get(self, fields_list):
        res = super().default_get(fields_list)
        comparison_id = self.env.context.get("union_reach_comparison_id")
        if comparison_id and "file" in fields_list:
            # the comparison whose file did not match: read as the user (record rules apply)
            comparison = self.env["union.reach.national.import"].browse(comparison_id).exists()
            if comparison and comparison.file:
                res.update(file=comparison.file, filename=comparison.filename)
        return res

    def _reopen(self):
        return {"type": "ir.actions.act_window", "res_model": self._name, "res_id": self.id,
                "view_mode": "form", "target": "new", "name": self.env._("Build a Mapping from an Export")}

    def action_read_titles(self):
        """Read the column titles of the file and propose what each column holds."""
        self.ensure_one()
        data = base64.b64decode(self.file or b"")
        check_upload(self.env, data, self.filename)
        try:
            row, titles = national.find_header(data)
        except national.NationalFileError as err:
            if err.code == "empty":
                raise UserError(self.env._(
                    "%(file)s has no column titles in its first %(rows)s rows.",
                    file=self.filename or self.env._("The file"), rows=national.HEADER_SEARCH_ROWS)) from None
            raise UserError(self.env._(
                "%(file)s is not an Excel workbook (.xlsx) exported by the national member software.",
                file=self.filename or self.env._("The file"))) from None
        proposal = national.suggest_mapping(titles)
        lines = [fields.Command.clear()]
        for sequence, title in enumerate(titles, start=1):
            if title:
                lines.append(fields.Command.create({"sequence": sequence, "column": title,
                                                    "key": proposal.get(title) or False}))
        self.write({
            "header_row": row, "state": "review", "line_ids": lines,
            "name": self.name or self.env._("National member software (from %(file)s)",
                                            file=self.filename or self.env._("an export")),
        })
        return self._reopen()

    def _check_lines(self):
        labels = dict(self.env["union.reach.national.mapping.line"]._fields["key"]._description_selection(self.env))
        by_key = {}
        for line in self.line_ids.filtered("key"):
            if line.key in by_key:
                raise UserError(self.env._(
                    "The columns %(first)s and %(second)s both hold %(what)s: choose one.",
                    first=by_key[line.key].column, second=line.column, what=labels[line.key]))
            by_key[line.key] = line
        missing = [labels[key] for key, _label in KEY_LABELS if key in national.REQUIRED_KEYS and key not in by_key]
        if missing:
            raise UserError(self.env._(
                "Choose the column that holds: %(keys)s. A comparison needs these.", keys=", ".join(missing)))
        return by_key

    def action_create_mapping(self):
        """Save the reviewed proposal as a mapping (administrators: mappings are theirs to add)."""
        self.ensure_one()
        if self.state != "review":
            raise UserError(self.env._("Read the column titles of the file first."))
        by_key = self._check_lines()
        mapping = self.env["union.reach.national.mapping"].create({
            "name": self.name,
            "header_row": self.header_row,
            "official_checked": self.real_export,
            "source": self.env._("Built from the export %(file)s on %(date)s by %(user)s",
                                 file=self.filename or "-",
                                 date=fields.Date.context_today(self).strftime("%d/%m/%Y"),
                                 user=self.env.user.name),
            "line_ids": [fields.Command.create({"sequence": line.sequence, "column": line.column, "key": key})
                         for key, line in by_key.items()],
        })
        return {"type": "ir.actions.act_window", "res_model": mapping._name, "res_id": mapping.id,
                "view_mode": "form", "target": "current"}


class UnionReachNationalMappingBuildLine(models.TransientModel):
    _name = "union.reach.national.mapping.build.line"
    _description = "Column of an Export (Mapping Proposal)"
    _order = "sequence, id"

    wizard_id = fields.Many2one("union.reach.national.mapping.build", required=True, ondelete="cascade")
    sequence = fields.Integer()
    column = fields.Char(string="Column Title", readonly=True)
    key = fields.Selection(KEY_LABELS, string="Holds")
