"""Foreign members (Law 50/2024), identity documents, the employment start date, and the
suspension's two kinds (HD 38/HD-TLĐ 2024)."""
from datetime import date

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import UnionCommon


@tagged("post_install", "-at_install")
class TestForeignMember(UnionCommon):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.korea = cls.env.ref("base.kr")
        cls.vietnam = cls.env.ref("base.vn")

    def _foreigner(self, **vals):
        return self.env["union.member"].with_user(self.user_officer_b).create(dict({
            "name": "Kim Min-jun", "gender": "male", "birth_date": date(1988, 4, 2),
            "organization_id": self.unit_b.id, "date_joined": date(2026, 1, 15),
            "nationality_id": self.korea.id, "id_document_type": "passport",
            "id_document_country_id": self.korea.id, "id_document_number": "M12345678",
            "contract_date_start": date(2026, 1, 1), "contract_date_end": date(2026, 12, 31),
            "date_employed": date(2026, 1, 1)}, **vals))

    def test_existing_and_new_members_are_vietnamese_citizens(self):
        member = self.member_a1.sudo()
        self.assertEqual(member.nationality_id, self.vietnam)
        self.assertEqual(member.id_document_type, "citizen_id")
        self.assertEqual(member.citizen_id, "067185000001")
        self.assertFalse(member.id_document_number)

    def test_foreign_member_admitted_with_passport_and_contract(self):
        member = self._foreigner()
        self.assertEqual(member.state, "active")
        self.assertFalse(member.sudo().citizen_id)
        # an indefinite-term contract needs no dates
        other = self._foreigner(name="Park Ji-woo", gender="female", birth_date=date(1990, 1, 1),
                                id_document_type="work_permit", id_document_number="GP-0001",
                                contract_date_start=False, contract_date_end=False, contract_indefinite=True)
        self.assertEqual(other.state, "active")

    def test_foreign_member_refused_without_document_or_long_contract(self):
        cases = [
            ({"contract_date_end": date(2026, 12, 30)}, "12 months or more"),
            ({"contract_date_start": False, "contract_date_end": False}, "start and end dates"),
            ({"id_document_number": False}, "passport or work permit"),
        ]
        for vals, fragment in cases:
            with self.subTest(vals=vals), self.assertRaises(ValidationError) as err:
                self._foreigner(**vals)
            self.assertIn("Law 50/2024", str(err.exception))
            self.assertIn(fragment, str(err.exception))
        # the message is Vietnamese for a Vietnamese officer
        officer = self.user_officer_b
        officer.lang = "vi_VN"
        with self.assertRaises(ValidationError) as err:
            self.env["union.member"].with_user(officer).with_context(lang="vi_VN").create({
                "name": "Lee Seo-yeon", "organization_id": self.unit_b.id, "nationality_id": self.korea.id,
                "id_document_type": "passport", "id_document_country_id": self.korea.id,
                "id_document_number": "M7654321"})
        self.assertIn("người lao động nước ngoài", str(err.exception))
        self.assertFalse(self.env["union.member"].search([("name", "in", ("Lee Seo-yeon", "Kim Min-jun"))]))

    def test_document_rules(self):
        # a citizen id is Vietnamese: a foreigner cannot hold one
        with self.assertRaises(ValidationError):
            self._foreigner(id_document_type="citizen_id", id_document_number=False,
                            citizen_id="001088000123")
        # a passport holder has no citizen id number
        with self.assertRaises(ValidationError):
            self._foreigner(citizen_id="001088000123")
        # the citizen-id checks apply to the Vietnamese citizen id only: a passport number
        # of 9 characters, or of 11 digits, is fine
        self.assertTrue(self._foreigner(id_document_number="12345678901"))
        # unique per (type, issuing country, number)
        with self.assertRaises(IntegrityError), self.cr.savepoint(), mute_logger("odoo.sql_db"):
            self._foreigner(name="Kim khác", id_document_number="12345678901")
        # the same number from another country, or as another kind of document, is another document
        self.assertTrue(self._foreigner(name="Kim Nhật", id_document_number="12345678901",
                                        id_document_country_id=self.env.ref("base.jp").id))
        self.assertTrue(self._foreigner(name="Kim GPLĐ", id_document_number="12345678901",
                                        id_document_type="work_permit"))

    def test_nationality_is_needed_for_admission(self):
        with self.assertRaises(ValidationError):
            self.env["union.member"].create({"name": "Không rõ quốc tịch", "organization_id": self.unit_a.id,
                                             "nationality_id": False})

    def test_form_switches_to_passport_for_a_foreigner(self):
        form = Form(self.env["union.member"].with_context(default_organization_id=self.unit_b.id))
        form.name = "Tanaka Yui"
        form.nationality_id = self.env.ref("base.jp")
        self.assertEqual(form.id_document_type, "passport")
        self.assertEqual(form.id_document_country_id, self.env.ref("base.jp"))

    def test_statistics_count_foreign_members(self):
        self._foreigner()
        stat = self.env["union.member.statistics"].with_user(self.user_upper).create({
            "organization_id": self.upper.id, "date_from": date(2026, 1, 1), "date_to": date(2026, 5, 31)})
        stat.action_compute()
        lines = {line.organization_id: line for line in stat.line_ids}
        self.assertEqual(lines[self.unit_b].foreign, 1)
        self.assertEqual(lines[self.unit_a].foreign, 0)
        self.assertEqual(sum(stat.line_ids.mapped("foreign")), 1)

    def test_foreign_and_missing_employment_date_filters(self):
        foreigner = self._foreigner()
        self.member_b1.sudo().date_employed = False
        Member = self.env["union.member"].with_user(self.user_upper)
        self.assertEqual(Member.search([("nationality_id.code", "!=", "VN")]), foreigner)
        missing = Member.search([("date_employed", "=", False)])
        self.assertIn(self.member_b1, missing)
        self.assertNotIn(foreigner, missing)

    # --- suspension ---------------------------------------------------------------

    def _suspend(self, end, kind=None):
        wizard = self.env["union.member.event.wizard"].with_user(self.user_officer_a).create({
            "member_ids": [(6, 0, self.member_a1.ids)], "event_type": "suspension",
            "date": date(2025, 3, 15), "end_date": end, **({"suspension_kind": kind} if kind else {})})
        wizard.action_confirm()
        return self.member_a1.event_ids[0]

    def test_suspension_after_job_loss_is_capped(self):
        self.assertEqual(self.env["union.member.event.wizard"].default_get(["suspension_kind"]),
                         {"suspension_kind": "job_loss"})
        with self.assertRaises(ValidationError) as err:
            self._suspend(date(2026, 3, 16))
        self.assertIn("12 months at most", str(err.exception))
        event = self._suspend(date(2026, 3, 15))
        self.assertEqual((event.event_type, event.suspension_kind), ("suspension", "job_loss"))
        self.assertEqual(self.member_a1.state, "suspended")

    def test_suspension_while_contract_suspended_is_not_capped(self):
        event = self._suspend(date(2027, 3, 15), kind="contract_suspended")
        self.assertEqual(event.suspension_kind, "contract_suspended")
        self.assertEqual(self.member_a1.state, "suspended")

    # --- card and portal ------------------------------------------------------------

    def test_card_and_portal_show_the_document(self):
        foreigner = self._foreigner()
        Report = self.env["ir.actions.report"].with_user(self.user_officer_b)
        html, _type = Report._render_qweb_html("union_membership.action_report_union_member_card",
                                               (foreigner | self.member_b1).ids)
        html = html.decode()
        self.assertEqual(html.count("o_union_card_nationality"), 1, "only the foreign member's card says it")
        self.assertIn(self.korea.name, html)
        self.assertNotIn("M12345678", html, "no document number on the card")
        # the portal line: the document's kind, country and the number's last four characters
        label = foreigner.with_user(self.user_officer_b)._union_document_label()
        self.assertTrue(label.startswith(f"Passport ({self.korea.name}) "), label)
        self.assertTrue(label.endswith("•5678"), label)
        own = self.member_a1.with_user(self.user_portal_a1)._union_document_label()
        self.assertEqual(own, "Citizen ID (CCCD) ••••••••0001")
        with self.assertRaises(AccessError):
            self.member_b1.with_user(self.user_portal_a1)._union_document_label()
