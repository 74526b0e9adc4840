"""Creation of many members at once, for the XLSX import (issue 6: 100,000 rows in minutes).

``union.member.create`` of a list goes through ``BaseModel.create`` of res.partner, of
union.member and of union.member.event: per record, it computes the defaults of every
field (``default_get`` of some 160 contact fields), precomputes fields on new records,
loops on the create overrides of the contact... about 2.5 ms per member here, most of
the import's time. The import's rows are plain contacts (no parent, no company, no
image, no website), so the same result is reached by the ORM's low-level batch insert
(``_create``) fed with values prepared once for the whole batch:

- the defaults are computed once per model (``_add_missing_default_values`` of a probe
  row) and given to every row; a default that differs between two calls (a random
  token) is computed for each row;
- the values are sorted out exactly as ``BaseModel.create`` does (stored, protected);
  ``insert_batch`` inserts them in batches, marks the stored computed fields to recompute
  (Odoo's own compute methods then run once for the whole batch at the flush), checks the
  constraints and the record rules of the current user;
- the stored computed fields of the new contacts (commercial partner, complete name,
  normalized e-mail...) are given by the insert itself when the rows are plain contacts
  and the methods Odoo's own (plain_contact.py): no second UPDATE of every contact;
- what the create overrides of the models do for such rows is done here in batch: the
  member codes from the sequence (one query), the admission event of each member, checked
  by the same lifecycle rule, and the state it gives.

The fast path is taken only when every create() override of res.partner, union.member
and union.member.event is one of KNOWN_CREATE_OVERRIDES (they do nothing for such rows,
see there) and the rows hold no value that an inverse method would have to write;
otherwise the import falls back to the ORM's create, which is slower but does the same.
"""
from psycopg2.extras import Json as PsycopgJson

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Command
from odoo.models import LOG_ACCESS_COLUMNS
from odoo.osv import expression

from .. import bulk_sql, plain_contact
from ..rules import citizen_id as cccd
from ..rules import lifecycle

#: the modules whose create() overrides the fast path stands for, by model; for the rows of
#: an import (no parent, no website, not published, no tracking, no search-mode context):
#: base (res_partner): cleans the website, syncs the fields with a parent and children: none;
#: mail (mail_thread): with tracking_disable, only discards the tracking values;
#: account (partner): customer/supplier ranks only under res_partner_search_mode;
#: website (mixins): refuses publishing without the right: partners are created unpublished;
#: union_membership: member codes, admission events (done here in batch); the reference check
#: (union_reference_check_mixin) refuses units the user may not read: the import's units are
#: looked up under the user's own record rules, so the rows hold only units the user may read.
KNOWN_CREATE_OVERRIDES = {
    "res.partner": {
        "odoo.addons.base.models.res_partner", "odoo.addons.mail.models.mail_thread",
        "odoo.addons.account.models.partner", "odoo.addons.website.models.mixins",
    },
    "union.member": {
        "odoo.addons.union_membership.models.union_member", "odoo.addons.mail.models.mail_thread",
        "odoo.addons.union_membership.models.union_reference_check_mixin",
    },
    "union.member.event": {"odoo.addons.union_membership.models.union_member_event",
                           "odoo.addons.union_membership.models.union_reference_check_mixin"},
}
#: context keys under which a known override does something for such rows
UNSAFE_CONTEXT_KEYS = ("res_partner_search_mode", "import_file", "_import_current_module")


class FastCreateUnsupported(Exception):
    """The rows or the installed modules need the ORM's full create()."""


def create_overrides(model):
    """The modules that override create() of ``model`` (BaseModel's own create excluded)."""
    return {cls.__module__ for cls in type(model).__mro__
            if "create" in vars(cls) and cls.__module__ not in ("odoo.models", "odoo.api")
            and not cls.__module__.startswith("odoo.addons.base.models.ir_")}


