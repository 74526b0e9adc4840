"""Everything of the suite that writes below the ORM, for speed, in one fenced place.

Who uses it: the member import (models/union_member_import.py: ``batch_create`` of contacts,
members and admission events, with the plain-contact fields precomputed) and union_finance
(the dues lines' ``_create_batch``, through ``insert_rows``). The dues run's journal entries
are created and posted through the ORM (union_finance): nothing here writes accounting tables.

Rules of the fence (see readme/DESCRIPTION.md, "Bulk writes: upgrade checklist"):

- only contacts (res.partner) and the suite's own tables are written here, never an
  accounting table (account_move, account_move_line...: those go through the ORM);
- what the ORM checks is checked on the batch before the transaction commits: the record
  rules for "create" (one search) and every ``@api.constrains`` of the written fields
  (``_validate_fields``), and the access rights of the model;
- one fallback policy, ``with_orm_fallback``: the fast path runs in a savepoint; a row or an
  installed module it does not cover (``FastCreateUnsupported``) or any unexpected error
  rolls the savepoint back and the plain ORM path does the same work; a verdict on the data
  (UserError, ValidationError, AccessError) and a concurrency error are raised as they are.

SQL primitives
--------------
The rows travel as one parameter per statement (PostgreSQL ``COPY`` for new rows of one
table, a JSON document for the others): psycopg2 quotes one string instead of a literal
per value (seconds of Python for 100,000 rows). The callers flush and invalidate the ORM.

Plain contacts
--------------
The stored computed fields of new plain contacts, in bulk, as Odoo's own methods give them.

After the import's batch insert of 100,000 contacts, Odoo computes ten stored fields of
every contact (commercial partner, complete name, normalized e-mail, sanitized phone,
Peppol identifiers...) record by record through the ORM, then writes them back with a
second UPDATE of every row: about 40 % of the import (some 60 s at 100,000 rows). For a
*plain* contact, a person with no parent company, company name, user, country or VAT
number, which is what every imported member is, those methods reduce to a few lines:

- ``commercial_partner_id``: the contact itself (``_compute_commercial_partner``);
- ``complete_name``: the name, stripped (``_get_complete_name`` without company name or
  parent);
- ``partner_share``: true, no user (``_compute_partner_share``);
- ``email_normalized``: ``tools.email_normalize(email, strict=False)``, the method's own
  call;
- ``phone_sanitized``: the first of mobile and phone that ``_phone_format_number`` formats
  (E.164) with the company's country, the method's own calls for a contact without
  country;
- ``commercial_company_name``, ``user_id``, ``company_registry``, ``peppol_eas``,
  ``peppol_endpoint``: what the row holds (without parent, company, country or VAT the
  methods keep the value).

These values go into the insert itself and the fields are not computed again.

Only where it is safe: a field is filled here when its compute method, and every method
the result above relies on, are defined by the Odoo modules listed in ``METHOD_OWNERS`` and
no other (an installed module overriding one of them makes Odoo compute that field as
usual), and only when every row is plain (``is_plain_contact``). The import's tests create the same
person through this path and through ``union.member.create`` and compare every stored field.
"""
import csv
import datetime
import io
import json
import logging
import re
import threading

from psycopg2 import OperationalError, errorcodes
from psycopg2.extras import Json as PsycopgJson

from odoo import fields, tools
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.models import LOG_ACCESS_COLUMNS
from odoo.osv import expression
from odoo.tools import SQL

_logger = logging.getLogger(__name__)

CHUNK = 10000


def _json(rows):
    # dates and datetimes as ISO strings, which PostgreSQL reads back
    return json.dumps(rows, default=str, ensure_ascii=False)


def allocate_ids(cr, table, count):
    """``count`` new ids from the sequence of ``table``'s primary key, in one query."""
    if not count:
        return []
    cr.execute("SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
               [table, count])
    return [row[0] for row in cr.fetchall()]


