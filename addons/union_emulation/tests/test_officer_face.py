import io
from datetime import date

import PyPDF2
from lxml import etree

from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import EmulationCommon

#: many2one / many2many fields to units, members and movements: never created from a picker
PICKER_FIELDS = {"organization_id", "member_id", "movement_id", "recipient_organization_id",
                 "target_organization_ids", "member_ids"}


@tagged("post_install", "-at_install")
class TestOfficerFace(EmulationCommon):
    """Issue 14 for emulation: Vietnamese words everywhere, dd/mm/yyyy, defaults the context knows,
    no creation from pickers, certificates that fill their page and no layout wizard."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("vi_VN")
        cls.vi = cls.env(context=dict(cls.env.context, lang="vi_VN", tracking_disable=False))

    def _decision(self, **vals):
        return self.env["union.award.decision"].with_user(self.user_upper).create(dict({
            "name": "25/QĐ-CĐN", "date": date(2025, 6, 15), "organization_id": self.upper.id,
            "award_title_id": self.form_gk_upper.id, "year": "2024-2025", "signer_name": "Phạm Văn Minh",
            "signer_title": "Chủ tịch"}, **vals))

    def test_creation_messages_in_vietnamese(self):
        proposal = self.vi["union.award.proposal"].with_user(self.user_officer_a).create({
            "organization_id": self.unit_a.id, "award_title_id": self.form_gk_upper.id, "year": "2025",
            "date_reference": date(2025, 12, 31)})
        decision = self.vi["union.award.decision"].with_user(self.user_upper).create({
            "name": "26/QĐ-CĐN", "organization_id": self.upper.id, "award_title_id": self.form_gk_upper.id,
            "signer_name": "Phạm Văn Minh"})
        evaluation = self.vi["union.emulation.evaluation"].with_user(self.user_officer_a).create(
            {"organization_id": self.unit_a.id, "criterion_id": self.criterion.id})
        for record, text in ((proposal, "Đã tạo tờ trình đề nghị khen thưởng"),
                             (decision, "Đã tạo quyết định khen thưởng"),
                             (evaluation, "Đã tạo bản đánh giá, xếp loại năm")):
            bodies = " ".join(record.message_ids.mapped("body"))
            self.assertIn(text, bodies)
            self.assertNotIn("Commendation", bodies)
            self.assertNotIn("Evaluation", bodies)

    def test_eligibility_reasons_follow_the_reader(self):
        """Checked by an English-speaking session, read in Vietnamese (and the other way round)."""
        proposal = self.env["union.award.proposal"].with_user(self.user_officer_a).create({
            "organization_id": self.unit_a.id, "award_title_id": self.form_gk_upper.id,
            "movement_id": self.movement.id, "year": self.movement.year, "date_reference": self.movement.date_end,
            "line_ids": [(0, 0, {"member_id": self.member_a2.id, "achievement": "Sáng kiến", "absent_days": 45,
                                 "disciplined": True})]})
        proposal.with_context(lang="en_US").action_check_eligibility()
        line = proposal.line_ids
        self.assertEqual([code for code, _params in line.eligibility_reasons],
                         ["absent", "disciplined", "not_registered"])
        self.assertIn("absent 45 working days", line.with_context(lang="en_US").eligibility_note)
        note_vi = line.with_context(lang="vi_VN").eligibility_note
        self.assertIn("nghỉ 45 ngày công", note_vi)
        self.assertNotIn("absent", note_vi)
        self.assertNotIn("disciplined", note_vi)

    def test_dates_in_messages_dd_mm_yyyy(self):
        with self.assertRefused(ValidationError, "31/05/2025"):
            self.env["union.emulation.movement"].create({
                "name": "Sai ngày", "organization_id": self.upper.id, "date_start": date(2025, 9, 1),
                "date_end": date(2025, 5, 31), "registration_deadline": date(2025, 5, 1)})

    def test_defaults_the_context_knows(self):
        today = self.today
        with Form(self.env["union.award.decision"].with_user(self.user_upper)) as form:
            self.assertEqual(form.year, str(today.year))
            self.assertEqual(form.organization_id, self.upper)    # the officer's only unit
            form.movement_id = self.movement
            self.assertEqual(form.year, self.movement.year)
            form.name = "27/QĐ-CĐN"
            form.award_title_id = self.form_gk_upper
            form.signer_name = "Phạm Văn Minh"
        with Form(self.env["union.award.proposal"].with_user(self.user_officer_a)) as form:
            self.assertEqual(form.organization_id, self.unit_a)
            form.award_title_id = self.form_gk_upper
            form.movement_id = self.movement
            self.assertEqual(form.year, self.movement.year)
        # two units managed: no guess
        self.user_officer_b.union_organization_ids = self.unit_a | self.unit_b
        form = Form(self.env["union.award.proposal"].with_user(self.user_officer_b))
        self.assertFalse(form.organization_id)

    def test_pickers_never_create(self):
        """Every form of this addon (and the list editors inside them) offers no creation of a unit,
        member or movement from its pickers."""
        views = self.env["ir.ui.view"].search([("type", "=", "form"), ("model", "like", "union.%"),
                                               ("id", "in", self._own_view_ids())])
        self.assertTrue(views)
        checked = 0
        for view in views:
            arch = etree.fromstring(view.arch)
            for node in arch.iter("field"):
                if node.get("name") in PICKER_FIELDS and not node.get("readonly") == "1":
                    options = node.get("options") or ""
                    self.assertIn("'no_create': True", options, f"{view.name}: {node.get('name')}")
                    self.assertIn("'no_quick_create': True", options, f"{view.name}: {node.get('name')}")
                    checked += 1
        self.assertGreater(checked, 15)

    def _own_view_ids(self):
        return self.env["ir.model.data"].search(
            [("module", "=", "union_emulation"), ("model", "=", "ir.ui.view")]).mapped("res_id")

    def test_certificate_fills_its_page_with_place_and_date(self):
        self.unit_a.partner_id = self.env["res.partner"].create({"name": self.upper.name, "city": "Gia Nghĩa"})
        self.upper.partner_id = self.unit_a.partner_id
        decision = self._decision()
        self.assertFalse(decision.place)
        recipient = self.env["union.award.recipient"].create({
            "decision_id": decision.id, "member_id": self.member_a1.id, "organization_id": self.unit_a.id,
            "achievement": "Hoàn thành xuất sắc nhiệm vụ năm học 2024-2025", "year": "2024-2025"})
        report = self.env.ref("union_emulation.union_award_certificate_report")
        html = report._render_qweb_html(report.report_name, recipient.ids)[0].decode()
        self.assertIn("Gia Nghĩa, ngày 15 tháng 06 năm 2025", " ".join(html.split()))
        # the real PDF: one A4 landscape page, the heading at its top and the signer at its foot
        with mute_logger("odoo.addons.base.models.ir_actions_report"):
            pdf, _fmt = report.with_context(force_report_rendering=True)._render_qweb_pdf(
                report.report_name, recipient.ids)
        page = PyPDF2.PdfReader(io.BytesIO(pdf)).pages[0]
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        self.assertGreater(width, height)                     # landscape
        self.assertAlmostEqual(height, 595, delta=2)          # A4
        lines = {}

        def visit(text, cm, tm, _font, _size):
            if text.strip():
                lines.setdefault(" ".join(text.split()), cm[5] + tm[5] * cm[3])

        page.extract_text(visitor_text=visit)
        heights = {text: y for text, y in lines.items()}
        top = max(y for text, y in heights.items() if text.startswith("CỘNG HÒA"))
        signer = min(y for text, y in heights.items() if "Phạm Văn Minh" in text)
        self.assertGreater(top, height * 0.8)
        self.assertLess(signer, height * 0.2)
        self.assertTrue(any(text.startswith("Gia Nghĩa, ngày 15") for text in heights), heights)

    def test_printing_never_opens_the_layout_wizard(self):
        company = self.env.company
        company.external_report_layout_id = False
        company._union_set_report_layout()
        self.assertEqual(company.external_report_layout_id, self.env.ref("web.external_layout_standard"))
        # idempotent and harmless: a layout chosen is kept
        boxed = self.env.ref("web.external_layout_boxed")
        company.external_report_layout_id = boxed
        company._union_set_report_layout()
        self.assertEqual(company.external_report_layout_id, boxed)
        new_company = self.env["res.company"].create({"name": "Công đoàn Công ty Mới"})
        self.assertTrue(new_company.external_report_layout_id)
        # an administrator printing from the decision gets the report, not the wizard
        decision = self._decision()
        self.env["union.award.recipient"].create({
            "decision_id": decision.id, "member_id": self.member_a1.id, "organization_id": self.unit_a.id,
            "achievement": "x", "year": "2024-2025"})
        decision.state = "issued"
        action = decision.with_user(self.env.ref("base.user_admin")).action_print_certificates()
        self.assertEqual(action["type"], "ir.actions.report")
