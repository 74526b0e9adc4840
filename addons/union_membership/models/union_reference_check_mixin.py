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
        if len(vals_list) > 1 and not self._union_check_is_overridden():
            # a batch (a dues run, statistics lines, an import): one check per field for all rows
            merged = {}
            for vals in vals_list:
                for name in self._union_checked_references:
                    if vals.get(name):
                        merged.setdefault(name, []).extend(
                            self._union_reference_ids(self._fields[name], vals[name]))
            for name, ids in merged.items():
                self._check_union_reference_targets(name, ids)
        else:
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
            self._check_union_reference_targets(name, self._union_reference_ids(self._fields[name], vals[name]))

    @api.model
    def _check_union_reference_targets(self, name, ids):
        """Refuse (AccessError) when the user may not read every record ``ids`` of field ``name``."""
        if self.env.su or not ids:
            return
        field = self._fields[name]
        targets = self.env[field.comodel_name].browse(list(dict.fromkeys(ids))).exists()
        try:
            targets.check_access("read")
        except AccessError:
            raise AccessError(self.env._(
                "You cannot link %(field)s to a record you may not see.",
                field=field._description_string(self.env))) from None

    @api.model
    def _union_check_is_overridden(self):
        """Whether a model changes the check of one row (then each row of a batch is checked alone)."""
        return any("_check_union_references" in vars(cls) for cls in type(self).__mro__
                   if cls is not UnionReferenceCheckMixin and cls.__module__.startswith("odoo.addons."))

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
