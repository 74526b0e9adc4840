from odoo import api, models
from odoo.osv import expression


class MailFollowers(models.Model):
    """Who follows a union record is the union's business.

    Odoo lets every internal user read every follower row (``mail.followers`` has one access
    line, for ``base.group_user``, and no record rule): any login could list which contacts
    follow which member, petition or request, and the contacts' names and e-mails, through
    ``search_read``, ``read_group``, ``export_data`` or a read by id. Here a follower row of a
    union record is readable only by a user who may read that record (the record rules of its
    model, evaluated as that user); followers of Odoo's other models are unchanged."""

    _inherit = "mail.followers"

    @api.model
    def _union_followed_models(self):
        """The suite's models that have followers (``union.*`` models with a chatter)."""
        thread = self.env.registry["mail.thread"]
        return sorted(
            name for name, model in self.env.registry.items()
            if name.startswith("union.") and not model._abstract and not model._transient
            and issubclass(model, thread))

    @api.model
    def _union_readable_followers_domain(self):
        """Follower rows the current user may read: those of another model, or of a union record
        the user can read (a subquery with the user's record rules, archived records included)."""
        models_ = self._union_followed_models()
        domain = [("res_model", "not in", models_)]
        for name in models_:
            model = self.env[name].with_context(active_test=False)
            if model.has_access("read"):
                domain = expression.OR([domain, [
                    ("res_model", "=", name), ("res_id", "in", model._search([]))]])
        return domain

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        if not self.env.su:
            domain = expression.AND([domain, self._union_readable_followers_domain()])
        return super()._search(domain, offset=offset, limit=limit, order=order)

    def _check_access(self, operation):
        result = super()._check_access(operation)
        if result or self.env.su or not any(self._ids):
            return result
        followed = set(self._union_followed_models())
        union_rows = self.sudo().filtered(lambda row: row.res_model in followed)
        if not union_rows:
            return None
        # sudo: the rows' own access is what is being decided; the domain's subqueries carry the
        # current user's record rules
        allowed = self.sudo().search(expression.AND([
            [("id", "in", union_rows.ids)], self._union_readable_followers_domain()]))
        forbidden = self.browse((union_rows - allowed).ids)
        if not forbidden:
            return None
        return forbidden, lambda: self.env["ir.rule"]._make_access_error(operation, forbidden)
