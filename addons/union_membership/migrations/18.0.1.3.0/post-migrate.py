"""18.0.1.3.0: a merged unit names its successor (``merged_into_id``), which keeps its archive
(``successor_ids``: its officers read the closed unit's records, read only).

Units merged before this version get both from what their merge wrote: the members it
transferred and the sub-units it moved (``union.organization._union_fill_succession_from_history``).
A merged unit that had neither is left without a successor and is listed in the log.
"""
import logging

from odoo import SUPERUSER_ID, api

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    Unit = env["union.organization"]
    filled = Unit._union_fill_succession_from_history()
    missing = Unit.with_context(active_test=False).search(
        [("state", "=", "merged"), ("merged_into_id", "=", False)])
    _logger.info("union_membership 18.0.1.3.0: %s merged unit(s) given their successor", filled)
    if missing:
        _logger.info("union_membership 18.0.1.3.0: merged units without a known successor (set it by hand): %s",
                     ", ".join(missing.mapped("code")))
