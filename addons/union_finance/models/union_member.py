from odoo import api, fields, models

from ..rules import dues as dues_rules
from .union_dues_rule import MEMBER_GROUPS


class UnionMember(models.Model):
    _inherit = "union.member"

    dues_group = fields.Selection(
        MEMBER_GROUPS, string="Dues Group (set)", tracking=True,
        help="Leave empty to follow the funding type of the member's unit.")
    dues_group_effective = fields.Selection(
        MEMBER_GROUPS, string="Dues Group", compute="_compute_dues_group_effective")
    dues_base_ids = fields.One2many("union.member.dues.base", "member_id", string="Dues Base")
    dues_exemption_ids = fields.One2many("union.dues.exemption", "member_id", string="Exemptions")
    dues_line_ids = fields.One2many("union.dues.line", "member_id", string="Dues")
    dues_currency_id = fields.Many2one(related="company_id.currency_id", string="Dues Currency")
    dues_current_base = fields.Monetary(
        compute="_compute_dues_current_base", string="Current Salary (dues base)",
        currency_field="dues_currency_id", aggregator=False)

    @api.depends("dues_group", "organization_id.funding_type")
    def _compute_dues_group_effective(self):
        for member in self:
            member.dues_group_effective = dues_rules.group_for(
                member.organization_id.funding_type, member.dues_group)

    @api.depends("dues_base_ids.amount", "dues_base_ids.date_start")
    def _compute_dues_current_base(self):
        today = fields.Date.context_today(self)
        for member in self:
            member.dues_current_base = dues_rules.value_at(
                ((b.date_start, b.amount) for b in member.dues_base_ids), today) or 0

    dues_amount_due = fields.Monetary(compute="_compute_dues_arrears", string="Dues in Arrears",
                                      currency_field="dues_currency_id")
    dues_months_due = fields.Integer(compute="_compute_dues_arrears", string="Months in Arrears")

    def _compute_dues_arrears(self):
        data = self.env["union.dues.line"]._read_group(
            [("member_id", "in", self.ids), ("payment_state", "in", ("unpaid", "partial"))],
            ["member_id"], ["amount_residual:sum", "month:count_distinct"])
        arrears = {member.id: (amount, months) for member, amount, months in data}
        for member in self:
            member.dues_amount_due, member.dues_months_due = arrears.get(member.id, (0, 0))

    def _get_unpaid_dues_lines(self):
        self.ensure_one()
        return self.env["union.dues.line"].search([
            ("member_id", "=", self.id), ("payment_state", "in", ("unpaid", "partial"))],
            order="month")

    def action_send_dues_reminder(self):
        """E-mail a reminder to the members in arrears who have an e-mail address."""
        template = self.env.ref("union_finance.mail_template_union_dues_reminder")
        members = self.filtered(lambda m: m.dues_amount_due > 0 and m.email)
        for member in members:
            member.message_post_with_source(template, subtype_xmlid="mail.mt_comment")
        return members