def insert_rows(cr, table, columns, rows):
    """Insert ``rows`` (dicts keyed by column) into ``table`` and return the
    new ids in the same order. ``id`` takes its default (the sequence) unless
    it is one of ``columns``."""
    ids = []
    column_list = SQL(", ").join(SQL.identifier(column) for column in columns)
    for start in range(0, len(rows), CHUNK):
        cr.execute(SQL(
            """INSERT INTO %(table)s (%(columns)s)
               SELECT %(columns)s FROM jsonb_populate_recordset(NULL::%(table)s, %(rows)s::jsonb)
            RETURNING id""",
            table=SQL.identifier(table), columns=column_list, rows=_json(rows[start:start + CHUNK])))
        ids.extend(row[0] for row in cr.fetchall())
    return ids


class _CopyNull:
    """NULL in COPY's CSV rows: written unquoted as ``\\N`` (the csv module quotes every
    non-numeric value, so a text that reads \\N stays a text)."""

    def __float__(self):
        return 0.0

    def __str__(self):
        return "\\N"


COPY_NULL = _CopyNull()


def copy_insert(cr, table, columns, rows):
    """Insert ``rows`` (dicts keyed by column; a missing key is NULL) into ``table`` with
    PostgreSQL's COPY, the fastest way in; the rows carry their ids (``allocate_ids``).
    The rows are written by the csv module (C): texts quoted, numbers and booleans bare,
    dates as ISO, dicts and lists (jsonb) as JSON. ``rows`` may also be lists in the order of
    ``columns`` whose values are already written so (``_copy_value``), or ``LazyChunks`` of
    such lists, made while PostgreSQL inserts the previous chunk."""
    if isinstance(rows, LazyChunks):
        _copy_chunks(cr, table, columns, rows, lambda chunk: chunk)
        return
    if not rows:
        return
    if not isinstance(rows[0], dict):
        _copy_chunks(cr, table, columns, rows, lambda chunk: chunk)
        return
    null = COPY_NULL
    _copy_chunks(cr, table, columns, rows, lambda chunk: (
        [null if value is None else json.dumps(value, ensure_ascii=False)
         if isinstance(value, (dict, list)) else value
         for value in map(row.get, columns)]
        for row in chunk))


class LazyChunks:
    """Rows for copy_insert, made chunk by chunk by ``make()`` (a generator of lists of rows)
    while PostgreSQL inserts the previous chunk. ``make`` must not use the cursor or the ORM's
    database access: it runs while a COPY is under way on the cursor."""

    def __init__(self, make):
        self.make = make

    def __iter__(self):
        return iter(self.make())


