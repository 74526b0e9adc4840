"""Issue 14: printing a receipt never opens Odoo's document-layout wizard, and the receipt's
PDF carries its text as text (selectable, searchable), not as an image."""
import io
from datetime import date

from PyPDF2 import PdfReader

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import UnionFinanceCommon


@tagged("post_install", "-at_install")
class TestReceiptPrinting(UnionFinanceCommon, HttpCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._run(cls.unit_a, date(2025, 7, 1))
        cls.payment = cls.env["union.dues.payment"].with_user(cls.user_accountant).create({
            "kind": "cash", "organization_id": cls.unit_a.id, "member_id": cls.member_a1.id,
            "amount": 88_000, "date": date(2025, 8, 5)})
        cls.payment.action_post()

    def test_printing_returns_the_report_not_the_layout_wizard(self):
        action = self.payment.with_user(self.user_accountant).action_print_receipt()
        self.assertEqual(action["type"], "ir.actions.report")
        self.assertEqual(action["report_name"], "union_finance.union_dues_receipt_document")
        # an administrator in a company created later: its layout is set on creation
        company = self.env["res.company"].create({"name": "Công đoàn mới lập"})
        self.assertTrue(company.external_report_layout_id)
        self.assertEqual(company.paperformat_id.format, "A4")
        admin = self.env.ref("base.user_admin")
        admin.company_ids |= company
        report = self.env.ref("union_finance.union_dues_receipt_report_action").with_user(
            admin).with_company(company)
        self.assertEqual(report.report_action(self.payment)["type"], "ir.actions.report")
        # without a layout, Odoo would have opened its wizard: the install sets it
        company.external_report_layout_id = False
        self.assertEqual(report.report_action(self.payment)["type"], "ir.actions.act_window")
        company._union_set_report_layout()
        self.assertEqual(report.report_action(self.payment)["type"], "ir.actions.report")
        self.assertEqual(self.env.ref("union_finance.union_dues_receipt_report_action")
                         .paperformat_id.format, "A4")

    def test_receipt_text_is_selectable(self):
        # (this wkhtmltopdf, built without patched Qt, warns that it ignores header options)
        with mute_logger("odoo.addons.base.models.ir_actions_report"):
            pdf, kind = self._render_receipt()
        self.assertEqual(kind, "pdf")
        text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
        text = " ".join(text.split())  # the extraction separates words by tabs
        self.assertIn(self.payment.name, text)
        self.assertIn("88.000", text)
        self.assertIn("C40-BB", text)
        self.assertIn(self.member_a1.name, text, "Vietnamese text too")

    def _render_receipt(self):
        return self.env["ir.actions.report"].with_user(self.user_accountant).with_context(
            force_report_rendering=True)._render_qweb_pdf(
            "union_finance.union_dues_receipt_report_action", self.payment.ids)
