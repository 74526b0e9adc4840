import io
import re
from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger
from odoo.tools.pdf import PdfFileReader

from .common import UnionCommon

CARD_REPORT = "union_membership.action_report_union_member_card"
UNIT_CARD_REPORT = "union_membership.action_report_union_organization_member_card"
# a 1x1 transparent PNG, as a member photo
PHOTO = (b"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")


@tagged("post_install", "-at_install")
class TestMemberCard(UnionCommon, HttpCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.member_a1.partner_id.image_1920 = PHOTO
        cls.Report = cls.env["ir.actions.report"]

    def _render_html(self, report_ref, records, user=None):
        report = self.Report.with_user(user) if user else self.Report
        html, report_type = report._render_qweb_html(report_ref, records.ids)
        self.assertEqual(report_type, "html")
        return html.decode()

    def test_card_html_content(self):
        html = self._render_html(CARD_REPORT, self.member_a1 | self.member_b1, self.user_admin)
        for member in (self.member_a1, self.member_b1):
            self.assertIn(member.name, html)
            self.assertIn(member.member_code, html)
            self.assertIn(member.organization_id.name, html)
        qr_images = re.findall(r'<img class="o_union_card_qr"[^>]* src="data:image/png;base64,[A-Za-z0-9+/=]+"', html)
        self.assertEqual(len(qr_images), 2)
        # the photo of member_a1, the placeholder for member_b1
        self.assertEqual(len(re.findall(r'<img class="o_union_card_photo"[^>]* src="data:image/png;base64,', html)), 1)
        self.assertEqual(html.count('o_union_card_no_photo"'), 1)
        # the card is printed in Vietnamese when vi_VN is installed with the addon's translations
        self.assertTrue("THẺ ĐOÀN VIÊN CÔNG ĐOÀN VIỆT NAM" in html or "VIETNAM TRADE UNION MEMBER CARD" in html)

    def test_card_names_number_issue_and_grassroots_union(self):
        """The card carries its number, issue date and issuing union, and names the grassroots
        union of a member of a union group (issue 14)."""
        self.env["union.member.event"].create({
            "member_id": self.member_a2.id, "event_type": "card", "card_number": "CD-0002",
            "date": date(2024, 5, 10)})
        self.assertEqual(self.member_a2.organization_id, self.group_a)
        html = self._render_html(CARD_REPORT, self.member_a2, self.user_officer_a)
        self.assertIn('class="o_union_card_number">CD-0002<', html)
        self.assertIn('class="o_union_card_issue_date">10/05/2024<', html)
        self.assertIn(f'class="o_union_card_issuer">{self.unit_a.name}<', html)
        self.assertIn(f'class="o_union_card_unit">{self.unit_a.name}<', html)
        self.assertNotIn(self.group_a.name, html, "the card names the grassroots union, not the group")

    def test_card_qr_points_to_verification_page(self):
        values = self.env["report.union_membership.report_union_member_card"]._get_report_values(
            self.member_a1.ids)
        card = values["pages"][0][0][0]
        self.assertEqual(card["verify_url"], self.member_a1.verify_url)
        self.assertIn(f"/union/verify/{self.member_a1.verify_token}", card["verify_url"])
        self.assertTrue(card["qr"].startswith("data:image/png;base64,"))

    def test_card_sheet_of_eight(self):
        members = self.env["union.member"].create([{
            "name": f"Đoàn viên {index}", "organization_id": self.unit_b.id,
        } for index in range(9)])
        values = self.env["report.union_membership.report_union_member_card"]._get_report_values(
            members.ids)
        pages = values["pages"]
        self.assertEqual(len(pages), 2, "9 cards fill one sheet of 8 and start a second")
        self.assertEqual([len(row) for row in pages[0]], [2, 2, 2, 2])
        self.assertEqual([len(row) for row in pages[1]], [1])

    # wkhtmltopdf built without the patched Qt warns that some switches Odoo always passes are ignored
    @mute_logger("odoo.addons.base.models.ir_actions_report")
    def test_card_pdf(self):
        pdf, report_type = self.Report.with_context(force_report_rendering=True)._render_qweb_pdf(
            CARD_REPORT, self.member_a1.ids)
        self.assertEqual(report_type, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        self.assertEqual(len(PdfFileReader(io.BytesIO(pdf)).pages), 1)

    def test_unit_prints_current_members(self):
        """Printing from a unit gives the cards of its current members, groups included."""
        self.env["union.member.event"].create({
            "member_id": self.member_b1.id, "event_type": "withdrawal", "reason": "Nghỉ việc"})
        html = self._render_html(UNIT_CARD_REPORT, self.unit_a, self.user_officer_a)
        self.assertIn(self.member_a1.member_code, html)
        self.assertIn(self.member_a2.member_code, html, "members of the unit's groups are printed too")
        self.assertNotIn(self.member_b1.member_code, html)
        html = self._render_html(UNIT_CARD_REPORT, self.unit_b, self.user_admin)
        self.assertNotIn(self.member_b1.member_code, html, "a member who left gets no card")
        self.assertIn("o_union_card_empty", html)

    def test_officer_cannot_print_other_unit(self):
        with self.assertRaises(AccessError):
            self._render_html(CARD_REPORT, self.member_b1, self.user_officer_a)
        with self.assertRaises(AccessError):
            self._render_html(UNIT_CARD_REPORT, self.unit_b, self.user_officer_a)

    def test_print_card_action(self):
        action = self.member_a1.with_user(self.user_officer_a).action_print_card()
        self.assertEqual(action["report_name"], "union_membership.report_union_member_card")
        self.assertEqual(action["context"]["active_ids"], self.member_a1.ids)