def _copy_chunks(cr, table, columns, rows, prepare):
    """COPY ``rows`` into ``table``, CHUNK rows a statement, each chunk written by ``prepare``.

    PostgreSQL inserts a chunk (a thread waits on it, holding no lock of Python's) while this
    thread writes the next one's CSV: the two cores work at once. Only the COPY runs in
    that thread, and this one does not use the cursor until it has ended (``prepare`` writes
    values already converted, without the ORM)."""
    column_list = SQL(", ").join(SQL.identifier(column) for column in columns)
    query = SQL("COPY %s (%s) FROM STDIN WITH (FORMAT csv, NULL '\\N')",
                SQL.identifier(table), column_list).code
    chunks = rows if isinstance(rows, LazyChunks) else (
        rows[start:start + CHUNK] for start in range(0, len(rows), CHUNK))
    pending = None
    try:
        for chunk in chunks:
            buffer = io.StringIO()
            writer = csv.writer(buffer, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\n")
            writer.writerows(prepare(chunk))
            if pending is not None:
                pending.finish()
            pending = _BackgroundCopy(cr, query, buffer.getvalue())
    except BaseException:
        if pending is not None:
            pending.join()  # the cursor is free again before anything else happens
        raise
    if pending is not None:
        pending.finish()


class _BackgroundCopy(threading.Thread):
    """One COPY statement, sent in a thread of its own (see _copy_chunks)."""

    def __init__(self, cr, query, data):
        super().__init__(name="union-bulk-copy", daemon=True)
        self.cr, self.query, self.data, self.error = cr, query, data, None
        self.start()

    def run(self):
        try:
            # the whole chunk in one read (the default reads 8 KB at a time, each needing the GIL)
            self.cr.copy_expert(self.query, io.StringIO(self.data), size=len(self.data) + 1)
        except BaseException as error:  # noqa: BLE001 - raised again in the caller's thread
            self.error = error

    def finish(self):
        """Wait for the COPY; raise its error, if any, in the caller's thread."""
        self.join()
        if self.error is not None:
            raise self.error


def _copy_value(value):
    """A converted column value as COPY's CSV row takes it (see copy_insert)."""
    if value is None:
        return COPY_NULL
    if isinstance(value, PsycopgJson):
        # a jsonb column (company-dependent, translated) gets its object as JSON
        value = value.adapted
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return value


# --- plain contacts ----------------------------------------------------------------------------

BASE = "odoo.addons.base.models.res_partner"
BLACKLIST = "odoo.addons.mail.models.mail_thread_blacklist"
PHONE = "odoo.addons.phone_validation.models.mail_thread_phone"
PHONE_MODELS = "odoo.addons.phone_validation.models.models"
EDI = "odoo.addons.account_edi_ubl_cii.models.res_partner"

#: field -> (its compute method, {method the value relies on: the only module defining it})
METHOD_OWNERS = {
    "commercial_partner_id": ("_compute_commercial_partner", {"_compute_commercial_partner": BASE}),
    "complete_name": ("_compute_complete_name", {"_compute_complete_name": BASE, "_get_complete_name": BASE}),
    "commercial_company_name": ("_compute_commercial_company_name", {"_compute_commercial_company_name": BASE}),
    "partner_share": ("_compute_partner_share", {"_compute_partner_share": BASE}),
    "user_id": ("_compute_user_id", {"_compute_user_id": BASE}),
    "company_registry": ("_compute_company_registry", {"_compute_company_registry": BASE}),
    "email_normalized": ("_compute_email_normalized", {"_compute_email_normalized": BLACKLIST}),
    "phone_sanitized": ("_compute_phone_sanitized", {
        "_compute_phone_sanitized": PHONE, "_phone_format": PHONE_MODELS, "_phone_format_number": PHONE_MODELS,
        "_phone_get_country": PHONE_MODELS, "_phone_get_country_field": PHONE_MODELS,
        "_phone_get_number_fields": PHONE_MODELS, "_mail_get_partner_fields": "odoo.addons.mail.models.models"}),
    "peppol_eas": ("_compute_peppol_eas", {
        "_compute_peppol_eas": EDI, "_deduce_country_code": "odoo.addons.account.models.partner"}),
    "peppol_endpoint": ("_compute_peppol_endpoint", {
        "_compute_peppol_endpoint": EDI, "_deduce_country_code": "odoo.addons.account.models.partner"}),
}

#: what a plain contact's values do not hold
NOT_PLAIN = ("parent_id", "is_company", "company_name", "user_ids", "country_id", "vat", "child_ids",
             "commercial_partner_id", "complete_name", "email_normalized", "phone_sanitized", "partner_share")


def method_owners(model, name):
    """The modules that define method ``name`` of ``model``'s class."""
    return {cls.__module__ for cls in type(model).__mro__ if name in vars(cls)}


def plain_contact_fields(partners):
    """The fields of METHOD_OWNERS that this registry computes with the known methods only."""
    names = []
    for name, (compute, owners) in METHOD_OWNERS.items():
        field = partners._fields.get(name)
        if not (field and field.store and field.compute == compute):
            continue
        if name == "email_normalized" and partners._primary_email != "email":
            continue
        if all(method_owners(partners, method) == {module} for method, module in owners.items()):
            names.append(name)
    return names


def is_plain_contact(vals):
    name = vals.get("name")
    return isinstance(name, str) and name.strip() and not any(vals.get(key) for key in NOT_PLAIN)


#: a plain ASCII address (dot-atoms, no name, quote, comment or space): what Odoo's
#: ``email_normalize`` parses with the e-mail package to give the address lowercased
SIMPLE_EMAIL = re.compile(r"[A-Za-z0-9_%+-]+(?:\.[A-Za-z0-9_%+-]+)*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")


def email_normalize(email):
    """``tools.email_normalize(email, strict=False)``, as ``_compute_email_normalized`` calls
    it; a plain address without parsing it (a fifth of the contact work of an import)."""
    if email and SIMPLE_EMAIL.fullmatch(email):
        return email.lower()
    return tools.email_normalize(email, strict=False)


def fill_plain_contacts(partners, vals_list, ids):
    """Put in each row of ``vals_list`` (new contacts, ids ``ids`` in the same order) the
    values of the fields that can be computed here; return their names (none when a row is
    not plain: Odoo computes them all then)."""
    names = plain_contact_fields(partners)
    if not names or not all(is_plain_contact(vals) for vals in vals_list):
        return []
    country = partners.env.company.country_id
    number_fields = partners._phone_get_number_fields() if "phone_sanitized" in names else []
    for vals, record_id in zip(vals_list, ids):
        if "commercial_partner_id" in names:
            vals["commercial_partner_id"] = record_id
        if "complete_name" in names:
            vals["complete_name"] = vals["name"].strip()
        if "partner_share" in names:
            vals["partner_share"] = True
        if "email_normalized" in names:
            vals["email_normalized"] = email_normalize(vals.get("email"))
        if "phone_sanitized" in names:
            sanitized = False
            for fname in number_fields:
                sanitized = partners._phone_format_number(vals.get(fname), country=country, force_format="E164")
                if sanitized:
                    break
            vals["phone_sanitized"] = sanitized
    return names


# --- batch creation without the ORM's per-record work --------------------------------------

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
    # the rows' distinct sets of names (an import's rows all have the same): what is asked of
    # every row's names is asked of these few
    key_sets = {tuple(row) for row in vals_list}
    common = set(vals_list[0]).intersection(*key_sets)
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
        if model._fields[name].company_dependent and not any(name in keys for keys in key_sets)
        and model._fields[name].convert_to_column_insert(value, model) is None]
    for name in fallback_defaults:
        del defaults[name]
    filled = set().union(*key_sets, defaults, fallback_defaults)
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
    # rows with the same keys are sorted out the same way: once per set of keys (an import's
    # rows all have the same), and their protected fields are one shared set
    layouts = {}
    for row in vals_list:
        layout = layouts.get(tuple(row))
        if layout is None:
            layout = layouts[tuple(row)] = _row_layout(
                model, row, defaults, varying, magic, bad_names, always_protected, field_computed)
        own_stored, missing_varying, base, protected = layout
        # the defaults and magic columns the row does not give, then its own stored values
        stored = dict(base)
        for name in own_stored:
            stored[name] = row[name]
        for name in missing_varying:
            # a default that varies comes from the field's own default function (the
            # context and ir.default give constants): call it as default_get would
            field = model._fields[name]
            stored[name] = field.convert_to_write(field.convert_to_cache(field.default(model), model), model)
        data_list.append({"stored": stored, "inversed": {}, "inherited": {}, "protected": protected})
    records = insert_batch(model, data_list, ids)
    if fallback_defaults:
        records.invalidate_recordset(fallback_defaults, flush=False)
    if model._check_company_auto:
        records._check_company()
    return records


