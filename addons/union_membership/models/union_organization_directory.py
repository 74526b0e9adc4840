from odoo import api, fields, models, tools
from odoo.tools import SQL


class UnionOrganizationDirectory(models.Model):
    """Every unit in operation by name, code and parent only: the transfer's receiving unit.

    Record rules (rightly) hide the other units from a grassroots officer, who still has to
    send a member to a school elsewhere. This read-only SQL view over ``union_organization``
    (same ids) has no record rule and nothing but the name, the code and the parent's name;
    the transfer dialog's picker points to it, and the transfer request keeps the real unit.
    Dissolved, merged and archived units are inactive here, so the picker offers only the
    units in operation.
    """

    _name = "union.organization.directory"
    _description = "Union Unit (Directory)"
    _auto = False
    _log_access = False
    _order = "name, id"
    _rec_names_search = ["name", "code"]

    name = fields.Char(readonly=True)
    code = fields.Char(readonly=True)
    parent_name = fields.Char(string="Parent Unit", readonly=True)
    active = fields.Boolean(readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(SQL("""
            CREATE VIEW %s AS (
                SELECT o.id, o.name, o.code, p.name AS parent_name,
                       (COALESCE(o.active, TRUE) AND o.state = 'active') AS active
                  FROM union_organization o
             LEFT JOIN union_organization p ON p.id = o.parent_id
            )
        """, SQL.identifier(self._table)))

    def _flush_units(self):
        # the view reads union_organization: pending changes to units must reach the database first
        self.env["union.organization"].flush_model(["name", "code", "parent_id", "state", "active"])

    def _search(self, domain, *args, **kwargs):
        self._flush_units()
        return super()._search(domain, *args, **kwargs)

    def fetch(self, field_names):
        self._flush_units()
        return super().fetch(field_names)

    @api.depends("name", "code", "parent_name")
    def _compute_display_name(self):
        for unit in self:
            label = f"{unit.name} ({unit.parent_name})" if unit.parent_name else unit.name or ""
            unit.display_name = f"[{unit.code}] {label}" if unit.code else label
