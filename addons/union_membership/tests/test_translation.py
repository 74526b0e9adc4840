"""Every label of union_membership's screens is in Vietnamese on a Vietnamese database.

On the demo database the transfer requests, personal data requests, consent texts and the
unit directory showed their columns in English ("From Unit", "To Unit", "Member", "State"):
their fields had no entry in i18n/vi.po. This test reads what the database holds after the
module's translations are loaded, as the web client shows it."""
from odoo.tests import TransactionCase, tagged

# the same word in both languages
SAME_IN_VIETNAMESE = {"ID", "Email"}


@tagged("post_install", "-at_install")
class TestVietnameseLabels(TransactionCase):

    def _untranslated(self, model, column):
        """(xml id, English) of the module's records whose Vietnamese is missing or English."""
        data = self.env["ir.model.data"].search([("module", "=", "union_membership"), ("model", "=", model)])
        records = self.env[model].browse(data.mapped("res_id")).exists()
        english = {rec.id: rec.with_context(lang="en_US")[column] for rec in records}
        names = {d.res_id: d.name for d in data}
        return sorted(
            (names[rec.id], english[rec.id]) for rec in records.with_context(lang="vi_VN")
            if english[rec.id] not in SAME_IN_VIETNAMESE
            and (model != "ir.model.fields" or rec.name != "id")
            and rec[column] == english[rec.id])

    def test_field_labels_and_choices_in_vietnamese(self):
        if not self.env["res.lang"]._lang_get("vi_VN").active:
            return  # the suite's databases load Vietnamese (README, scripts/run-tests.sh)
        self.assertEqual(self._untranslated("ir.model.fields", "field_description"), [])
        self.assertEqual(self._untranslated("ir.model.fields.selection", "name"), [])