def _row_layout(model, row, defaults, varying, magic, bad_names, always_protected, field_computed):
    """How ``batch_create`` sorts out the rows with the keys of ``row``, as BaseModel.create
    does: (the row's own stored names, the stored varying defaults it lacks, {stored name:
    value} of the defaults it lacks and the magic columns, the protected fields as one
    frozenset)."""
    own = [name for name in row if name not in bad_names]
    missing_varying = [name for name in varying if name not in row]
    stored_names, protected = [], set(always_protected)
    for name in dict.fromkeys([*defaults, *own, *missing_varying, *magic]):
        field = model._fields.get(name)
        if not field:
            raise ValueError(f"Invalid field {name!r} on model {model._name!r}")
        if field.inherited or (field.inverse and not field.precompute):
            raise FastCreateUnsupported(f"{model._name}.{name}")
        if field.store:
            stored_names.append(name)
        if field.compute and (not field.readonly or field.precompute):
            protected.update(field_computed.get(field, [field]))
    # what BaseModel.create's row holds, by precedence: the defaults, the row's own values, the
    # varying defaults, the magic columns; only the stored names are written
    stored = set(stored_names)
    own_set = set(own)
    own_stored = [name for name in own if name in stored]
    varying_stored = [name for name in missing_varying if name in stored and name not in magic]
    base = {name: value for name, value in defaults.items()
            if name in stored and name not in own_set and name not in varying_stored}
    base.update((name, value) for name, value in magic.items() if name in stored)
    return own_stored, varying_stored, base, frozenset(protected)


