import json

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..rules import eligibility

#: what only the reviewing upper level writes
REVIEW_FIELDS = {"council_size", "votes_for", "votes_against", "review_note", "reviewer_id"}


class UnionAwardProposal(models.Model):
    """A unit proposes members or units for a title or form of commendation."""

    _name = "union.award.proposal"
    _description = "Commendation Proposal"
    _inherit = ["union.reference.check.mixin", "mail.thread", "mail.activity.mixin"]
    _union_checked_references = ("organization_id", "movement_id")
    _order = "id desc"

    name = fields.Char(required=True, copy=False, readonly=True, default="/")
    organization_id = fields.Many2one("union.organization", string="Proposing Unit", required=True, index=True,
                                      tracking=True, default=lambda self: self._default_organization_id())
    award_title_id = fields.Many2one("union.award.title", string="Title or Form", required=True, tracking=True)
    recipient_type = fields.Selection(related="award_title_id.recipient_type", store=True)
    movement_id = fields.Many2one("union.emulation.movement", index=True)
    year = fields.Char(required=True, index=True)
    date_reference = fields.Date(
        string="Reference Date", required=True,
        help="The end of the period rewarded: eligibility is checked as at this date.")
    line_ids = fields.One2many("union.award.proposal.line", "proposal_id", string="Candidates", copy=True)
    line_count = fields.Integer(compute="_compute_line_count", string="Candidates Count")
    state = fields.Selection(
        [("draft", "Draft"), ("submitted", "Submitted"), ("reviewed", "Reviewed"), ("approved", "Approved"),
         ("rejected", "Rejected"), ("decided", "Decided")],
        default="draft", required=True, index=True, tracking=True)
    council_size = fields.Integer(string="Council Members", tracking=True,
                                  help="Members of the emulation and commendation council who voted.")
    votes_for = fields.Integer(tracking=True)
    votes_against = fields.Integer(tracking=True)
    review_note = fields.Text()
    reviewer_id = fields.Many2one("res.users", readonly=True, copy=False)
    decision_id = fields.Many2one("union.award.decision", readonly=True, copy=False)

    @api.model
    def _default_organization_id(self):
        """The officer's unit, when they manage exactly one."""
        units = self.env.user.union_organization_ids
        return units.id if len(units) == 1 else False

    def _creation_message(self):
        return self.env._("Commendation proposal created")

    @api.depends("line_ids")
    def _compute_line_count(self):
        for proposal in self:
            proposal.line_count = len(proposal.line_ids)

    @api.onchange("movement_id")
    def _onchange_movement_id(self):
        if self.movement_id:
            self.year = self.movement_id.year
            self.date_reference = self.movement_id.date_end

    @api.constrains("award_title_id")
    def _check_not_state_title(self):
        for proposal in self:
            if proposal.award_title_id.state_title:
                raise ValidationError(self.env._(
                    "%(title)s is granted by the employer or a State body, not by the union: record it as a "
                    "State title achievement instead of proposing it.", title=proposal.award_title_id.name))

    @api.constrains("council_size", "votes_for", "votes_against")
    def _check_votes(self):
        for proposal in self:
            if min(proposal.council_size, proposal.votes_for, proposal.votes_against) < 0 \
                    or proposal.votes_for + proposal.votes_against > proposal.council_size:
                raise ValidationError(self.env._(
                    "Proposal %(name)s: %(for)s votes for and %(against)s against cannot come from a council "
                    "of %(size)s members.", name=proposal.name, size=proposal.council_size,
                    against=proposal.votes_against, **{"for": proposal.votes_for}))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not self.env.su:
                # a proposal starts as a draft; review and decision come through the workflow
                for fname in ("state", "decision_id", *REVIEW_FIELDS):
                    vals.pop(fname, None)
            if vals.get("name", "/") == "/":
                # sudo: the sequence is shared configuration
                vals["name"] = self.env["ir.sequence"].sudo().next_by_code("union.award.proposal") or "/"
        return super().create(vals_list)

    def write(self, vals):
        if REVIEW_FIELDS & set(vals):
            self._check_reviewer()
        if "decision_id" in vals and vals["decision_id"]:
            not_approved = self.filtered(lambda p: p.state != "approved")
            if not_approved:
                raise UserError(self.env._("Proposal %(proposal)s is not approved for %(title)s.",
                                           proposal=not_approved[0].name, title=not_approved[0].award_title_id.name))
        if "state" in vals:
            self._check_transition(vals)
        return super().write(vals)

    def _check_transition(self, vals):
        """Every change of state is checked here, whoever asks for it (button or RPC)."""
        new = vals["state"]
        for proposal in self:
            old = proposal.state
            if new == old or (old, new) in {("submitted", "draft"), ("rejected", "draft")}:
                continue
            if (old, new) == ("draft", "submitted"):
                proposal._check_submittable()
            elif (old, new) == ("submitted", "reviewed"):
                proposal._check_reviewer()
                if not vals.get("council_size", proposal.council_size):
                    raise UserError(self.env._("Proposal %(name)s: enter the council's vote count first.",
                                               name=proposal.name))
            elif (old, new) == ("reviewed", "approved"):
                proposal._check_reviewer()
                votes, size = vals.get("votes_for", proposal.votes_for), vals.get("council_size", proposal.council_size)
                if votes * 2 <= size:
                    raise UserError(self.env._(
                        "Proposal %(name)s has %(votes)s votes for out of %(size)s council members: "
                        "more than half is needed.", name=proposal.name, votes=votes, size=size))
            elif old in ("submitted", "reviewed") and new == "rejected":
                proposal._check_reviewer()
                if not vals.get("review_note", proposal.review_note):
                    raise UserError(self.env._(
                        "Proposal %(name)s: write the reason of the rejection in the review note.",
                        name=proposal.name))
            elif (old, new) == ("approved", "decided") and (vals.get("decision_id") or proposal.decision_id):
                continue
            else:
                proposal._raise_transition(new)

    def _check_submittable(self):
        if not self.line_ids:
            raise UserError(self.env._("Proposal %(name)s has no candidate.", name=self.name))
        self.action_check_eligibility()
        bad = self.line_ids.filtered(lambda line: not line.eligible)
        if bad:
            raise UserError(self.env._("Some candidates are not eligible:\n%(lines)s", lines="\n".join(
                f"- {line.display_name}: {line.eligibility_note}" for line in bad)))

    def _check_draft(self):
        sent = self.filtered(lambda p: p.state != "draft")
        if sent:
            raise UserError(self.env._(
                "Proposal %(name)s has been submitted: its candidates can no longer be changed.", name=sent[0].name))

    @api.model
    def _eligibility_messages(self, reasons):
        """Translated text, in the reader's language, of the failing reasons returned by
        rules/eligibility.py (as stored on the candidate lines: dates as ISO strings)."""
        def day(value):
            if not value:
                return self.env._("unknown")
            return fields.Date.to_date(value).strftime("%d/%m/%Y")

        texts = {
            "absent": lambda p: self.env._(
                "absent %(days)s working days (maternity leave not counted), the limit is under %(limit)s",
                days=p["days"], limit=p["limit"]),
            "membership_too_short": lambda p: self.env._(
                "member for less than %(months)s months (joined %(date)s)", months=p["months"],
                date=day(p.get("date_joined"))),
            "recruited_too_recently": lambda p: self.env._(
                "recruited less than %(months)s months ago (employed on %(date)s)", months=p["months"],
                date=day(p.get("date_employed"))),
            "date_employed_missing": lambda p: self.env._(
                "missing employment start date: complete it on the member to check this candidate"),
            "disciplined": lambda p: self.env._("disciplined during the period"),
            "not_registered": lambda p: self.env._("not registered for the movement"),
            "already_rewarded": lambda p: self.env._(
                "the same achievement has already been rewarded (one achievement, one form)"),
            "already_recognised": lambda p: self.env._(
                "the same achievement was already recognised with %(title)s by %(body)s (decision %(number)s "
                "of %(date)s): one achievement, one reward", title=p["title"], body=p["body"],
                number=p["number"], date=day(p.get("date"))),
        }
        return [texts[code](params) for code, params in reasons if code in texts]

    @api.model
    def _eligibility_reasons_to_store(self, reasons):
        """The reasons of rules/eligibility.py as JSON: codes and figures, dates as ISO strings."""
        return [[code, {key: fields.Date.to_string(value) if hasattr(value, "isoformat") else value
                        for key, value in params.items()}] for code, params in reasons]

    def action_check_eligibility(self):
        """Check every candidate with the dated rules, in one batch per proposal."""
        rule_sets = self.env["union.award.eligibility.rule"]._get_rule_sets()
        Registration = self.env["union.emulation.registration"].sudo()  # sudo: the proposer checks any registration
        Recipient = self.env["union.award.recipient"].sudo()  # sudo: earlier awards may come from another unit
        results = {}
        for proposal in self:
            lines = proposal.line_ids
            title = proposal.award_title_id
            members = lines.member_id
            units = lines.recipient_organization_id
            registered_members, registered_units = set(), set()
            if proposal.movement_id:
                regs = Registration.search_read(
                    [("movement_id", "=", proposal.movement_id.id), ("state", "=", "registered"),
                     "|", ("member_id", "in", members.ids),
                     "&", ("registrant_type", "=", "unit"), ("organization_id", "in", units.ids)],
                    ["member_id", "organization_id", "registrant_type"])
                registered_members = {r["member_id"][0] for r in regs if r["member_id"]}
                registered_units = {r["organization_id"][0] for r in regs if r["registrant_type"] == "unit"}
            rewarded = Recipient.search_read(
                [("state", "=", "granted"), ("year", "=", proposal.year), ("kind", "=", title.kind),
                 ("movement_id", "=", proposal.movement_id.id),
                 "|", ("member_id", "in", members.ids), ("recipient_organization_id", "in", units.ids)],
                ["member_id", "recipient_organization_id"])
            rewarded_members = {r["member_id"][0] for r in rewarded if r["member_id"]}
            rewarded_units = {r["recipient_organization_id"][0] for r in rewarded if r["recipient_organization_id"]}
            # sudo: the employment start date of a candidate of a unit below the proposer's
            employed = {m["id"]: m["date_employed"] for m in members.sudo().read(["date_employed"])}
            # State titles recorded for the same year count too (one achievement, one reward)
            recognised = self.env["union.state.achievement"]._get_recognised(
                proposal.year, title.kind, members, units)
            if title.check_eligibility:
                rules = rule_sets
                try:
                    rule = eligibility.rule_at(rule_sets, proposal.date_reference)
                except eligibility.EligibilityError as err:
                    raise UserError(self.env._(
                        "No eligibility rule is in force on %(date)s.",
                        date=proposal.date_reference.strftime("%d/%m/%Y"))) from err
            else:
                rule = {"date_from": proposal.date_reference, "max_absent_days": None,
                        "min_membership_months": None, "exclude_disciplined": False, "require_registration": False}
                rules = [rule]
            needs_registration = bool(proposal.movement_id) and rule["require_registration"]
            for line in lines:
                if line.member_id:
                    candidate = {
                        "absent_days": line.absent_days, "maternity_days": line.maternity_days,
                        "date_employed": employed.get(line.member_id.id), "disciplined": line.disciplined,
                        "registered": not needs_registration or line.member_id.id in registered_members,
                        "already_rewarded": line.member_id.id in rewarded_members,
                    }
                    reasons = eligibility.check_candidate(candidate, rules, proposal.date_reference)
                    if ("member", line.member_id.id) in recognised:
                        reasons.append(("already_recognised", recognised[("member", line.member_id.id)]))
                else:
                    unit_id = line.recipient_organization_id.id
                    reasons = []
                    if needs_registration and unit_id not in registered_units:
                        reasons.append(("not_registered", {}))
                    if unit_id in rewarded_units:
                        reasons.append(("already_rewarded", {}))
                    if ("unit", unit_id) in recognised:
                        reasons.append(("already_recognised", recognised[("unit", unit_id)]))
                # stored as codes, written out in the reader's language when shown
                stored = self._eligibility_reasons_to_store(reasons)
                results.setdefault(json.dumps(stored, sort_keys=True), []).append(line.id)
        # one write per distinct result, not one per candidate
        Line = self.env["union.award.proposal.line"]
        for key, line_ids in results.items():
            stored = json.loads(key)
            Line.browse(line_ids).write({"eligible": not stored, "eligibility_reasons": stored or False})
        return True

    def action_submit(self):
        for proposal in self:
            if proposal.state != "draft":
                raise UserError(self.env._("Proposal %(name)s was already submitted.", name=proposal.name))
        self.write({"state": "submitted"})

    def _check_reviewer(self):
        user = self.env.user
        if self.env.su or user.has_group("union_membership.group_union_admin"):
            return
        if not user.has_group("union_membership.group_union_upper_officer"):
            raise AccessError(self.env._("Only an upper-level officer can review a proposal."))
        for proposal in self:
            unit = proposal.organization_id
            if not unit._union_is_managed_by(user, allow_self=False):
                raise AccessError(self.env._(
                    "You do not manage a unit above %(unit)s and cannot review its proposal.", unit=unit.name))

    def action_review(self):
        """Record the council's vote; the proposal is then ready for approval."""
        self._check_state("submitted")
        self.write({"state": "reviewed", "reviewer_id": self.env.uid})

    def action_approve(self):
        self._check_state("reviewed")
        self.write({"state": "approved"})

    def action_reject(self):
        self._check_reviewer()
        self.write({"state": "rejected", "reviewer_id": self.env.uid})

    def _check_state(self, state):
        self._check_reviewer()
        wrong = self.filtered(lambda p: p.state != state)
        if wrong:
            wrong[0]._raise_transition(state)

    def _raise_transition(self, new):
        labels = dict(self._fields["state"]._description_selection(self.env))
        raise UserError(self.env._("Proposal %(name)s cannot go from %(old)s to %(new)s.",
                                   name=self.name, old=labels[self.state], new=labels.get(new, new)))

    def action_reset_draft(self):
        self.filtered(lambda p: p.state in ("submitted", "rejected")).write({"state": "draft"})
