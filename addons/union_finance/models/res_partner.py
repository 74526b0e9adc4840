from odoo import api, models


class ResPartner(models.Model):
    """Batch the customer ranks that posting a dues entry increases.

    account.move._post() increases the customer rank of every partner of a
    receivable item one partner at a time (a savepoint and two queries each:
    three queries per member of a province run). Under the context key
    ``union_deferred_ranks`` (a dict), the increases are collected instead and
    written by _union_flush_ranks() with one UPDATE per count.

    Used by union.dues.run._create_and_post_move().
    """

    _inherit = "res.partner"

    def _increase_rank(self, field, n=1):
        deferred = self.env.context.get("union_deferred_ranks")
        if deferred is None or field not in ("customer_rank", "supplier_rank"):
            return super()._increase_rank(field, n)
        deferred.setdefault((field, n), set()).update(self.ids)
        return None

    @api.model
    def _union_flush_ranks(self, deferred):
        """Apply the increases collected under ``union_deferred_ranks``."""
        for (field, n), partner_ids in deferred.items():
            self.browse(sorted(partner_ids))._increase_rank(field, n)