#: field types whose column value depends on the value alone (not on the other values of the
#: row, as a monetary amount's currency, nor on a sanitizer): converted once per distinct value
MEMO_TYPES = {"char", "text", "selection", "boolean", "integer", "float", "many2one", "date", "datetime"}
#: a field with more distinct values than this in a batch is converted value by value
MEMO_MAX = 256
#: the values memoized (hashable, compared by value)
MEMO_VALUE_TYPES = {str, int, float, bool, type(None), datetime.date, datetime.datetime}
_MISSING = object()
#: a date as Date.convert_to_column writes a date object: YYYY-MM-DD
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


#: fields whose conversion to a column value is plain Python (no database read: no currency,
#: decimal precision, language or company default), when not translated nor company-dependent
PURE_FIELD_CLASSES = (fields.Char, fields.Text, fields.Selection, fields.Boolean, fields.Integer,
                      fields.Many2one, fields.Date, fields.Datetime)

#: column types insert_batch writes as JSON values (others go through BaseModel._create)
JSON_COLUMN_TYPES = {"varchar", "text", "int4", "int8", "numeric", "float8", "bool", "date", "timestamp",
                     "jsonb"}


def insert_batch(model, data_list, ids=None):
    """What ``BaseModel._create`` does with ``data_list``, for plain rows, in bulk.

    ``_create`` converts every value, inserts them as SQL literals, then puts every
    field of every new record in the cache (some 140 fields of a contact: 2.8 million
    cache writes for 20,000 rows, half of an import's time) and checks the record rules
    in Python, record by record. Here: the values are converted by their fields as
    ``_create`` does, sent with PostgreSQL's COPY (10,000 rows a statement, each sent by a thread
    while the next one is converted, when every conversion is plain Python: PURE_FIELD_CLASSES)
    with ids taken from the sequence beforehand, nothing is put in the cache but the values
    the constraints name (``_cache_checked_values``): the stored computed fields, marked
    to compute by ``modified`` exactly as ``_create`` marks them, read what they need
    from the database, in batches; the Python constraints are checked the same way, and
    the record rules for "create" are checked with one SQL search.

    Falls back to ``_create`` for rows it does not cover: a column not in every row that
    has a default in the database, a binary value, a field without a column, a model
    with a parent path; raises FastCreateUnsupported then if ``ids`` (the ids of the rows,
    taken beforehand) are given.
    """
    # the rows' distinct sets of names (batch_create's rows share a handful), not every row's
    layouts = {tuple(data["stored"]) for data in data_list}
    names = sorted(set().union(*layouts))
    fields_ = [model._fields[name] for name in names]
    env = model.env
    cr = env.cr
    # a column missing from some rows is NULL for them, what _create's DEFAULT gives when
    # the column has no default of its own in the database
    partial = [name for name in names if any(name not in layout for layout in layouts)]
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
        ids = allocate_ids(cr, model._table, len(data_list))
    # the rows are built column by column (one loop per field, not one branch per cell), as
    # COPY's lists in the columns' order (copy_insert); the defaults and repeating values are
    # converted once per distinct value
    stored_list = [data["stored"] for data in data_list]
    if all(type(field) in PURE_FIELD_CLASSES and not field.translate and not field.company_dependent
           for field in fields_):
        # conversions that never reach the database: made for each chunk while PostgreSQL
        # inserts the previous one (copy_insert), the columns kept for the constraints' cache
        columns = [[] for _field in fields_]

        def make_chunks():
            for start in range(0, len(stored_list), CHUNK):
                part = stored_list[start:start + CHUNK]
                chunk_columns = [_column_values(model, field, part) for field in fields_]
                for column, values in zip(columns, chunk_columns):
                    column.extend(values)
                yield list(zip(ids[start:start + CHUNK], *chunk_columns))

        copy_insert(cr, model._table, ["id", *names], LazyChunks(make_chunks))
    else:
        columns = [_column_values(model, field, stored_list) for field in fields_]
        copy_insert(cr, model._table, ["id", *names], list(zip(ids, *columns)))
    records = model.browse(ids)
    # what other records cached of their relations (a unit's members...) is read again
    env.invalidate_all(flush=False)
    # one (fields, records) pair per distinct protected set (batch_create shares them)
    by_protected = {}
    for data, record_id in zip(data_list, ids):
        by_protected.setdefault(data["protected"], []).append(record_id)
    protected = [(fields_set, model.browse(record_ids)) for fields_set, record_ids in by_protected.items()]
    with env.protecting(protected):
        records.modified(model._fields, create=True)
    _cache_checked_values(records, names, fields_, columns)
    records._validate_fields(names)
    domain = env["ir.rule"]._compute_domain(model._name, "create")
    if domain:
        allowed = model.sudo().with_context(active_test=False).search(
            expression.AND([[("id", "in", ids)], domain]))
        if forbidden := records - allowed:
            raise env["ir.rule"]._make_access_error("create", forbidden)
    return records


