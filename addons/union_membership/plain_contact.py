"""The stored computed fields of new plain contacts, in bulk, as Odoo's own methods give them.

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
usual), and only when every row is plain (``is_plain``). The import's tests create the same
person through this path and through ``union.member.create`` and compare every stored field.
"""
from odoo import tools

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


def supported_fields(partners):
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


def is_plain(vals):
    name = vals.get("name")
    return isinstance(name, str) and name.strip() and not any(vals.get(key) for key in NOT_PLAIN)


def fill(partners, vals_list, ids):
    """Put in each row of ``vals_list`` (new contacts, ids ``ids`` in the same order) the
    values of the fields that can be computed here; return their names (none when a row is
    not plain: Odoo computes them all then)."""
    names = supported_fields(partners)
    if not names or not all(is_plain(vals) for vals in vals_list):
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
            vals["email_normalized"] = tools.email_normalize(vals.get("email"), strict=False)
        if "phone_sanitized" in names:
            sanitized = False
            for fname in number_fields:
                sanitized = partners._phone_format_number(vals.get(fname), country=country, force_format="E164")
                if sanitized:
                    break
            vals["phone_sanitized"] = sanitized
    return names
