from odoo import api, fields, models


class UnionConsentText(models.Model):
    """The text a member is shown about the processing of their personal data, as dated data.

    The law changes (Decree 13/2023/NĐ-CP until 31 December 2025, Law 91/2025/QH15 on personal
    data protection from 1 January 2026): the text in force on a date is the one with the latest
    ``date_from`` not after it, and an administrator adds the next one without code.
    """

    _name = "union.consent.text"
    _description = "Personal Data Consent Text"
    _order = "date_from desc, id desc"

    name = fields.Char(string="Title", required=True)
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
