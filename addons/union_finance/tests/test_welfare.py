from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged

from .common import UnionFinanceCommon


class UnionWelfareCommon(UnionFinanceCommon):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.kind_sickness = cls.env.ref("union_finance.union_welfare_kind_sickness")
        cls.kind_bereavement = cls.env.ref("union_finance.union_welfare_kind_bereavement")

    @classmethod
    def _request(cls, member, kind, amount=500_000, user=None, day=date(2025, 8, 1)):
        return cls.env["union.welfare.request"].with_user(user or cls.user_officer_a).create({
            "member_id": member.id, "kind_id": kind.id, "date": day,
            "description": "Ốm nằm viện điều trị dài ngày", "amount": amount})


@tagged("post_install", "-at_install")
class TestWelfare(UnionWelfareCommon):

    def test_officer_enters_approves_accountant_pays(self):
        req = self._request(self.member_a2, self.kind_sickness)
        self.assertEqual(req.organization_id, self.group_a, "the member's own unit")
        self.assertEqual(req.category, "care")
        req.action_approve()
        self.assertEqual(req.state, "approved")
        self.assertEqual(req.approved_by_id, self.user_officer_a)
        with self.assertRaises(AccessError):
            req.action_pay()
        req = req.with_user(self.user_accountant)
        req.payment_date = date(2025, 8, 5)
        req.action_pay()
        self.assertEqual(req.state, "paid")
        move = req.move_id
        self.assertEqual(move.state, "posted")
        self.assertEqual(move.journal_id, self.company.union_dues_cash_journal_id)
        expense = move.line_ids.filtered(lambda aml: aml.debit)
        self.assertEqual(expense.account_id, self.company.union_welfare_expense_account_id)
        self.assertEqual(expense.debit, 500_000)
        # no member is a partner on a journal item: the paying unit's partner, the member named
        self.assertEqual(move.line_ids.partner_id, req.organization_id.partner_id)
        self.assertNotEqual(expense.partner_id, self.member_a2.partner_id)
        self.assertIn(self.member_a2.name, expense.name)
        with self.assertRaises(UserError):
            req.amount = 1
        with self.assertRaises(UserError):
            req.action_pay()
        # the payment voucher (C41-BB)
        html = self.env["ir.actions.report"]._render_qweb_html(
            "union_finance.union_welfare_payment_voucher_report_action", req.ids)[0].decode()
        self.assertIn("C41-BB", html)
        self.assertIn(f'class="voucher-number">{move.name}<', html)
        self.assertIn(f'class="voucher-receiver">{self.member_a2.name}<', html)
        self.assertIn('class="voucher-amount">500.000<', html)
        self.assertIn("Năm trăm nghìn đồng", html)
        self.assertIn(f'class="voucher-debit">{self.company.union_welfare_expense_account_id.code}<', html)

    def test_title_in_the_readers_language(self):
        """A request entered in English (the demo's, an English-speaking user's) is titled in
        Vietnamese for a Vietnamese officer: the title follows the translated kind."""
        req = self._request(self.member_a2, self.kind_sickness).with_context(lang="en_US")
        self.assertEqual(req.name, f"Sickness visit - {self.member_a2.name}")
        if self.env["res.lang"]._lang_get("vi_VN").active:
            self.assertEqual(req.with_context(lang="vi_VN").name, f"Thăm hỏi ốm đau - {self.member_a2.name}")
            self.assertEqual(req.with_context(lang="vi_VN").display_name, f"Thăm hỏi ốm đau - {self.member_a2.name}")
        Request = self.env["union.welfare.request"].with_user(self.user_officer_a)
        self.assertIn(req, Request.search([("display_name", "ilike", self.member_a2.name)]))
        self.assertIn(req, Request.search([("display_name", "ilike", "Sickness")]))
        self.assertEqual(Request.name_search(self.member_a2.name)[0][0], req.id)

    def test_no_payment_voucher_before_payment(self):
        req = self._request(self.member_a2, self.kind_sickness)
        req.action_approve()
        with self.assertRaises(UserError):
            self.env["ir.actions.report"]._render_qweb_html(
                "union_finance.union_welfare_payment_voucher_report_action", req.ids)

    def test_approval_needs_an_amount_and_refusal(self):
        req = self._request(self.member_a1, self.kind_sickness, amount=0)
        with self.assertRaises(UserError):
            req.action_approve()
        req.action_refuse()
        self.assertEqual(req.state, "refused")
        with self.assertRaises(UserError):
            req.action_pay()

    def test_access(self):
        req_a = self._request(self.member_a1, self.kind_sickness)
        req_b = self._request(self.member_b1, self.kind_sickness, user=self.user_officer_b)
        Req = self.env["union.welfare.request"]
        self.assertEqual(Req.with_user(self.user_officer_a).search([]), req_a)
        self.assertEqual(Req.with_user(self.user_upper).search([]), req_a | req_b)
        with self.assertRaises(AccessError):
            req_b.with_user(self.user_officer_a).read(["amount"])
        with self.assertRaises(AccessError):
            self._request(self.member_b1, self.kind_sickness, user=self.user_officer_a)
        # the member sees their own request only, and cannot grant or approve
        self.assertEqual(Req.with_user(self.user_portal_a1).search([]), req_a)
        with self.assertRaises(AccessError):
            req_a.with_user(self.user_portal_a1).write({"amount": 9_000_000})
        with self.assertRaises(AccessError):
            req_a.with_user(self.user_portal_a1).action_approve()
        own = self._request(self.member_a1, self.kind_sickness, amount=9_000_000, user=self.user_portal_a1)
        self.assertEqual((own.amount, own.channel, own.state), (0, "portal", "draft"))
        with self.assertRaises(AccessError):
            self._request(self.member_b1, self.kind_sickness, user=self.user_portal_a1)

    def test_yearly_report_against_qd_4290(self):
        # dues of July 2025 for unit A: a1 88,000 paid; kept 70% = 61,600
        run = self._run(self.unit_a, date(2025, 7, 1))
        self.assertTrue(run.move_ids)
        self.env["union.dues.payment"].create({
            "kind": "cash", "organization_id": self.unit_a.id, "member_id": self.member_a1.id,
            "amount": 88_000, "date": date(2025, 8, 5)}).action_post()
        req = self._request(self.member_a1, self.kind_sickness, amount=20_000)
        req.action_approve()
        req.with_user(self.user_accountant).write({"payment_date": date(2025, 9, 1)})
        req.with_user(self.user_accountant).action_pay()
        report = self.env["union.welfare.norm.report"].with_user(self.user_officer_a).create(
            {"organization_id": self.unit_a.id, "year": 2025})
        data = report._get_report_data()
        self.assertEqual(data["kept_dues"], 61_600)
        rows = {row["category"]: row for row in data["rows"]}
        self.assertEqual(rows["care"]["spent"], 20_000)
        self.assertEqual(rows["care"]["limit_amount"], 24_640)  # at least 40%
        self.assertFalse(rows["care"]["ok"])
        self.assertTrue(rows["allowance"]["ok"])
        self.assertIn("61,600 VND", report.result_html)
        # in Vietnamese: 61.600 đồng
        report.invalidate_recordset(["result_html"])
        self.assertIn("61.600 đồng", report.with_context(lang="vi_VN").result_html)
        report.invalidate_recordset(["result_html"])
        self.assertIn("table-danger", report.result_html)
        # the proportions are data: lowering the care norm makes it pass
        self.env["union.spending.norm"].create({
            "date_start": date(2025, 1, 1), "category": "care", "comparison": "min", "percent": 30})
        rows = {row["category"]: row for row in report._get_report_data()["rows"]}
        self.assertTrue(rows["care"]["ok"])
        # another unit's report: refused as soon as the unit is chosen, and when computed
        with self.assertRaises(AccessError):
            self.env["union.welfare.norm.report"].with_user(self.user_officer_b).create(
                {"organization_id": self.unit_a.id, "year": 2025})
        other = self.env["union.welfare.norm.report"].with_user(self.user_officer_b).create(
            {"organization_id": self.unit_b.id, "year": 2025})
        with self.assertRaises(AccessError):
            other.with_user(self.user_officer_b).organization_id = self.unit_a
        other.sudo().organization_id = self.unit_a  # set behind the check: still refused
        with self.assertRaises(AccessError):
            other.with_user(self.user_officer_b)._get_report_data()


