from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import UnionFinanceCommon


@tagged("post_install", "-at_install")
class TestFinanceRules(UnionFinanceCommon):

    def test_seed_data(self):
        """The rules of DOMAIN.md are seeded as dated records."""
        salaries = {rec.date_start: rec.amount for rec in self.env["union.base.salary"].search([])}
        self.assertEqual(salaries[date(2019, 7, 1)], 1_490_000)
        self.assertEqual(salaries[date(2023, 7, 1)], 1_800_000)
        self.assertEqual(salaries[date(2024, 7, 1)], 2_340_000)
        self.assertEqual(salaries[date(2026, 7, 1)], 2_530_000)
        rule = self.env.ref("union_finance.union_dues_rule_2025_employee")
        self.assertEqual((rule.date_start, rule.rate, rule.cap_multiple), (date(2025, 7, 1), 0.5, 0.1))
        old_public = self.env.ref("union_finance.union_dues_rule_2017_public")
        self.assertEqual((old_public.rate, old_public.cap_multiple), (1.0, 0.0))
        shares = {rec.date_start.year: (rec.dues_kept_percent, rec.fund_kept_percent)
                  for rec in self.env["union.share.rule"].search([])}
        self.assertEqual(shares, {2017: (60, 67), 2018: (60, 67), 2019: (60, 67), 2020: (60, 67),
                                  2021: (60, 71), 2022: (60, 75), 2023: (70, 75)})

    def test_accounting_setup_on_install(self):
        company = self.company
        self.assertEqual(company.union_dues_journal_id.type, "general")
        self.assertEqual(company.union_dues_receivable_account_id.account_type, "asset_receivable")
        self.assertTrue(company.union_dues_receivable_account_id.reconcile)
        self.assertEqual(company.union_dues_upward_account_id.with_context(lang="en_US").name,
                         "Phải nộp đoàn phí cho công đoàn cấp trên")
        # running it again creates nothing new and keeps what was chosen
        accounts = self.env["account.account"].search_count([])
        company._union_finance_setup_accounting()
        self.assertEqual(self.env["account.account"].search_count([]), accounts)
        # changeable in the settings
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(settings.union_dues_journal_id, company.union_dues_journal_id)
        other = self.env["account.journal"].create({
            "name": "Đoàn phí (khác)", "code": "ĐPK", "type": "general", "company_id": company.id})
        settings.union_dues_journal_id = other
        settings.union_dues_reference_prefix = "CD"
        settings.execute()
        self.assertEqual((company.union_dues_journal_id, company.union_dues_reference_prefix), (other, "CD"))
        company._union_finance_setup_accounting()
        self.assertEqual(company.union_dues_journal_id, other, "a chosen journal is kept")

    def test_accounting_setup_when_a_chart_is_loaded(self):
        """A chart of accounts replaces a new company's accounts: ours come after it."""
        company = self.env["res.company"].create({"name": "Công đoàn Doanh nghiệp Y"})
        self.env["account.chart.template"].try_loading("generic_coa", company, install_demo=False)
        self.assertEqual(company.chart_template, "generic_coa")
        self.assertEqual(company.union_dues_journal_id.company_id, company)
        self.assertEqual(company.union_dues_receivable_account_id.with_company(company).code, "138801")
        self.assertEqual(company.union_dues_upward_account_id.with_company(company).code, "338801")
        self.assertEqual(company.union_dues_payment_journal_id.type, "bank")
        self.assertEqual(company.union_dues_cash_journal_id.type, "cash")

    def test_only_admin_edits_rules(self):
        rule = self.env.ref("union_finance.union_dues_rule_2025_employee")
        self.assertEqual(rule.with_user(self.user_officer_a).rate, 0.5)  # officers read
        # a rule no posted run uses (the demo data may use the seeded ones)
        unused = self.env["union.dues.rule"].create({
            "name": "Test", "member_group": "employee", "date_start": date(2031, 1, 1), "rate": 0.5})
        with self.assertRaises(AccessError):
            unused.with_user(self.user_officer_a).write({"rate": 0.6})
        with self.assertRaises(AccessError):
            self.env["union.base.salary"].with_user(self.user_accountant).create(
                {"date_start": date(2027, 7, 1), "amount": 2_700_000})
        new = self.env["union.base.salary"].with_user(self.user_admin).create(
            {"date_start": date(2027, 7, 1), "amount": 2_700_000})
        self.assertEqual(new.amount, 2_700_000)

    def test_rule_used_by_posted_run_is_locked(self):
        rule = self.env.ref("union_finance.union_dues_rule_2025_public")
        salary = self.env.ref("union_finance.union_base_salary_2024_07")
        share = self.env.ref("union_finance.union_share_rule_2023")
        rule.with_user(self.user_admin).write({"note": "before"})  # not used yet: free
        self._run(self.unit_a, date(2025, 7, 1))
        self.assertTrue(rule.is_used)
        for record, vals in ((rule, {"rate": 0.4}), (salary, {"amount": 2_000_000}),
                             (share, {"dues_kept_percent": 80})):
            with self.assertRaises(UserError):
                record.with_user(self.user_admin).write(vals)
            with self.assertRaises(UserError):
                record.with_user(self.user_admin).unlink()
        # the legal basis can still be completed
        rule.with_user(self.user_admin).write({"decision_ref": "QĐ 61/QĐ-TLĐ"})
        self.assertEqual(rule.decision_ref, "QĐ 61/QĐ-TLĐ")
        # an unused rule stays editable (a future one: the demo data may use the seeded ones)
        later = self.env["union.base.salary"].create({"date_start": date(2031, 1, 1),
                                                      "amount": 2_900_000})
        later.with_user(self.user_admin).write({"amount": 2_900_001})
        self.assertEqual(later.amount, 2_900_001)

    def test_member_group_follows_unit_unless_set(self):
        self.assertEqual(self.member_a1.dues_group_effective, "public")
        self.assertEqual(self.member_b1.dues_group_effective, "employee")
        self.member_b1.dues_group = "no_fixed_salary"
        self.assertEqual(self.member_b1.dues_group_effective, "no_fixed_salary")

    def test_messages_in_vietnamese(self):
        run = self.env["union.dues.run"].create({"organization_id": self.unit_a.id, "month": date(2025, 7, 1)})
        with self.assertRaisesRegex(UserError, "Hãy tính và rà soát đợt tính đoàn phí"):
            run.with_context(lang="vi_VN").action_confirm()
        field = self.env["union.dues.run"].with_context(lang="vi_VN")._fields["amount_upward"]
        self.assertEqual(field._description_string(self.env(context={"lang": "vi_VN"})), "Phải nộp cấp trên")
