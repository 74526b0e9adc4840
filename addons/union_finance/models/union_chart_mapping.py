from odoo import api, fields, models
from odoo.exceptions import ValidationError


class UnionChartMapping(models.Model):
    """Where the balance of an account of another chart goes when a company moves
    to the union chart (the cut-over wizard): data the administrator edits."""

    _name = "union.chart.mapping"
    _description = "Union Chart Cut-over Mapping"
    _order = "old_code, id"

    old_code = fields.Char(string="Old Account Code", required=True)
    new_code = fields.Char(string="Union Account Code", required=True,
                           help="Code of the account of the union chart that takes over the balance.")
    company_id = fields.Many2one("res.company", string="Company",
                                 help="Empty: the mapping applies to every company.")
    note = fields.Char()
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("old_code_company_uniq", "unique (old_code, company_id)",
         "An old account code is mapped once per company."),
    ]

    @api.constrains("old_code", "new_code")
    def _check_codes(self):
        for rec in self:
            if rec.old_code.strip() == rec.new_code.strip():
                raise ValidationError(self.env._(
                    "The account %(code)s cannot be mapped to itself.", code=rec.old_code))

    @api.model
    def _get_mapping(self, company):
        """{old code: new code} for ``company`` (its own rows win over the general ones)."""
        rows = self.search([("company_id", "in", (False, company.id))], order="company_id desc, id")
        mapping = {}
        for row in rows:
            mapping.setdefault(row.old_code.strip(), row.new_code.strip())
        return mapping
