from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.account.models.company import LOCK_DATE_FIELDS


class UnionLockDate(models.TransientModel):
    """The lock dates of a company, for the union accountant. Odoo 18 Community
    keeps them on the company (``fiscalyear_lock_date``, ``tax_lock_date``,
    ``sale_lock_date``, ``purchase_lock_date``, ``hard_lock_date``) but shows
    them on no screen (the lock-date wizard is Enterprise's); this one writes
    them through the ORM, so Odoo's own rules hold (a hard lock date is never
    moved back or removed, no draft entry under it, no unreconciled statement
    line under the global lock date). See readme/CONFIGURE.md."""

    _name = "union.lock.date"
    _description = "Lock Dates of the Union's Books"

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company,
        domain=lambda self: [("id", "in", self.env.user.company_ids.ids)])
    fiscalyear_lock_date = fields.Date(
        string="Global Lock Date", compute="_compute_lock_dates", store=True, readonly=False,
        help="No journal entry on or before this date can be posted, changed or deleted: a "
             "dues run of a locked month is booked on the first open date. It can be moved back.")
    tax_lock_date = fields.Date(
        string="Tax Return Lock Date", compute="_compute_lock_dates", store=True, readonly=False,
        help="No entry with taxes on or before this date.")
    sale_lock_date = fields.Date(
        string="Sales Lock Date", compute="_compute_lock_dates", store=True, readonly=False,
        help="No entry of a sales journal on or before this date.")
    purchase_lock_date = fields.Date(
        compute="_compute_lock_dates", store=True, readonly=False,
        help="No entry of a purchase journal on or before this date.")
    hard_lock_date = fields.Date(
        compute="_compute_lock_dates", store=True, readonly=False,
        help="Irreversible: once set, it can only move forward, and no exception is granted "
             "(the books of a year closed and audited).")

    @api.depends("company_id")
    def _compute_lock_dates(self):
        for wizard in self:
            company = wizard.company_id
            for name in LOCK_DATE_FIELDS:
                wizard[name] = company[name] if company else False

    def _check_allowed(self):
        self.ensure_one()
        user = self.env.user
        if not (user.has_group("union_finance.group_union_accountant")
                or user.has_group("account.group_account_manager")):
            raise AccessError(self.env._("Only a union accountant sets the lock dates of the books."))
        if self.company_id not in user.company_ids:
            raise AccessError(self.env._("You do not have access to the company %(company)s.",
                                         company=self.company_id.name))
        today = fields.Date.context_today(self)
        for name in LOCK_DATE_FIELDS:
            if self[name] and self[name] > today:
                raise UserError(self.env._(
                    "%(field)s: %(date)s is in the future; a lock date closes past periods only.",
                    field=self._fields[name].get_description(self.env)["string"],
                    date=self[name].strftime("%d/%m/%Y")))

    def action_update(self):
        self._check_allowed()
        company = self.company_id
        vals = {name: self[name] for name in LOCK_DATE_FIELDS if self[name] != company[name]}
        if vals:
            # sudo: the union accountant has the Invoicing rights, not the rights on the
            # company's settings; res.company.write still applies Odoo's own checks
            # (_validate_locks) and tracks each change in the company's chatter
            company.sudo().write(vals)
        return {"type": "ir.actions.act_window_close"}
