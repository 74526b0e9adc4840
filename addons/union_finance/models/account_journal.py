from odoo import fields, models


class AccountJournal(models.Model):
    _inherit = "account.journal"

    union_voucher_book = fields.Char(
        string="Voucher Book No.",
        help="\"Quyển số\" printed on the receipts (C40-BB) and payment vouchers (C41-BB) "
             "of this cash or bank journal: the number of the current voucher book.")
