from odoo import fields, models

from ..rules import settlement as settlement_rules

SETTLEMENT_SOURCES = [
    (settlement_rules.SOURCE_OPENING, "Opening Cash and Bank Balance"),
    (settlement_rules.SOURCE_INCOME, "Money In from Accounts"),
    (settlement_rules.SOURCE_EXPENSE, "Money Out to Accounts"),
    (settlement_rules.SOURCE_FORMULA, "Formula of Other Lines"),
]


class UnionSettlementLine(models.Model):
    """A line of the yearly settlement layout (quyết toán thu chi): its code,
    label and where its amount comes from. The layout is data, so the
    official form can replace it."""

    _name = "union.settlement.line"
    _description = "Settlement Layout Line"
    _order = "sequence, id"

    sequence = fields.Integer(default=10)
    code = fields.Char(required=True)
    name = fields.Char(required=True, translate=True)
    source = fields.Selection(SETTLEMENT_SOURCES, required=True)
    account_codes = fields.Char(
        help="Comma-separated account code prefixes whose cash and bank movements this line "
             "takes (the longest prefix wins).")
    journal_codes = fields.Char(help="Comma-separated journal codes: only movements of these "
                                     "journals (empty: all).")
    catch_all = fields.Boolean(help="Takes the movements of its direction that no other line takes.")
    formula = fields.Char(help="Other lines' codes added or subtracted, e.g. 10+20-30.")
    bold = fields.Boolean()
    active = fields.Boolean(default=True)

    _sql_constraints = [("code_uniq", "unique(code)", "A settlement line code must be unique.")]

    def _get_template(self):
        return self.search_read([], ["code", "name", "source", "account_codes", "journal_codes",
                                     "catch_all", "formula", "bold"])