@tagged("post_install", "-at_install")
class TestWelfarePortal(UnionWelfareCommon, HttpCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.req_a2 = cls._request(cls.member_a2, cls.kind_bereavement)


    def test_member_asks_and_sees_own_requests(self):
        own = self._request(self.member_a1, self.kind_bereavement, amount=1_000_000)
        self.authenticate("t_portal_a1", "t_portal_a1")
        page = self.url_open("/my/union/welfare")
        self.assertEqual(page.status_code, 200)
        self.assertIn("union-welfare-form", page.text)
        self.assertIn("1.000.000", page.text)
        self.assertNotIn(self.req_a2.description + "x", page.text)
        self.assertEqual(page.text.count("union-welfare-request "), 1, "only the member's own request")
        self.assertIn(own.description, page.text)  # the page may be in Vietnamese
        response = self.url_open("/my/union/welfare", data={
            "csrf_token": self._csrf(), "kind": "sickness", "date": "2025-03-02",
            "description": "Nằm viện 7 ngày do sốt xuất huyết", "amount": "500.000"})
        self.assertEqual(response.status_code, 200)
        self.assertIn("union-welfare-created", response.text)
        created = self.env["union.welfare.request"].search(
            [("member_id", "=", self.member_a1.id), ("channel", "=", "portal")])
        self.assertEqual(len(created), 1)
        self.assertEqual((created.state, created.amount_requested, created.amount, created.kind_id),
                         ("submitted", 500_000, 0, self.kind_sickness))
        counters = self.make_jsonrpc_request("/my/counters", {"counters": ["union_welfare_count"]})
        self.assertEqual(counters["union_welfare_count"], 2)

    def test_bad_input_writes_nothing(self):
        self.authenticate("t_portal_a1", "t_portal_a1")
        response = self.url_open("/my/union/welfare", data={
            "csrf_token": self._csrf(), "kind": "holiday", "date": "2999-01-01",
            "description": "ốm", "amount": "-3"})
        self.assertEqual(response.status_code, 400)
        html = response.text
        self.assertIn("union-welfare-errors", html)
        # one message per bad field (language-independent: the page may be in Vietnamese)
        errors = html[html.index("union-welfare-errors"):]
        errors = errors[:errors.index("</ul>")]
        self.assertEqual(errors.count("<li>"), 4)
        for name in ("kind", "date", "description", "amount"):
            start = html.index(f'name="{name}" id="{name}"')
            tag = html[start:html.index(">", start)]
            self.assertIn("is-invalid", tag, f"the field {name} is marked")
        self.assertIn("2999-01-01", html, "what was typed is kept")
        self.assertFalse(self.env["union.welfare.request"].search(
            [("member_id", "=", self.member_a1.id)]))

    def test_tampered_input_comes_back_with_its_error(self):
        """A posted amount that ``isdigit()`` let through ("²": int() refused it) or one of
        hundreds of digits (Monetary's float() overflowed) gave a server error (500); a date or
        kind sent by hand neither: each comes back as the form with its error, nothing written."""
        self.authenticate("t_portal_a1", "t_portal_a1")
        csrf = self._csrf()
        good = {"csrf_token": csrf, "kind": "sickness", "date": "2025-03-02",
                "description": "Nằm viện 7 ngày do sốt xuất huyết", "amount": "500.000"}
        cases = [
            ("amount", "²"), ("amount", "5²"), ("amount", "٣٠٠"), ("amount", "9" * 400),
            ("amount", "99999999999999999999"), ("amount", "1.000.000.000.001"),
            ("amount", "1e9"), ("amount", "0"),
            ("date", "99999999999999999999"), ("date", "2025-02-30"), ("date", "²"),
            ("kind", "99999999999999999999"), ("kind", "²"),
        ]
        for name, value in cases:
            with self.subTest(field=name, value=value[:30]):
                response = self.url_open("/my/union/welfare", data=dict(good, **{name: value}))
                self.assertEqual(response.status_code, 400)
                html = response.text
                errors = html[html.index("union-welfare-errors"):]
                errors = errors[:errors.index("</ul>")]
                self.assertEqual(errors.count("<li>"), 1, "one message, for the bad field")
                start = html.index(f'name="{name}" id="{name}"')
                self.assertIn("is-invalid", html[start:html.index(">", start)])
        self.assertFalse(self.env["union.welfare.request"].search(
            [("member_id", "=", self.member_a1.id)]))
        # a NUL character (PostgreSQL refuses it) is removed from every page's parameters
        # (union_membership's ir.http): the request is kept without it
        self.url_open("/my/union/welfare", data=dict(good, description="Nằm viện 7 ngày\x00 do sốt xuất huyết"))
        request = self.env["union.welfare.request"].search([("member_id", "=", self.member_a1.id)])
        self.assertEqual(request.description, "Nằm viện 7 ngày do sốt xuất huyết")

    def test_amount_limit(self):
        """At most 10^12 VND: above, the message names the field and the value typed (its
        start when it is long); the limit itself is accepted."""
        self.authenticate("t_portal_a1", "t_portal_a1")
        post = {"csrf_token": self._csrf(), "kind": "sickness", "date": "2025-03-02",
                "description": "Nằm viện 7 ngày do sốt xuất huyết"}
        for typed, shown in (("1.000.000.000.001", "1.000.000.000.001"),
                             ("9" * 400, "9" * 20 + "…")):
            html = self.url_open("/my/union/welfare", data=dict(post, amount=typed)).text
            errors = html[html.index("union-welfare-errors"):]
            errors = errors[:errors.index("</ul>")]
            self.assertIn(shown, errors)
            self.assertIn("1.000.000.000.000", errors, "the limit")
            self.assertNotIn("9" * 25, errors, "not the whole tampered value")
        self.assertFalse(self.env["union.welfare.request"].search(
            [("member_id", "=", self.member_a1.id)]))
        response = self.url_open("/my/union/welfare", data=dict(post, amount="1.000.000.000.000"))
        self.assertIn("union-welfare-created", response.text)
        created = self.env["union.welfare.request"].search([("member_id", "=", self.member_a1.id)])
        self.assertEqual(created.amount_requested, 10**12)

    def _csrf(self):
        page = self.url_open("/my/union/welfare")
        marker = 'name="csrf_token" value="'
        start = page.text.index(marker) + len(marker)
        return page.text[start:page.text.index('"', start)]
