from datetime import date
from unittest.mock import patch

from odoo.tests import HttpCase, tagged

from .common import UnionFinanceCommon


@tagged("post_install", "-at_install")
class TestDuesPortal(UnionFinanceCommon, HttpCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.june = cls._run(cls.unit_a, date(2025, 6, 1))
        cls.july = cls._run(cls.unit_a, date(2025, 7, 1))
        cls.a1_june = cls.june.line_ids.filtered(lambda line: line.member_id == cls.member_a1)
        cls.a1_july = cls.july.line_ids.filtered(lambda line: line.member_id == cls.member_a1)
        cls.a2_july = cls.july.line_ids.filtered(lambda line: line.member_id == cls.member_a2)
        cls.env["union.dues.payment"].create({
            "kind": "cash", "organization_id": cls.unit_a.id, "member_id": cls.member_a1.id,
            "amount": 176_000}).action_post()

    def test_member_dues_page(self):
        self.assertEqual(self.a1_june.payment_state, "paid")
        self.authenticate("t_portal_a1", "t_portal_a1")
        response = self.url_open("/my/union/dues")
        self.assertEqual(response.status_code, 200)
        html = response.text
        self.assertIn(self.a1_july.payment_reference, html)
        self.assertIn(self.a1_june.payment_reference, html)
        self.assertNotIn(self.a2_july.payment_reference, html, "another member's dues never show")
        self.assertIn("union-dues-paid", html)
        self.assertIn("88.000", html)
        # one VietQR code, for the unpaid month, to the unit's account, with the reference
        self.assertEqual(html.count('class="union-dues-qr"'), 1)
        payload = self.unit_a.dues_bank_account_id._get_qr_vals(
            "emv_qr", 88_000.0, self.env.ref("base.VND"), self.member_a1.partner_id,
            self.a1_july.payment_reference, self.a1_july.payment_reference)
        self.assertIn(f'data-payload="{payload}"', html)
        self.assertIn("0011004455667", payload)
        self.assertIn(self.a1_july.payment_reference.replace("-", ""), payload.replace("-", ""))

    def test_portal_tour(self):
        """In a browser: the member's dues with the VietQR code, then a welfare
        request refused for a short description and sent once corrected."""
        self.start_tour("/my", "union_finance_portal_tour", login="t_portal_a1")
        request = self.env["union.welfare.request"].search([("member_id", "=", self.member_a1.id)])
        self.assertEqual(len(request), 1, "the refused form wrote nothing")
        self.assertEqual(request.description, "Nằm viện điều trị sốt xuất huyết")
        self.assertEqual(request.kind_id, self.env.ref("union_finance.union_welfare_kind_sickness"))
        self.assertEqual(str(request.date), "2025-08-20")
        self.assertEqual(request.state, "submitted")

    def test_portal_home_counter(self):
        self.authenticate("t_portal_a1", "t_portal_a1")
        home = self.url_open("/my")
        self.assertIn("/my/union/dues", home.text)
        counters = self.make_jsonrpc_request("/my/counters", {"counters": ["union_dues_count"]})
        self.assertEqual(counters["union_dues_count"], 1)

    def test_officer_without_member_record_sees_empty_page(self):
        self.authenticate("t_officer_b", "t_officer_b")
        response = self.url_open("/my/union/dues")
        self.assertEqual(response.status_code, 200)
        self.assertNotIn(self.a1_july.payment_reference, response.text)


@tagged("post_install", "-at_install")
class TestDuesPortalQueries(UnionFinanceCommon, HttpCase):
    """The SQL queries of the dues page do not grow with the number of dues lines
    (no query per line, per month or per QR code) and stay few."""

    #: queries of one dues page of a logged-in member, caches warm (12 when measured)
    MAX_QUERIES = 20

    def _page_queries(self):
        self.url_open("/my/union/dues")  # warms the registry caches (views, assets, rules)
        before = self.cr.sql_log_count
        response = self.url_open("/my/union/dues")
        self.assertEqual(response.status_code, 200)
        return self.cr.sql_log_count - before, response.text

    def test_dues_page_queries_do_not_grow_with_lines(self):
        runs = [self._run(self.unit_a, date(2025, month, 1)) for month in (1, 2)]
        self.authenticate("t_portal_a1", "t_portal_a1")
        few, html = self._page_queries()
        self.assertGreater(few, 3, "the requests' queries are counted")
        self.assertEqual(html.count('class="union-dues-qr"'), 2)
        runs += [self._run(self.unit_a, date(2025, month, 1)) for month in range(3, 9)]
        many, html = self._page_queries()
        self.assertEqual(html.count('class="union-dues-qr"'), 8, "one QR code per unpaid month")
        for run in runs:
            self.assertIn(self._lines(run, self.member_a1).payment_reference, html)
        self.assertEqual(many, few, "a query per dues line: %s with 2 lines, %s with 8" % (few, many))
        self.assertLessEqual(many, self.MAX_QUERIES)

    def test_dues_page_uses_a_light_main_object(self):
        """website.layout calls main_object.fields_get() 4 times for a logged-in visitor:
        the dues and welfare pages give it an empty portal.mixin instead of the page's ir.ui.view."""
        self._run(self.unit_a, date(2025, 1, 1))
        self.authenticate("t_portal_a1", "t_portal_a1")
        calls = []
        View = type(self.env["ir.ui.view"])
        fields_get = View.fields_get

        def spy(model, *args, **kwargs):
            calls.append(model._name)
            return fields_get(model, *args, **kwargs)

        with patch.object(View, "fields_get", spy):
            for url in ("/my/union/dues", "/my/union/welfare"):
                self.assertEqual(self.url_open(url).status_code, 200)
        self.assertEqual(calls, [])
