from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..rules.lifecycle import MEMBER_STATES

#: members who can move to another unit


class UnionMemberTransferRequest(models.Model):
    """A member's move to a unit the sending officer does not manage (chuyển sinh hoạt).

    The sending unit's officer asks; the member stays in the sending unit until an officer of
    the receiving unit accepts the arrival; the acceptance writes the one transfer event
    (with the decision), and the member's card follows them. Officers of the receiving unit
    see the member's name and code only through the request, until they accept.
    """

    _name = "union.member.transfer.request"
    _description = "Member Transfer Request"
    _inherit = ["mail.thread", "mail.activity.mixin", "union.reference.check.mixin"]
    _order = "state_sequence, create_date desc, id desc"
    _rec_name = "member_name"
    # the receiving unit is any unit in operation, readable or not: it is checked by
    # _check_to_organization_id, not by the reference check
    _union_checked_references = ("member_id", "from_organization_id")

    member_id = fields.Many2one("union.member", string="Member", required=True, index=True,
                                ondelete="cascade", readonly=True)
    member_name = fields.Char(readonly=True)
    member_code = fields.Char(readonly=True)
    from_organization_id = fields.Many2one(
        "union.organization", string="From Unit", required=True, index=True, readonly=True,
        ondelete="cascade")
    to_organization_id = fields.Many2one(
        "union.organization", string="To Unit", required=True, index=True, readonly=True,
        ondelete="cascade")
    date = fields.Date(string="Requested On", required=True, readonly=True,
                       default=fields.Date.context_today)
    reason = fields.Text(readonly=True)
    decision_ref = fields.Char(string="Decision", help="Number of the transfer decision, e.g. 15/QĐ-CĐCS.")
    decision_date = fields.Date()
    state = fields.Selection(
        [("pending", "Waiting for the receiving unit"), ("accepted", "Accepted"),
         ("refused", "Refused"), ("cancelled", "Cancelled")],
        default="pending", required=True, index=True, readonly=True, tracking=True)
    state_sequence = fields.Integer(compute="_compute_state_sequence", store=True)
    requested_by_id = fields.Many2one("res.users", string="Requested By", readonly=True,
                                      default=lambda self: self.env.user)
    decided_by_id = fields.Many2one("res.users", string="Decided By", readonly=True)
    decided_on = fields.Date(readonly=True)
    answer = fields.Text(string="Receiving Officer's Answer")
    event_id = fields.Many2one("union.member.event", string="Transfer Event", readonly=True,
                               ondelete="set null")
    can_accept = fields.Boolean(compute="_compute_can_decide", search="_search_can_accept",
                                string="Arriving in My Units")
    can_cancel = fields.Boolean(compute="_compute_can_decide", search="_search_can_cancel",
                                string="Leaving My Units")

    @api.depends("state")
    def _compute_state_sequence(self):
        order = {"pending": 0, "accepted": 1, "refused": 2, "cancelled": 3}
        for request in self:
            request.state_sequence = order.get(request.state, 9)

    @api.depends_context("uid")
    def _compute_can_decide(self):
        for request in self:
            request.can_accept = request._is_receiving_officer()
            request.can_cancel = request._is_sending_officer()

    def _search_can_accept(self, operator, value):
        return self._search_managed("to_organization_id", operator, value)

    def _search_can_cancel(self, operator, value):
        return self._search_managed("from_organization_id", operator, value)

    def _search_managed(self, field_name, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Operation not supported"))
        if self.env.user.has_group("union_membership.group_union_admin"):
            domain = []
        else:
            domain = [(field_name, "child_of", self.env.user.union_organization_ids.ids)]
        return domain if (operator == "=") == value else ["!", *domain] if domain else [("id", "=", 0)]

    @api.constrains("to_organization_id", "from_organization_id")
    def _check_to_organization_id(self):
        # sudo: the receiving unit may be out of the user's reach; only its state is read
        for request in self.sudo():
            if request.to_organization_id.state != "active" or not request.to_organization_id.active:
                raise ValidationError(self.env._(
                    "The receiving unit %(unit)s is not in operation.", unit=request.to_organization_id.name))
            if request.to_organization_id == request.from_organization_id:
                raise ValidationError(self.env._(
                    "%(name)s is already in %(unit)s.", name=request.member_name, unit=request.to_organization_id.name))

    @api.constrains("member_id", "state")
    def _check_one_pending(self):
        pending = self.filtered(lambda r: r.state == "pending")
        if not pending:
            return
        counts = dict(self.sudo()._read_group(
            [("member_id", "in", pending.member_id.ids), ("state", "=", "pending")],
            ["member_id"], ["__count"]))
        doubled = [member.name for member, count in counts.items() if count > 1]
        if doubled:
            raise ValidationError(self.env._(
                "A transfer of %(names)s is already waiting for the receiving unit: cancel it first.",
                names=", ".join(doubled[:5])))

    @api.model_create_multi
    def create(self, vals_list):
        members = self.env["union.member"].browse({vals["member_id"] for vals in vals_list})
        # the sending officer may move only the members they manage
        members.check_access("write")
        for vals in vals_list:
            member = members.browse(vals["member_id"])
            if member.state not in MEMBER_STATES:
                raise UserError(self.env._(
                    "%(name)s is not a current member and cannot be transferred.", name=member.name))
            vals.update({
                "member_name": member.name,
                "member_code": member.member_code,
                "from_organization_id": member.organization_id.id,
            })
        requests = super().create(vals_list)
        requests._notify_receiving_officers()
        return requests

    # --- who may decide ---------------------------------------------------------------

    def _is_receiving_officer(self):
        self.ensure_one()
        if self.env.user.has_group("union_membership.group_union_admin"):
            return True
        return self.to_organization_id._union_is_managed_by()

    def _is_sending_officer(self):
        self.ensure_one()
        if self.env.user.has_group("union_membership.group_union_admin"):
            return True
        return self.from_organization_id._union_is_managed_by()

    def _receiving_officers(self):
        """The users to tell: officers of the receiving unit, or of the nearest unit above it."""
        self.ensure_one()
        # sudo: the sending officer may not read the receiving unit and its officers
        unit = self.sudo().to_organization_id
        if not unit:
            return self.env["res.users"]
        return unit._get_managing_officers().filtered(lambda user: not user.share)

    def _notify_receiving_officers(self):
        activity_type = self.env.ref("mail.mail_activity_data_todo", raise_if_not_found=False)
        todo = []
        for request in self:
            for user in request._receiving_officers():
                todo.append({
                    "res_model_id": self.env["ir.model"]._get_id(self._name),
                    "res_id": request.id,
                    "activity_type_id": activity_type.id if activity_type else False,
                    "summary": self.env._("Accept or refuse the arrival of %(name)s",
                                          name=request.member_name),
                    "user_id": user.id,
                })
        if todo:
            # quick update: the officer finds the activity in their list, with no e-mail sent in
            # the sender's name (an officer may have no e-mail address, and mail would crash);
            # sudo: the sender creates activities for users they may not read
            self.env["mail.activity"].sudo().with_context(mail_activity_quick_update=True).create(todo)

    # --- actions ------------------------------------------------------------------------

    def _check_pending(self):
        if any(request.state != "pending" for request in self):
            raise UserError(self.env._("This transfer request has already been decided."))

    def action_accept(self):
        """The receiving officer accepts: the one transfer event is written, the member moves."""
        self._check_pending()
        for request in self:
            if not request._is_receiving_officer():
                raise AccessError(self.env._(
                    "Only an officer of %(unit)s can accept this arrival.",
                    unit=request.sudo().to_organization_id.name))
        today = fields.Date.context_today(self)
        for request in self:
            decision = request.decision_ref or ""
            if decision and request.decision_date:
                decision = self.env._("%(ref)s of %(date)s", ref=decision,
                                      date=request.decision_date.strftime("%d/%m/%Y"))
            # sudo: the member is still in the sending unit, out of the receiving officer's reach;
            # the record rules of the request and the check above say this officer may accept them
            event = self.env["union.member.event"].sudo().create({
                "member_id": request.member_id.id,
                "event_type": "transfer",
                "date": max(today, request.date),
                "organization_id": request.to_organization_id.id,
                "reason": request.reason or False,
                "decision_ref": decision or False,
                "user_id": self.env.user.id,
            })
            request.write({"state": "accepted", "event_id": event.id,
                           "decided_by_id": self.env.user.id, "decided_on": today})
        self._close_activities()
        return True

    def action_refuse(self):
        self._check_pending()
        for request in self:
            if not request._is_receiving_officer():
                raise AccessError(self.env._(
                    "Only an officer of %(unit)s can refuse this arrival.",
                    unit=request.sudo().to_organization_id.name))
            if not request.answer:
                raise UserError(self.env._("Write the reason for the refusal in the answer."))
        self.write({"state": "refused", "decided_by_id": self.env.user.id,
                    "decided_on": fields.Date.context_today(self)})
        self._close_activities()
        return True

    def action_cancel(self):
        self._check_pending()
        for request in self:
            if not request._is_sending_officer():
                raise AccessError(self.env._("Only an officer of the sending unit can cancel this transfer."))
        self.write({"state": "cancelled", "decided_by_id": self.env.user.id,
                    "decided_on": fields.Date.context_today(self)})
        self._close_activities()
        return True

    def _close_activities(self):
        # sudo: the activities were given to the receiving officers, whoever decides
        self.sudo().activity_ids.unlink()
