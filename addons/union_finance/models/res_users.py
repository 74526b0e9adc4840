from odoo import api, models
from odoo.exceptions import ValidationError


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.constrains("company_ids", "union_organization_ids", "groups_id")
    def _check_union_accountant_companies(self):
        """Books are separated by company (issue 13, point 7): a union accountant is allowed
        only the companies that keep the books of their units and of the units below them, so
        that an accountant of unit A never reads unit B's journal items when B keeps its own
        books. The union administrator and the Odoo administrator are not limited."""
        for user in self:
            if not user.union_organization_ids \
                    or not user.has_group("union_finance.group_union_accountant") \
                    or user.has_group("union_membership.group_union_admin") \
                    or user.has_group("base.group_system"):
                continue
            # sudo: the companies of the units are checked, whoever edits the user
            allowed = user.union_organization_ids.sudo()._get_subtree().company_id
            extra = user.sudo().company_ids - allowed
            if extra:
                raise ValidationError(self.env._(
                    "%(user)s is a union accountant of %(units)s: they may be allowed only the "
                    "companies that keep these units' books (%(allowed)s), not %(extra)s.",
                    user=user.name, units=", ".join(user.union_organization_ids.sudo().mapped("name")),
                    allowed=", ".join(allowed.mapped("name")), extra=", ".join(extra.mapped("name"))))
