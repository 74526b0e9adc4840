from odoo import api, fields, models
from odoo.exceptions import ValidationError


class UnionStateAchievement(models.Model):
    """A State title recorded, not granted, by the union (DOMAIN.md §10): Lao động tiên tiến, Chiến sĩ
    thi đua cơ sở, Tập thể lao động tiên tiến / xuất sắc, granted by the employer or a State body.

    Counted in the unit's emulation statistics and in the "one achievement, one reward" check of
    proposals; never proposed or decided by the union.
    """

    _name = "union.state.achievement"
    _description = "State Title Recorded"
    _inherit = ["union.reference.check.mixin", "mail.thread"]
    _order = "decision_date desc, id desc"
    _union_checked_references = ("member_id", "recipient_organization_id", "organization_id")

    award_title_id = fields.Many2one(
        "union.award.title", string="State Title", required=True, domain="[('state_title', '=', True)]",
        tracking=True)
    recipient_type = fields.Selection(related="award_title_id.recipient_type", store=True)
    kind = fields.Selection(related="award_title_id.kind", store=True)
    member_id = fields.Many2one("union.member", index=True, tracking=True)
    recipient_organization_id = fields.Many2one(
        "union.organization", string="Recipient Unit", index=True, tracking=True)
    organization_id = fields.Many2one(
        "union.organization", string="Unit", required=True, index=True,
        help="The recipient unit, or the member's unit when the title was recorded.")
    name = fields.Char(compute="_compute_name", store=True, string="Recipient")
    year = fields.Char(required=True, index=True, tracking=True,
                       help="The year (or school year, e.g. 2024-2025) the title rewards.")
    granting_body = fields.Char(
        required=True, tracking=True, help="Who granted it: the head of the school, company or State body.")
    decision_number = fields.Char(required=True, tracking=True)
    decision_date = fields.Date(required=True, tracking=True)
    evidence_ids = fields.Many2many(
        "ir.attachment", "union_state_achievement_attachment_rel", "achievement_id", "attachment_id",
        string="Evidence", help="A copy of the decision.")
    note = fields.Text()

    _sql_constraints = [
        ("recipient_title_year_unique",
         "unique(award_title_id, year, member_id, recipient_organization_id)",
         "This title is already recorded for this recipient and year."),
    ]

    def _creation_message(self):
        return self.env._("State title recorded")

    @api.depends("member_id.name", "recipient_organization_id.name")
    def _compute_name(self):
        for achievement in self:
            achievement.name = achievement.member_id.name or achievement.recipient_organization_id.name

    @api.onchange("member_id", "recipient_organization_id")
    def _onchange_recipient(self):
        unit = self.member_id.organization_id or self.recipient_organization_id
        if unit:
            self.organization_id = unit

    @api.constrains("award_title_id", "member_id", "recipient_organization_id")
    def _check_recipient(self):
        for achievement in self:
            title = achievement.award_title_id
            if not title.state_title:
                raise ValidationError(self.env._(
                    "%(title)s is a union title or form: it is proposed and decided, not recorded here.",
                    title=title.name))
            if title.recipient_type == "individual" and (
                    not achievement.member_id or achievement.recipient_organization_id):
                raise ValidationError(self.env._(
                    "%(title)s is for individuals: name a member.", title=title.name))
            if title.recipient_type == "collective" and (
                    not achievement.recipient_organization_id or achievement.member_id):
                raise ValidationError(self.env._(
                    "%(title)s is for collectives: name a unit.", title=title.name))

    @api.model_create_multi
    def create(self, vals_list):
        members = self.env["union.member"].browse(
            [vals["member_id"] for vals in vals_list if vals.get("member_id")])
        # sudo: only the id of the member's unit is copied (the member itself is checked by the mixin)
        unit_of = {member.id: member.organization_id.id for member in members.sudo()}
        for vals in vals_list:
            if vals.get("member_id"):
                vals["organization_id"] = unit_of.get(vals["member_id"]) or vals.get("organization_id")
            elif vals.get("recipient_organization_id"):
                vals["organization_id"] = vals["recipient_organization_id"]
        return super().create(vals_list)

    @api.model
    def _get_recognised(self, year, kind, members, units):
        """The State titles recorded for ``members`` or ``units`` in ``year`` for titles of ``kind``:
        {("member", id) or ("unit", id): {"title", "body", "number", "date"}} (for the eligibility check)."""
        if not (members or units):
            return {}
        # sudo: the check of "one achievement, one reward" counts what another unit recorded
        rows = self.sudo().search_read(
            [("year", "=", year), ("kind", "=", kind),
             "|", ("member_id", "in", members.ids), ("recipient_organization_id", "in", units.ids)],
            ["member_id", "recipient_organization_id", "award_title_id", "granting_body", "decision_number",
             "decision_date"])
        recognised = {}
        for row in rows:
            key = ("member", row["member_id"][0]) if row["member_id"] else \
                ("unit", row["recipient_organization_id"][0])
            recognised[key] = {"title": row["award_title_id"][1], "body": row["granting_body"],
                               "number": row["decision_number"], "date": row["decision_date"]}
        return recognised
