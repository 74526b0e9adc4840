from odoo import fields, models

GRANT_LEVELS = [
    ("grassroots", "Grassroots union"),
    ("upper", "Upper-level union"),
    ("federation", "Provincial federation"),
    ("national", "Vietnam General Confederation of Labour"),
]


class UnionAwardTitle(models.Model):
    """An emulation title or a form of commendation (DOMAIN.md §10), as data."""

    _name = "union.award.title"
    _description = "Emulation Title or Commendation Form"
    _order = "sequence, id"

    name = fields.Char(required=True)
    code = fields.Char(required=True, index=True)
    sequence = fields.Integer(default=10)
    kind = fields.Selection(
        [("title", "Emulation title"), ("form", "Form of commendation")],
        required=True, default="title",
        help="An emulation title (danh hiệu thi đua) or a form of commendation (hình thức khen thưởng).")
    recipient_type = fields.Selection(
        [("individual", "Individual"), ("collective", "Collective")], required=True, default="individual")
    grant_level = fields.Selection(
        GRANT_LEVELS, required=True, default="grassroots",
        help="The level of union that may grant it.")
    certificate_type = fields.Selection(
        [("none", "No certificate"), ("giay_khen", "Giấy khen"), ("bang_khen", "Bằng khen")],
        required=True, default="none", string="Certificate")
    check_eligibility = fields.Boolean(
        default=True, help="Apply the dated eligibility rules (absence, membership, discipline, registration).")
    state_title = fields.Boolean(
        help="Granted by the head of the employing agency or a State body (Lao động tiên tiến, Chiến sĩ thi "
             "đua cơ sở, Tập thể lao động tiên tiến / xuất sắc): the union records it as an achievement and "
             "never proposes or decides it.")
    description = fields.Text()
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_unique", "unique(code)", "The code of a title must be unique."),
    ]
