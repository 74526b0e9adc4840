from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from .common import UnionFinanceCommon

UNION_CODES = {
    "union_dues_receivable_account_id": "13881",
    "union_dues_income_account_id": "5182",
    "union_dues_upward_account_id": "33681",
    "union_fund_receivable_account_id": "13882",
    "union_fund_income_account_id": "5181",
    "union_fund_upward_account_id": "33682",
    "union_upper_payable_account_id": "33683",
    "union_welfare_expense_account_id": "61131",
}
OLD_CODES = ("138801", "711801", "338801", "138802", "711802", "338802", "331801", "811801")


@tagged("post_install", "-at_install")
class TestUnionChart(UnionFinanceCommon):
    """A company loaded with the union chart (template vn_union)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.union_company = cls.env["res.company"].create({"name": "Công đoàn Công ty Y"})
        cls.env["account.chart.template"].try_loading("vn_union", cls.union_company, install_demo=False)
        cls.env.user.company_ids |= cls.union_company

    def _code(self, account):
        return account.with_company(self.union_company).code

    def test_template_is_offered_for_vietnam(self):
        mapping = self.env["account.chart.template"]._get_chart_template_mapping()
        self.assertIn("Thông tư 24/2024/TT-BTC", mapping["vn_union"]["name"])
        self.assertEqual(mapping["vn_union"]["country_id"], self.env.ref("base.vn").id)
        self.assertEqual(mapping["vn_union"]["module"], "union_finance")

    def test_company_fields_journals_and_accounts(self):
        company = self.union_company
        self.assertEqual(company.chart_template, "vn_union")
        self.assertEqual(company.currency_id, self.env.ref("base.VND"))
        self.assertEqual({field: self._code(company[field]) for field in UNION_CODES}, UNION_CODES)
        self.assertEqual(company.union_dues_income_account_id.account_type, "income",
                         "the union's revenue, not 711 other income")
        self.assertEqual(company.union_welfare_expense_account_id.account_type, "expense")
        self.assertEqual(company.union_upper_payable_account_id.account_type, "liability_payable")
        self.assertEqual((company.union_dues_journal_id.code, company.union_fund_journal_id.code),
                         ("ĐPCĐ", "KPCĐ"))
        self.assertEqual((company.union_dues_payment_journal_id.type,
                          self._code(company.union_dues_payment_journal_id.default_account_id)),
                         ("bank", "1121"))
        self.assertEqual((company.union_dues_cash_journal_id.type,
                          self._code(company.union_dues_cash_journal_id.default_account_id)),
                         ("cash", "1111"))
        Account = self.env["account.account"].with_company(company)
        codes = set(Account.search(Account._check_company_domain(company)).mapped("code"))
        self.assertFalse(codes & set(OLD_CODES), "no account of the other charts is created")
        for code in ("1131", "1132", "1133", "1138", "1368", "1388", "1410", "3368", "3388",
                     "4211", "4311", "5151", "5183", "5184", "61131", "61132", "61133", "61134",
                     "61140", "6151"):
            self.assertIn(code, codes)
        self.assertEqual(company.union_dues_income_account_id.with_company(company).group_id.name,
                         "Thu hoạt động công đoàn")
        self.assertEqual(company.union_welfare_expense_account_id.with_company(company).group_id.name,
                         "Chi phí hoạt động")
        self.assertEqual(self._code(company.transfer_account_id), "1133")
        self.assertEqual(self._code(company.account_journal_suspense_account_id), "1138")
        outstanding = self.env["account.chart.template"].with_company(company).ref(
            "account_journal_payment_debit_account_id")
        self.assertEqual(self._code(outstanding), "1131", "receipts waiting for the statement: 113")
        receivable = self.env["ir.default"]._get(
            "res.partner", "property_account_receivable_id", company_id=company.id)
        self.assertEqual(self._code(Account.browse(receivable)), "1388")
        payable = self.env["ir.default"]._get(
            "res.partner", "property_account_payable_id", company_id=company.id)
        self.assertEqual(self._code(Account.browse(payable)), "3310")
        # the setup of the other charts finds everything in place
        before = Account.search_count([])
        company._union_finance_setup_accounting()
        self.assertEqual(Account.search_count([]), before)

    def test_dues_run_posts_on_union_accounts(self):
        company = self.union_company
        unit = self.env["union.organization"].create({
            "name": "Công đoàn Công ty Y", "code": "T-Y", "level": "grassroots",
            "parent_id": self.upper.id, "funding_type": "enterprise", "company_id": company.id})
        member = self.env["union.member"].create({
            "name": "Đỗ Văn Nam", "organization_id": unit.id, "date_joined": date(2020, 1, 1)})
        self.env["union.member.dues.base"].create({
            "member_id": member.id, "date_start": date(2020, 1, 1), "amount": 8_000_000})
        run = self.env["union.dues.run"].with_company(company).create(
            {"organization_id": unit.id, "month": date(2025, 7, 1)})
        run.action_compute()
        run.action_confirm()
        move = run.move_ids
        self.assertEqual((move.company_id, move.journal_id), (company, company.union_dues_journal_id))
        by_code = {}
        for aml in move.line_ids:
            code = self._code(aml.account_id)
            by_code[code] = by_code.get(code, 0) + aml.balance
        # 0.5% of 8,000,000; 70% kept, 30% owed upward (336)
        self.assertEqual(by_code, {"13881": 40_000, "5182": -28_000, "33681": -12_000})


@tagged("post_install", "-at_install")
class TestUnionChartCutover(UnionFinanceCommon):
    """A company with posted dues on the accounts of another chart moves to the union chart."""

    def _balances(self, codes, date_from=None, day=None):
        company = self.company
        Account = self.env["account.account"].with_company(company)
        accounts = Account.search([*Account._check_company_domain(company), ("code", "in", codes)])
        domain = [("company_id", "=", company.id), ("parent_state", "=", "posted"),
                  ("account_id", "in", accounts.ids)]
        if date_from:
            domain.append(("date", ">=", date_from))
        if day:
            domain.append(("date", "<=", day))
        result = dict.fromkeys(codes, 0)
        for aml in self.env["account.move.line"].search(domain):
            result[aml.account_id.with_company(company).code] += aml.balance
        return result

    def _cutover(self, day, user=None, lang=None):
        Wizard = self.env["union.chart.cutover"].with_user(user or self.user_accountant)
        if lang:
            Wizard = Wizard.with_context(lang=lang)
        wizard = Wizard.create({"company_id": self.company.id, "date": day})
        wizard.action_cutover()
        return wizard

    @freeze_time("2025-08-20")
    def test_cutover_moves_balances_once(self):
        self.assertEqual(self.company.union_dues_receivable_account_id.with_company(self.company).code,
                         "138801")
        run = self._run(self.unit_a, date(2025, 7, 1))
        a1 = run.line_ids.filtered(lambda line: line.member_id == self.member_a1)
        a2 = run.line_ids.filtered(lambda line: line.member_id == self.member_a2)
        with Form(self.env["union.dues.payment"].with_user(self.user_accountant)) as form:
            form.kind = "cash"
            form.member_id = self.member_a1
        form.record.action_post()
        self.assertEqual((a1.payment_state, a2.payment_state), ("paid", "unpaid"))
        day = date(2025, 8, 20)
        with self.assertRaisesRegex(UserError, "138801"):
            self._cutover(date(2025, 8, 19))  # a1's payment of 20/08 would stay behind
        old = self._balances(["138801", "711801", "338801"], date_from=date(2025, 1, 1))
        self.assertEqual(old, {"138801": 300_000, "711801": -271_600, "338801": -116_400})

        wizard = self._cutover(day)
        move = wizard.move_id
        self.assertEqual((move.state, move.date), ("posted", day))
        self.assertEqual(self._balances(["138801", "338801"], day=day), {"138801": 0, "338801": 0})
        self.assertEqual(self._balances(["711801"], date_from=date(2025, 1, 1), day=day),
                         {"711801": 0})
        self.assertEqual(self._balances(["13881", "5182", "33681"], day=day),
                         {"13881": 300_000, "5182": -271_600, "33681": -116_400})
        company = self.company
        self.assertEqual(
            {field: company[field].with_company(company).code for field in UNION_CODES}, UNION_CODES)
        # the unpaid unit's item now waits on the union account, and is settled there
        carried = self.env["account.move.line"].search([
            ("move_id", "=", move.id), ("account_id", "=", company.union_dues_receivable_account_id.id),
            ("partner_id", "=", self.group_a.partner_id.id)])
        self.assertEqual((len(carried), carried.amount_residual), (1, 300_000))
        self.assertEqual((a1.payment_state, a2.payment_state, a2.amount_residual),
                         ("paid", "unpaid", 300_000))
        with Form(self.env["union.dues.payment"].with_user(self.user_accountant)) as form:
            form.kind = "cash"
            form.member_id = self.member_a2
        form.record.action_post()
        self.assertEqual(a2.payment_state, "paid")
        self.assertTrue(carried.reconciled)

        # a second run writes nothing
        counts = (self.env["account.move"].search_count([]), self.env["account.account"].search_count([]))
        again = self._cutover(day)
        self.assertFalse(again.move_id)
        self.assertEqual(
            (self.env["account.move"].search_count([]), self.env["account.account"].search_count([])),
            counts)
        self.assertEqual(
            {field: company[field].with_company(company).code for field in UNION_CODES}, UNION_CODES)

    @freeze_time("2025-08-20")
    def test_cutover_refused_in_locked_period(self):
        self._run(self.unit_a, date(2025, 7, 1))
        self.company.fiscalyear_lock_date = date(2025, 7, 31)
        with self.assertRaisesRegex(UserError, "31/07/2025"):
            self._cutover(date(2025, 7, 31))
        if self.env["res.lang"]._lang_get("vi_VN").active:
            with self.assertRaisesRegex(UserError, "đã khóa sổ"):
                self._cutover(date(2025, 7, 15), lang="vi_VN")
        self.assertEqual(self.company.union_dues_receivable_account_id.with_company(self.company).code,
                         "138801", "nothing switched")

    def test_cutover_for_accountants_only(self):
        with self.assertRaises(AccessError):
            self._cutover(date(2025, 8, 20), user=self.user_officer_a)
        clerk = new_test_user(self.env, login="t_clerk", groups="base.group_user")
        with self.assertRaises(AccessError):
            self._cutover(date(2025, 8, 20), user=clerk)
        # an accountant cannot cut over a company that is not theirs
        other = self.env["res.company"].create({"name": "Công đoàn Công ty Z"})
        wizard = self.env["union.chart.cutover"].with_user(self.user_accountant).create(
            {"company_id": other.id, "date": date(2025, 8, 20)})
        with self.assertRaises(AccessError):
            wizard.action_cutover()
        self.assertFalse(other.union_dues_receivable_account_id)

    def test_mapping_is_data(self):
        mapping = self.env["union.chart.mapping"]._get_mapping(self.company)
        self.assertEqual(mapping["138801"], "13881")
        self.assertEqual(mapping["711802"], "5181")
        self.assertEqual(mapping["811801"], "61131")
        with self.assertRaises(AccessError):
            self.env["union.chart.mapping"].with_user(self.user_accountant).create(
                {"old_code": "1111", "new_code": "1112"})
        row = self.env.ref("union_finance.union_chart_mapping_138801")
        with self.assertRaises(AccessError):
            row.with_user(self.user_accountant).write({"new_code": "1111"})
        with self.assertRaises(AccessError):
            row.with_user(self.user_accountant).unlink()
        for user in (self.user_officer_a, self.user_portal_a1):
            with self.assertRaises(AccessError):
                self.env["union.chart.mapping"].with_user(user).search_read([], ["old_code"])
        admin_row = row.with_user(self.user_admin)
        admin_row.new_code = "1388"
        self.assertEqual(self.env["union.chart.mapping"]._get_mapping(self.company)["138801"], "1388")
        with self.assertRaises(ValidationError):
            admin_row.new_code = "138801"


@tagged("post_install", "-at_install")
class TestUnionVouchers(UnionFinanceCommon):
    """Receipt C40-BB and payment voucher C41-BB: the legend names Circular
    24/2024/TT-BTC and "Quyển số" is the voucher book of the journal."""

    def _render(self, report, records):
        return self.env["ir.actions.report"]._render_qweb_html(report, records.ids)[0].decode()

    def test_receipt_legend_and_book(self):
        self._run(self.unit_a, date(2025, 7, 1))
        self.company.union_dues_cash_journal_id.union_voucher_book = "07"
        with Form(self.env["union.dues.payment"].with_user(self.user_accountant)) as form:
            form.kind = "cash"
            form.member_id = self.member_a1
        payment = form.record
        payment.action_post()
        html = self._render("union_finance.union_dues_receipt_document", payment)
        self.assertIn("C40-BB", html)
        self.assertIn("24/2024/TT-BTC", html)
        self.assertNotIn("107/2017", html)
        self.assertIn('class="voucher-book">07<', html)
        self.assertNotIn(f'class="voucher-book">{payment.date.year}<', html)
        vi = self.env["ir.actions.report"].with_context(lang="vi_VN")._render_qweb_html(
            "union_finance.union_dues_receipt_document", payment.ids)[0].decode()
        if self.env["res.lang"]._lang_get("vi_VN").active:
            self.assertIn("Ban hành kèm theo Thông tư số 24/2024/TT-BTC", vi)
            self.assertIn("Quyển số", vi)

    def test_payment_voucher_legend_and_book(self):
        self.company.union_dues_cash_journal_id.union_voucher_book = "03"
        request = self.env["union.welfare.request"].with_user(self.user_officer_a).create({
            "member_id": self.member_a2.id, "kind_id": self.env.ref(
                "union_finance.union_welfare_kind_sickness").id,
            "date": date(2025, 8, 1), "description": "Ốm nằm viện", "amount": 500_000})
        request.action_approve()
        request = request.with_user(self.user_accountant)
        request.payment_date = date(2025, 8, 5)
        request.action_pay()
        html = self._render("union_finance.union_payment_voucher_document", request)
        self.assertIn("C41-BB", html)
        self.assertIn("24/2024/TT-BTC", html)
        self.assertIn('class="voucher-book">03<', html)
