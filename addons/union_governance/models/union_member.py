from odoo import fields, models

THEORY_LEVELS = [
    ("elementary", "Elementary"),
    ("intermediate", "Intermediate"),
    ("advanced", "Advanced"),
    ("bachelor", "Bachelor of political science"),
]


class UnionMember(models.Model):
    _inherit = "union.member"

    political_theory_level = fields.Selection(
        THEORY_LEVELS, string="Political Theory", tracking=True,
        help="Level of political theory training (lý luận chính trị), counted in a congress's credentials report.")
    officer_post_ids = fields.One2many("union.officer.post", "member_id", string="Union Posts")
