from odoo import api, fields, models, tools


class UnionConsentText(models.Model):
    """The text a member is shown about the processing of their personal data, as dated data.

    The law changes (Decree 13/2023/NĐ-CP until 31 December 2025, Law 91/2025/QH15 on personal
    data protection from 1 January 2026): the text in force on a date is the one with the latest
    ``date_from`` not after it, and an administrator adds the next one without code.
    """

    _name = "union.consent.text"
    _description = "Personal Data Consent Text"
    _order = "date_from desc, id desc"

    name = fields.Char(string="Heading", required=True)
    date_from = fields.Date(string="In Force From", required=True, index=True)
    legal_basis = fields.Char(
        required=True,
        help="The law the text applies, as shown to members, e.g. Law 91/2025/QH15 on personal data protection.")
    text = fields.Text(required=True, help="Shown to members where they give or review their consent.")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("date_from_unique", "unique(date_from)", "Only one consent text may come into force on a given date."),
    ]

    @api.model
    def _get_in_force(self, on_date=None):
        """The consent text in force on ``on_date`` (today by default), or an empty recordset."""
        on_date = on_date or fields.Date.context_today(self)
        # sudo: the text is shown to members and visitors, who may not read the configuration
        return self.sudo().search([("date_from", "<=", on_date)], order="date_from desc, id desc", limit=1)

    @api.model
    def _get_in_force_values(self, on_date=None):
        """The consent text in force as a dict (title, legal basis, text, start date) or None, cached:
        the portal shows it on every member's page without a query."""
        return self._in_force_values(on_date or fields.Date.context_today(self))

    @tools.ormcache("on_date")
    def _in_force_values(self, on_date):
        consent = self._get_in_force(on_date)
        if not consent:
            return None
        return {"name": consent.name, "legal_basis": consent.legal_basis, "text": consent.text,
                "date_from": consent.date_from}

    @api.model_create_multi
    def create(self, vals_list):
        self.env.registry.clear_cache()
        return super().create(vals_list)

    def write(self, vals):
        self.env.registry.clear_cache()
        return super().write(vals)

    def unlink(self):
        self.env.registry.clear_cache()
        return super().unlink()