def batch_create(model, vals_list, computed=(), ids=None):
    """``model.create(vals_list)`` without its overrides, the defaults computed once.

    For models whose create() overrides do nothing for these rows (the caller checks it).
    ``computed``: stored computed fields whose values the rows give (the caller computed
    them in batch, as the field's method would): they are not computed again. Stored
    fields related to a field of the same record that no row fills (the resized images of
    a contact without image) are empty, and left so. Every other stored computed field is
    computed by its own method for the whole batch at the next flush.
    Raises FastCreateUnsupported when a row needs an inverse method or a parent record.
    """
    if not vals_list:
        return model.browse()
    model = model.browse()
    model.check_access("create")
    # the defaults: computed for the fields that some row lacks, once; a default that
    # differs from one call to the next (a token) is computed again for every row
    common = set(vals_list[0]).intersection(*vals_list[1:])
    probe = {name: vals_list[0][name] for name in common}
    first = model._add_missing_default_values(dict(probe))
    second = model._add_missing_default_values(dict(probe))
    defaults, varying = {}, []
    for name, value in first.items():
        if name in probe:
            continue
        field = model._fields[name]
        if field.type in ("one2many", "many2many") and value in ([], [Command.set([])]):
            continue  # an empty x2many on a new record: nothing to write
        if value != second.get(name):
            varying.append(name)
        else:
            defaults[name] = value
    # a company-dependent default that equals the company's fallback is stored as NULL by
    # _create, after a costly conversion per row: convert it once, leave the column NULL, and
    # let the next read give the fallback (the cache is cleared below)
    fallback_defaults = [
        name for name, value in defaults.items()
        if model._fields[name].company_dependent and not any(name in row for row in vals_list)
        and model._fields[name].convert_to_column_insert(value, model) is None]
    for name in fallback_defaults:
        del defaults[name]
    filled = set().union(*vals_list, defaults, fallback_defaults)
    empty_related = {
        field for field in model._fields.values()
        if field.store and field.related and "." not in field.related
        and field.related not in filled and not model._fields[field.related].compute
    }
    always_protected = set(empty_related)
    for name in computed:
        always_protected.update(model.pool.field_computed.get(model._fields[name], [model._fields[name]]))
    bad_names = {"id", "parent_path"} | {
        name for name, field in model._fields.items() if field.precompute and field.readonly}
    if model._log_access:
        bad_names.update(LOG_ACCESS_COLUMNS)
    now = model.env.cr.now()
    magic = {"create_uid": model.env.uid, "create_date": now, "write_uid": model.env.uid,
             "write_date": now} if model._log_access else {}
    field_computed = model.pool.field_computed
    data_list = []
    classified = {}  # field name -> (stored, protects)
    for row in vals_list:
        vals = dict(defaults, **{name: value for name, value in row.items() if name not in bad_names})
        for name in varying:
            if name not in row:
                # a default that varies comes from the field's own default function (the
                # context and ir.default give constants): call it as default_get would
                field = model._fields[name]
                vals[name] = field.convert_to_write(field.convert_to_cache(field.default(model), model), model)
        vals.update(magic)
        stored, protected = {}, set(always_protected)
        for name, value in vals.items():
            kind = classified.get(name)
            if kind is None:
                field = model._fields.get(name)
                if not field:
                    raise ValueError(f"Invalid field {name!r} on model {model._name!r}")
                if field.inherited or (field.inverse and not field.precompute):
                    raise FastCreateUnsupported(f"{model._name}.{name}")
                protects = (tuple(field_computed.get(field, [field]))
                            if field.compute and (not field.readonly or field.precompute) else ())
                kind = classified[name] = (field.store, protects)
            if kind[0]:
                stored[name] = value
            protected.update(kind[1])
        data_list.append({"stored": stored, "inversed": {}, "inherited": {}, "protected": protected})
    records = insert_batch(model, data_list, ids)
    if fallback_defaults:
        records.invalidate_recordset(fallback_defaults, flush=False)
    if model._check_company_auto:
        records._check_company()
    return records


