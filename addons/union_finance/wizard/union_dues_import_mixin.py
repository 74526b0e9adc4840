import base64
import io

from odoo import fields, models

from odoo.addons.union_membership.tools.xlsx import set_text


class UnionDuesImportMixin(models.AbstractModel):
    """What the bank statement and the payroll check-off imports share: a file
    is checked, and a bad file comes back with an error column while nothing
    is recorded. The wizards that inherit it have ``line_ids`` and ``_reopen``."""

    _name = "union.dues.import.mixin"
    _description = "Dues File Import"

    filename = fields.Char()
    state = fields.Selection([("upload", "Upload"), ("checked", "Checked"), ("error", "Errors")],
                             default="upload", required=True)
    error_file = fields.Binary(readonly=True)
    error_filename = fields.Char(readonly=True)
    error_message = fields.Text(readonly=True)

    def _xlsx_with_errors(self, workbook, errors):
        """The workbook's bytes with the messages of ``errors`` ({row number:
        [message]}) in a new last column of its first sheet."""
        sheet = workbook.worksheets[0]
        column = sheet.max_column + 1
        # the messages quote the sheet's own values: stored as text, never as a formula
        set_text(sheet.cell(row=1, column=column), self.env._("Error"))
        for number, messages in errors.items():
            set_text(sheet.cell(row=number, column=column), "; ".join(messages))
        out = io.BytesIO()
        workbook.save(out)
        return out.getvalue()

    def _set_error_file(self, content, extension, errors, default_name):
        """Offer the file with its errors; nothing is recorded."""
        base = (self.filename or default_name).rsplit(".", 1)[0]
        first = [m for number in sorted(errors) for m in errors[number]][:5]
        self.line_ids.unlink()
        self.write({
            "state": "error", "error_file": base64.b64encode(content),
            "error_filename": f"{base}_errors.{extension}",
            "error_message": self.env._("%(count)s bad row(s); nothing was recorded.\n%(first)s",
                                        count=len(errors), first="\n".join(first)),
        })
        return self._reopen()
