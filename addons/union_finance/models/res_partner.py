from odoo import api, models
from odoo.tools import SQL


class ResPartner(models.Model):
    """Batch the customer ranks that posting a dues entry gives.

    account.move._post() increases the customer rank of every partner of a
    receivable item one partner at a time (a savepoint and two queries each:
    three queries per member of a province run). Under the context key
    ``union_deferred_ranks`` (a dict), the increases are collected instead and
    applied by _union_flush_ranks() in one query per rank.

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
        """Give the partners collected under ``union_deferred_ranks``, and
        their commercial partners, a rank of at least 1: they are customers
        (or suppliers), what the rank is read for (filters, the order of
        suggestions). A monthly dues entry does not count it up for each
        member as an invoice would: that rewrote 100,000 partner rows every
        month for a province (7 s of the run), for a count nobody reads."""
        cr = self.env.cr
        for (field, _n), partner_ids in deferred.items():
            if not partner_ids:
                continue
            self.flush_model([field, "commercial_partner_id"])
            cr.execute(SQL(
                """UPDATE res_partner SET %(field)s = 1
                    WHERE COALESCE(%(field)s, 0) = 0
                      AND id IN (SELECT unnest(%(ids)s::int[])
                                 UNION SELECT commercial_partner_id FROM res_partner
                                        WHERE id = ANY(%(ids)s::int[]))
                RETURNING id""",
                field=SQL.identifier(field), ids=sorted(partner_ids)))
            updated = self.browse([row[0] for row in cr.fetchall()])
            updated.invalidate_recordset([field])
            updated.modified([field])
