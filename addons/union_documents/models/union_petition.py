from datetime import datetime, time, timedelta

import pytz
from markupsafe import Markup, escape

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import html2plaintext

from ..rules import petition_deadline as deadline_rules
from .union_petition_deadline import PETITION_KINDS

CHANNELS = [
    ("portal", "Portal"),
    ("paper", "Paper"),
    ("phone", "Phone"),
    ("in_person", "In person"),
    ("email", "E-mail"),
    ("website", "Website"),
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
# what a member fills in on the portal form: nothing else of a petition is theirs to write
PORTAL_FIELDS = ("kind", "subject", "description")


class UnionPetition(models.Model):
    _name = "union.petition"
    _description = "Petition or Question"
    _inherit = ["portal.mixin", "mail.thread", "mail.activity.mixin", "union.reference.check.mixin"]
    _order = "date_received desc, id desc"
    _union_checked_references = ("organization_id",)

    name = fields.Char(string="Reference", required=True, readonly=True, copy=False, default="/", index=True)
    kind = fields.Selection(PETITION_KINDS, required=True, default="question", index=True, tracking=True)
    channel = fields.Selection(CHANNELS, required=True, default="paper")
    subject = fields.Char(required=True, tracking=True)
    description = fields.Text(required=True)
    # the submitter lives on its own record, readable by the handlers and the submitter only
    identity_ids = fields.One2many("union.petition.identity", "petition_id", string="Submitter")
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

    @api.depends("identity_ids")
    @api.depends_context("uid")
    def _compute_identity_hidden(self):
        ids = [pid for pid in self.ids if isinstance(pid, int)]
        Identity = self.env["union.petition.identity"]
        # sudo: only whether a submitter record exists, to say that it is hidden from this user
        existing = set(Identity.sudo().search([("petition_id", "in", ids)]).petition_id.ids)
        readable = set(Identity.search([("petition_id", "in", ids)]).petition_id.ids)
        for petition in self:
            petition.identity_hidden = petition.id in existing and petition.id not in readable

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

    # ---------------------------------------------------------------------- CRUD
    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and any(STEP_FIELDS.intersection(vals) - {"state"} or vals.get("state", "new") != "new"
                                   for vals in vals_list):
            raise UserError(self.env._(
                "The status of a petition changes only through its buttons (accept, forward, decline, "
                "answer, close, publish)."))
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                # sudo: the sequence is shared infrastructure
                vals["name"] = self.env["ir.sequence"].sudo().next_by_code("union.petition") or "/"
            if not vals.get("organization_id"):
                member = self._member_in_identity_commands(vals.get("identity_ids"))
                if member:
                    # sudo: the member's unit handles the petition; the member itself is checked
                    # readable when the submitter record is created
                    vals["organization_id"] = member.sudo().organization_id.id
        # the submitter is never a follower: nobody is subscribed on creation
        return super(UnionPetition, self.with_context(mail_create_nosubscribe=True)).create(vals_list)

    @api.model
    def _member_in_identity_commands(self, commands):
        for command in commands or []:
            if isinstance(command, (list, tuple)) and command[0] == Command.CREATE and command[2].get("member_id"):
                return self.env["union.member"].browse(command[2]["member_id"])
        return self.env["union.member"]

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

    @api.model
    def _submit_from_portal(self, member, vals, attachments=()):
        """A member's petition from the portal form: only the form's fields are taken, and the
        petition, its creation message and its files are written by the neutral intake user, so
        that neither ``create_uid`` nor a message's author names the member (a denouncer's
        identity is protected, issue 13). The member is named on the submitter record only."""
        values = {name: vals[name] for name in PORTAL_FIELDS if name in vals}
        values["channel"] = "portal"
        # sudo: the member's unit handles the petition; the portal member may not read units
        values["organization_id"] = member.sudo().organization_id.id
        # the member's contact and portal user are filled in from the member
        values["identity_ids"] = [Command.create({"member_id": member.id})]
        return self._create_as_intake(values, attachments)

    @api.model
    def _create_as_intake(self, values, attachments=()):
        intake = self.env.ref("union_documents.user_portal_intake")
        # sudo as the intake user: the portal member (or the public visitor) may neither create a
        # petition nor read its unit; the values are the form's, checked by the caller
        Petition = self.with_user(intake).sudo()
        petition = Petition.create(values)
        if attachments:
            Petition.env["ir.attachment"].create([
                dict(att, res_model=self._name, res_id=petition.id) for att in attachments])
        return self.browse(petition.id)

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
            petition._check_forward_target(organization)
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

    def _check_forward_target(self, organization):
        """A petition goes to the competent unit, which may lie outside the officer's units (the
        upper level, a sibling school): like the recipients of a document, any unit in operation,
        chosen by name and code in the directory of units; never a closed unit or a made-up id."""
        self.ensure_one()
        if self.env.su:
            return
        if not self.env["union.document.recipient.unit"].search_count([("id", "=", organization.id)]):
            raise AccessError(self.env._(
                "The petition %(name)s can be forwarded only to a unit in operation, chosen from the list "
                "of units.", name=self.name))

    def _schedule_assignee_activity(self):
        self.ensure_one()
        self.activity_schedule(
            "mail.mail_activity_data_todo", user_id=self.assignee_id.id,
            date_deadline=self.date_deadline or fields.Date.context_today(self),
            summary=self.env._("Settle the petition %(name)s", name=self.name))

    def _notify_submitter(self, text, answer_html=None):
        """E-mail the submitter from the submitter record (not through the petition's chatter,
        which every reader of the petition sees). ``text`` is plain text (an officer's reason
        may hold anything: it is escaped); ``answer_html`` is the sanitized answer field."""
        self.ensure_one()
        # sudo: the submitter may be hidden from the acting officer; the mail still reaches them
        petition = self.sudo()
        identity = petition.identity_ids[:1]
        email = identity._email_to() if identity else False
        if not email:
            return False
        body = Markup("<p>%s</p>") % escape(text)
        if answer_html:
            body += Markup(answer_html)
        body += Markup('<p><a href="%s%s">%s</a></p>') % (petition.get_base_url(), petition.access_url, petition.name)
        return self.env["mail.mail"].sudo().create({
            "subject": f"{petition.name}: {petition.subject}",
            "body_html": body,
            "email_to": email if not identity.partner_id else False,
            "recipient_ids": [Command.link(identity.partner_id.id)] if identity.partner_id else [],
            "auto_delete": False,
            # kept with the submitter record, which only the handlers and the submitter read
            "model": identity._name, "res_id": identity.id,
        })
