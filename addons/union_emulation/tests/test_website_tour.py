from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

from .common import EmulationCommon


@tagged("post_install", "-at_install")
class TestEmulationWebsiteTour(EmulationCommon, HttpCase):
    """The public emulation pages in a browser: movements, a movement, the ranking, a registration.

    The visitor is the portal member of unit A, in Vietnamese (the CI database loads vi_VN; the
    website shows the visitor's language when the website offers it).
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        vi = cls.env["res.lang"]._activate_lang("vi_VN")
        cls.env["website"].search([]).write({"language_ids": [Command.link(vi.id)]})
        cls.user_portal_a1.lang = "vi_VN"
        # approved results in the movement's own year (its ranking link passes that year) and in 2024-2025
        cls.year = cls.movement.year
        cls.eval_a = cls._approved_evaluation(cls.unit_a, "public_partial", cls.year, 1.0)
        cls.eval_b = cls._approved_evaluation(cls.unit_b, "non_public", cls.year, 0.75)
        cls.eval_a_old = cls._approved_evaluation(cls.unit_a, "public_partial", "2024-2025", 0.55)

    @classmethod
    def _approved_evaluation(cls, unit, funding_type, year, ratio):
        Criterion = cls.env["union.emulation.criterion"]
        criterion = Criterion.search([("year", "=", year), ("funding_type", "=", funding_type)])
        if not criterion:
            template = cls.env.ref(f"union_emulation.criterion_2024_2025_{funding_type}")
            criterion = template.copy({"year": year, "name": f"Thang điểm {year} - {funding_type}"})
        evaluation = cls.env["union.emulation.evaluation"].create(
            {"organization_id": unit.id, "criterion_id": criterion.id})
        for line in evaluation.line_ids:
            line.self_score = line.max_points * ratio
        evaluation.action_submit()
        evaluation.action_approve()
        return evaluation

    def test_website_tour(self):
        # what the tour expects to read
        self.assertEqual(self.eval_a.criterion_id.max_total, 100)
        self.assertEqual((self.eval_a.reviewed_total, self.eval_a.classification), (100, "excellent"))
        self.assertEqual((self.eval_b.reviewed_total, self.eval_b.classification), (75, "good"))
        self.assertEqual((self.eval_a_old.reviewed_total, self.eval_a_old.classification), (55, "completed"))
        self.assertNotEqual(self.year, "2024-2025")
        # the movement's page links to the ranking of the movement's year
        page = self.url_open(self.movement.website_url).text
        self.assertIn(f'/union/emulation/ranking?year={self.year}"', page)  # after a /vi prefix, if any
        Registration = self.env["union.emulation.registration"]
        self.assertFalse(Registration.search([("member_id", "=", self.member_a1.id)]))

        self.start_tour("/union/emulation", "union_emulation_website", login=self.user_portal_a1.login)

        registration = Registration.search([("member_id", "=", self.member_a1.id)])
        self.assertEqual(len(registration), 1)
        self.assertEqual(registration.movement_id, self.movement)
        self.assertEqual(registration.registrant_type, "member")
        self.assertEqual(registration.organization_id, self.unit_a)
        self.assertEqual(registration.state, "registered")
        self.assertEqual(registration.note, "Phấn đấu đạt Lao động tiên tiến năm học này")
        self.assertEqual(registration.date_registered, self.today)
        # the ranking itself is read-only: the tour changed none of the results
        self.assertEqual((self.eval_a | self.eval_b | self.eval_a_old).mapped("state"), ["approved"] * 3)

    def test_website_menu_leads_to_movements(self):
        """Visitors find the movements from the website's main menu."""
        menus = self.env["website.menu"].search([("url", "=", "/union/emulation")])
        self.assertTrue(menus.filtered("website_id"), "every website gets its own menu entry")
        response = self.url_open("/")
        self.assertEqual(response.status_code, 200)
        self.assertIn('href="/union/emulation"', response.text.replace("/vi/union", "/union"))

    def test_ranking_year_asked_before_results(self):
        """A year without approved results yet (a movement still running) is shown as such."""
        response = self.url_open("/union/emulation/ranking?year=2030-2031")
        self.assertEqual(response.status_code, 200)
        self.assertIn("union-ranking-empty", response.text)
        self.assertNotIn(self.unit_a.name, response.text)
        self.assertIn('data-year="2024-2025"', response.text)   # the years with results stay offered
        # no year, or a malformed one: the latest year with results
        for url in ("/union/emulation/ranking", "/union/emulation/ranking?year=<b>x</b>"):
            response = self.url_open(url)
            self.assertIn(f'<span class="union-ranking-year">{self.year}</span>', response.text)
            self.assertNotIn("<b>x</b>", response.text)

    def test_movement_page_registration_states(self):
        """The page offers the registration form to a covered member, and says when they registered."""
        self.authenticate(self.user_portal_a1.login, self.user_portal_a1.login)
        page = self.url_open(self.movement.website_url).text
        self.assertIn("union-movement-register-form", page)
        self.env["union.emulation.registration"].create({
            "movement_id": self.movement.id, "member_id": self.member_a1.id})
        page = self.url_open(self.movement.website_url).text
        self.assertNotIn("union-movement-register-form", page)
        self.assertIn("union-movement-registered", page)
        # a public visitor gets the link to the portal (which asks to log in)
        self.logout()
        page = self.url_open(self.movement.website_url).text
        self.assertNotIn("union-movement-register-form", page)
        self.assertRegex(page, r'href="(/vi)?/my/union/emulation"')

    def test_portal_unit_results_reach_group_members(self):
        """A member of a trade-union group sees the results of the grassroots union above the group."""
        user_a2 = new_test_user(
            self.env, login="t_portal_a2", name=self.member_a2.name,
            groups="base.group_portal,union_membership.group_union_member",
            partner_id=self.member_a2.partner_id.id)
        self.assertEqual(self.member_a2.organization_id, self.group_a)
        self.authenticate(user_a2.login, user_a2.login)
        page = self.url_open("/my/union/emulation").text
        self.assertIn(self.eval_a.name, page)
        self.assertIn(self.eval_a_old.name, page)
        self.assertNotIn(self.eval_b.name, page)
        # and a member of unit B sees unit B's only
        user_b1 = new_test_user(
            self.env, login="t_portal_b1", name=self.member_b1.name,
            groups="base.group_portal,union_membership.group_union_member",
            partner_id=self.member_b1.partner_id.id)
        self.authenticate(user_b1.login, user_b1.login)
        page = self.url_open("/my/union/emulation").text
        self.assertIn(self.eval_b.name, page)
        self.assertNotIn(self.eval_a.name, page)
