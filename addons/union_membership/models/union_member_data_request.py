from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

#: the only fields a member sets when asking on the portal
PORTAL_FIELDS = ("member_id", "kind", "description")
#: default number of days to answer (a System Parameter changes it)
DEFAULT_DAYS = 30


class UnionMemberDataRequest(models.Model):
    """A member asks to see, correct or delete their personal data (Law 91/2025/QH15, from
    1 January 2026; Decree 13/2023 before): tracked, with a deadline, handled by the officers
    of the member's unit."""
    _name = "union.member.data.request"
    _description = "Personal Data Request"
    _inherit = ["mail.thread", "union.reference.check.mixin"]
    _order = "request_date desc, id desc"
    _union_checked_references = ("member_id",)

    member_id = fields.Many2one("union.member", required=True, index=True, ondelete="restrict",
                                readonly=True, tracking=True)
    organization_id = fields.Many2one(related="member_id.organization_id", store=True, index=True)
    kind = fields.Selection(
        [("access", "See my data"), ("correction", "Correct my data"), ("deletion", "Delete my data")],
        required=True, default="access", tracking=True)
    description = fields.Text(string="Request", required=True)
    request_date = fields.Date(required=True, readonly=True, default=fields.Date.context_today, index=True)
    deadline = fields.Date(compute="_compute_deadline", store=True, index=True, tracking=True,
                           help="The date of the request plus the days set in the System Parameter "
                                "union_membership.data_request_days (30 by default).")
    state = fields.Selection(
        [("new", "New"), ("in_progress", "In progress"), ("done", "Done"), ("refused", "Refused")],
        default="new", required=True, index=True, tracking=True)
    answer = fields.Text(tracking=True, help="What was done, or why the request was refused.")
    handler_id = fields.Many2one("res.users", string="Handled By", readonly=True, tracking=True)
    date_done = fields.Date(string="Answered On", readonly=True)
    is_late = fields.Boolean(compute="_compute_is_late", string="Late")

    @api.depends("request_date")
    def _compute_deadline(self):
        days = self._answer_days()
        for request in self:
            request.deadline = request.request_date and request.request_date + relativedelta(days=days)

    def _compute_is_late(self):
        today = fields.Date.context_today(self)
        for request in self:
            request.is_late = request.state in ("new", "in_progress") and bool(
                request.deadline and request.deadline < today)

    @api.model
    def _answer_days(self):
        # sudo: a setting every request reads
        value = self.env["ir.config_parameter"].sudo().get_param("union_membership.data_request_days")
        try:
            return max(1, int(value or DEFAULT_DAYS))
        except ValueError:
            return DEFAULT_DAYS

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and not self.env.user.has_group("union_membership.group_union_officer"):
            # a member writes only the fields of the portal form: no state, answer, date or handler
            vals_list = [{name: vals[name] for name in PORTAL_FIELDS if name in vals} for vals in vals_list]
        requests = super().create(vals_list)
        for request in requests:
            officers = request.member_id.sudo().organization_id._get_managing_officers()
            if officers:
                # sudo: the member who asks may not read their officers' contacts
                request.sudo().message_subscribe(partner_ids=officers.partner_id.ids)
        return requests

    def write(self, vals):
        if {"member_id", "request_date", "deadline"} & set(vals) and not self.env.su:
            # the deadline runs from the day the member asked: nobody moves it
            raise UserError(self.env._(
                "The member, date and deadline of a personal data request cannot be changed."))
        return super().write(vals)

    def action_start(self):
        self._check_open()
        self.write({"state": "in_progress", "handler_id": self.env.user.id})
        return True

    def action_done(self):
        self._check_open()
        if any(not request.answer for request in self):
            raise UserError(self.env._("Write the answer given to the member first."))
        self.write({"state": "done", "handler_id": self.env.user.id,
                    "date_done": fields.Date.context_today(self)})
        return True

    def action_refuse(self):
        self._check_open()
        if any(not request.answer for request in self):
            raise UserError(self.env._("Write the reason for the refusal in the answer first."))
        self.write({"state": "refused", "handler_id": self.env.user.id,
                    "date_done": fields.Date.context_today(self)})
        return True

    def _check_open(self):
        if any(request.state not in ("new", "in_progress") for request in self):
            raise UserError(self.env._("This request has already been answered."))
