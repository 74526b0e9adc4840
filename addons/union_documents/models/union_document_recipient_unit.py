from odoo import fields, models, tools
from odoo.tools import SQL


class UnionDocumentRecipientUnit(models.Model):
    """The directory of units a document can be addressed to: name and code only.

    Record rules (rightly) hide the other units from a grassroots officer, who
    still has to address the upper level or a sibling unit. This read-only SQL
    view over ``union_organization`` exposes nothing but the name and code of
    every unit (same ids), and has no record rule: the document's recipient
    pickers point to it, and the document keeps its recipients in
    ``recipient_organization_ids`` / ``recipient_tree_organization_ids``.
    Dissolved, merged and archived units are inactive here, so the picker
    offers only the units in operation.
    """

    _name = "union.document.recipient.unit"
    _description = "Recipient Unit (Directory)"
    _auto = False
    _log_access = False
    _order = "name, id"
    _rec_names_search = ["name", "code"]

    name = fields.Char(readonly=True)
    code = fields.Char(readonly=True)
    active = fields.Boolean(readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(SQL("""
            CREATE VIEW %s AS (
                SELECT o.id, o.name, o.code,
                       (COALESCE(o.active, TRUE) AND o.state = 'active') AS active
                  FROM union_organization o
            )
        """, SQL.identifier(self._table)))
