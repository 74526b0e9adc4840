from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    union_dues_journal_id = fields.Many2one(
        related="company_id.union_dues_journal_id", readonly=False)
    union_dues_receivable_account_id = fields.Many2one(
        related="company_id.union_dues_receivable_account_id", readonly=False)
    union_dues_income_account_id = fields.Many2one(
        related="company_id.union_dues_income_account_id", readonly=False)
    union_dues_upward_account_id = fields.Many2one(
        related="company_id.union_dues_upward_account_id", readonly=False)
    union_dues_payment_journal_id = fields.Many2one(
        related="company_id.union_dues_payment_journal_id", readonly=False)
    union_dues_cash_journal_id = fields.Many2one(
        related="company_id.union_dues_cash_journal_id", readonly=False)
    union_dues_reference_prefix = fields.Char(
        related="company_id.union_dues_reference_prefix", readonly=False)
