"""The 2% fund rate becomes a dated rule (union.fund.rate) instead of the undated setting
``union_finance.fund_rate_percent``.

The seeded rules (2% from 2013 and from 1 July 2025) are loaded by the module's data. No
declaration changes: every declaration keeps the rate stored on it (the rate is computed from
the month only for new declarations, or when a draft's month changes). A database whose
setting said something other than 2 keeps that rate for the declarations to come: a rule with
that rate starts on the first day of the current month. The setting is then removed, so that
nothing reads an undated rate any more.
"""
import logging
from datetime import date

from odoo import SUPERUSER_ID, api

_logger = logging.getLogger(__name__)

PARAM = "union_finance.fund_rate_percent"


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    param = env["ir.config_parameter"].search([("key", "=", PARAM)])
    if not param:
        return
    try:
        rate = float(param.value)
    except (TypeError, ValueError):
        rate = None
    FundRate = env["union.fund.rate"]
    start = date.today().replace(day=1)
    if rate and rate > 0 and FundRate._rate_at(start) != rate:
        existing = FundRate.search([("date_start", "=", start)])
        vals = {"rate_percent": rate, "decision_ref": f"Former setting {PARAM} ({param.value})"}
        if existing and not existing.is_used:
            existing.write(vals)
        elif not existing:
            FundRate.create(dict(vals, date_start=start))
        _logger.info("union_finance: the 2%% fund rate setting (%s) became a rule from %s", rate, start)
    # the data record of the setting goes with it
    env["ir.model.data"].search([("module", "=", "union_finance"),
                                 ("name", "=", "union_fund_param_rate")]).unlink()
    param.unlink()
