from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import html2plaintext

from ..rules import petition_deadline as deadline_rules
from .union_petition_deadline import PETITION_KINDS

CHANNELS = [
    ("portal", "Portal"),
    ("paper", "Paper"),
    ("phone", "Phone"),
    ("in_person", "In person"),
    ("email", "E-mail"),
]
STATES = [
    ("new", "New"),
    ("accepted", "Accepted"),
    ("answered", "Answered"),
    ("closed", "Closed"),
    ("declined", "Declined"),
]
# fields written only by the workflow steps, never directly
STEP_FIELDS = {"state", "date_accepted", "date_answered", "date_closed", "decline_reason", "is_published",
               "date_published"}
IDENTITY_FIELDS = ("member_id", "partner_id", "submitter_name", "submitter_email", "submitter_phone")


class UnionPetition(models.Model):
    _name = "union.petition"
    _description = "Petition or Question"
    _inherit = ["portal.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date_received desc, id desc"

    name = fields.Char(string="Reference", required=True, readonly=True, copy=False, default="/", index=True)
    kind = fields.Selection(PETITION_KINDS, required=True, default="question", index=True, tracking=True)
    channel = fields.Selection(CHANNELS, required=True, default="paper")
    subject = fields.Char(required=True, tracking=True)
    description = fields.Text(required=True)
    member_id = fields.Many2one("union.member", string="Member", index=True)
    partner_id = fields.Many2one("res.partner", string="Submitter Contact", index=True)
    submitter_name = fields.Char()
    submitter_email = fields.Char()
    submitter_phone = fields.Char()
    identity_hidden = fields.Boolean(compute="_compute_identity_hidden")
    organization_id = fields.Many2one("union.organization", string="Handling Unit", required=True, index=True,
                                      tracking=True)
    company_id = fields.Many2one(related="organization_id.company_id", store=True)
    state = fields.Selection(STATES, default="new", required=True, index=True, tracking=True)
    date_received = fields.Date(required=True, default=fields.Date.context_today, index=True)
    date_accepted = fields.Date(readonly=True, copy=False)
    is_complex = fields.Boolean(string="Complex Case")
    is_especially_complex = fields.Boolean(
        string="Especially Complex Case",
        help="A denunciation may then be extended twice (90 days in all).")
    is_remote = fields.Boolean(
        string="Remote Area", compute="_compute_is_remote", store=True, readonly=False,
        help="A complaint in a remote, hard-to-reach area has a longer time limit.")
    date_intake_deadline = fields.Date(
        string="Accept or Refuse By", compute="_compute_date_intake_deadline", store=True,
        help="The last day to accept or refuse the petition after receiving it (denunciations: "
             "7 working days of the handling unit's working schedule).")
    date_deadline = fields.Date(string="Deadline", tracking=True, index=True)
    extension_ids = fields.One2many("union.petition.extension", "petition_id", string="Extensions")
    is_overdue = fields.Boolean(compute="_compute_is_overdue")
    assignee_id = fields.Many2one("res.users", string="Assignee", tracking=True, index=True)
    decline_reason = fields.Text(readonly=True, copy=False)
    answer = fields.Html(copy=False)
    date_answered = fields.Date(readonly=True, copy=False)
    date_closed = fields.Date(readonly=True, copy=False)
    forward_ids = fields.One2many("union.petition.forward", "petition_id", string="Forwarding History")
    is_published = fields.Boolean(string="Published in the Q&A", copy=False, index=True, tracking=True)
    public_question = fields.Text(help="Anonymised question shown on the public page.")
    public_answer = fields.Text(help="Answer shown on the public page.")
    date_published = fields.Date(readonly=True, copy=False)

    # ------------------------------------------------------------------ computes
    def _compute_access_url(self):
        for petition in self:
            petition.access_url = f"/my/union/petitions/{petition.id}"

    @api.depends("kind", "organization_id", "assignee_id")
    @api.depends_context("uid")
    def _compute_identity_hidden(self):
        for petition in self:
            petition.identity_hidden = not petition._can_see_identity()

    @api.depends("date_deadline", "date_intake_deadline", "state")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for petition in self:
            # a new petition is also late when it was neither accepted nor refused in time
            limits = [petition.date_deadline, petition.state == "new" and petition.date_intake_deadline]
            limits = [limit for limit in limits if limit]
            petition.is_overdue = bool(petition.state in ("new", "accepted") and limits
                                       and min(limits) < today)

    @api.depends("organization_id")
    def _compute_is_remote(self):
        for petition in self:
            petition.is_remote = petition.organization_id.is_remote_area

    @api.depends("kind", "date_received", "organization_id")
    def _compute_date_intake_deadline(self):
        Deadline = self.env["union.petition.deadline"]
        for petition in self:
            received = petition.date_received
            rule = received and Deadline._get_rule(petition.kind, received)
            if not rule or not rule.get("intake_days"):
                petition.date_intake_deadline = False
                continue
            company = petition.organization_id.company_id or self.env.company
            is_working_day = self._working_day_checker(company, received)
            petition.date_intake_deadline = deadline_rules.intake_deadline(rule, received, is_working_day)

    def _can_see_identity(self):
        """A denouncer's identity is shown to the handling officers only (the officers of the
        handling unit itself and the assignee), and to the denouncer."""
        self.ensure_one()
        if self.kind != "denunciation" or self.env.su:
            return True
        user = self.env.user
        # sudo: compare the submitter with the current user without reading the hidden fields
        own = self.sudo()
        if own.partner_id == user.partner_id or own.member_id.partner_id == user.partner_id:
            return True
        return user == own.assignee_id or own.organization_id in user.union_organization_ids

    # ---------------------------------------------------------------------- CRUD
    @api.model_create_multi
    def create(self, vals_list):
        members = self.env["union.member"].sudo().browse(
            [vals["member_id"] for vals in vals_list if vals.get("member_id")])
        by_id = {member.id: member for member in members}
        if not self.env.su and any(STEP_FIELDS.intersection(vals) - {"state"} or vals.get("state", "new") != "new"
                                   for vals in vals_list):
            raise UserError(self.env._(
                "The status of a petition changes only through its buttons (accept, forward, decline, "
                "answer, close, publish)."))
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                # sudo: the sequence is shared infrastructure; portal members may not read it
                vals["name"] = self.env["ir.sequence"].sudo().next_by_code("union.petition") or "/"
            member = by_id.get(vals.get("member_id"))
            if member and not vals.get("partner_id"):
                vals["partner_id"] = member.partner_id.id
            if member and not vals.get("organization_id"):
                vals["organization_id"] = member.organization_id.id
        return super(UnionPetition, self.with_context(mail_create_nosubscribe=True)).create(vals_list)

    def read(self, fields=None, load="_classic_read"):
        result = super().read(fields=fields, load=load)
        hidden = {p.id for p in self if p.kind == "denunciation" and not p._can_see_identity()}
        if hidden:
            for values in result:
                if values["id"] in hidden:
                    for name in IDENTITY_FIELDS:
                        if name in values:
                            values[name] = False
        return result

    def write(self, vals):
        if STEP_FIELDS.intersection(vals) and not self.env.su and not self.env.context.get("union_petition_step"):
            raise UserError(self.env._(
                "The status of a petition changes only through its buttons (accept, forward, decline, "
                "answer, close, publish)."))
        if "answer" in vals and not self.env.context.get("union_petition_answering"):
            for petition in self:
                if petition.state in ("closed", "declined"):
                    raise UserError(self.env._(
                        "The petition %(name)s is %(state)s: it cannot be answered any more.",
                        name=petition.name, state=dict(STATES)[petition.state]))
        res = super().write(vals)
        if vals.get("assignee_id"):
            for petition in self.filtered(lambda p: p.state == "accepted"):
                petition._schedule_assignee_activity()
        return res

    def _write_step(self, vals):
        """Write a step of the workflow, after its checks."""
        return self.with_context(union_petition_step=True).write(vals)

    # ------------------------------------------------------------------- actions
    def action_accept(self):
        for petition in self:
            petition._check_state(("new",))
        today = fields.Date.context_today(self)
        Deadline = self.env["union.petition.deadline"]
        for petition in self:
            days = Deadline._get_days(petition.kind, today, petition.is_complex or petition.is_especially_complex,
                                      petition.is_remote)
            vals = {"state": "accepted", "date_accepted": today}
            if days and not petition.date_deadline:
                vals["date_deadline"] = today + timedelta(days=days)
            petition._write_step(vals)
            if petition.assignee_id:
                petition._schedule_assignee_activity()
            petition._notify_submitter(self.env._(
                "Your petition %(name)s has been accepted by %(unit)s.",
                name=petition.name, unit=petition.organization_id.name))
        return True

    def action_decline_wizard(self):
        self.ensure_one()
        return self.env["union.document.reason.wizard"]._open(self, "decline")

    def action_forward_wizard(self):
        self.ensure_one()
        return self.env["union.document.reason.wizard"]._open(self, "forward")

    def action_decline(self, reason):
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason for declining the petition."))
        for petition in self:
            petition._check_state(("new", "accepted"))
        self._write_step({"state": "declined", "decline_reason": reason,
                          "date_closed": fields.Date.context_today(self)})
        for petition in self:
            petition._notify_submitter(self.env._(
                "Your petition %(name)s has been declined. Reason: %(reason)s", name=petition.name, reason=reason))
        return True

    def action_forward(self, organization, reason):
        if not organization:
            raise UserError(self.env._("Choose the unit the petition is forwarded to."))
        for petition in self:
            petition._check_state(("new", "accepted"))
            if organization == petition.organization_id:
                raise UserError(self.env._("The petition %(name)s is already handled by %(unit)s.",
                                           name=petition.name, unit=organization.sudo().name))
        for petition in self:
            # sudo: the history line stays readable after the petition leaves the officer's units
            self.env["union.petition.forward"].sudo().create({
                "petition_id": petition.id, "from_organization_id": petition.organization_id.id,
                "to_organization_id": organization.id, "reason": reason, "user_id": self.env.uid,
            })
            petition._notify_submitter(self.env._(
                "Your petition %(name)s has been forwarded to %(unit)s, which is competent to settle it.",
                name=petition.name, unit=organization.sudo().name))
        # sudo: after forwarding, the record belongs to a unit the officer may not manage
        self.sudo().write({"organization_id": organization.id, "state": "new", "assignee_id": False,
                           "date_deadline": False, "date_accepted": False})
        return True

    def action_answer(self):
        for petition in self:
            petition._check_state(("accepted",))
            if not petition.answer or not html2plaintext(petition.answer).strip():
                raise UserError(self.env._("Write the answer of the petition %(name)s first.", name=petition.name))
        self._write_step({"state": "answered", "date_answered": fields.Date.context_today(self)})
        self.activity_feedback(["mail.mail_activity_data_todo"])
        for petition in self:
            petition._notify_submitter(self.env._(
                "Your petition %(name)s has been answered:", name=petition.name), petition.answer)
        return True

    def action_close(self):
        for petition in self:
            petition._check_state(("answered",))
        self._write_step({"state": "closed", "date_closed": fields.Date.context_today(self)})
        return True

    def action_publish(self):
        for petition in self:
            if petition.state not in ("answered", "closed"):
                raise UserError(self.env._("Only an answered petition can be published."))
            if petition.kind == "denunciation":
                raise UserError(self.env._("A denunciation is never published."))
            if not (petition.public_question or "").strip() or not (petition.public_answer or "").strip():
                raise UserError(self.env._(
                    "Write the anonymised question and answer of %(name)s before publishing.",
                    name=petition.name))
        self._write_step({"is_published": True, "date_published": fields.Date.context_today(self)})
        return True

    def action_unpublish(self):
        self._write_step({"is_published": False})
        return True

    def action_prepare_public_text(self):
        """Prefill the public question and answer (the officer then removes any name)."""
        for petition in self:
            petition.write({
                "public_question": petition.public_question or petition.description,
                "public_answer": petition.public_answer or html2plaintext(petition.answer or ""),
            })
        return True

    def action_extend(self):
        """Open the extension decision of an accepted petition."""
        self.ensure_one()
        self._check_state(("accepted",))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Extend the Time Limit"),
            "res_model": "union.petition.extension",
            "view_mode": "form",
            "target": "new",
            "context": {"default_petition_id": self.id},
        }

    # ------------------------------------------------------------------ business
    @api.model
    def _working_day_checker(self, company, start, days=120):
        """A function telling whether a date from ``start`` on is a working day of ``company``'s
        working schedule (its weekends, and the public holidays and days off of every schedule):
        a day with at least an hour of work. One read of the schedule for ``days`` days."""
        # sudo: the working schedule is company configuration every officer's deadline depends on
        calendar = company.sudo().resource_calendar_id
        if not calendar:
            return lambda day: day.weekday() < 5
        tz = pytz.timezone(calendar.tz or "Asia/Ho_Chi_Minh")
        begin = tz.localize(datetime.combine(start, time.min))
        end = tz.localize(datetime.combine(start + timedelta(days=days), time.max))
        hours = {}
        for interval_start, interval_end, _record in calendar._work_intervals_batch(begin, end, tz=tz)[False]:
            day = interval_start.astimezone(tz).date()
            hours[day] = hours.get(day, 0) + (interval_end - interval_start).total_seconds() / 3600
        last = start + timedelta(days=days)

        def is_working_day(day):
            if day > last:  # beyond what was read: weekdays only
                return day.weekday() < 5
            return hours.get(day, 0) >= 1
        return is_working_day

    def _check_state(self, states):
        self.ensure_one()
        if self.state not in states:
            raise UserError(self.env._(
                "The petition %(name)s is %(state)s: this step is not possible now.",
                name=self.name, state=dict(STATES)[self.state]))

    def _schedule_assignee_activity(self):
        self.ensure_one()
        self.activity_schedule(
            "mail.mail_activity_data_todo", user_id=self.assignee_id.id,
            date_deadline=self.date_deadline or fields.Date.context_today(self),
            summary=self.env._("Settle the petition %(name)s", name=self.name))

    def _notify_submitter(self, text, answer_html=None):
        """E-mail the submitter directly (not through the chatter, which would show a denouncer's
        identity to every reader of the record)."""
        self.ensure_one()
        # sudo: the identity may be hidden from the acting officer; the mail still reaches the submitter
        petition = self.sudo()
        partner = petition.partner_id or petition.member_id.partner_id
        email = partner.email or petition.submitter_email
        if not email:
            return False
        body = f"<p>{text}</p>" + (answer_html or "")
        body += f"<p><a href=\"{petition.get_base_url()}{petition.access_url}\">{petition.name}</a></p>"
        return self.env["mail.mail"].sudo().create({
            "subject": f"{petition.name}: {petition.subject}",
            "body_html": body,
            "email_to": email if not partner else False,
            "recipient_ids": [(4, partner.id)] if partner else [],
            "auto_delete": False,
            "model": self._name, "res_id": petition.id,
        })
