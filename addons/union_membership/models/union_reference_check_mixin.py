from odoo import api, models
from odoo.exceptions import AccessError


class UnionReferenceCheckMixin(models.AbstractModel):
    """Many2one fields to members, units, employers, documents... accept only records the
    user may read: checked on create and write, not only by the view's domain.

    A model lists its checked fields in ``_union_checked_references``; a field that may point
    outside the user's reach on purpose (the destination unit of a transfer) stays out of the
    list and is checked by its own rule. The superuser and ``sudo()`` code are not checked:
    they act for the system, after their own checks.
    """
    _name = "union.reference.check.mixin"
    _description = "Union: references only to readable records"

    #: names of the many2one / many2many fields whose targets the user must be able to read
    _union_checked_references = ()

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_union_references(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._check_union_references(vals)
        return super().write(vals)

    @api.model
    def _check_union_references(self, vals):
        if self.env.su:
            return
        for name in self._union_checked_references:
            if name not in vals or not vals[name]:
                continue
            field = self._fields[name]
            ids = self._union_reference_ids(field, vals[name])
            if not ids:
                continue
            targets = self.env[field.comodel_name].browse(ids).exists()
            try:
                targets.check_access("read")
            except AccessError:
                raise AccessError(self.env._(
                    "You cannot link %(field)s to a record you may not see.",
                    field=field._description_string(self.env))) from None

    @api.model
    def _union_reference_ids(self, field, value):
        if field.type == "many2one":
            return [value.id if isinstance(value, models.BaseModel) else value]
        ids = []
        for command in value:
            if isinstance(command, (list, tuple)):
                if command[0] == 4:
                    ids.append(command[1])
                elif command[0] == 6:
                    ids.extend(command[2])
            elif isinstance(command, int):
                ids.append(command)
        return ids