def _column_values(model, field, stored_list):
    """The values of ``field`` in the rows ``stored_list``, as COPY's CSV rows take them: the
    conversion of ``BaseModel._create`` (``convert_to_column_insert``), a text or a reference
    written as it is (what the conversion gives: the text cut at the field's size, the id),
    a value of a repeating kind converted once per distinct value; NULL where a row lacks it."""
    name = field.name
    null = COPY_NULL
    missing = _MISSING
    values = [stored.get(name, missing) for stored in stored_list]
    plain = not field.translate and not field.company_dependent
    if plain and type(field) in (fields.Char, fields.Text):
        size = field.size
        if all(value.__class__ is str for value in values):
            return [value[:size] for value in values] if size else values
        convert = lambda value: value[:size] if value.__class__ is str else None  # noqa: E731
    elif plain and type(field) is fields.Many2one:
        if all(value.__class__ is int for value in values):
            return [value or null for value in values]
        convert = lambda value: (value or null) if value.__class__ is int else None  # noqa: E731
    else:
        convert = None
    memo = {} if plain and field.type in MEMO_TYPES else None
    out = []
    append = out.append
    for value, stored in zip(values, stored_list):
        if value is missing:
            append(null)
            continue
        if convert is not None:
            converted = convert(value)
            if converted is not None:
                append(converted)
                continue
        cls = value.__class__
        if memo is not None and cls in MEMO_VALUE_TYPES:
            key = (cls, value)
            converted = memo.get(key, missing)
            if converted is missing:
                converted = _copy_value(field.convert_to_column_insert(value, model, stored))
                if len(memo) < MEMO_MAX:
                    memo[key] = converted
            append(converted)
            continue
        # the other values of the row given, as _create gives them (a monetary amount's currency)
        append(_copy_value(field.convert_to_column_insert(value, model, stored)))
    return out


