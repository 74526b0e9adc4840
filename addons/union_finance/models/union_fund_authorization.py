from odoo import api, fields, models
from odoo.exceptions import ValidationError


class UnionFundAuthorization(models.Model):
    """The upper level's dated authorisation (ủy quyền thu) for a grassroots
    union to collect the 2% fund from its employers itself (DOMAIN.md §4).
    Without one the upper level collects and allocates the grassroots share."""

    _name = "union.fund.authorization"
    _description = "Authorisation to Collect the 2% Fund"
    _inherit = ["mail.thread", "union.reference.check.mixin"]
    _union_checked_references = ("organization_id", "upper_organization_id")
    _order = "date_from desc, id desc"

    name = fields.Char(string="Decision Number", required=True, tracking=True)
    organization_id = fields.Many2one(
        "union.organization", string="Grassroots Union", required=True, index=True,
        ondelete="cascade", domain="[('level', '=', 'grassroots')]", tracking=True)
    upper_organization_id = fields.Many2one(
        "union.organization", string="Authorised By", compute="_compute_upper_organization_id",
        store=True, readonly=False, precompute=True, tracking=True,
        help="The upper-level union (công đoàn cấp trên cơ sở) that authorises.")
    company_id = fields.Many2one(related="organization_id.company_id", store=True, index=True)
    date_from = fields.Date(required=True, tracking=True)
    date_to = fields.Date(tracking=True, help="Empty: until further notice.")
    note = fields.Text()

    @api.depends("organization_id")
    def _compute_upper_organization_id(self):
        for rec in self:
            if rec.organization_id and not rec.upper_organization_id:
                rec.upper_organization_id = rec.organization_id._union_fund_upper_unit()
            else:
                rec.upper_organization_id = rec.upper_organization_id

    @api.constrains("organization_id", "date_from", "date_to")
    def _check_dates(self):
        for rec in self:
            if rec.organization_id.level != "grassroots":
                raise ValidationError(self.env._(
                    "Only a grassroots union can be authorised to collect the 2%% fund, not "
                    "%(unit)s.", unit=rec.organization_id.name))
            if rec.date_to and rec.date_to < rec.date_from:
                raise ValidationError(self.env._(
                    "Authorisation %(name)s ends (%(end)s) before it starts (%(start)s).",
                    name=rec.name, end=rec.date_to.strftime("%d/%m/%Y"),
                    start=rec.date_from.strftime("%d/%m/%Y")))
            others = self.search([("organization_id", "=", rec.organization_id.id),
                                  ("id", "!=", rec.id)])
            for other in others:
                if (not other.date_to or other.date_to >= rec.date_from) and (
                        not rec.date_to or rec.date_to >= other.date_from):
                    raise ValidationError(self.env._(
                        "Authorisations %(name)s and %(other)s of %(unit)s overlap.",
                        name=rec.name, other=other.name, unit=rec.organization_id.name))

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._recompute_contributions(records.organization_id)
        return records

    def write(self, vals):
        units = self.organization_id
        res = super().write(vals)
        self._recompute_contributions(units | self.organization_id)
        return res

    def unlink(self):
        units = self.organization_id
        res = super().unlink()
        self._recompute_contributions(units)
        return res

    @api.model
    def _recompute_contributions(self, units):
        """Draft declarations of these units follow the authorisations."""
        drafts = self.env["union.fund.contribution"].sudo().search([
            ("organization_id", "in", units.ids), ("state", "=", "draft")])
        if drafts:
            self.env.add_to_compute(drafts._fields["collector"], drafts)
            self.env.add_to_compute(drafts._fields["collecting_organization_id"], drafts)
            drafts.flush_recordset()

    @api.model
    def _get_authorization_dicts(self, unit_ids):
        """{unit id: [{date_from, date_to}]} for rules/fund.collector (one query)."""
        result = {}
        # sudo: who collects a unit's fund is decided whoever declares for it
        for rec in self.sudo().search_read([("organization_id", "in", list(unit_ids))],
                                           ["organization_id", "date_from", "date_to"]):
            result.setdefault(rec["organization_id"][0], []).append(rec)
        return result
