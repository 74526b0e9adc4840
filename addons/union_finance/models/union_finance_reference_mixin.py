from odoo import api, models


class UnionFinanceReferenceMixin(models.AbstractModel):
    """The reference check of union_membership (a many2one to a member, unit, employer... accepts
    only what the user may read, on create and write), extended to the form's onchange: a
    stored computed field (payer's name and address, a request's name) is computed as
    superuser, so an onchange with another unit's member id would show that member's name and
    address before anything is saved. The ids are refused there too."""

    _name = "union.finance.reference.mixin"
    _inherit = ["union.reference.check.mixin"]
    _description = "Union Finance: references only to readable records, on onchange too"

    def onchange(self, values, field_names, fields_spec):
        checked = {name: self._union_onchange_reference(values[name])
                   for name in self._union_checked_references if values.get(name)}
        self._check_union_references({name: value for name, value in checked.items() if value})
        return super().onchange(values, field_names, fields_spec)

    @api.model
    def _union_onchange_reference(self, value):
        """The value of a many2one/many2many as the web client sends it to onchange (an id,
        {"id": ...}, a pair, or commands), in the form create and write take."""
        if isinstance(value, dict):
            return value.get("id") or False
        if isinstance(value, (list, tuple)) and value and isinstance(value[0], int) \
                and len(value) == 2 and isinstance(value[1], str):
            return value[0]
        return value
