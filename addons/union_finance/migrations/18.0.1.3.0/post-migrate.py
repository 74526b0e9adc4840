"""Bank statements (issue 16), for databases that had union_finance before:

- every company on the union chart that lacks the reconciliation models of bank fees
  (to 6151) and deposit interest (to 5151) gets them, as a new company gets them from the
  chart (``account.chart.template._union_add_bank_reconcile_models``, through the ORM);
- the shipped bank layouts (data/union_bank_layouts.xml, noupdate) are reloaded: four of
  them were checked against real exports, their column titles changed (a layout the
  administrator added is not touched).
"""
import logging

from odoo import SUPERUSER_ID, api
from odoo.tools import convert_file

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    companies = env["res.company"].search([])
    completed = env["account.chart.template"]._union_add_bank_reconcile_models(companies)
    if completed:
        _logger.info("union_finance: bank fee and interest models created for %s",
                     ", ".join(completed.mapped("name")))
    # mode "init": the layouts are rewritten although their data file is noupdate
    convert_file(env, "union_finance", "data/union_bank_layouts.xml", {}, mode="init",
                 noupdate=True)
