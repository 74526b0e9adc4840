import hashlib
from datetime import date

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.union_membership.models.union_member import GENDERS, ID_DOCUMENT_TYPES
from odoo.addons.union_membership.rules import citizen_id as cccd
from odoo.addons.union_membership.rules import form as form_rules

STATES = [("new", "Waiting"), ("accepted", "Admitted"), ("declined", "Declined")]


class UnionReachApplication(models.Model):
    """An application to join the union, made on the public page /gia-nhap.

    Nothing here is a member: an officer of the unit the application was routed to admits it
    (admission event with decision number and date, member code, portal invitation, welcome
    e-mail) or declines it with a reason e-mailed to the applicant.
    """

    _name = "union.reach.application"
    _description = "Online Application to Join"
    _inherit = ["mail.thread", "union.reference.check.mixin"]
    _order = "state_sequence, create_date desc, id desc"
    _union_checked_references = ("organization_id", "workplace_id", "member_id")

    reference = fields.Char(readonly=True, copy=False, index=True)
    name = fields.Char(string="Full Name", required=True, tracking=True)
    birth_date = fields.Date(required=True)
    gender = fields.Selection(GENDERS, required=True)
    nationality_id = fields.Many2one("res.country", string="Nationality", required=True)
    id_document_type = fields.Selection(ID_DOCUMENT_TYPES, string="Identity Document", required=True,
                                        default="citizen_id")
    id_document_country_id = fields.Many2one("res.country", string="Issued By")
    id_document_number = fields.Char(string="Document Number", required=True, index=True)
    employer_id = fields.Many2one("res.partner", string="Employer", index=True)
    employer_name = fields.Char(string="Workplace", help="The workplace as the applicant wrote it.")
    state_id = fields.Many2one("res.country.state", string="Province")
    job_title = fields.Char(string="Job")
    phone = fields.Char()
    email = fields.Char()
    photo = fields.Image(max_width=512, max_height=512, attachment=True)
    consent_text_id = fields.Many2one("union.consent.text", string="Consent Given To", readonly=True)
    consent_date = fields.Datetime(string="Consent Given On", readonly=True)
    organization_id = fields.Many2one(
        "union.organization", string="Unit", index=True, tracking=True,
        help="The unit the application was routed to: the employer's grassroots union, else the "
             "upper-level union of the area or sector.")
    workplace_id = fields.Many2one("union.reach.workplace", string="Workplace without a Union", index=True)
    state = fields.Selection(STATES, default="new", required=True, index=True, tracking=True)
    state_sequence = fields.Integer(compute="_compute_state_sequence", store=True)
    is_duplicate = fields.Boolean(string="Possible Duplicate", readonly=True, index=True)
    duplicate_note = fields.Char(string="Duplicate Of", readonly=True)
    decision_ref = fields.Char(string="Admission Decision", help="e.g. 12/QĐ-CĐCS")
    decision_date = fields.Date()
    decline_reason = fields.Text()
    member_id = fields.Many2one("union.member", string="Member", readonly=True, index=True)
    ip_hash = fields.Char(readonly=True, index=True, groups="base.group_system")

    @api.depends("state")
    def _compute_state_sequence(self):
        order = {"new": 0, "accepted": 1, "declined": 2}
        for application in self:
            application.state_sequence = order.get(application.state, 3)

    @api.model_create_multi
    def create(self, vals_list):
        applications = super().create(vals_list)
        for application in applications:
            application.reference = f"GN-{application.id:06d}"
        applications._flag_duplicates()
        return applications

    # ---------------------------------------------------------------- public form
    @api.model
    def _ip_hash(self, address):
        secret = self.env["ir.config_parameter"].sudo().get_param("database.secret", "")
        return hashlib.sha256(f"{secret}:{address}".encode()).hexdigest()

    @api.model
    def _validate_public_form(self, form, today=None):
        """({values of the application}, {field: error}) from the public form; writes nothing.

        The messages never say whether the identity document is already known.
        """
        _ = self.env._
        today = today or date.today()
        errors = {}
        vals = {}
        name = " ".join((form.get("name") or "").split())
        if not name:
            errors["name"] = _("Enter your full name.")
        elif len(name) > 100:
            errors["name"] = _("The name is too long (100 characters at most).")
        vals["name"] = name
        birth = None
        try:
            birth = fields.Date.to_date(form.get("birth_date") or None)
        except ValueError:
            birth = None
        if not birth:
            errors["birth_date"] = _("Enter your birth date (dd/mm/yyyy).")
        elif birth.year < 1900 or (today.year - birth.year) < 15 or birth > today:
            errors["birth_date"] = _("The birth date %(value)s is not plausible for a worker.",
                                     value=birth.strftime("%d/%m/%Y"))
        vals["birth_date"] = birth
        if form.get("gender") not in ("male", "female"):
            errors["gender"] = _("Choose your sex.")
        vals["gender"] = form.get("gender")
        Country = self.env["res.country"].sudo()
        nationality = Country.browse(form_rules.record_id(form.get("nationality_id"))).exists()
        if not nationality:
            errors["nationality_id"] = _("Choose your nationality.")
        vals["nationality_id"] = nationality.id
        doc_type = form.get("id_document_type") or "citizen_id"
        number = (form.get("id_document_number") or "").strip()
        if doc_type not in dict(ID_DOCUMENT_TYPES):
            errors["id_document_type"] = _("Choose the kind of identity document.")
        elif doc_type == "citizen_id":
            value = cccd.normalize(number)
            if nationality and nationality.code != "VN":
                errors["id_document_type"] = _(
                    "A citizen ID is for Vietnamese citizens: a foreign worker gives a passport or "
                    "a work permit.")
            elif not cccd.is_valid(value):
                errors["id_document_number"] = _(
                    "The citizen ID %(value)s is not valid: it must have 12 digits and start with a "
                    "province code from 001 to 096.", value=number)
            elif birth and vals["gender"]:
                for code, params in cccd.mismatches(value, birth, vals["gender"]):
                    if code == "birth_year":
                        errors["id_document_number"] = _(
                            "The citizen ID %(value)s is for someone born in %(id_year)s, not in "
                            "%(year)s.", value=value, **params)
                    else:
                        errors["id_document_number"] = _(
                            "The citizen ID %(value)s does not match the sex given.", value=value)
            number = value
        else:
            if not number or len(number) > 30 or not number.replace("-", "").isalnum():
                errors["id_document_number"] = _(
                    "Enter the number of your passport or work permit (letters and digits, 30 at "
                    "most); %(value)s is not one.", value=number or "-")
            vals["id_document_country_id"] = nationality.id
        vals["id_document_type"] = doc_type
        vals["id_document_number"] = number
        employer = self.env["union.reach.route"]._public_employers()
        employer_id = form_rules.record_id(form.get("employer_id"))
        employer_name = " ".join((form.get("employer_name") or "").split())[:200]
        if employer_id and employer_id in employer.ids:
            vals["employer_id"] = employer_id
            vals["employer_name"] = employer.browse(employer_id).name
        elif employer_name:
            vals["employer_name"] = employer_name
        else:
            errors["employer_id"] = _("Choose your workplace, or write its name.")
        State = self.env["res.country.state"].sudo()
        state = State.browse(form_rules.record_id(form.get("state_id"))).exists()
        vals["state_id"] = state.id
        vals["job_title"] = (form.get("job_title") or "").strip()[:100]
        phone = (form.get("phone") or "").strip()
        if phone and not phone.replace(" ", "").replace("+", "").replace(".", "").isdigit():
            errors["phone"] = _("The phone number %(value)s is not valid.", value=phone)
        vals["phone"] = phone
        email = (form.get("email") or "").strip()
        if email and ("@" not in email or " " in email or len(email) > 120):
            errors["email"] = _("The e-mail address %(value)s is not valid.", value=email)
        vals["email"] = email
        if not phone and not email:
            errors["phone"] = _("Give a phone number or an e-mail address so that the union can reach you.")
        consent = self.env["union.consent.text"]._get_in_force()
        if not form.get("consent"):
            errors["consent"] = _("Your consent to the processing of your personal data is needed to apply.")
        vals["consent_text_id"] = consent.id
        vals["consent_date"] = fields.Datetime.now()
        return vals, errors

    @api.model
    def _route_values(self, vals):
        employer = self.env["res.partner"].browse(vals.get("employer_id"))
        state = self.env["res.country.state"].browse(vals.get("state_id"))
        if not state and employer:
            state = employer.state_id
        unit = self.env["union.reach.route"]._route(employer, state)
        workplace = self.env["union.reach.workplace"]
        if employer:
            # sudo: the visitor's application is attached to the workplace being organised
            workplace = workplace.sudo().search([("employer_id", "=", employer.id),
                                                 ("state", "!=", "founded")], limit=1)
        return {"organization_id": unit.id or (workplace.organization_id.id if workplace else False),
                "workplace_id": workplace.id}

    # ---------------------------------------------------------------- duplicates
    def _flag_duplicates(self):
        """Flag applications whose identity document, or name and birth date, match a member or
        another application (one query per kind for the whole set)."""
        # sudo: duplicates are searched among all members, the officer sees only the flag
        Member = self.env["union.member"].sudo().with_context(active_test=False)
        numbers = [a.id_document_number for a in self if a.id_document_number]
        by_cccd = {m.citizen_id: m for m in Member.search([("citizen_id", "in", numbers)])}
        by_doc = {m.id_document_number: m for m in Member.search([("id_document_number", "in", numbers)])}
        names = list(set(self.mapped("name")))
        by_name = {(m.name, m.birth_date): m for m in Member.search([("name", "in", names)])}
        others = self.sudo().search([("id", "not in", self.ids), "|",
                                     ("id_document_number", "in", numbers), ("name", "in", names)])
        other_docs = {a.id_document_number: a for a in others}
        other_names = {(a.name, a.birth_date): a for a in others}
        for application in self.sudo():
            notes = []
            member = by_cccd.get(application.id_document_number) or by_doc.get(application.id_document_number)
            if member:
                notes.append(self.env._("member %(code)s (same identity document)", code=member.member_code))
            member = by_name.get((application.name, application.birth_date))
            if member:
                notes.append(self.env._("member %(code)s (same name and birth date)", code=member.member_code))
            other = other_docs.get(application.id_document_number)
            if other:
                notes.append(self.env._("application %(ref)s (same identity document)", ref=other.reference))
            other = other_names.get((application.name, application.birth_date))
            if other and other != application:
                notes.append(self.env._("application %(ref)s (same name and birth date)", ref=other.reference))
            application.write({"is_duplicate": bool(notes), "duplicate_note": "; ".join(notes) or False})

    # ---------------------------------------------------------------- decisions
    def _check_new(self):
        if self.filtered(lambda a: a.state != "new"):
            raise UserError(self.env._("Only waiting applications can be admitted or declined."))

    def _prepare_member_values(self, unit):
        self.ensure_one()
        vals = {
            "name": self.name, "birth_date": self.birth_date, "gender": self.gender,
            "nationality_id": self.nationality_id.id, "id_document_type": self.id_document_type,
            "organization_id": unit.id, "date_joined": self.decision_date,
            "job_title": self.job_title, "workplace": self.employer_name,
            "phone": self.phone, "email": self.email,
        }
        if self.id_document_type == "citizen_id":
            vals["citizen_id"] = self.id_document_number
        else:
            vals["id_document_number"] = self.id_document_number
            vals["id_document_country_id"] = (self.id_document_country_id or self.nationality_id).id
        if self.photo:
            vals["image_1920"] = self.photo
        return vals

    def action_accept(self):
        """Admit: member with the admission event (decision number and date) in the routed unit,
        member code, portal invitation when there is an e-mail, and the welcome e-mail."""
        self._check_new()
        for application in self:
            if not application.decision_ref or not application.decision_date:
                raise UserError(self.env._(
                    "Enter the admission decision's number and date for %(name)s before admitting.",
                    name=application.name))
            if not application.organization_id:
                raise UserError(self.env._("Choose the unit that admits %(name)s.", name=application.name))
        self._admit()
        return True

    def _admit(self, unit=None, decision_ref=None, decision_date=None):
        """Create the members (in ``unit`` when given, e.g. a newly founded union)."""
        Member = self.env["union.member"]
        Event = self.env["union.member.event"]
        template = self.env.ref("union_reach.mail_template_application_welcome", raise_if_not_found=False)
        for application in self:
            if decision_ref:
                application.write({"decision_ref": decision_ref, "decision_date": decision_date})
            target = unit or application.organization_id
            member = Member.create(application._prepare_member_values(target))
            Event.search([("member_id", "=", member.id), ("event_type", "=", "admission")]).write(
                {"decision_ref": self.env._("%(ref)s of %(date)s", ref=application.decision_ref,
                                            date=application.decision_date.strftime("%d/%m/%Y"))})
            application.write({"state": "accepted", "member_id": member.id, "organization_id": target.id})
            if member.email:
                member.action_grant_portal()
            if template and application.email:
                template.send_mail(application.id)
        return True

    def action_decline(self):
        self._check_new()
        template = self.env.ref("union_reach.mail_template_application_declined", raise_if_not_found=False)
        for application in self:
            if not (application.decline_reason or "").strip():
                raise UserError(self.env._("Write the reason for declining the application of %(name)s.",
                                           name=application.name))
            application.state = "declined"
            if template and application.email:
                template.send_mail(application.id)
        return True

    def action_reset(self):
        self.filtered(lambda a: a.state == "declined").write({"state": "new"})
        return True
