"""Every label of the module's screens is in Vietnamese on a Vietnamese database.

On the demo database the transfer requests, personal data requests, consent texts and the
unit directory (union_membership), the petition deadlines and extensions (union_documents) and
the state commendations (union_emulation) showed their columns in English ("From Unit",
"Member", "Decision Date"...): their fields had no reference in i18n/vi.po. The check reads
what the database holds once the module's translations are loaded, as the web client shows it;
the other union addons use the mixin with their own module name."""
import re

from odoo.tests import TransactionCase, tagged

# the same word in both languages
SAME_IN_VIETNAMESE = {"ID", "Email"}
# a source text already in Vietnamese (a certificate's name, a legal form) needs no translation
VIETNAMESE = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.IGNORECASE)


class VietnameseLabelsMixin:
    """``_translation_module``'s field labels and selection choices, read in Vietnamese."""

    _translation_module = None

    def _untranslated(self, model, column):
        """(xml id, English) of the module's records whose Vietnamese is missing or English."""
        data = self.env["ir.model.data"].search([("module", "=", self._translation_module), ("model", "=", model)])
        records = self.env[model].browse(data.mapped("res_id")).exists()
        english = {rec.id: rec.with_context(lang="en_US")[column] for rec in records}
        names = {d.res_id: d.name for d in data}
        return sorted(
            (names[rec.id], english[rec.id]) for rec in records.with_context(lang="vi_VN")
            if english[rec.id] not in SAME_IN_VIETNAMESE and not VIETNAMESE.search(english[rec.id] or "")
            and (model != "ir.model.fields" or rec.name != "id")
            and rec[column] == english[rec.id])

    def test_field_labels_and_choices_in_vietnamese(self):
        if not self.env["res.lang"]._lang_get("vi_VN").active:
            return  # the suite's databases load Vietnamese (README, scripts/run-tests.sh)
        self.assertEqual(self._untranslated("ir.model.fields", "field_description"), [])
        self.assertEqual(self._untranslated("ir.model.fields.selection", "name"), [])


@tagged("post_install", "-at_install")
class TestVietnameseLabels(VietnameseLabelsMixin, TransactionCase):
    _translation_module = "union_membership"