#: column types insert_batch writes as JSON values (others go through BaseModel._create)
JSON_COLUMN_TYPES = {"varchar", "text", "int4", "int8", "numeric", "float8", "bool", "date", "timestamp",
                     "jsonb"}


def insert_batch(model, data_list, ids=None):
    """What ``BaseModel._create`` does with ``data_list``, for plain rows, in bulk.

    ``_create`` converts every value, inserts them as SQL literals, then puts every
    field of every new record in the cache (some 140 fields of a contact: 2.8 million
    cache writes for 20,000 rows, half of an import's time) and checks the record rules
    in Python, record by record. Here: the values are converted by their fields as
    ``_create`` does, sent as one JSON parameter per 10,000 rows with ids taken from the
    sequence beforehand, nothing is put in the cache (the stored computed fields, marked
    to compute by ``modified`` exactly as ``_create`` marks them, read what they need
    from the database, in batches), the Python constraints are checked the same way, and
    the record rules for "create" are checked with one SQL search.

    Falls back to ``_create`` for rows it does not cover: a column not in every row that
    has a default in the database, a binary value, a field without a column, a model
    with a parent path; raises FastCreateUnsupported then if ``ids`` (the ids of the rows,
    taken beforehand) are given.
    """
    names = sorted({name for data in data_list for name in data["stored"]})
    fields_ = [model._fields[name] for name in names]
    env = model.env
    cr = env.cr
    # a column missing from some rows is NULL for them, what _create's DEFAULT gives when
    # the column has no default of its own in the database
    partial = [name for name in names if any(name not in data["stored"] for data in data_list)]
    if partial:
        cr.execute("""SELECT 1 FROM information_schema.columns WHERE table_name = %s
                         AND column_name = ANY(%s) AND column_default IS NOT NULL""", [model._table, partial])
    if model._parent_store or (partial and cr.fetchall()) \
            or any(field.column_type is None
                   or field.column_type[0] not in JSON_COLUMN_TYPES for field in fields_):
        if ids is not None:
            raise FastCreateUnsupported(f"{model._name}: rows with ids")
        return model._create(data_list)
    env.flush_all()
    if ids is None:
        ids = bulk_sql.allocate_ids(cr, model._table, len(data_list))
    rows = []
    for record_id, data in zip(ids, data_list):
        stored = data["stored"]
        row = {"id": record_id}
        for field in fields_:
            if field.name not in stored:
                continue
            value = field.convert_to_column_insert(stored[field.name], model, stored)
            # a jsonb column (company-dependent, translated) gets its object, not its adapter
            row[field.name] = value.adapted if isinstance(value, PsycopgJson) else value
        rows.append(row)
    bulk_sql.insert_rows(cr, model._table, ["id", *names], rows)
    records = model.browse(ids)
    # what other records cached of their relations (a unit's members...) is read again
    env.invalidate_all(flush=False)
    protected = [(data["protected"], record) for data, record in zip(data_list, records)]
    with env.protecting(protected):
        records.modified(model._fields, create=True)
    records._validate_fields(names)
    domain = env["ir.rule"]._compute_domain(model._name, "create")
    if domain:
        allowed = model.sudo().with_context(active_test=False).search(
            expression.AND([[("id", "in", ids)], domain]))
        if forbidden := records - allowed:
            raise env["ir.rule"]._make_access_error("create", forbidden)
    return records


