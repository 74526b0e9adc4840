from odoo import api, fields, models
from odoo.exceptions import UserError


class UnionFinanceRuleMixin(models.AbstractModel):
    """A dated rule: in force from ``date_start`` until the next one starts.

    Once a posted entry has used it, its figures are locked: a change of
    rule is made by a new record with a later start date.
    """

    _name = "union.finance.rule.mixin"
    _description = "Dated Union Finance Rule"
    _inherit = ["mail.thread"]
    _order = "date_start desc, id desc"

    date_start = fields.Date(string="Valid From", required=True, index=True, tracking=True)
    decision_ref = fields.Char(string="Legal Basis", tracking=True,
                               help="The decision or decree that sets this value.")
    note = fields.Text()
    is_used = fields.Boolean(compute="_compute_is_used", string="Used by a Posted Run")
    # the amounts of the law (base salary, fixed dues) are in đồng whichever company reads them
    currency_id = fields.Many2one("res.currency", compute="_compute_currency_id")

    # Fields that may still change once the rule is used (everything else is locked).
    _union_unlocked_fields = {"decision_ref", "note", "message_follower_ids", "message_ids",
                              "activity_ids", "message_main_attachment_id"}

    def _compute_currency_id(self):
        self.currency_id = self.env.ref("base.VND", raise_if_not_found=False) or self.env.company.currency_id

    def _get_posted_usage(self):
        """Ids of the records of ``self`` used by a posted dues run, 2% fund
        declaration or remittance (a fixed number of queries)."""
        raise NotImplementedError()

    def _compute_is_used(self):
        used = self._get_posted_usage() if self.ids else set()
        for rule in self:
            rule.is_used = rule.id in used

    def _check_not_used(self):
        used = self.browse(sorted(self._get_posted_usage())) if self.ids else self.browse()
        if used:
            raise UserError(self.env._(
                "%(rule)s is used by posted entries (dues runs, 2%% fund declarations or "
                "remittances) and cannot be changed or deleted; create a new rule with a later "
                "start date instead.",
                rule=", ".join(used.mapped("display_name"))))

    def write(self, vals):
        if set(vals) - self._union_unlocked_fields:
            self._check_not_used()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used(self):
        self._check_not_used()
