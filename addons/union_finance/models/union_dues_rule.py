from odoo import api, fields, models

# groups of QĐ 61/QĐ-TLĐ (DOMAIN.md §2)
MEMBER_GROUPS = [
    ("public", "Group 1: public units not fully state-paid"),
    ("state_enterprise", "Group 2: state enterprises (take-home pay)"),
    ("employee", "Group 3: non-state enterprises, non-public units, others"),
    ("no_fixed_salary", "No fixed salary / no compulsory insurance"),
]
BASE_TYPES = [
    ("insurance_salary", "Salary for compulsory social insurance"),
    ("take_home", "Take-home pay"),
    ("fixed", "Fixed amount"),
]


class UnionDuesRule(models.Model):
    _name = "union.dues.rule"
    _description = "Union Dues Rule"
    _inherit = ["union.finance.rule.mixin"]

    name = fields.Char(required=True, tracking=True)
    member_group = fields.Selection(MEMBER_GROUPS, required=True, index=True, tracking=True)
    base_type = fields.Selection(BASE_TYPES, required=True, default="insurance_salary", tracking=True)
    rate = fields.Float(string="Rate (%)", digits=(5, 3), required=True, tracking=True,
                        aggregator=False)
    cap_multiple = fields.Float(
        string="Cap (× base salary)", digits=(6, 4), tracking=True, aggregator=False,
        help="Cap as a multiple of lương cơ sở: 0.1 = 10%. Zero: no cap.")
    minimum_multiple = fields.Float(
        string="Minimum (× base salary)", digits=(6, 4), tracking=True, aggregator=False,
        help="Minimum as a multiple of lương cơ sở: 0.005 = 0.5%. Zero: no minimum.")
    fixed_amount = fields.Monetary(
        string="Fixed Amount (VND)", tracking=True, aggregator=False,
        help="Default amount for members on a fixed amount (raised to the minimum).")

    _sql_constraints = [
        ("group_date_uniq", "unique(member_group, date_start)",
         "There is already a dues rule for this member group from this date."),
        ("rate_positive", "CHECK(rate >= 0 AND cap_multiple >= 0 AND minimum_multiple >= 0)",
         "Rates, caps and minimums cannot be negative."),
    ]

    def _get_posted_usage(self):
        # sudo: the lock holds whoever edits, whatever dues lines they may read
        lines = self.env["union.dues.line"].sudo().search_read(
            [("rule_id", "in", self.ids), ("run_id.state", "=", "posted")], ["rule_id"])
        return {line["rule_id"][0] for line in lines}

    @api.model
    def _get_rule_dicts(self):
        """Every rule as a dict for rules/dues.py (one query)."""
        # sudo: rules are public figures, needed by any user who computes dues
        rules = self.sudo().search_read([], [
            "date_start", "member_group", "base_type", "rate", "cap_multiple",
            "minimum_multiple", "fixed_amount"])
        for rule in rules:  # whole đồng: the plain-Python rules compute with ints
            rule["fixed_amount"] = int(rule["fixed_amount"] or 0)
        return rules
