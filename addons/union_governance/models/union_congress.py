from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..rules import counting

CONGRESS_KINDS = [("full", "Full members' congress"), ("delegates", "Delegates' congress")]
#: the credentials committee's figures (computed from the participants)
CREDENTIAL_FIELDS = (
    "cred_summoned", "cred_present", "cred_absent", "cred_absent_with_reason", "cred_women",
    "cred_minority", "cred_party", "cred_age_under_35", "cred_age_35_50", "cred_age_over_50",
    "cred_postgraduate", "cred_university", "cred_below_university", "cred_theory_high",
    "cred_theory_middle", "cred_officer_full_time", "cred_officer_part_time",
)


class UnionCongress(models.Model):
    _name = "union.congress"
    _description = "Union Congress"
    _inherit = ["mail.thread", "mail.activity.mixin", "union.reference.check.mixin"]
    _union_checked_references = ("organization_id", "term_id")
    _order = "date_start desc, id desc"

    name = fields.Char(required=True, tracking=True)
    organization_id = fields.Many2one(
        "union.organization", string="Unit", required=True, index=True, ondelete="restrict", tracking=True)
    kind = fields.Selection(CONGRESS_KINDS, required=True, default="full", tracking=True)
    congress_number = fields.Integer(tracking=True)
    term_id = fields.Many2one("union.term", string="Term Elected", index=True, ondelete="restrict",
                              help="The term this congress opens: made when the results are confirmed.")
    new_term_start = fields.Date(string="New Term From")
    new_term_end = fields.Date(string="New Term Until")
    date_summons = fields.Date(string="Summons Date", tracking=True,
                               help="Members of the unit on this date take part in a full members' congress.")
    date_start = fields.Datetime(string="Opens On", required=True, tracking=True)
    date_end = fields.Datetime(string="Closes On")
    location = fields.Char()
    agenda = fields.Html()
    timetable = fields.Html()
    document_ids = fields.Many2many(
        "ir.attachment", "union_congress_document_rel", "congress_id", "attachment_id",
        string="Documents for Participants")
    state = fields.Selection(
        [("preparation", "In preparation"), ("in_session", "In session"), ("done", "Done"),
         ("cancelled", "Cancelled")], default="preparation", required=True, index=True, tracking=True)
    rule_id = fields.Many2one("union.election.rule", string="Charter Rule", required=True, ondelete="restrict",
                              default=lambda self: self.env["union.election.rule"]._get_rule(date.today()))
    participant_ids = fields.One2many("union.congress.participant", "congress_id", string="Participants")
    allotment_ids = fields.One2many("union.congress.allotment", "congress_id", string="Delegate Allotment")
    election_ids = fields.One2many("union.election", "congress_id", string="Elections")
    summoned_count = fields.Integer(compute="_compute_attendance", string="Voters Summoned")
    present_count = fields.Integer(compute="_compute_attendance", string="Voters Present")
    quorum_needed = fields.Integer(compute="_compute_attendance", string="Present Needed")
    quorum_reached = fields.Boolean(compute="_compute_attendance")
    cred_summoned = fields.Integer(compute="_compute_credentials", string="Summoned")
    cred_present = fields.Integer(compute="_compute_credentials", string="Present")
    cred_absent = fields.Integer(compute="_compute_credentials", string="Absent")
    cred_absent_with_reason = fields.Integer(compute="_compute_credentials", string="Absent with Reason")
    cred_women = fields.Integer(compute="_compute_credentials", string="Women")
    cred_minority = fields.Integer(compute="_compute_credentials", string="Ethnic Minorities")
    cred_party = fields.Integer(compute="_compute_credentials", string="Party Members")
    cred_age_under_35 = fields.Integer(compute="_compute_credentials", string="Under 35")
    cred_age_35_50 = fields.Integer(compute="_compute_credentials", string="35 to 50")
    cred_age_over_50 = fields.Integer(compute="_compute_credentials", string="Over 50")
    cred_postgraduate = fields.Integer(compute="_compute_credentials", string="Postgraduate")
    cred_university = fields.Integer(compute="_compute_credentials", string="University or College")
    cred_below_university = fields.Integer(compute="_compute_credentials", string="Below College")
    cred_theory_high = fields.Integer(compute="_compute_credentials", string="Political Theory: Advanced")
    cred_theory_middle = fields.Integer(compute="_compute_credentials", string="Political Theory: Intermediate")
    cred_officer_full_time = fields.Integer(compute="_compute_credentials", string="Full-time Officers")
    cred_officer_part_time = fields.Integer(compute="_compute_credentials", string="Part-time Officers")
    credentials_frozen = fields.Json(
        string="Confirmed Credentials Figures", readonly=True, copy=False,
        help="The credentials committee's figures as confirmed: shown and printed as they were, "
             "whatever changes later in the members' records.")
    credentials_confirmed_at = fields.Datetime(readonly=True, copy=False)
    credentials_confirmed_by_id = fields.Many2one("res.users", string="Credentials Confirmed By",
                                                  readonly=True, copy=False)

    @api.depends("participant_ids.state", "participant_ids.can_vote", "rule_id")
    def _compute_attendance(self):
        Participant = self.env["union.congress.participant"]
        groups = {
            (congress.id, state): count for congress, state, count in Participant._read_group(
                [("congress_id", "in", self.ids), ("can_vote", "=", True)], ["congress_id", "state"], ["__count"])
        }
        for congress in self:
            summoned = sum(count for (cid, _state), count in groups.items() if cid == congress.id)
            present = groups.get((congress.id, "present"), 0)
            rule = congress.rule_id
            num, den = (rule.quorum_numerator, rule.quorum_denominator) if rule else (2, 3)
            congress.summoned_count = summoned
            congress.present_count = present
            congress.quorum_needed = -(-summoned * num // den)
            congress.quorum_reached = counting.quorum_reached(present, summoned, num, den)

    @api.depends("participant_ids.state", "participant_ids.member_id", "credentials_frozen")
    def _compute_credentials(self):
        for congress in self:
            if congress.credentials_frozen:
                # confirmed: the figures as the credentials committee reported them
                congress.update({name: congress.credentials_frozen.get(name, 0) for name in CREDENTIAL_FIELDS})
                continue
            figures = dict.fromkeys(CREDENTIAL_FIELDS, 0)
            participants = congress.participant_ids
            figures["cred_summoned"] = len(participants)
            figures["cred_present"] = len(participants.filtered(lambda p: p.state == "present"))
            absent = participants.filtered(lambda p: p.state == "absent")
            figures["cred_absent"] = len(absent)
            figures["cred_absent_with_reason"] = len(absent.filtered("absence_reason"))
            # sudo: the credentials report counts sensitive fields (ethnicity, party) of the
            # congress's own participants, as figures only
            members = participants.sudo().member_id
            day = (congress.date_start or fields.Datetime.now()).date()
            for member in members:
                figures["cred_women"] += member.gender == "female"
                figures["cred_minority"] += bool(member.ethnicity_id.is_minority)
                figures["cred_party"] += bool(member.party_member)
                if member.birth_date:
                    age = relativedelta(day, member.birth_date).years
                    key = "cred_age_under_35" if age < 35 else "cred_age_35_50" if age <= 50 else "cred_age_over_50"
                    figures[key] += 1
                if member.education_level in ("master", "doctor"):
                    figures["cred_postgraduate"] += 1
                elif member.education_level in ("bachelor", "college"):
                    figures["cred_university"] += 1
                elif member.education_level:
                    figures["cred_below_university"] += 1
                if member.political_theory_level in ("advanced", "bachelor"):
                    figures["cred_theory_high"] += 1
                elif member.political_theory_level == "intermediate":
                    figures["cred_theory_middle"] += 1
            posts = self.env["union.officer.post"].sudo().search([
                ("member_id", "in", members.ids), *self.env["union.officer.post"]._domain_at_date(day)])
            full_time = set(posts.filtered(lambda p: p.employment == "full_time").member_id.ids)
            figures["cred_officer_full_time"] = len(full_time)
            figures["cred_officer_part_time"] = len(set(posts.member_id.ids) - full_time)
            congress.update(figures)

    @api.constrains("term_id", "state")
    def _check_one_per_term(self):
        for congress in self.filtered(lambda c: c.state != "cancelled" and c.term_id):
            if self.search_count([("term_id", "=", congress.term_id.id), ("state", "!=", "cancelled"),
                                  ("id", "!=", congress.id)]):
                raise ValidationError(self.env._("%(unit)s already has a congress for %(term)s.",
                                                 unit=congress.organization_id.name, term=congress.term_id.name))

    @api.onchange("date_start")
    def _onchange_date_start(self):
        if self.date_start and not self.new_term_start:
            self.new_term_start = self.date_start.date()
            self.new_term_end = self.date_start.date() + relativedelta(years=5)

    @api.model_create_multi
    def create(self, vals_list):
        congresses = super().create(vals_list)
        congresses._union_tokenize_documents()
        return congresses

    def write(self, vals):
        res = super().write(vals)
        if "document_ids" in vals:
            self._union_tokenize_documents()
        return res

    def _union_tokenize_documents(self):
        """The participants' download links are made when the documents are attached, not by the
        first participants opening the page together (concurrent writes of one attachment)."""
        # sudo: an access token on the congress's own documents, for its participants' links
        for document in self.sudo().document_ids.filtered(lambda d: not d.access_token):
            document.generate_access_token()

    def action_summon_members(self):
        """Full members' congress: every member of the unit and its sub-units active on the
        summons date takes part and votes (one search, one create)."""
        self.ensure_one()
        if self.kind != "full":
            raise UserError(self.env._("Delegates are summoned one by one to a delegates' congress."))
        if self.state != "preparation":
            raise UserError(self.env._("Participants are summoned while the congress is in preparation."))
        day = self.date_summons or fields.Date.context_today(self)
        members = self.env["union.member"].search([
            ("organization_id", "child_of", self.organization_id.id), ("state", "=", "active"),
            "|", ("date_joined", "=", False), ("date_joined", "<=", day)])
        members -= self.participant_ids.member_id
        self.env["union.congress.participant"].create([
            {"congress_id": self.id, "member_id": member.id, "kind": "member"} for member in members])
        return True

    def action_take_elected_delegates(self):
        """Delegates' congress: the official and alternate delegates elected by the congresses of the
        sub-units (confirmed elections of those kinds) become participants (one search, one create)."""
        self.ensure_one()
        if self.kind != "delegates":
            raise UserError(self.env._("Only a delegates' congress takes delegates elected below."))
        elections = self.env["union.election"].search([
            ("kind", "in", ("delegates", "alternates")), ("state", "=", "confirmed"),
            ("congress_id.organization_id", "child_of", self.organization_id.id),
            ("congress_id.organization_id", "!=", self.organization_id.id)])
        self._add_elected_delegates(elections)
        return True

    def _add_elected_delegates(self, elections):
        """The delegates (official, then alternates in the order of their votes) elected in
        ``elections`` who are not yet participants join this congress; logged on it."""
        self.ensure_one()
        if self.state != "preparation":
            raise UserError(self.env._("Delegates join %(congress)s while it is in preparation.",
                                       congress=self.name))
        present = set(self.participant_ids.member_id.ids)
        vals_list = []
        for election in elections.sorted(lambda e: (e.kind != "delegates", e.id)):
            for rank, candidate in election._elected_ranked():
                if candidate.member_id.id in present:
                    continue
                present.add(candidate.member_id.id)
                vals_list.append({
                    "congress_id": self.id, "member_id": candidate.member_id.id,
                    "kind": "elected" if election.kind == "delegates" else "alternate",
                    "alternate_rank": rank if election.kind == "alternates" else 0,
                    "origin_organization_id": election.organization_id.id})
        participants = self.env["union.congress.participant"].create(vals_list)
        if participants:
            self._message_log(body=self.env._(
                "Delegates elected below joined the congress: %(names)s.",
                names=", ".join(participants.mapped("member_id.name"))))
        return participants

    def action_open_session(self):
        for congress in self:
            if not congress.participant_ids:
                raise UserError(self.env._("%(congress)s has no participant yet.", congress=congress.name))
        self.write({"state": "in_session"})
        return True

    def action_done(self):
        self.write({"state": "done"})
        return True

    def action_cancel(self):
        self.write({"state": "cancelled"})
        return True

    def action_confirm_credentials(self):
        """The credentials committee's report is confirmed: its figures are kept as they are now."""
        for congress in self:
            if congress.credentials_frozen:
                raise UserError(self.env._("The credentials report of %(congress)s is already confirmed.",
                                           congress=congress.name))
            if congress.state not in ("preparation", "in_session"):
                raise UserError(self.env._(
                    "The credentials report of %(congress)s is confirmed while the congress is being held.",
                    congress=congress.name))
            figures = {name: congress[name] for name in CREDENTIAL_FIELDS}
            congress.write({"credentials_frozen": figures, "credentials_confirmed_at": fields.Datetime.now(),
                            "credentials_confirmed_by_id": self.env.uid})
            congress._message_log(body=self.env._(
                "Credentials report confirmed: %(present)s present of %(summoned)s summoned.",
                present=figures["cred_present"], summoned=figures["cred_summoned"]))
        return True

    def action_reopen_credentials(self):
        """Ask the officer why the confirmed credentials report is re-opened."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window", "res_model": "union.congress.credentials.reopen",
            "view_mode": "form", "target": "new", "name": self.env._("Re-open the Credentials Report"),
            "context": {"default_congress_id": self.id},
        }

    def _reopen_credentials(self, reason):
        """Re-open the confirmed credentials report (figures live again), the reason logged."""
        self.check_access("write")
        reason = (reason or "").strip()
        for congress in self:
            if not congress.credentials_frozen:
                raise UserError(self.env._("The credentials report of %(congress)s is not confirmed.",
                                           congress=congress.name))
            if not reason:
                raise UserError(self.env._("Give the reason for re-opening the credentials report of %(congress)s.",
                                           congress=congress.name))
            congress.write({"credentials_frozen": False, "credentials_confirmed_at": False,
                            "credentials_confirmed_by_id": False})
            congress._message_log(body=self.env._(
                "Credentials report re-opened by %(user)s. Reason: %(reason)s",
                user=self.env.user.name, reason=reason))
        return True

    def action_view_participants(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("union_governance.union_congress_participant_action")
        action["domain"] = [("congress_id", "=", self.id)]
        action["context"] = {"default_congress_id": self.id}
        return action

    def _get_or_create_term(self):
        """The term this congress opens, made at the first confirmed result."""
        self.ensure_one()
        if self.term_id:
            return self.term_id
        start = self.new_term_start or self.date_start.date()
        term = self.env["union.term"].create({
            "organization_id": self.organization_id.id, "congress_number": self.congress_number,
            "date_start": start, "date_end": self.new_term_end or start + relativedelta(years=5)})
        self.term_id = term
        return term
