from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..rules import lifecycle
from ..tools.member_events import latest_events
from .union_member import STATES

EVENT_TYPES = [
    ("admission", "Admission"),
    ("recognition", "Recognition"),
    ("transfer", "Transfer"),
    ("transfer_out", "Transfer out of the system"),
    ("suspension", "Suspension"),
    ("resumption", "Resumption"),
    ("withdrawal", "Withdrawal"),
    ("removal", "Removal"),
    ("expulsion", "Expulsion"),
    ("death", "Death"),
    ("dissolution", "Unit dissolved"),
    ("card", "Card issued"),
]


SUSPENSION_KINDS = [
    (lifecycle.SUSPENSION_JOB_LOSS, "Lost their job (12 months at most)"),
    (lifecycle.SUSPENSION_CONTRACT_SUSPENDED, "Labour contract suspended (as long as it is)"),
]


class UnionMemberEvent(models.Model):
    _name = "union.member.event"
    _description = "Union Member Event"
    _inherit = ["union.reference.check.mixin"]
    _order = "date desc, id desc"
    _rec_name = "event_type"
    # checked by _check_event_references below, for all the rows of a create at once:
    # the unit of a transfer may be any unit in operation
    _union_checked_references = ("member_id", "from_organization_id", "organization_id")

    # restrict: the history is evidence, it goes only with the module
    member_id = fields.Many2one("union.member", required=True, index=True, ondelete="restrict",
                                readonly=True)
    event_type = fields.Selection(EVENT_TYPES, string="Event", required=True, index=True, readonly=True)
    date = fields.Date(required=True, index=True, readonly=True, default=fields.Date.context_today)
    organization_id = fields.Many2one(
        "union.organization", string="Unit", index=True, readonly=True, ondelete="restrict",
        help="The member's unit after the event.")
    from_organization_id = fields.Many2one(
        "union.organization", string="From Unit", readonly=True, ondelete="restrict")
    end_date = fields.Date(string="Until", readonly=True, help="End of a suspension.")
    suspension_kind = fields.Selection(
        SUSPENSION_KINDS, string="Suspended Because", readonly=True,
        help="After losing one's job, a suspension lasts 12 months at most (HD 38/HD-TLĐ 2024); "
             "while the labour contract is suspended, as long as that suspension.")
    state_after = fields.Selection(STATES, readonly=True, index=True)
    card_number = fields.Char(readonly=True)
    reason = fields.Text(readonly=True)
    decision_ref = fields.Char(string="Decision", readonly=True,
                               help="Number and date of the decision, e.g. 15/QĐ-CĐCS of 02/09/2025.")
    user_id = fields.Many2one("res.users", string="Recorded By", default=lambda self: self.env.user,
                              readonly=True)

    @api.model_create_multi
    def create(self, vals_list):
        """Check every event against the member's history, then write them all (or none)."""
        # before anything is read about the members: only members and units the user may read
        # (the reference check mixin then skips its row by row check)
        self._check_event_references(vals_list)
        member_ids = {vals["member_id"] for vals in vals_list}
        members = self.env["union.member"].browse(member_ids)
        current = self._current_status(members)
        errors = []
        # events of one member are checked in date order, after what is already recorded
        ordered = sorted(vals_list, key=lambda vals: (vals["member_id"], str(vals.get("date") or "")))
        for vals in ordered:
            member_id = vals["member_id"]
            state, unit_id, last_date = current.get(member_id, (None, None, None))
            event_date = fields.Date.to_date(vals.get("date")) or fields.Date.context_today(self)
            vals["date"] = event_date
            event_type = vals["event_type"]
            to_unit = vals.get("organization_id") if event_type in lifecycle.NEEDS_UNIT else None
            try:
                state_after = lifecycle.check_event(
                    state, last_date, event_type, event_date, unit_id, to_unit,
                    fields.Date.to_date(vals.get("end_date")), vals.get("suspension_kind"))
            except lifecycle.LifecycleError as err:
                errors.append(self._lifecycle_message(members.browse(member_id), err))
                continue
            if event_type in ("transfer", "admission", "recognition"):
                vals["from_organization_id"] = unit_id or False
            else:
                vals["organization_id"] = unit_id or False
            vals["state_after"] = state_after
            if event_type == "suspension":
                vals.setdefault("suspension_kind", lifecycle.SUSPENSION_JOB_LOSS)
                vals["suspension_kind"] = vals["suspension_kind"] or lifecycle.SUSPENSION_JOB_LOSS
            else:
                vals["suspension_kind"] = False
            if event_type not in lifecycle.NEUTRAL_EVENTS:
                current[member_id] = (state_after, vals["organization_id"], event_date)
        if errors:
            raise ValidationError("\n".join(errors[:20]) + (
                self.env._("\n… and %(count)s more.", count=len(errors) - 20) if len(errors) > 20 else ""))
        # a foreign worker is admitted only with an identity document and a long enough contract
        members.browse({vals["member_id"] for vals in vals_list
                        if vals["event_type"] in lifecycle.ADMITTING_EVENTS})._check_foreign_admission()
        checked = self.with_context(union_event_references_checked=True)
        events = super(UnionMemberEvent, checked).create(vals_list).with_env(self.env)
        cards = events.filtered(lambda e: e.event_type == "card" and e.card_number)
        for event in cards:
            event.member_id.card_number = event.card_number
        events.member_id._apply_events()
        return events

    def write(self, vals):
        if set(vals) - {"reason", "decision_ref"}:
            raise UserError(self.env._(
                "A recorded event cannot be changed; record a new event that corrects it."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._(
            "A member's history cannot be deleted; record a new event that corrects it."))

    @api.model
    def _check_union_references(self, vals):
        if self.env.context.get("union_event_references_checked"):
            return  # create() checked all its rows at once, before anything else
        self._check_event_references([vals])

    @api.model
    def _check_event_references(self, vals_list):
        """The members must be ones the user may read; the unit of a transfer may be any unit
        in operation (the exception of the rule), the unit of any other event one the user may
        read. One query per kind of reference, whatever the number of events."""
        if self.env.su:
            return
        Org = self.env["union.organization"]
        members = self.env["union.member"].browse({vals["member_id"] for vals in vals_list if vals.get("member_id")})
        self._check_readable_reference("member_id", members)
        readable_units = {
            vals[name] for vals in vals_list for name in ("organization_id", "from_organization_id")
            if vals.get(name) and not (name == "organization_id" and vals.get("event_type") == "transfer")}
        self._check_readable_reference("organization_id", Org.browse(readable_units))
        Org._check_transfer_destination({vals["organization_id"] for vals in vals_list
                                         if vals.get("event_type") == "transfer" and vals.get("organization_id")})

    @api.model
    def _check_readable_reference(self, field_name, targets):
        try:
            targets.exists().check_access("read")
        except AccessError:
            raise AccessError(self.env._(
                "You cannot link %(field)s to a record you may not see.",
                field=self._fields[field_name]._description_string(self.env))) from None

    def _current_status(self, members):
        """{member_id: (state, unit_id, last_date)} from the recorded history, in one query."""
        rows = latest_events(self.env, ("state_after", "organization_id", "date"), member_ids=members.ids)
        return {row[0]: row[1:] for row in rows}

    def _lifecycle_message(self, member, err):
        labels = dict(self._fields["event_type"]._description_selection(self.env))
        states = dict(self.env["union.member"]._fields["state"]._description_selection(self.env))
        event = labels.get(err.params.get("event"), err.params.get("event"))
        name = member.name
        code = err.code
        if code == "bad_state":
            state = states.get(err.params["state"]) or self.env._("not a member")
            return self.env._("%(name)s: %(event)s is not possible while the member is %(state)s.",
                              name=name, event=event, state=state)
        if code == "before_last":
            return self.env._(
                "%(name)s: the %(event)s on %(date)s is dated before the latest recorded event (%(last)s).",
                name=name, event=event, date=err.params["date"].strftime("%d/%m/%Y"),
                last=err.params["last"].strftime("%d/%m/%Y"))
        if code == "needs_unit":
            return self.env._("%(name)s: choose the unit for the %(event)s.", name=name, event=event)
        if code == "same_unit":
            return self.env._("%(name)s: the member is already in that unit.", name=name)
        if code == "needs_end_date":
            return self.env._("%(name)s: a suspension needs the date it ends.", name=name)
        if code == "end_before_start":
            return self.env._("%(name)s: the suspension must end after it starts.", name=name)
        if code == "suspension_too_long":
            return self.env._(
                "%(name)s: a suspension after losing one's job lasts %(months)s months at most "
                "(a suspension while the labour contract is suspended lasts as long as that suspension).",
                name=name, months=err.params["months"])
        return self.env._("%(name)s: this event is not possible.", name=name)

    @api.model
    def _cron_resume_expired_suspensions(self):
        """Members whose suspension has ended become active again (one batch)."""
        today = fields.Date.context_today(self)
        rows = latest_events(self.env, ("event_type", "end_date"), member_state="suspended")
        due = [mid for mid, etype, end in rows
               if etype == "suspension" and end and end <= today]
        if due:
            self.create([{"member_id": mid, "event_type": "resumption", "date": today,
                          "reason": self.env._("End of the suspension period.")} for mid in due])
        return len(due)