def _cache_checked_values(records, names, fields_, columns):
    """Put in the cache the values just written of the fields that the constraints about to
    run (those of a written field) name, so that they do not read the batch back from the
    database. Only plain stored fields (not computed, translated, company-dependent or
    context-dependent); the value is what reading the column would give (the field's
    ``convert_to_cache``, once per distinct value; NULL for a named field no row writes and
    whose column has no default). A field the constraints read without naming it is read
    from the database as usual."""
    written = set(names)
    wanted = set()
    for check in records._constraint_methods:
        if not written.isdisjoint(check._constrains):
            wanted.update(check._constrains)
    if not wanted:
        return
    cache = records.env.cache
    depends_context = records.pool.field_depends_context

    def plain(field):
        return field is not None and field.store and field.column_type and not (
            field.compute or field.translate or field.company_dependent or field in depends_context
            or field.type not in MEMO_TYPES)

    # a named field that no row writes is NULL in every new row, unless its column has a default
    unwritten = sorted(name for name in wanted - written if plain(records._fields.get(name)))
    if unwritten:
        records.env.cr.execute("""SELECT column_name FROM information_schema.columns
                                   WHERE table_name = %s AND column_name = ANY(%s)
                                     AND column_default IS NULL""", [records._table, unwritten])
        for (name,) in records.env.cr.fetchall():
            field = records._fields[name]
            cache.update(records, field, [field.convert_to_cache(None, records, validate=False)] * len(records))
    for name, field, column in zip(names, fields_, columns):
        if name not in wanted or not plain(field):
            continue
        if field.type in ("char", "text", "selection", "many2one"):
            # what convert_to_cache gives for a text, a key or an id as written (cut at the size)
            cache.update(records, field, [None if value is COPY_NULL else value for value in column])
            continue
        memo = {}
        values = []
        for value in column:
            key = (value.__class__, value)
            cached = memo.get(key, _MISSING)
            if cached is _MISSING:
                if field.type == "date" and value.__class__ is str and _ISO_DATE.fullmatch(value):
                    # the column's ISO text (Date.convert_to_column): what to_date gives, without strptime
                    cached = datetime.date(int(value[:4]), int(value[5:7]), int(value[8:]))
                else:
                    cached = field.convert_to_cache(None if value is COPY_NULL else value, records, validate=False)
                memo[key] = cached
            values.append(cached)
        cache.update(records, field, values)


# --- the one fallback policy ------------------------------------------------------------------

#: errors that are a verdict on the data or the user's rights: the ORM path would say the same
VERDICTS = (UserError, ValidationError, AccessError)
#: PostgreSQL errors of concurrent transactions: the whole transaction is retried, not the ORM path
CONCURRENCY_PG_CODES = (errorcodes.SERIALIZATION_FAILURE, errorcodes.DEADLOCK_DETECTED,
                        errorcodes.LOCK_NOT_AVAILABLE)


def with_orm_fallback(env, fast, orm, what):
    """``fast()`` in a savepoint, or ``orm()`` when the fast path does not apply or fails
    unexpectedly (everything ``fast`` wrote is rolled back first, its cache cleared)."""
    try:
        with env.cr.savepoint():
            return fast()
    except FastCreateUnsupported as reason:
        _logger.info("%s: the ORM path (%s)", what, reason)
    except VERDICTS:
        raise
    except OperationalError as error:
        if error.pgcode in CONCURRENCY_PG_CODES:
            raise
        _logger.warning("%s: the fast path failed (%s), the ORM path does the work", what, error)
    except Exception as error:  # noqa: BLE001 - the policy: anything unexpected -> the ORM path
        _logger.warning("%s: the fast path failed (%r), the ORM path does the work", what, error)
    return orm()
