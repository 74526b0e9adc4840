from odoo import api, fields, models
from odoo.exceptions import UserError


class UnionReportScopeMixin(models.AbstractModel):
    """The union unit whose books a report shows, and the journal items that
    make them: the whole company when the unit keeps its company's books,
    else the items of the unit's analytic account and of the units below it
    in the same company (the rule of the union's XLSX settlement and cash
    books, ``union.finance.xlsx.report._get_analytic_scope``).

    A union accountant (or officer) sees only the units they manage and must
    choose one; Odoo's accountants and the union administrator may also run a
    report on the whole company without a unit."""

    _name = "union.report.scope.mixin"
    _inherit = ["union.reference.check.mixin"]
    _description = "Union: a report's unit and its journal items"
    _union_checked_references = ("union_organization_id",)

    union_organization_id = fields.Many2one(
        "union.organization", string="Union Unit",
        help="The unit whose books the report shows: the whole company when the unit keeps its "
             "company's books, otherwise the journal items of its analytic account and of the "
             "units below it in the same company.")

    @api.model
    def _union_unit_is_required(self):
        """Whether the user may only report on the units they manage."""
        user = self.env.user
        return user.has_group("union_membership.group_union_officer") and not (
            user.has_group("union_membership.group_union_admin")
            or user.has_group("account.group_account_manager"))

    def _union_report_analytic_ids(self, company):
        """Analytic account ids the report keeps (a list), or None for the whole
        ``company``; refuses a unit the user does not manage, or no unit for a
        user who must choose one."""
        self.ensure_one()
        unit = self.union_organization_id
        if not unit:
            if self._union_unit_is_required():
                raise UserError(self.env._(
                    "Choose the union unit whose books you want to see: you may only see the "
                    "books of the units you manage."))
            return None
        # one home for "the units a user manages" (the finance reports' own check)
        self.env["union.welfare.norm.report"]._check_unit_access(unit)
        unit = unit.sudo()  # the unit's company and subtree: bookkeeping keys, access checked above
        if unit.company_id != company:
            raise UserError(self.env._(
                "%(unit)s keeps its books in %(books)s, not in %(company)s: choose that company.",
                unit=unit.name, books=unit.company_id.name, company=company.name))
        scope = self.env["union.finance.xlsx.report"].new(
            {"organization_id": unit.id})._get_analytic_scope()
        if scope is None:
            return None
        # a unit that never booked anything has no analytic account yet: it shows nothing
        return scope.ids or [0]
