from datetime import timedelta

from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import email_normalize, html2plaintext

from odoo.addons.union_membership.tools.upload import check_upload

from ..rules import mail_auth, numbering

URGENCIES = [
    ("normal", "Normal"),
    ("urgent", "Urgent (Khẩn)"),
    ("very_urgent", "Very urgent (Thượng khẩn)"),
    ("flash", "Flash (Hỏa tốc)"),
]
SECRECIES = [
    ("normal", "Normal"),
    ("confidential", "Confidential (Mật)"),
    ("secret", "Secret (Tối mật)"),
    ("top_secret", "Top secret (Tuyệt mật)"),
]
SIGNING_MODES = [
    ("none", "Signs in own name"),
    ("tm", "TM. (on behalf of the collective)"),
    ("kt", "KT. (deputy signing)"),
    ("tl", "TL. (by order)"),
    ("tuq", "TUQ. (by authorisation)"),
    ("q", "Q. (acting)"),
]
STATES = [
    ("draft", "Draft"),
    ("submitted", "Waiting for approval"),
    ("approved", "Approved"),
    ("released", "Released"),
    ("registered", "Registered"),
    ("in_progress", "Being handled"),
    ("done", "Done"),
    ("replaced", "Replaced"),
    ("recalled", "Recalled"),
    ("quarantine", "Quarantined e-mail"),
    ("rejected", "Rejected e-mail"),
]
# fields that cannot change once an outgoing document is released
LOCKED_FIELDS = {
    "type_id", "subject", "body", "department_code", "signer_id", "signer_name", "signing_mode",
    "urgency", "secrecy", "recipient_organization_ids", "recipient_tree_organization_ids",
    "recipient_partner_ids", "number", "number_symbol", "register_id", "document_date",
    "organization_id", "direction", "recipient_unit_ids", "recipient_tree_unit_ids",
}


RECIPIENT_UNIT_FIELDS = ("recipient_organization_ids", "recipient_tree_organization_ids")
# fields written only by the workflow steps, never directly
STEP_FIELDS = {
    "state", "register_id", "approver_id", "date_approved", "date_released", "source_document_id",
    "replaced_by_id",
}