class UnionMember(models.Model):
    _inherit = "union.member"

    @api.model
    def _union_fast_create_supported(self):
        if any(self.env.context.get(key) for key in UNSAFE_CONTEXT_KEYS):
            return False
        return all(create_overrides(self.env[model]) <= known
                   for model, known in KNOWN_CREATE_OVERRIDES.items())

    @api.model
    def _union_import_create(self, vals_list, reason=False):
        """New members, admitted to the unit of their values, with their admission events.

        ``vals_list``: values of union.member (contact fields included), each with an
        ``organization_id``. Same result as ``create`` (contact, member code, admission
        event dated ``date_joined``, state from the event) in three batch inserts.
        """
        Member = self.with_context(tracking_disable=True, mail_create_nolog=True, mail_notrack=True)
        if not vals_list:
            return Member.browse()
        if not Member._union_fast_create_supported():
            return Member.with_context(union_admission_reason=reason).create(vals_list)
        try:
            with self.env.cr.savepoint(flush=False):
                return Member._union_fast_create(vals_list, reason)
        except FastCreateUnsupported:
            self.env.invalidate_all()
            return Member.with_context(union_admission_reason=reason).create(vals_list)

    @api.model
    def _union_fast_create(self, vals_list, reason):
        Partner = self.env["res.partner"]
        Event = self.env["union.member.event"]
        Event.browse().check_access("create")
        contact_fields = {name for name, field in self._fields.items()
                          if field.inherited and field.related_field.model_name == "res.partner"}
        today = fields.Date.context_today(self)
        default_unit = self.env.context.get("default_organization_id")
        partner_vals, member_vals, missing = [], [], []
        for vals in vals_list:
            partner_vals.append({name: value for name, value in vals.items() if name in contact_fields})
            own = {name: value for name, value in vals.items()
                   if name not in contact_fields and name not in ("state", "member_code")}
            own["organization_id"] = own.get("organization_id") or default_unit
            if not own["organization_id"]:
                missing.append(vals.get("name") or "")
            if own.get("citizen_id"):
                own["citizen_id"] = cccd.normalize(own["citizen_id"])
            member_vals.append(own)
        if missing:
            raise self._union_missing_unit_error(missing)
        if not self.env.su:
            # what the reference check of create() does (union.reference.check.mixin), for all
            # rows in one query: only units the user may read
            self.env["union.organization"].browse(
                {vals["organization_id"] for vals in member_vals}).check_access("read")
        # the contact fields Odoo would compute after the insert, computed here when the
        # rows are plain contacts (see plain_contact.py); the rows then refer to their own
        # ids (commercial partner), so the insert takes those ids; otherwise it is free to
        # fall back to the ORM's _create
        partner_ids = bulk_sql.allocate_ids(self.env.cr, Partner._table, len(partner_vals))
        computed = plain_contact.fill(Partner, partner_vals, partner_ids)
        partners = batch_create(Partner, partner_vals, computed=computed, ids=partner_ids if computed else None)
        # the accounting entity (related organization_id.company_id, stored) of each unit, at once
        units = self.env["union.organization"].sudo().browse({vals["organization_id"] for vals in member_vals})
        company_of = {unit.id: unit.company_id.id for unit in units}
        events = []
        for vals, partner_id, code in zip(member_vals, partners.ids, self._next_member_codes(len(member_vals))):
            vals["partner_id"] = partner_id
            vals["member_code"] = code
            vals["company_id"] = company_of[vals["organization_id"]]
            date_joined = fields.Date.to_date(vals.get("date_joined")) or today
            vals.setdefault("date_joined", date_joined)
            # the state is what the admission gives (the lifecycle rule of every event)
            vals["state"] = lifecycle.check_event(
                None, None, "admission", date_joined, None, vals["organization_id"])
            events.append({"event_type": "admission", "date": date_joined,
                           "organization_id": vals["organization_id"], "from_organization_id": False,
                           "state_after": vals["state"], "reason": reason})
        members = batch_create(self, member_vals, computed=["company_id"])
        for event, member_id in zip(events, members.ids):
            event["member_id"] = member_id
        batch_create(Event, events)
        # the stored computed fields of the contacts, for the whole batch, without tracking
        self.env.flush_all()
        return members

    def _union_missing_unit_error(self, names):
        return ValidationError(self.env._("Choose the unit that admits %(names)s.", names=", ".join(names[:5])))
