import io
import logging
import unicodedata

from pdfminer.high_level import extract_text

from odoo.tests import tagged
from odoo.tools import config

from .common import UnionDocumentsCommon


def _pdf_text(pdf):
    text = extract_text(io.BytesIO(pdf))
    # the PDF may keep Vietnamese letters decomposed (base letter + combining marks)
    return " ".join(unicodedata.normalize("NFC", text).split())


@tagged("post_install", "-at_install")
class TestRegisterPdf(UnionDocumentsCommon):
    """The register of a unit for a year, printed by wkhtmltopdf, read back from the PDF."""

    def _render(self, Report, report, ids):
        # wkhtmltopdf loads the report's styles from the test server (started by --odoo-http)
        self.env["ir.config_parameter"].set_param("report.url", f"http://127.0.0.1:{config['http_port']}")
        # an unpatched-Qt wkhtmltopdf always prints notes on stderr, which Odoo logs as a warning:
        # they are caught here, and anything else than those notes (a network error loading the
        # styles, a missing font...) fails the test
        logger = logging.getLogger("odoo.addons.base.models.ir_actions_report")
        records = []
        handler = logging.Handler(logging.WARNING)
        handler.emit = records.append
        logger.addHandler(handler)
        propagate, logger.propagate = logger.propagate, False
        try:
            result = Report._render_qweb_pdf(report, ids)
        finally:
            logger.removeHandler(handler)
            logger.propagate = propagate
        messages = "\n".join(record.getMessage() for record in records)
        for line in messages.replace("ignored.", "ignored.\n").splitlines():
            line = line.strip()
            self.assertTrue(
                not line or "is not support using unpatched qt" in line or "XDG_RUNTIME_DIR" in line,
                f"unexpected wkhtmltopdf message: {line}")
        return result

    def test_outgoing_and_incoming_registers_as_real_pdf(self):
        plan = self._release(self._draft(subject="Kế hoạch tổ chức Tháng Công nhân năm 2026",
                                         file_keeper="Văn phòng"))
        letter = self._release(self._draft(
            type_id=self.type_letter.id, department_code="ToC",
            subject="Về việc rà soát, cập nhật dữ liệu đoàn viên"))
        self.assertEqual((plan.number_symbol, letter.number_symbol), ("01/KH-CĐN", "02/CĐN-ToC"))
        Report = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        report = "union_documents.union_document_register_report_action"

        pdf, kind = self._render(Report, report, plan.register_id.ids)
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"), "rendered by wkhtmltopdf, not the HTML of test mode")
        text = _pdf_text(pdf)
        for expected in ("01/KH-CĐN", "02/CĐN-ToC", "Kế hoạch tổ chức Tháng Công nhân năm 2026",
                         "Về việc rà soát, cập nhật dữ liệu đoàn viên", "Công đoàn ngành Giáo dục",
                         "Number and symbol", "Văn phòng"):
            self.assertIn(expected, text)

        # a recipient's incoming register, in Vietnamese, with its incoming numbers
        copy_b = self.env["union.document"].search(
            [("source_document_id", "=", letter.id), ("organization_id", "=", self.unit_b.id)])
        # an urgent one: its note must be printed in Vietnamese only
        self.env["union.document"].search(
            [("source_document_id", "=", plan.id), ("organization_id", "=", self.unit_b.id)]).urgency = "urgent"
        # printed by the recipient's own officer, in Vietnamese
        pdf_vi, _kind = self._render(Report.with_user(self.user_officer_b).with_context(lang="vi_VN"),
                                     report, copy_b.register_id.ids)
        text_vi = _pdf_text(pdf_vi)
        for expected in ("Công đoàn Trường THCS B", "Số, ký hiệu văn bản", "Số đến", "02/CĐN-ToC", "01/KH-CĐN",
                         "Về việc rà soát, cập nhật dữ liệu đoàn viên", "Công đoàn ngành Giáo dục"):
            self.assertIn(expected, text_vi)
        self.assertEqual(copy_b.number, 2)
        # no English left in the Vietnamese register (issue 14): "Khẩn", not "Urgent (Khẩn)";
        # dates as dd/mm/yyyy
        self.assertIn("Khẩn", text_vi)
        self.assertNotIn("Urgent", text_vi)
        self.assertIn(copy_b.date_received.strftime("%d/%m/%Y"), text_vi)