class UnionDocument(models.Model):
    _name = "union.document"
    _description = "Official Document"
    _inherit = ["mail.thread", "mail.activity.mixin", "union.reference.check.mixin"]
    _order = "document_date desc, id desc"
    _rec_names_search = ["number_symbol", "subject"]
    _mail_post_access = "read"
    # links to units and documents accept only what the user may read (issue 13, points 5 and 6);
    # the recipient units are the one exception, checked by _check_recipient_units
    _union_checked_references = (
        "organization_id", "issuer_organization_id", "reply_to_id", "answer_document_id", "replaces_id",
        "recipient_partner_ids",
    )

    name = fields.Char(compute="_compute_name", store=True)
    direction = fields.Selection(
        [("outgoing", "Outgoing"), ("incoming", "Incoming")], required=True, default="outgoing",
        index=True, readonly=True)
    state = fields.Selection(STATES, default="draft", required=True, index=True, tracking=True, copy=False)
    organization_id = fields.Many2one(
        "union.organization", string="Unit", required=True, index=True, tracking=True,
        default=lambda self: self.env.user.union_organization_ids[:1],
        help="Issuing unit of an outgoing document; receiving unit of an incoming one.")
    company_id = fields.Many2one(related="organization_id.company_id", store=True)
    type_id = fields.Many2one("union.document.type", string="Type", required=True, index=True)
    subject = fields.Char(string="Summary", required=True, tracking=True, help="Trích yếu nội dung.")
    body = fields.Html(string="Content", help="Not kept for secret documents.")
    department_code = fields.Char(
        string="Drafting Department", help="Abbreviation of the drafting department (e.g. ToC, VP): "
                                           "part of the symbol of a công văn.")
    signer_id = fields.Many2one("res.users", string="Signer", tracking=True,
                                help="The leader who approves and signs.")
    signer_name = fields.Char(help="Signer as printed on the document (incoming documents).")
    signing_mode = fields.Selection(SIGNING_MODES, default="none", required=True)
    urgency = fields.Selection(URGENCIES, default="normal", required=True, index=True, tracking=True)
    is_urgent = fields.Boolean(compute="_compute_is_urgent", store=True)
    secrecy = fields.Selection(SECRECIES, default="normal", required=True, tracking=True)
    is_secret = fields.Boolean(compute="_compute_is_secret", store=True, index=True)
    document_date = fields.Date(default=fields.Date.context_today, index=True,
                                tracking=True)
    register_id = fields.Many2one("union.document.register", string="Register", readonly=True, index=True,
                                  copy=False, ondelete="restrict")
    number = fields.Integer(readonly=True, copy=False, index=True,
                            help="Number in this unit's register (outgoing number, or incoming number).")
    number_symbol = fields.Char(
        string="Number and Symbol", index="trigram", copy=False, tracking=True,
        help="As printed on the document, e.g. 12/KH-CĐN.")
    # outgoing
    recipient_organization_ids = fields.Many2many(
        "union.organization", "union_document_recipient_org_rel", "document_id", "organization_id",
        string="Addressed Units")
    recipient_tree_organization_ids = fields.Many2many(
        "union.organization", "union_document_recipient_tree_rel", "document_id", "organization_id",
        string="Addressed Units with Sub-units",
        help="Each of these units and every unit below it receives the document.")
    # the pickers of the form: any unit in operation, by name and code only (see
    # union.document.recipient.unit), written through to the two fields above
    recipient_unit_ids = fields.Many2many(
        "union.document.recipient.unit", "union_document_recipient_unit_pick_rel", "document_id", "unit_id",
        string="Recipient Units", compute="_compute_recipient_units", inverse="_inverse_recipient_units",
        help="Any unit in operation, including the upper level and sibling units.")
    recipient_tree_unit_ids = fields.Many2many(
        "union.document.recipient.unit", "union_document_recipient_tree_unit_pick_rel", "document_id", "unit_id",
        string="Recipient Units with Sub-units", compute="_compute_recipient_units",
        inverse="_inverse_recipient_units",
        help="Each of these units and every unit below it receives the document.")
    recipient_partner_ids = fields.Many2many(
        "res.partner", "union_document_recipient_partner_rel", "document_id", "partner_id",
        string="External Recipients", help="Sent by e-mail on release.")
    distribution_ids = fields.One2many("union.document.distribution", "document_id", string="Distribution")
    read_count = fields.Integer(compute="_compute_read_stats")
    unread_count = fields.Integer(compute="_compute_read_stats")
    date_released = fields.Datetime(readonly=True, copy=False)
    approver_id = fields.Many2one("res.users", readonly=True, copy=False)
    date_approved = fields.Datetime(readonly=True, copy=False)
    file_keeper = fields.Char(string="File Copy Kept By", help="Unit or person keeping the file copy.")
    copies = fields.Integer(default=1)
    replaces_id = fields.Many2one("union.document", string="Replaces or Recalls", copy=False, index=True,
                                  domain="[('direction', '=', 'outgoing'), ('state', '=', 'released')]")
    replace_mode = fields.Selection([("replace", "Replace"), ("recall", "Recall")], copy=False)
    replaced_by_id = fields.Many2one("union.document", string="Replaced or Recalled By", readonly=True,
                                     copy=False)
    reply_to_id = fields.Many2one("union.document", string="Answers", copy=False, index=True,
                                  help="The incoming document this one answers.")
    reply_ids = fields.One2many("union.document", "reply_to_id", string="Answers Sent")
    # incoming
    source_document_id = fields.Many2one(
        "union.document", string="Sent Document", readonly=True, copy=False, index=True,
        help="The outgoing document this incoming one was distributed from.")
    issuer_organization_id = fields.Many2one("union.organization", string="Issuing Unit", index=True)
    issuer_name = fields.Char(string="Issuer", help="Issuing body of an incoming document.")
    date_received = fields.Date(copy=False)
    receive_channel = fields.Selection(
        [("paper", "Paper"), ("internal", "Internal distribution"), ("email", "E-mail")],
        string="Received By")
    email_from = fields.Char(copy=False)
    lead_handler_id = fields.Many2one("res.users", string="Lead Handler", tracking=True, index=True)
    cooperating_handler_ids = fields.Many2many(
        "res.users", "union_document_cooperating_user_rel", "document_id", "user_id",
        string="Cooperating Handlers")
    direction_note = fields.Text(string="Leader's Direction")
    date_deadline = fields.Date(string="Handling Deadline", tracking=True, index=True)
    date_passed = fields.Date(string="Date Passed On", copy=False)
    is_overdue = fields.Boolean(compute="_compute_is_overdue", search="_search_is_overdue")
    progress_ids = fields.One2many("union.document.progress", "document_id", string="Progress Notes")
    answer_document_id = fields.Many2one("union.document", string="Answering Document", copy=False)
    attachment_ids = fields.One2many(
        "ir.attachment", "res_id", domain=[("res_model", "=", "union.document")], string="Attachments")
    attachment_text = fields.Char(string="Text in Attachments", compute="_compute_attachment_text",
                                  search="_search_attachment_text")
    return_comment = fields.Text(readonly=True, copy=False)
    # read receipt of an incoming copy, kept on the sender's distribution line
    receipt_date = fields.Datetime(string="Marked as Read On", compute="_compute_receipt")
    receipt_user_id = fields.Many2one("res.users", string="Marked as Read By", compute="_compute_receipt")
    # mail gateway: why an e-mail was quarantined
    quarantine_reason = fields.Text(readonly=True, copy=False)

    _sql_constraints = [
        ("number_unique", "unique(register_id, number)",
         "This number is already used in this register."),
        ("copies_positive", "CHECK(copies >= 0)", "The number of copies cannot be negative."),
    ]

    # ------------------------------------------------------------------ computes
    @api.depends("number_symbol", "subject", "direction", "number")
    def _compute_name(self):
        for doc in self:
            head = doc.number_symbol or self.env._("Draft")
            doc.name = f"{head} - {doc.subject or ''}"

    @api.depends("recipient_organization_ids", "recipient_tree_organization_ids")
    def _compute_recipient_units(self):
        Unit = self.env["union.document.recipient.unit"]
        for doc in self:
            # sudo: the recipient units may lie outside the units the user can read; only their
            # ids are taken, shown through the name-and-code directory
            doc_sudo = doc.sudo()
            doc.recipient_unit_ids = Unit.browse(doc_sudo.recipient_organization_ids.ids)
            doc.recipient_tree_unit_ids = Unit.browse(doc_sudo.recipient_tree_organization_ids.ids)

    def _inverse_recipient_units(self):
        for doc in self:
            # sudo: the user may address units they cannot read (upper level, sibling units); their
            # right to write the document itself was checked by create() or write(), and the lock
            # of released documents is checked again by write()
            doc.sudo().write({
                "recipient_organization_ids": [Command.set(doc.recipient_unit_ids.ids)],
                "recipient_tree_organization_ids": [Command.set(doc.recipient_tree_unit_ids.ids)],
            })

    @api.depends("urgency")
    def _compute_is_urgent(self):
        for doc in self:
            doc.is_urgent = doc.urgency != "normal"

    @api.depends("secrecy")
    def _compute_is_secret(self):
        for doc in self:
            doc.is_secret = doc.secrecy != "normal"

    @api.depends("distribution_ids.read_date")
    def _compute_read_stats(self):
        for doc in self:
            units = doc.distribution_ids.filtered("organization_id")
            doc.read_count = len(units.filtered("read_date"))
            doc.unread_count = len(units) - doc.read_count

    def _compute_receipt(self):
        ids = [doc_id for doc_id in self.ids if isinstance(doc_id, int)]
        # sudo: the receipt line belongs to the sender's document; only the line of each of these
        # copies (which the user reads) is read, for its date and reader
        lines = self.env["union.document.distribution"].sudo().search_fetch(
            [("incoming_document_id", "in", ids)], ["incoming_document_id", "read_date", "read_user_id"])
        by_doc = {line.incoming_document_id.id: line for line in lines}
        for doc in self:
            line = by_doc.get(doc.id)
            doc.receipt_date = line.read_date if line else False
            doc.receipt_user_id = line.read_user_id.id if line else False

    @api.depends("date_deadline", "state")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for doc in self:
            doc.is_overdue = bool(doc.direction == "incoming" and doc.date_deadline
                                  and doc.date_deadline < today and doc.state in ("registered", "in_progress"))

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on overdue documents."))
        domain = [("direction", "=", "incoming"), ("state", "in", ("registered", "in_progress")),
                  ("date_deadline", "<", fields.Date.context_today(self))]
        positive = (operator == "=") == value
        return domain if positive else ["!", "&", "&"] + domain

    def _compute_attachment_text(self):
        self.attachment_text = False

    def _search_attachment_text(self, operator, value):
        if operator not in ("ilike", "like", "=ilike", "="):
            raise UserError(self.env._("Unsupported search on attachment text."))
        attachments = self.env["ir.attachment"].search_fetch(
            [("res_model", "=", self._name), ("index_content", operator, value)], ["res_id"])
        return [("id", "in", attachments.mapped("res_id"))]

    # ---------------------------------------------------------------- constraints
    @api.constrains("secrecy", "body")
    def _check_secret_body(self):
        for doc in self:
            if doc.is_secret and doc.body and html2plaintext(doc.body).strip():
                raise ValidationError(self.env._(
                    "The secret document \"%(name)s\" keeps its register data only: remove its content.",
                    name=doc.subject))

    @api.constrains("secrecy")
    def _check_secret_attachments(self):
        secret = self.filtered("is_secret")
        if secret and self.env["ir.attachment"].sudo().search_count(
                [("res_model", "=", self._name), ("res_id", "in", secret.ids)]):
            raise ValidationError(self.env._(
                "A secret document keeps its register data only: it cannot have attachments."))

    @api.constrains("replaces_id")
    def _check_replaces(self):
        for doc in self:
            if doc.replaces_id and (doc.replaces_id == doc or doc.replaces_id.direction != "outgoing"):
                raise ValidationError(self.env._(
                    "A document can only replace or recall another outgoing document."))

    # ---------------------------------------------------------------------- CRUD
    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and any(STEP_FIELDS.intersection(vals) - {"state"} or vals.get("state", "draft") != "draft"
                                   for vals in vals_list):
            raise UserError(self.env._(
                "The status, approval and register number of a document change only through its buttons "
                "(submit, approve, release, register...)."))
        for vals in vals_list:
            self._check_recipient_units(vals)
            if vals.get("direction") == "incoming" and not vals.get("date_received"):
                vals["date_received"] = fields.Date.context_today(self)
        docs = super().create(vals_list)
        registered = docs.filtered(lambda d: d.direction == "incoming" and d.state == "registered")
        registered._notify_urgent()
        return docs

    def write(self, vals):
        steps = STEP_FIELDS.intersection(vals)
        if steps and not self.env.su and not self.env.context.get("union_document_releasing"):
            raise UserError(self.env._(
                "The status, approval and register number of a document change only through its buttons "
                "(submit, approve, release, register...)."))
        self._check_recipient_units(vals)
        locked = LOCKED_FIELDS.intersection(vals)
        if locked and not self.env.context.get("union_document_releasing"):
            for doc in self:
                if doc.direction == "outgoing" and doc.state in ("released", "replaced", "recalled"):
                    raise UserError(self.env._(
                        "The document %(name)s is released and locked: it cannot be changed. "
                        "Replace or recall it with a new document.", name=doc.number_symbol))
        return super().write(vals)

    @api.model
    def _check_recipient_units(self, vals):
        """The one exception to "a link accepts only what the user may read": a document is
        addressed to any unit in operation (the upper level, a sibling school), chosen by name and
        code in the directory of units (``union.document.recipient.unit``) and shown by name only.
        Any other id (a dissolved, merged or archived unit, an id that does not exist) is refused."""
        if self.env.su:
            return
        ids = set()
        for name in RECIPIENT_UNIT_FIELDS + ("recipient_unit_ids", "recipient_tree_unit_ids"):
            if vals.get(name):
                ids.update(self._union_reference_ids(self._fields[name], vals[name]))
        if not ids:
            return
        active = self.env["union.document.recipient.unit"].search([("id", "in", list(ids))])
        if len(active) != len(ids):
            raise AccessError(self.env._(
                "A document can be addressed only to units in operation, chosen from the list of units."))

    def _write_step(self, vals):
        """Write a step of the workflow (state, approval, register number), after its checks."""
        return self.with_context(union_document_releasing=True).write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        for doc in self:
            if doc.register_id or doc.state not in ("draft", "quarantine", "rejected"):
                raise UserError(self.env._(
                    "The document %(name)s is registered: it cannot be deleted.", name=doc.name))

    def copy_data(self, default=None):
        default = dict(default or {})
        vals_list = super().copy_data(default)
        for doc, vals in zip(self, vals_list):
            # sudo: a replacement keeps every recipient unit, also those the user cannot read
            doc_sudo = doc.sudo()
            for name in RECIPIENT_UNIT_FIELDS:
                if name not in default:
                    # units closed since the release are not addressed again
                    active = self.env["union.document.recipient.unit"].search(
                        [("id", "in", doc_sudo[name].ids)])
                    vals[name] = [Command.set(active.ids)]
        return vals_list

    def web_read(self, specification):
        # recipient units may lie outside the reader's units (a grassroots union answering its upper
        # level): they are shown by name only, as in the directory of units (union.document.recipient.unit)
        sudo_spec = {} if self.env.su else {
            name: spec for name, spec in specification.items() if name in RECIPIENT_UNIT_FIELDS}
        if sudo_spec:
            specification = {name: spec for name, spec in specification.items() if name not in sudo_spec}
        result = super(UnionDocument, self._with_checked_names()).web_read(specification)
        if sudo_spec and result:
            name_only = {name: {"fields": {"display_name": {}}} for name in sudo_spec}
            # sudo: only the recipient units' names, for documents the user has just read above
            extra = {vals["id"]: vals for vals in self.sudo().web_read(name_only)}
            for vals in result:
                vals.update({k: v for k, v in extra.get(vals["id"], {}).items() if k != "id"})
        return result

    def read(self, fields=None, load="_classic_read"):
        return super(UnionDocument, self._with_checked_names()).read(fields=fields, load=load)

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True):
        return super(UnionDocument, self._with_checked_names()).read_group(
            domain, fields, groupby, offset=offset, limit=limit, orderby=orderby, lazy=lazy)

    def _with_checked_names(self):
        """Odoo reads the name of a linked record as superuser (``Many2one.convert_to_read``,
        ``web_read``): in this context the name of a linked document is shown only to a user who
        may read that document (see ``_compute_display_name``)."""
        if self.env.su:
            return self
        return self.with_context(union_document_checked_names=True)

    @api.depends("name")
    @api.depends_context("lang", "uid", "union_document_checked_names")
    def _compute_display_name(self):
        super()._compute_display_name()
        if not (self.env.su and self.env.context.get("union_document_checked_names")):
            return
        # the names are read as superuser for the user self.env.uid: documents that user may not
        # read (another unit's, a secret one) show no number and no subject
        readable = self.with_env(self.env(su=False))._filtered_access("read")
        for doc in self - readable.with_env(self.env):
            doc.display_name = self.env._("Restricted document")

    # ------------------------------------------------------------------- actions
    def action_submit(self):
        for doc in self:
            doc._check_outgoing_state("draft")
            doc._check_ready_to_submit()
        self._write_step({"state": "submitted", "return_comment": False})
        for doc in self.filtered("signer_id"):
            doc.activity_schedule(
                "mail.mail_activity_data_todo", user_id=doc.signer_id.id,
                summary=self.env._("Approve the document: %(subject)s", subject=doc.subject))
        return True

    def action_approve(self):
        for doc in self:
            doc._check_outgoing_state("submitted")
            doc._check_can_approve()
        self._write_step({"state": "approved", "approver_id": self.env.uid, "date_approved": fields.Datetime.now()})
        self.activity_feedback(["mail.mail_activity_data_todo"])
        return True

    def action_return_wizard(self):
        self.ensure_one()
        return self.env["union.document.reason.wizard"]._open(self, "return")

    def action_return(self, comment):
        if not (comment or "").strip():
            raise UserError(self.env._("Say why the document is returned: the comment is empty."))
        for doc in self:
            doc._check_outgoing_state("submitted")
            doc._check_can_approve()
        self._write_step({"state": "draft", "return_comment": comment})
        self.activity_unlink(["mail.mail_activity_data_todo"])
        for doc in self:
            doc.message_post(body=self.env._("Returned for changes: %(comment)s", comment=comment),
                             partner_ids=doc.create_uid.partner_id.ids)
        return True

    def action_release(self):
        """Give the number and symbol, lock, distribute to recipient units, e-mail external ones."""
        for doc in self:
            if doc.direction != "outgoing":
                raise UserError(self.env._("Only an outgoing document can be released."))
            if doc.state != "approved":
                raise UserError(self.env._(
                    "The document \"%(subject)s\" has not been approved: it cannot be released.",
                    subject=doc.subject))
            doc._check_ready_to_submit()
        for doc in self:
            doc._release_one()
        return True

    def _release_one(self):
        self.ensure_one()
        year = self.document_date.year
        key = (self.organization_id.id, "outgoing", year, self.is_secret)
        register = self.env["union.document.register"]._get_registers([key])[key]
        number = register._take_next_numbers()[register.id]
        symbol = self._build_number_symbol(number)
        self.with_context(union_document_releasing=True).write({
            "register_id": register.id, "number": number, "number_symbol": symbol,
            "state": "released", "date_released": fields.Datetime.now(),
        })
        self._distribute()
        if self.replaces_id:
            self.replaces_id._mark_replaced(self)
        self.message_post(body=self.env._("Released as %(symbol)s.", symbol=symbol))

    def _build_number_symbol(self, number):
        self.ensure_one()
        issuer = self.organization_id.short_name or self.organization_id.code
        try:
            return numbering.number_and_symbol(
                number, issuer, self.type_id.abbreviation, self.department_code)
        except numbering.NumberingError as err:
            raise UserError(self.env._(
                "The unit %(unit)s has no abbreviation for the document symbol.",
                unit=self.organization_id.name)) from err

    def _get_recipient_units(self):
        self.ensure_one()
        # sudo: a recipient unit may lie outside the sender's units (e.g. the upper level);
        # only its place in the tree and its state are read
        doc = self.sudo()
        units = doc.recipient_organization_ids
        for tree in doc.recipient_tree_organization_ids:
            units |= tree._get_subtree()
        units = units.filtered(lambda u: u.state == "active") - doc.organization_id
        return units

    def _distribute(self):
        """Register the document in the incoming register of every recipient unit, and
        e-mail it to external recipients."""
        self.ensure_one()
        # sudo: the sender writes into the recipients' registers, which they cannot see themselves
        units = self._get_recipient_units()
        year = fields.Date.context_today(self).year
        today = fields.Date.context_today(self)
        if units:
            keys = [(unit.id, "incoming", year, self.is_secret) for unit in units]
            registers = self.env["union.document.register"].sudo()._get_registers(keys)
            regs = self.env["union.document.register"].sudo().browse(
                list({registers[key].id for key in keys}))
            numbers = regs._take_next_numbers()
            incoming = self.sudo().create([
                self._prepare_incoming_vals(unit, registers[key], numbers[registers[key].id], today)
                for unit, key in zip(units, keys)])
            self._copy_attachments_to(incoming)
            self.env["union.document.distribution"].sudo().create([
                {"document_id": self.id, "organization_id": doc.organization_id.id,
                 "incoming_document_id": doc.id} for doc in incoming])
            incoming._notify_recipient_officers()
        if self.recipient_partner_ids:
            self._send_to_external()

    def _prepare_incoming_vals(self, unit, register, number, today):
        return {
            "direction": "incoming", "state": "registered", "organization_id": unit.id,
            "type_id": self.type_id.id, "subject": self.subject, "body": self.body,
            "signer_name": self._get_signer_label(), "signing_mode": self.signing_mode,
            "urgency": self.urgency, "secrecy": self.secrecy, "document_date": self.document_date,
            "number_symbol": self.number_symbol, "register_id": register.id, "number": number,
            "source_document_id": self.id, "issuer_organization_id": self.organization_id.id,
            "issuer_name": self.organization_id.name, "date_received": today,
            "receive_channel": "internal",
        }

    def _copy_attachments_to(self, docs):
        attachments = self.env["ir.attachment"].sudo().search(
            [("res_model", "=", self._name), ("res_id", "=", self.id)])
        if not attachments or not docs:
            return
        vals = []
        for doc in docs:
            for att in attachments:
                vals.append({"name": att.name, "datas": att.datas, "mimetype": att.mimetype,
                             "res_model": self._name, "res_id": doc.id})
        self.env["ir.attachment"].sudo().create(vals)

    def _send_to_external(self):
        self.ensure_one()
        attachments = self.env["ir.attachment"].search(
            [("res_model", "=", self._name), ("res_id", "=", self.id)])
        # sudo: distribution lines are written by the release only, never by hand
        self.env["union.document.distribution"].sudo().create([
            {"document_id": self.id, "partner_id": partner.id, "date_sent": fields.Datetime.now()}
            for partner in self.recipient_partner_ids])
        self.message_post(
            body=self.env._("Document %(symbol)s: %(subject)s", symbol=self.number_symbol, subject=self.subject),
            subject=f"{self.number_symbol} - {self.subject}",
            partner_ids=self.recipient_partner_ids.ids, attachment_ids=attachments.ids,
            message_type="comment", subtype_xmlid="mail.mt_comment")

    def _get_signer_label(self):
        self.ensure_one()
        mode = dict(SIGNING_MODES).get(self.signing_mode, "")
        name = self.signer_id.name or self.signer_name or ""
        if self.signing_mode == "none":
            return name
        return f"{mode.split(' ')[0]} {name}".strip()

    def _notify_recipient_officers(self):
        """Tell the officers of each recipient unit that a document arrived: they follow it, get a
        message and an activity "read the document", closed when the unit marks it as read."""
        for doc in self:
            users = doc.organization_id.officer_ids
            if not users:
                continue
            doc.message_subscribe(partner_ids=users.partner_id.ids)
            doc.message_post(
                body=self.env._("New document from %(issuer)s: %(symbol)s - %(subject)s",
                                issuer=doc.issuer_name or "", symbol=doc.number_symbol or "", subject=doc.subject),
                partner_ids=users.partner_id.ids, message_type="notification",
                subtype_xmlid="mail.mt_comment", email_from=self._union_email_from())
            summary = self.env._("Read the document %(symbol)s", symbol=doc.number_symbol or doc.subject)
            for user in users:
                doc.activity_schedule("union_documents.mail_activity_data_read_document", user_id=user.id,
                                      summary=summary)

    @api.model
    def _union_email_from(self):
        """The sender of the suite's chatter posts: the user, or the company when the user has no
        e-mail address (posting would fail otherwise)."""
        return (self.env.user.email_formatted or self.env.company.email_formatted
                or self.env["ir.mail_server"]._get_default_from_address() or "noreply@localhost")

    def _notify_urgent(self):
        """Urgent documents (Khẩn, Thượng khẩn, Hỏa tốc) are flagged and their officers told at once."""
        for doc in self.filtered("is_urgent"):
            partners = doc.organization_id.officer_ids.partner_id
            label = dict(self._fields["urgency"]._description_selection(self.env))[doc.urgency]
            doc.message_post(
                body=self.env._("Urgent document (%(urgency)s) received: %(subject)s",
                                urgency=label, subject=doc.subject),
                partner_ids=partners.ids, message_type="notification",
                subtype_xmlid="mail.mt_comment")

    def action_mark_read(self):
        """The recipient unit's officer says the distributed document has been read: the read
        receipt the sender sees. An explicit action, never a side effect of opening the document."""
        self.check_access("read")
        user = self.env.user
        for doc in self:
            if doc.direction != "incoming" or not doc.source_document_id:
                raise UserError(self.env._(
                    "Only a document distributed by another unit has a read receipt: %(name)s.", name=doc.name))
            if not doc.organization_id._union_is_managed_by(user, below=False):
                raise AccessError(self.env._(
                    "Only an officer of %(unit)s can mark the document %(name)s as read.",
                    unit=doc.organization_id.name, name=doc.name))
        # sudo: the receipt line belongs to the sender's document, which the reader can neither read
        # nor write; only the still unread line of each of these copies gets the date and the reader
        lines = self.env["union.document.distribution"].sudo().search(
            [("incoming_document_id", "in", self.ids), ("read_date", "=", False)])
        lines.write({"read_date": fields.Datetime.now(), "read_user_id": user.id})
        self.activity_feedback(["union_documents.mail_activity_data_read_document"])
        for doc in self.filtered(lambda d: d in lines.incoming_document_id):
            doc.message_post(body=self.env._("Marked as read by %(user)s.", user=user.name),
                             email_from=self._union_email_from())
        self.invalidate_recordset(["receipt_date", "receipt_user_id"])
        return True

    def action_remind_unread(self):
        self.ensure_one()
        lines = self.distribution_ids.filtered(lambda d: d.organization_id and not d.read_date)
        if not lines:
            raise UserError(self.env._("Every recipient unit has already read this document."))
        for line in lines.sudo():
            doc = line.incoming_document_id
            for user in line.organization_id.officer_ids:
                doc.activity_schedule(
                    "union_documents.mail_activity_data_read_document", user_id=user.id,
                    summary=self.env._("Please read the document %(symbol)s", symbol=self.number_symbol))
            line.reminder_count += 1
        self.message_post(body=self.env._("Reminder sent to %(count)s unit(s) that have not read it.",
                                          count=len(lines)))
        return True

    def action_new_replacement(self):
        return self._action_new_from_released("replace")

    def action_new_recall(self):
        return self._action_new_from_released("recall")

    def _action_new_from_released(self, mode):
        self.ensure_one()
        if self.direction != "outgoing" or self.state != "released":
            raise UserError(self.env._("Only a released outgoing document can be replaced or recalled."))
        vals = {"replaces_id": self.id, "replace_mode": mode, "state": "draft",
                "document_date": fields.Date.context_today(self)}
        if mode == "recall":
            vals["subject"] = self.env._("Recall of document %(symbol)s", symbol=self.number_symbol)
            vals["body"] = Markup("<p>%s</p>") % self.env._(
                "The document %(symbol)s is recalled.", symbol=self.number_symbol)
        new = self.copy(vals)
        return {"type": "ir.actions.act_window", "res_model": self._name, "res_id": new.id, "view_mode": "form"}

    def _mark_replaced(self, new):
        state = "recalled" if new.replace_mode == "recall" else "replaced"
        vals = {"state": state, "replaced_by_id": new.id}
        self.with_context(union_document_releasing=True).write(vals)
        # sudo: the copies sit in the recipients' registers
        copies = self.sudo().search([("source_document_id", "=", self.id)])
        copies.with_context(union_document_releasing=True).write(vals)
        self.message_post(body=self.env._("%(state)s by %(symbol)s.",
                                          state=dict(STATES)[state], symbol=new.number_symbol))

    def action_reply(self):
        self.ensure_one()
        if self.direction != "incoming":
            raise UserError(self.env._("Only an incoming document can be answered."))
        letter = self.env.ref("union_documents.union_document_type_cong_van", raise_if_not_found=False)
        new = self.create({
            "direction": "outgoing", "organization_id": self.organization_id.id,
            "type_id": (letter or self.type_id).id, "reply_to_id": self.id,
            "subject": self.env._("Answer to %(symbol)s: %(subject)s",
                                  symbol=self.number_symbol or "", subject=self.subject),
            "recipient_organization_ids": [(6, 0, self.issuer_organization_id.ids)],
        })
        return {"type": "ir.actions.act_window", "res_model": self._name, "res_id": new.id, "view_mode": "form"}

    def action_register(self):
        """Register incoming drafts (paper or e-mail) with the next incoming number."""
        for doc in self:
            if doc.direction != "incoming" or doc.state != "draft":
                raise UserError(self.env._("Only an incoming draft can be registered."))
            doc._check_register_data()
        for doc in self:
            year = (doc.date_received or fields.Date.context_today(self)).year
            key = (doc.organization_id.id, "incoming", year, doc.is_secret)
            register = self.env["union.document.register"]._get_registers([key])[key]
            if doc.number:
                register._lock_for_manual_number(doc.number)
                number = doc.number
            else:
                number = register._take_next_numbers()[register.id]
            doc._write_step({"register_id": register.id, "number": number, "state": "registered"})
        self._notify_urgent()
        return True

    def action_direct(self):
        """Save the leader's direction: the lead handler gets an activity with the deadline."""
        for doc in self:
            if doc.direction != "incoming" or doc.state not in ("registered", "in_progress"):
                raise UserError(self.env._("Only a registered incoming document can be directed."))
            if not doc.lead_handler_id:
                raise UserError(self.env._("Choose the lead handler of %(name)s.", name=doc.name))
            if doc.is_secret:
                raise UserError(self.env._("Secret documents are only registered, never handled online."))
        for doc in self:
            doc._write_step({"state": "in_progress",
                             "date_passed": doc.date_passed or fields.Date.context_today(self)})
            doc.activity_schedule(
                "mail.mail_activity_data_todo", user_id=doc.lead_handler_id.id,
                date_deadline=doc.date_deadline or fields.Date.context_today(self) + timedelta(days=7),
                summary=self.env._("Handle the document %(name)s", name=doc.name))
            doc.message_subscribe(partner_ids=(doc.lead_handler_id | doc.cooperating_handler_ids).partner_id.ids)
        return True

    def action_done(self):
        for doc in self:
            if doc.direction != "incoming" or doc.state not in ("registered", "in_progress"):
                raise UserError(self.env._("Only an incoming document being handled can be closed."))
            needs_answer = doc.reply_ids.filtered(lambda r: r.state == "released")
            if not doc.answer_document_id and needs_answer:
                doc.answer_document_id = needs_answer[:1]
        self._write_step({"state": "done"})
        self.activity_feedback(["mail.mail_activity_data_todo"])
        return True

    # ------------------------------------------------------------ business checks
    def _check_outgoing_state(self, state):
        self.ensure_one()
        if self.direction != "outgoing" or self.state != state:
            labels = dict(STATES)
            raise UserError(self.env._(
                "The document \"%(subject)s\" is %(state)s: this step is not possible now.",
                subject=self.subject, state=labels.get(self.state)))

    def _check_ready_to_submit(self):
        self.ensure_one()
        missing = []
        if not self.signer_id:
            missing.append(self.env._("signer"))
        if not self.document_date:
            missing.append(self.env._("document date"))
        # sudo: recipient units may lie outside the units the sender can read (e.g. the upper level)
        doc = self.sudo()
        if not (doc.recipient_organization_ids or doc.recipient_tree_organization_ids
                or doc.recipient_partner_ids):
            missing.append(self.env._("recipients"))
        if not self.type_id.abbreviation and not self.department_code:
            missing.append(self.env._("drafting department (needed in the symbol of a công văn)"))
        # a secret document keeps its register data only; any other is sent with its text or file
        if not self.is_secret and not html2plaintext(self.body or "").strip() and not self.env[
                "ir.attachment"].search_count([("res_model", "=", self._name), ("res_id", "=", self.id)]):
            missing.append(self.env._("content or attached file"))
        if missing:
            raise UserError(self.env._(
                "The document \"%(subject)s\" lacks: %(missing)s.",
                subject=self.subject, missing=", ".join(missing)))

    def _check_can_approve(self):
        self.ensure_one()
        user = self.env.user
        if user == self.signer_id or user.has_group("union_membership.group_union_admin"):
            return
        raise AccessError(self.env._(
            "Only the signer %(signer)s can approve or return the document \"%(subject)s\".",
            signer=self.signer_id.name or "-", subject=self.subject))

    def _check_register_data(self):
        self.ensure_one()
        missing = []
        if not (self.issuer_name or self.issuer_organization_id):
            missing.append(self.env._("issuer"))
        if not self.number_symbol:
            missing.append(self.env._("number and symbol"))
        if not self.document_date:
            missing.append(self.env._("document date"))
        if not self.date_received:
            missing.append(self.env._("date received"))
        if missing:
            raise ValidationError(self.env._(
                "The incoming document \"%(subject)s\" cannot be registered; missing: %(missing)s.",
                subject=self.subject, missing=", ".join(missing)))

    # --------------------------------------------------------------- mail gateway
    @api.model
    def message_new(self, msg_dict, custom_values=None):
        """An e-mail to a unit's document alias becomes an incoming draft, or is quarantined.

        It is accepted only when its sender is on the unit's list of document senders and the
        receiving server's ``Authentication-Results`` header shows SPF or DKIM passing for the
        sender's domain, and its files are within the upload limits. Anything else (a spoofed
        decision, a mail without that header, a zip bomb) is kept in quarantine for the clerk,
        who accepts or rejects it; a refused file is not kept.
        """
        values = dict(custom_values or {})
        values.setdefault("direction", "incoming")
        values.setdefault("subject", msg_dict.get("subject") or self.env._("(no subject)"))
        values.setdefault("email_from", msg_dict.get("email_from"))
        values.setdefault("issuer_name", msg_dict.get("email_from"))
        values.setdefault("receive_channel", "email")
        values.setdefault("date_received", fields.Date.context_today(self))
        if not values.get("type_id"):
            letter = self.env.ref("union_documents.union_document_type_cong_van", raise_if_not_found=False)
            values["type_id"] = letter.id if letter else False
        # the alias's defaults name the unit; they are written by an administrator only
        unit = self.env["union.organization"].sudo().browse(values.get("organization_id")).exists()
        reasons = self._mail_quarantine_reasons(msg_dict, unit)
        kept = []
        for attachment in msg_dict.get("attachments") or []:
            name, content = attachment[0], attachment[1]
            data = content.encode() if isinstance(content, str) else content
            try:
                check_upload(self.env, data or b"", name)
            except UserError as err:
                reasons.append(err.args[0])
                continue
            kept.append(attachment)
        # the refused files are not kept: the dict is the one the gateway then posts
        msg_dict["attachments"] = kept
        if reasons:
            values["state"] = "quarantine"
            values["quarantine_reason"] = "\n".join(reasons)
        else:
            values.setdefault("state", "draft")
        return super().message_new(msg_dict, custom_values=values)

    @api.model
    def _mail_quarantine_reasons(self, msg_dict, unit):
        """Why an e-mail to ``unit``'s document address cannot be trusted ([] when it can)."""
        sender = (email_normalize(msg_dict.get("email_from") or "") or "").lower()
        reasons = []
        if not unit or not mail_auth.sender_allowed(sender, unit.document_sender_list):
            reasons.append(self.env._("The sender %(sender)s is not on the unit's list of document senders.",
                                      sender=sender or "?"))
        results = self.env.context.get("union_authentication_results") or []
        if not results:
            reasons.append(self.env._("The e-mail has no Authentication-Results header from the mail server."))
        elif not mail_auth.authenticated(results[0], sender):
            reasons.append(self.env._(
                "Neither SPF nor DKIM passed for the sender's domain (%(header)s).", header=results[0][:300]))
        return reasons

    def action_quarantine_accept(self):
        """The clerk has checked the sender: the e-mail becomes an incoming draft."""
        self._check_quarantined()
        self._write_step({"state": "draft"})
        self.message_post(body=self.env._("E-mail accepted from quarantine by %(user)s.", user=self.env.user.name),
                          email_from=self._union_email_from())
        return True

    def action_quarantine_reject(self):
        """The clerk rejects the e-mail: it is kept as rejected, never registered."""
        self._check_quarantined()
        self._write_step({"state": "rejected"})
        self.message_post(body=self.env._("E-mail rejected by %(user)s.", user=self.env.user.name),
                          email_from=self._union_email_from())
        return True

    def _check_quarantined(self):
        for doc in self:
            if doc.state != "quarantine":
                raise UserError(self.env._("The document %(name)s is not a quarantined e-mail.", name=doc.name))

    # ------------------------------------------------------------------ registers
    def _get_register_row_values(self, direction):
        """The register's rows, in the user's language (labels of the selections translated) and
        with dates as dd/mm/yyyy."""
        labels = {name: dict(self._fields[name]._description_selection(self.env))
                  for name in ("secrecy", "urgency", "state")}

        def day(value):
            return value.strftime("%d/%m/%Y") if value else ""

        rows = []
        for doc in self:
            type_summary = f"{doc.type_id.name}: {doc.subject}"
            note = []
            if doc.is_secret:
                note.append(labels["secrecy"][doc.secrecy])
            if doc.is_urgent:
                note.append(labels["urgency"][doc.urgency])
            if doc.state in ("replaced", "recalled"):
                note.append(labels["state"][doc.state])
            if direction == "outgoing":
                recipients = ", ".join(doc._get_recipient_units().mapped("name")
                                        + doc.recipient_partner_ids.mapped("name"))
                released = fields.Datetime.context_timestamp(self, doc.date_released) if doc.date_released else False
                rows.append({
                    "number_symbol": doc.number_symbol or "",
                    "date": day(doc.document_date),
                    "type_summary": type_summary,
                    "signer": doc._get_signer_label(),
                    "recipients": recipients,
                    "file_keeper": doc.file_keeper or "",
                    "copies": str(doc.copies or ""),
                    "date_sent": day(released),
                    "receipt_signature": "",
                    "notes": "; ".join(note),
                })
            else:
                rows.append({
                    "date_received": day(doc.date_received),
                    "incoming_number": str(doc.number or ""),
                    "issuer": doc.issuer_name or doc.issuer_organization_id.name or "",
                    "number_symbol": doc.number_symbol or "",
                    "date": day(doc.document_date),
                    "type_summary": type_summary,
                    "handler": ", ".join((doc.lead_handler_id | doc.cooperating_handler_ids).mapped("name")),
                    "date_passed": day(doc.date_passed),
                    "receipt_signature": "",
                    "notes": "; ".join(note),
                })
        return rows

    # ----------------------------------------------------------------------- cron
    @api.model
    def _cron_remind_overdue(self):
        """Give each overdue document or petition without an open activity a reminder activity."""
        today = fields.Date.context_today(self)
        summary = self.env._("Overdue: the handling deadline has passed")
        for model, domain, user_field in (
            ("union.document", [("is_overdue", "=", True), ("lead_handler_id", "!=", False)], "lead_handler_id"),
            ("union.petition", [("state", "in", ("new", "accepted")), ("date_deadline", "<", today),
                                ("assignee_id", "!=", False)], "assignee_id"),
        ):
            records = self.env[model].search(domain + [("activity_ids", "=", False)])
            for record in records:
                record.activity_schedule("mail.mail_activity_data_todo", user_id=record[user_field].id,
                                         date_deadline=today, summary=summary)
        return True
