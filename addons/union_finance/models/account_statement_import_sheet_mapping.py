from odoo import fields, models

#: the values of a statement's header block read by label: key -> (mapping field of
#: the label, searched after the table too)
UNION_HEADER_VALUES = {
    "account": ("union_account_label", False),
    "opening": ("union_opening_label", False),
    "closing": ("union_closing_label", True),
}


def _label_field(string, help_text):
    return fields.Char(string=string, help=f"{help_text} (several: separated by |).")


class AccountStatementImportSheetMapping(models.Model):
    """OCA's sheet mapping, extended with what Vietnamese banks' exports need: a
    header block before the table (account number, opening and closing balance
    found by their label), a table that starts at the row containing a text,
    the date and the bank's reference in one cell on two lines, and the text by
    which the bank's file is recognised."""

    _inherit = "account.statement.import.sheet.mapping"

    union_bank_name = fields.Char(string="Bank")
    union_recognition_text = fields.Char(
        string="Recognised By",
        help="A text found in the header block of this bank's files (several: separated "
             "by |). A file holding it is read with this layout.")
    union_table_start_text = fields.Char(
        string="Table Starts at the Row Containing",
        help="Text of a column title of the transactions table (e.g. 'Ngày giao dịch'); the "
             "rows above it are the header block. Empty: OCA's header line count is used.")
    # the three values of the header block found by their label: one structure
    # (UNION_HEADER_VALUES), one field each for the administrator
    union_account_label = _label_field(
        "Account Number Label", "Label of the account number in the header block")
    union_opening_label = _label_field(
        "Opening Balance Label",
        "Label of the opening balance. Empty: the opening balance is the running "
        "balance of the first line less its amount (a layout with a balance column)")
    union_closing_label = _label_field(
        "Closing Balance Label",
        "Label of the closing balance, in the header block or after the table. Empty: "
        "the running balance of the last line (a layout with a balance column)")
    union_split_date_reference = fields.Boolean(
        string="Date and Reference in One Cell",
        help="The date column holds the date on its first line and the bank's reference "
             "on the next one ('31/10/2023\\n5243.65937').")
    union_unverified = fields.Boolean(
        string="Unverified Layout",
        help="Rebuilt from the bank's description without a published sample file: check "
             "it against a real export before relying on it.")
    union_source = fields.Char(string="Source of the Layout")
    union_sequence = fields.Integer(string="Recognition Order", default=10)

    def _union_labels(self, field):
        self.ensure_one()
        return [text.strip() for text in (self[field] or "").split("|") if text.strip()]
