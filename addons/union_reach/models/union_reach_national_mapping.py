from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..rules import national

KEY_LABELS = [
    ("national_code", "National member code"),
    ("card_number", "Card number"),
    ("name", "Full name"),
    ("birth_date", "Birth date"),
    ("gender", "Sex"),
    ("citizen_id", "Citizen ID"),
    ("id_document_number", "Passport / work permit"),
    ("unit_code", "Unit code"),
    ("unit_name", "Unit name"),
    ("state", "State"),
    ("date_joined", "Admission date"),
    ("date_left", "Leaving date"),
]


class UnionReachNationalMapping(models.Model):
    """Which column of the national software's export holds what (data: the administrator adds
    another mapping without code when the national software changes its export)."""

    _name = "union.reach.national.mapping"
    _description = "National Register Column Mapping"
    _order = "sequence, id"

    name = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    header_row = fields.Integer(default=1, required=True, help="Row of the column titles in the sheet.")
    source = fields.Char(help="Where the column titles come from.")
    official_checked = fields.Boolean(
        string="Checked against the official template", default=False,
        help="Tick only after comparing the column titles with a real export of the national member "
             "software. The default mapping is not checked: its official template was not found.")
    line_ids = fields.One2many("union.reach.national.mapping.line", "mapping_id", string="Columns", copy=True)
    active = fields.Boolean(default=True)

    @api.constrains("line_ids")
    def _check_required_keys(self):
        for mapping in self:
            keys = set(mapping.line_ids.mapped("key"))
            missing = [label for key, label in KEY_LABELS if key in national.REQUIRED_KEYS and key not in keys]
            if missing:
                raise ValidationError(self.env._(
                    "The mapping %(name)s needs a column for: %(keys)s.", name=mapping.name,
                    keys=", ".join(missing)))

    def _columns(self):
        self.ensure_one()
        return {line.column: line.key for line in self.line_ids}


class UnionReachNationalMappingLine(models.Model):
    _name = "union.reach.national.mapping.line"
    _description = "National Register Column"
    _order = "sequence, id"

    mapping_id = fields.Many2one("union.reach.national.mapping", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    column = fields.Char(string="Column Title", required=True)
    key = fields.Selection(KEY_LABELS, string="Holds", required=True)

    _sql_constraints = [
        ("key_unique", "unique(mapping_id, key)", "Each kind of value has one column in a mapping."),
    ]
