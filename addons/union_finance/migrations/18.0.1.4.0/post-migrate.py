"""Companies on the union chart created before the chart named its own accounts for
the dues collected above the rate (5183) and the 2% fund allocations owed to lower
levels (33684) got the other charts' 711803 and 336802 instead.

For each such company (res.company._union_remap_replaced_accounts, through the ORM):
the union chart's accounts it lacks are added, the balances of 711803 and 336802 are
moved to 5183 and 33684 by one posted entry (today, or after the last entry on them
and after the lock dates), and the company's union accounts, fiscal positions,
journals, reconciliation models, taxes and product accounts that pointed at the old
accounts point at the new ones. Posted entries are not rewritten; the old accounts
can be archived once empty. The cut-over mapping gets the two rows from the module's
data (711803 → 5183, 336802 → 33684).
"""
import logging

from odoo import SUPERUSER_ID, api

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    done = env["res.company"].search([])._union_remap_replaced_accounts()
    for company, move in done.items():
        _logger.info("union_finance: %s on 5183/33684 (entry: %s)", company.name, move.name or "none")
