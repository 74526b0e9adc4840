from odoo import api, models
from odoo.exceptions import UserError


class UnionPaymentMixin(models.AbstractModel):
    """What the dues payments and the 2% fund payments share: a payment is
    booked once (draft, then posted) and a posted one is never deleted.
    The models that inherit it have a ``state`` field (draft/posted)."""

    _name = "union.payment.mixin"
    _description = "Union Payment Guards"

    def _check_draft(self):
        """A payment is applied only once."""
        if self.filtered(lambda p: p.state != "draft"):
            raise UserError(self.env._("This payment has already been recorded."))

    @api.ondelete(at_uninstall=False)
    def _unlink_except_posted(self):
        if self.filtered(lambda p: p.state == "posted"):
            raise UserError(self.env._("A posted payment cannot be deleted."))
