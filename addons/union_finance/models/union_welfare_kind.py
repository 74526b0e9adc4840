from odoo import fields, models

SPENDING_CATEGORIES = [
    ("allowance", "Allowances and Salaries"),
    ("care", "Visits and Care for Members"),
    ("other", "Other Spending"),
]


class UnionWelfareKind(models.Model):
    """A kind of care payment to members (sickness visit, bereavement...),
    with the QĐ 4290 spending category it counts in."""

    _name = "union.welfare.kind"
    _description = "Kind of Welfare Payment"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    category = fields.Selection(SPENDING_CATEGORIES, required=True, default="care")
    # a usual amount in đồng, whichever company's officer reads it
    currency_id = fields.Many2one("res.currency", compute="_compute_currency_id")
    default_amount = fields.Monetary(string="Usual Amount (VND)", aggregator=False)
    portal_allowed = fields.Boolean(string="Members May Ask on the Portal", default=True)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_uniq", "unique(code)", "The code of a kind of welfare payment must be unique."),
    ]

    def _compute_currency_id(self):
        self.currency_id = self.env.ref("base.VND", raise_if_not_found=False) or self.env.company.currency_id
