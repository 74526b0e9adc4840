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
  and the methods Odoo's own (tools/bulk.py): no second UPDATE of every contact;
- what the create overrides of the models do for such rows is done here in batch: the
  member codes from the sequence (one query), the admission event of each member, checked
  by the same lifecycle rule, and the state it gives.

The fast path is taken only when every create() override of res.partner, union.member
and union.member.event is one of KNOWN_CREATE_OVERRIDES (they do nothing for such rows,
see there) and the rows hold no value that an inverse method would have to write;
otherwise the import falls back to the ORM's create, which is slower but does the same.
"""
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..rules import citizen_id as cccd
from ..rules import lifecycle
from ..tools import bulk

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


class UnionMember(models.Model):
    _inherit = "union.member"

    @api.model
    def _union_fast_create_supported(self):
        if any(self.env.context.get(key) for key in UNSAFE_CONTEXT_KEYS):
            return False
        return all(bulk.create_overrides(self.env[model]) <= known
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

        def orm():
            return Member.with_context(union_admission_reason=reason).create(vals_list)

        if not Member._union_fast_create_supported():
            return orm()
        # the fast path, or the ORM's create when it does not apply or fails (tools/bulk.py)
        return bulk.with_orm_fallback(
            self.env, lambda: Member._union_fast_create(vals_list, reason), orm, "member import")

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
        # rows are plain contacts (see tools/bulk.py); the rows then refer to their own
        # ids (commercial partner), so the insert takes those ids; otherwise it is free to
        # fall back to the ORM's _create
        partner_ids = bulk.allocate_ids(self.env.cr, Partner._table, len(partner_vals))
        computed = bulk.fill_plain_contacts(Partner, partner_vals, partner_ids)
        partners = bulk.batch_create(Partner, partner_vals, computed=computed, ids=partner_ids if computed else None)
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
        members = bulk.batch_create(self, member_vals, computed=["company_id"])
        for event, member_id in zip(events, members.ids):
            event["member_id"] = member_id
        bulk.batch_create(Event, events)
        # the stored computed fields of the contacts, for the whole batch, without tracking
        self.env.flush_all()
        return members

    def _union_missing_unit_error(self, names):
        return ValidationError(self.env._("Choose the unit that admits %(names)s.", names=", ".join(names[:5])))
