import uuid

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import sql

from ..rules import citizen_id as cccd
from ..rules import foreign_member
from ..rules.lifecycle import MEMBER_STATES
from ..tools.member_events import latest_events
from .res_partner import MEMBER_CONTACT_FIELDS

STATES = [
    ("active", "Active"),
    ("suspended", "Suspended"),
    ("transferred", "Transferred out"),
    ("left", "Left"),
    ("expelled", "Expelled"),
    ("deceased", "Deceased"),
]

GENDERS = [("male", "Male"), ("female", "Female")]

EDUCATION_LEVELS = [
    ("primary", "Primary school"),
    ("secondary", "Lower secondary"),
    ("high_school", "Upper secondary"),
    ("vocational", "Vocational"),
    ("college", "College"),
    ("bachelor", "Bachelor"),
    ("master", "Master"),
    ("doctor", "Doctorate"),
]

ID_DOCUMENT_TYPES = [
    ("citizen_id", "Citizen ID (CCCD)"),
    ("passport", "Passport"),
    ("work_permit", "Work Permit"),
]


class UnionMember(models.Model):
    _name = "union.member"
    _description = "Union Member"
    _inherits = {"res.partner": "partner_id"}
    _inherit = ["mail.thread", "mail.activity.mixin", "union.reference.check.mixin"]
    _order = "organization_id, name, id"
    _rec_names_search = ["name", "member_code", "card_number"]
    _union_checked_references = ("organization_id",)

    # restrict: deleting a contact never takes the member and their history with it
    partner_id = fields.Many2one(
        "res.partner", string="Related Contact", required=True, ondelete="restrict", index=True)
    member_code = fields.Char(
        readonly=True, copy=False, default="/",
        help="Given from the member code sequence when the member is created.")
    card_number = fields.Char(copy=False, tracking=True,
                              help="Number of the national union member card.")
    citizen_id = fields.Char(
        string="Citizen ID", copy=False, tracking=True,
        groups="union_membership.group_union_officer",
        help="12-digit citizen identity number (CCCD). Personal data: officers of the member's units only.")
    # identity document (Law 50/2024: foreign workers may join): the Vietnamese citizen id stays in
    # citizen_id; a passport or work permit number is in id_document_number (see readme)
    nationality_id = fields.Many2one(
        "res.country", string="Nationality", tracking=True, index=True,
        default=lambda self: self.env.ref("base.vn", raise_if_not_found=False))
    id_document_type = fields.Selection(
        ID_DOCUMENT_TYPES, string="Identity Document", default="citizen_id", tracking=True,
        groups="union_membership.group_union_officer",
        help="A Vietnamese member's citizen ID; a passport or work permit for a foreign member.")
    id_document_country_id = fields.Many2one(
        "res.country", string="Issuing Country", tracking=True,
        default=lambda self: self.env.ref("base.vn", raise_if_not_found=False),
        groups="union_membership.group_union_officer")
    id_document_number = fields.Char(
        string="Document Number", copy=False, index=True, tracking=True,
        groups="union_membership.group_union_officer",
        help="Number of the passport or work permit (a citizen ID's number is in Citizen ID).")
    contract_date_start = fields.Date(string="Labour Contract From", tracking=True)
    contract_date_end = fields.Date(string="Labour Contract Until", tracking=True,
                                    help="The contract's last day.")
    contract_indefinite = fields.Boolean(string="Indefinite-term Contract", tracking=True)
    date_employed = fields.Date(
        string="Employment Start Date", tracking=True, index=True,
        help="The day the employer recruited the member (ngày tuyển dụng), not the union admission. "
             "Rules that count from recruitment use it.")
    birth_date = fields.Date(tracking=True, groups="union_membership.group_union_officer")
    gender = fields.Selection(GENDERS, tracking=True, index=True)
    ethnicity_id = fields.Many2one(
        "union.ethnicity", string="Ethnic Group", tracking=True,
        groups="union_membership.group_union_officer")
    religion = fields.Char(tracking=True, groups="union_membership.group_union_officer")
    education_level = fields.Selection(EDUCATION_LEVELS, tracking=True)
    job_title = fields.Char(string="Job", tracking=True)
    workplace = fields.Char(tracking=True)
    party_member = fields.Boolean(tracking=True, groups="union_membership.group_union_officer")
    union_position = fields.Char(tracking=True)
    organization_id = fields.Many2one(
        "union.organization", string="Unit", readonly=True, index=True, tracking=True,
        ondelete="restrict", help="Set by the member's admission and transfer events.")
    company_id = fields.Many2one(
        related="organization_id.company_id", store=True, index=True, string="Accounting Entity")
    date_joined = fields.Date(string="Joined On", tracking=True,
                              default=fields.Date.context_today)
    state = fields.Selection(
        STATES, string="Membership Status", default="active", readonly=True, index=True, tracking=True,
        help="Follows the member's events.")
    is_current = fields.Boolean(
        string="Current Member", compute="_compute_is_current", search="_search_is_current",
        help="Active or suspended (rules/lifecycle.py MEMBER_STATES): still a member of the union.")
    event_ids = fields.One2many("union.member.event", "member_id", string="History")
    change_request_ids = fields.One2many("union.member.change.request", "member_id",
                                         string="Change Requests")
    data_request_ids = fields.One2many("union.member.data.request", "member_id",
                                       string="Personal Data Requests")
    user_id = fields.Many2one("res.users", compute="_compute_user_id", string="Portal Login")
    age = fields.Integer(compute="_compute_age", groups="union_membership.group_union_officer")
    verify_token = fields.Char(
        copy=False, readonly=True, default=lambda self: uuid.uuid4().hex,
        groups="union_membership.group_union_officer",
        help="Secret part of the card's verification address.")
    verify_url = fields.Char(compute="_compute_verify_url", groups="union_membership.group_union_officer")

    _sql_constraints = [
        ("member_code_unique", "unique(member_code)", "The member code must be unique."),
        ("citizen_id_unique", "unique(citizen_id)", "Another member already has this citizen ID."),
        ("id_document_unique", "unique(id_document_type, id_document_country_id, id_document_number)",
         "Another member already has this identity document."),
        ("card_number_unique", "unique(card_number)", "Another member already has this card number."),
        ("verify_token_unique", "unique(verify_token)", "The verification token must be unique."),
    ]

    #: columns whose unique constraint's index serves every search on them: no second index
    UNIQUE_INDEXED = ("member_code", "card_number", "citizen_id", "verify_token")

    def init(self):
        result = super().init()
        # earlier versions indexed these columns beside their unique constraint: two identical
        # btrees that every insert (100,000 at a time by the import) had to fill
        for name in self.UNIQUE_INDEXED:
            sql.drop_index(self.env.cr, sql.make_index_name(self._table, name), self._table)
        return result

    @api.depends("state")
    def _compute_is_current(self):
        for member in self:
            member.is_current = member.state in MEMBER_STATES

    def _search_is_current(self, operator, value):
        """The views and filters say "current member" through this field: the states are
        written once, in rules/lifecycle.py."""
        if operator not in ("=", "!="):
            raise ValueError(f"Invalid operator {operator!r} for union.member.is_current")
        wanted = bool(value) == (operator == "=")
        return [("state", "in" if wanted else "not in", MEMBER_STATES)]

    def _compute_user_id(self):
        users = self.env["res.users"].sudo().search([("partner_id", "in", self.partner_id.ids)])
        by_partner = {user.partner_id.id: user for user in users}
        for member in self:
            member.user_id = by_partner.get(member.partner_id.id, False)

    @api.depends("birth_date")
    def _compute_age(self):
        today = fields.Date.context_today(self)
        for member in self:
            born = member.birth_date
            member.age = (today.year - born.year - ((today.month, today.day) < (born.month, born.day))
                          if born else 0)

    def _compute_verify_url(self):
        # get_base_url() takes one record (the website of the member's company, if any)
        for member in self:
            member.verify_url = f"{member.get_base_url()}/union/verify/{member.verify_token}"

    @api.constrains("citizen_id", "birth_date", "gender")
    def _check_citizen_id(self):
        for member in self.sudo():
            value = member.citizen_id
            if not value:
                continue
            if value.isdigit() and len(value) == 11:
                # a spreadsheet import puts back the zero Excel drops; on a form it is a typing mistake
                raise ValidationError(self.env._(
                    "The citizen ID %(value)s of %(name)s has 11 digits: a citizen ID has 12. "
                    "Type it in full, with its leading zero.", value=value, name=member.name))
            if not cccd.is_valid(value):
                raise ValidationError(self.env._(
                    "The citizen ID %(value)s of %(name)s is not valid: it must have 12 digits "
                    "and start with a province code from 001 to 096.",
                    value=value, name=member.name))
            for code, params in cccd.mismatches(value, member.birth_date, member.gender):
                raise ValidationError(self._citizen_id_mismatch_message(member, code, params))

    @api.constrains("id_document_type", "citizen_id", "id_document_number", "id_document_country_id",
                    "nationality_id")
    def _check_id_document(self):
        vietnam = self.env.ref("base.vn", raise_if_not_found=False)
        for member in self.sudo():
            if member.id_document_type in (False, "citizen_id"):
                if member.id_document_number:
                    raise ValidationError(self.env._(
                        "%(name)s: the number of a citizen ID goes in the Citizen ID field.",
                        name=member.name))
                if member.citizen_id and member.nationality_id and member.nationality_id != vietnam:
                    raise ValidationError(self.env._(
                        "%(name)s: a citizen ID (CCCD) is a Vietnamese document; a member of "
                        "%(country)s has a passport or a work permit.",
                        name=member.name, country=member.nationality_id.name))
                continue
            if member.citizen_id:
                raise ValidationError(self.env._(
                    "%(name)s: a member identified by a passport or work permit has no citizen ID; "
                    "clear the Citizen ID field.", name=member.name))
            if member.id_document_number and not member.id_document_country_id:
                raise ValidationError(self.env._(
                    "%(name)s: choose the country that issued the document %(number)s.",
                    name=member.name, number=member.id_document_number))

    @api.constrains("contract_date_start", "contract_date_end")
    def _check_contract_dates(self):
        for member in self:
            if member.contract_date_start and member.contract_date_end \
                    and member.contract_date_end < member.contract_date_start:
                raise ValidationError(self.env._(
                    "%(name)s: the labour contract ends before it starts.", name=member.name))

    def _check_foreign_admission(self):
        """Refuse the admission of a foreign member without an identity document or a labour
        contract of 12 months or more (Law 50/2024), or of anyone without a nationality."""
        errors = []
        for member in self.sudo():
            problems = foreign_member.admission_problems(
                member.nationality_id.code, member.id_document_type, member.id_document_number,
                member.id_document_country_id, member.contract_date_start, member.contract_date_end,
                member.contract_indefinite)
            if problems:
                errors.append(self._foreign_admission_message(member.name, problems))
        if errors:
            raise ValidationError("\n".join(errors[:20]))

    def _foreign_admission_message(self, name, problems):
        _ = self.env._
        texts = {
            "no_nationality": _("the nationality"),
            "no_document": _("a passport or work permit with its number and issuing country"),
            "no_contract": _("the labour contract's start and end dates, or tick indefinite-term"),
            "contract_too_short": _("a labour contract of 12 months or more"),
        }
        return _("%(name)s cannot be admitted: a foreign worker joins the union with a labour contract "
                 "of 12 months or more (Law 50/2024/QH15). Missing: %(missing)s.",
                 name=name, missing="; ".join(texts[p] for p in problems))

    def _union_document_label(self, masked=True):
        """The member's identity document as a line of text: "Passport (South Korea) •••••5678".

        For the member's own portal page (their record rule lets them read only themselves);
        the number is masked but for its last four characters unless ``masked`` is False.
        """
        self.ensure_one()
        if self.partner_id != self.env.user.partner_id:
            # a member's own record needs no query (the portal page's budget); anyone else's is checked
            self.check_access("read")
        member = self.sudo()  # sudo: the document fields are officers' fields; this is the member's own
        doc_type = member.id_document_type or "citizen_id"
        number = member.citizen_id if doc_type == "citizen_id" else member.id_document_number
        if not number:
            return ""
        label = dict(self._fields["id_document_type"]._description_selection(self.env))[doc_type]
        if doc_type != "citizen_id" and member.id_document_country_id:
            label = f"{label} ({member.id_document_country_id.name})"
        if masked:
            number = "•" * max(len(number) - 4, 0) + number[-4:]
        return f"{label} {number}"

    def _union_is_foreign(self):
        self.ensure_one()
        return bool(self.nationality_id) and self.nationality_id.code != "VN"

    @api.onchange("nationality_id")
    def _onchange_nationality_id(self):
        vietnam = self.env.ref("base.vn", raise_if_not_found=False)
        if self.nationality_id and self.nationality_id != vietnam and self.id_document_type == "citizen_id" \
                and not self.citizen_id:
            self.id_document_type = "passport"
            self.id_document_country_id = self.nationality_id

    def _citizen_id_mismatch_message(self, member, code, params):
        if code == "birth_year":
            return self.env._(
                "The citizen ID %(value)s of %(name)s does not match the birth date: its digits 4 to 6 "
                "(%(digits)s) say born in %(id_year)s, but the birth date is %(birth)s.",
                value=member.citizen_id, name=member.name, digits=params["digits"],
                id_year=params["id_year"], birth=member.birth_date.strftime("%d/%m/%Y"))
        genders = dict(self._fields["gender"]._description_selection(self.env))
        return self.env._(
            "The citizen ID %(value)s of %(name)s does not match the sex: its 4th digit (%(digit)s) "
            "is that of a %(id_gender)s, but the sex is %(gender)s.",
            value=member.citizen_id, name=member.name, digit=params["digit"],
            id_gender=genders[params["id_gender"]].lower(), gender=genders[params["gender"]].lower())

    @api.constrains("birth_date", "date_joined")
    def _check_dates(self):
        today = fields.Date.context_today(self)
        for member in self.sudo():
            if member.birth_date and member.birth_date > today:
                raise ValidationError(self.env._("The birth date of %(name)s is in the future.", name=member.name))
            if member.birth_date and member.date_joined and member.date_joined < member.birth_date:
                raise ValidationError(self.env._(
                    "%(name)s cannot have joined the union before being born.", name=member.name))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("citizen_id"):
                vals["citizen_id"] = cccd.normalize(vals["citizen_id"])
        todo = [vals for vals in vals_list if vals.get("member_code", "/") == "/"]
        for vals, code in zip(todo, self._next_member_codes(len(todo))):
            vals["member_code"] = code
        if self.env.context.get("union_no_admission"):
            # the caller writes the history itself (imports of past data, demo)
            return super().create(vals_list)
        admissions = []
        for vals in vals_list:
            # the unit is kept on the record from the start, so that the officer's record
            # rule (unit in their subtree) is checked on creation; the admission event says the same
            org_id = vals.get("organization_id") or self.env.context.get("default_organization_id")
            vals["organization_id"] = org_id
            admissions.append(org_id)
            vals.pop("state", None)
        members = super().create(vals_list)
        if members:
            missing = [m.name for m, org in zip(members, admissions) if not org]
            if missing:
                raise ValidationError(self.env._(
                    "Choose the unit that admits %(names)s.", names=", ".join(missing[:5])))
            event_type = self.env.context.get("union_admission_type", "admission")
            self.env["union.member.event"].create([{
                "member_id": member.id,
                "event_type": event_type,
                "date": member.date_joined or fields.Date.context_today(self),
                "organization_id": org_id,
                "reason": self.env.context.get("union_admission_reason", False),
            } for member, org_id in zip(members, admissions)])
        return members

    @api.ondelete(at_uninstall=False)
    def _unlink_except_history(self):
        # sudo: the history counts whoever deletes (one query)
        if self.env["union.member.event"].sudo().search_count([("member_id", "in", self.ids)], limit=1):
            raise UserError(self.env._(
                "A member with a history cannot be deleted: record the end of the membership instead."))

    def _track_get_fields(self):
        # the contact fields live on the partner (_inherits): tracked here too, so that a change
        # of a member's e-mail, phone or address is on the member's chatter with its old value
        fnames = super()._track_get_fields()
        return fnames | set(self.fields_get(
            [name for name in MEMBER_CONTACT_FIELDS if name in self._fields], attributes=()))

    def write(self, vals):
        if ("state" in vals or "organization_id" in vals) and not self.env.context.get("union_apply_events"):
            raise UserError(self.env._(
                "The state and the unit of a member change only through their history: "
                "record an admission, transfer, suspension or other event instead."))
        if vals.get("citizen_id"):
            vals["citizen_id"] = cccd.normalize(vals["citizen_id"])
        res = super().write(vals)
        if "organization_id" in vals:
            self._union_update_followers()
        return res

    def _union_update_followers(self):
        """Followers follow the member's unit: after a transfer, the users who no longer manage
        the member's unit stop following the member, and the new unit's officers follow it.

        In bulk: one search of the followers, one subtree search per officer concerned.
        """
        if not self:
            return
        # sudo: followers are managed for the unit, whatever the user who records the transfer may read
        members = self.sudo()
        followers = self.env["mail.followers"].sudo().search(
            [("res_model", "=", self._name), ("res_id", "in", members.ids)])
        users = self.env["res.users"].sudo().with_context(active_test=False).search(
            [("partner_id", "in", followers.partner_id.ids), ("share", "=", False)])
        admin_group = self.env.ref("union_membership.group_union_admin")
        reach = {}
        for user in users:
            if admin_group in user.groups_id:
                continue
            reach[user.partner_id.id] = set(user.union_organization_ids._get_subtree().ids)
        unit_of = {member.id: member.organization_id.id for member in members}
        stale = followers.filtered(
            lambda f: f.partner_id.id in reach and unit_of.get(f.res_id) not in reach[f.partner_id.id])
        stale.unlink()
        by_unit = {}
        for member in members:
            by_unit.setdefault(member.organization_id, members.browse())
            by_unit[member.organization_id] |= member
        for unit, unit_members in by_unit.items():
            officers = unit._get_managing_officers()
            if officers:
                unit_members.message_subscribe(partner_ids=officers.partner_id.ids)

    @api.model
    def _next_member_codes(self, count):
        """``count`` member codes from the sequence, in one query."""
        if not count:
            return []
        seq = self.env.ref("union_membership.seq_union_member").sudo()
        if seq.implementation != "standard":
            return [seq.next_by_id() for _i in range(count)]
        prefix, suffix = seq._get_prefix_suffix()
        self.env.cr.execute(
            "SELECT nextval(%s) FROM generate_series(1, %s)", [f"ir_sequence_{seq.id:03d}", count])
        return [f"{prefix}{number:0{seq.padding}d}{suffix}" for (number,) in self.env.cr.fetchall()]

    def _apply_events(self):
        """Set state and unit of these members from their latest lifecycle events (bulk)."""
        if not self:
            return
        groups = {}
        for member_id, state, org_id in latest_events(
                self.env, ("state_after", "organization_id"), member_ids=self.ids):
            groups.setdefault((state, org_id), []).append(member_id)
        for (state, org_id), ids in groups.items():
            todo = self.browse(ids).filtered(
                lambda m, s=state, o=org_id: m.state != s or m.organization_id.id != o)
            if todo:
                # sudo: the events were checked against the user's access when they were created;
                # a transfer may lead to a unit the user does not manage
                todo.sudo().with_context(union_apply_events=True).write(
                    {"state": state, "organization_id": org_id})

    @api.model
    def _get_status_at(self, on_date, organization_ids=None):
        """{member_id: (state, organization_id)} at the end of ``on_date``, from the history.

        One query for any number of members; ``organization_ids`` keeps only members
        whose unit at that date is one of them.
        """
        rows = latest_events(self.env, ("state_after", "organization_id"), on_date=on_date,
                             organization_ids=organization_ids)
        return {member_id: (state, org_id) for member_id, state, org_id in rows}

    @api.model
    def _union_unit_by_partner(self, partner_ids):
        """{partner id: unit id} of the members among ``partner_ids``, in one search: what
        another addon stamps on a record a member creates (a registration, an answer...),
        so that the record follows the unit's record rules."""
        if not partner_ids:
            return {}
        # sudo: the member's unit is stamped whoever creates the record (a portal member)
        members = self.sudo().search([("partner_id", "in", list(partner_ids))])
        return {member.partner_id.id: member.organization_id.id for member in members}

    @api.model
    def _get_members_at(self, on_date, organizations):
        """Members (active or suspended) of these units and their sub-units at ``on_date``."""
        status = self._get_status_at(on_date, organizations._get_subtree().ids)
        return self.browse(sorted(mid for mid, (state, _org) in status.items() if state in MEMBER_STATES))

    def _open_event_wizard(self, event_type):
        return {
            "type": "ir.actions.act_window",
            "res_model": "union.member.event.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_member_ids": self.ids, "default_event_type": event_type},
        }

    def action_transfer(self):
        """The transfer dialog (chuyển sinh hoạt): a dedicated wizard whose event cannot be switched."""
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Transfer to Another Unit"),
            "res_model": "union.member.transfer.request.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_member_ids": self.ids},
        }

    def action_suspend(self):
        return self._open_event_wizard("suspension")

    def action_resume(self):
        return self._open_event_wizard("resumption")

    def action_withdraw(self):
        return self._open_event_wizard("withdrawal")

    def action_remove(self):
        return self._open_event_wizard("removal")

    def action_expel(self):
        return self._open_event_wizard("expulsion")

    def action_record_death(self):
        return self._open_event_wizard("death")

    def action_issue_card(self):
        return self._open_event_wizard("card")

    def action_readmit(self):
        return self._open_event_wizard("admission")

    def action_print_card(self):
        return self.env.ref("union_membership.action_report_union_member_card").report_action(self)

    def action_grant_portal(self):
        """Give these members a portal login (e-mail needed), in bulk."""
        without_email = self.filtered(lambda m: not m.email)
        if without_email:
            raise UserError(self.env._(
                "These members have no e-mail address, needed for a portal login: %(names)s",
                names=", ".join(without_email[:10].mapped("name"))))
        todo = self.filtered(lambda m: not m.user_id)
        wizard = self.env["portal.wizard"].with_context(active_ids=todo.partner_id.ids).create({})
        wizard.user_ids.action_grant_access()
        group = self.env.ref("union_membership.group_union_member")
        todo._compute_user_id()
        todo.user_id.sudo().write({"groups_id": [fields.Command.link(group.id)]})
        return True

    @api.model
    def _age_on(self, birth, on_date):
        return on_date.year - birth.year - ((on_date.month, on_date.day) < (birth.month, birth.day))
