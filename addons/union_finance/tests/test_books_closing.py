import importlib.util
from datetime import date
from pathlib import Path

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.fields import Command
from odoo.tests import Form, new_test_user, tagged

from .common import UnionFinanceCommon

MIGRATION = Path(__file__).resolve().parent.parent / "migrations" / "18.0.1.4.0" / "post-migrate.py"


def _migration():
    spec = importlib.util.spec_from_file_location("union_finance_migrate_1_3", MIGRATION)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@tagged("post_install", "-at_install")
class TestReplacedAccountsMigration(UnionFinanceCommon):
    """18.0.1.4.0: a company on the union chart that got 711803 and 336802 (before the
    chart named 5183 and 33684) is moved to them through the ORM, by one posted entry."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.union_company = cls.env["res.company"].create({"name": "Công đoàn Công ty Z"})
        cls.env["account.chart.template"].try_loading("vn_union", company, install_demo=False)
        cls.env.user.company_ids |= company
        Account = cls.env["account.account"].with_company(company)
        cls.Account = Account

        def account(code):
            return Account.search([*Account._check_company_domain(company), ("code", "=", code)])

        cls.account = staticmethod(account)
        # the state before the fix: 711803 and 336802 made by _union_ensure_fund_accounts,
        # and one union chart account (33684) missing
        cls.old_surplus = Account.create({"code": "711803", "name": "Thu đoàn phí vượt mức",
                                          "account_type": "income_other",
                                          "company_ids": [Command.link(company.id)]})
        cls.old_allocation = Account.create({"code": "336802", "name": "Phải trả nội bộ KPCĐ",
                                             "account_type": "liability_current",
                                             "company_ids": [Command.link(company.id)]})
        account("33684").unlink()
        company.write({"union_dues_surplus_account_id": cls.old_surplus.id,
                       "union_fund_allocation_payable_account_id": cls.old_allocation.id})
        cls.grassroots = cls.env["res.partner"].create({"name": "Công đoàn cơ sở Trường X"})
        journal = company.union_dues_cash_journal_id
        cls.old_move = cls.env["account.move"].with_company(company).create({
            "move_type": "entry", "journal_id": journal.id, "date": date(2025, 8, 31),
            "line_ids": [
                Command.create({"name": "Thu vượt mức", "account_id": account("1111").id,
                                "debit": 500_000}),
                Command.create({"name": "Thu vượt mức", "account_id": cls.old_surplus.id,
                                "credit": 500_000}),
                Command.create({"name": "KPCĐ phân phối", "account_id": account("5181").id,
                                "debit": 1_500_000}),
                Command.create({"name": "KPCĐ phân phối", "account_id": cls.old_allocation.id,
                                "partner_id": cls.grassroots.id, "credit": 1_500_000}),
            ]})
        cls.old_move.action_post()
        cls.position = cls.env["account.fiscal.position"].create({
            "name": "Vị trí thuế", "company_id": company.id,
            "account_ids": [Command.create({"account_src_id": cls.old_surplus.id,
                                            "account_dest_id": account("5188").id})]})
        cls.category = cls.env["product.category"].create({"name": "Đoàn phí vượt mức"})
        cls.category.with_company(company).property_account_income_categ_id = cls.old_surplus
        company.fiscalyear_lock_date = date(2025, 9, 30)

    def _balances(self, *codes):
        company = self.union_company
        result = {}
        for code in codes:
            result[code] = sum(self.env["account.move.line"].search([
                ("company_id", "=", company.id), ("parent_state", "=", "posted"),
                ("account_id", "=", self.account(code).id)]).mapped("balance"))
        return result

    @freeze_time("2025-09-15")
    def test_migration_remaps_through_one_posted_entry(self):
        company = self.union_company
        before = self.env["account.move"].search([("company_id", "=", company.id)])
        old_lines = [(aml.account_id, aml.balance) for aml in self.old_move.line_ids]
        _migration().migrate(self.env.cr, "18.0.1.2.0")

        new_allocation = self.account("33684")
        self.assertTrue(new_allocation, "the missing union account is added")
        self.assertEqual(new_allocation.account_type, "liability_payable")
        self.assertEqual(
            (company.union_dues_surplus_account_id.with_company(company).code,
             company.union_fund_allocation_payable_account_id.with_company(company).code),
            ("5183", "33684"))
        moves = self.env["account.move"].search([("company_id", "=", company.id)]) - before
        self.assertEqual(len(moves), 1, "one cut-over entry")
        self.assertEqual(moves.state, "posted")
        self.assertEqual(moves.date, date(2025, 10, 1), "after the lock date")
        self.assertEqual(self._balances("711803", "336802", "5183", "33684"),
                         {"711803": 0, "336802": 0, "5183": -500_000, "33684": -1_500_000})
        carried = moves.line_ids.filtered(lambda aml: aml.account_id == new_allocation)
        self.assertEqual(carried.partner_id, self.grassroots, "still owed to the grassroots union")
        # the posted entry is evidence: not rewritten
        self.assertEqual([(aml.account_id, aml.balance) for aml in self.old_move.line_ids], old_lines)
        self.assertEqual(self.old_move.state, "posted")
        # the other settings follow
        self.assertEqual(self.position.account_ids.account_src_id, self.account("5183"))
        self.assertEqual(self.category.with_company(company).property_account_income_categ_id,
                         self.account("5183"))
        # the cut-over mapping has the two rows
        mapping = self.env["union.chart.mapping"]._get_mapping(company)
        self.assertEqual((mapping["711803"], mapping["336802"]), ("5183", "33684"))
        # again: nothing
        counts = (self.env["account.move"].search_count([]), self.env["account.account"].search_count([]))
        done = company._union_remap_replaced_accounts()
        self.assertFalse(done[company])
        self.assertEqual(
            (self.env["account.move"].search_count([]), self.env["account.account"].search_count([])),
            counts)

    def test_other_charts_are_left_alone(self):
        """A company on another chart keeps 711803 until its own cut-over (the wizard)."""
        other = self.company
        self.assertNotEqual(other.chart_template, "vn_union")
        before = other.union_dues_surplus_account_id
        done = other._union_remap_replaced_accounts()
        self.assertEqual(done, {})
        self.assertEqual(other.union_dues_surplus_account_id, before)


@tagged("post_install", "-at_install")
class TestLockDates(UnionFinanceCommon):
    """Odoo 18 Community has the lock dates on the company but no screen for them:
    Finance ▸ Lock Dates, for the union accountant."""

    def _wizard(self, user, **vals):
        with Form(self.env["union.lock.date"].with_user(user)) as form:
            for name, value in vals.items():
                setattr(form, name, value)
        return form.record

    @freeze_time("2025-09-15")
    def test_accountant_locks_the_books(self):
        menu = self.env.ref("union_finance.union_lock_date_menu")
        visible = self.env["ir.ui.menu"].with_user(self.user_accountant)._visible_menu_ids()
        self.assertIn(menu.id, visible)
        self.assertNotIn(menu.id, self.env["ir.ui.menu"].with_user(self.user_officer_a)._visible_menu_ids())
        wizard = self._wizard(self.user_accountant, fiscalyear_lock_date=date(2025, 7, 31))
        self.assertEqual(wizard.company_id, self.company)
        wizard.action_update()
        self.assertEqual(self.company.fiscalyear_lock_date, date(2025, 7, 31))
        # a dues run of the locked month is booked on the first open date, the month kept
        run = self._run(self.unit_a, date(2025, 7, 1))
        # (Odoo's accounting-date rule: the end of the first open month)
        self.assertEqual(run.move_ids.mapped("date"), [date(2025, 8, 31)] * len(run.move_ids))
        self.assertIn("07/2025", run.move_ids[0].ref)
        # moved back (a reversible lock), then a hard lock that cannot be moved back
        self._wizard(self.user_accountant, fiscalyear_lock_date=date(2025, 6, 30)).action_update()
        self.assertEqual(self.company.fiscalyear_lock_date, date(2025, 6, 30))
        self._wizard(self.user_accountant, hard_lock_date=date(2025, 6, 30)).action_update()
        self.assertEqual(self.company.hard_lock_date, date(2025, 6, 30))
        with self.assertRaises(UserError):
            self._wizard(self.user_accountant, hard_lock_date=date(2025, 5, 31)).action_update()
        self.assertEqual(self.company.hard_lock_date, date(2025, 6, 30))
        with self.assertRaisesRegex(UserError, "01/10/2025"):
            self._wizard(self.user_accountant, fiscalyear_lock_date=date(2025, 10, 1)).action_update()

    def test_only_accountants_of_the_company(self):
        with self.assertRaises(AccessError):
            self.env["union.lock.date"].with_user(self.user_officer_a).create(
                {"fiscalyear_lock_date": date(2025, 1, 31)})
        other = self.env["res.company"].create({"name": "Công ty khác"})
        wizard = self.env["union.lock.date"].with_user(self.user_accountant).create(
            {"company_id": other.id, "fiscalyear_lock_date": date(2025, 1, 31)})
        with self.assertRaises(AccessError):
            wizard.action_update()
        self.assertFalse(other.fiscalyear_lock_date)
        # a portal member reaches nothing either
        member_user = new_test_user(self.env, login="lock_member", groups="base.group_portal")
        with self.assertRaises(AccessError):
            self.env["union.lock.date"].with_user(member_user).create({})


@tagged("post_install", "-at_install")
class TestDissolutionClosesBooks(UnionFinanceCommon):
    """Dispatch 4181/TLĐ-TC: a dissolved unit hands its cash, bank and receivables to the upper
    level by a posted entry on the dissolution date; no member is a partner on it."""

    def _balance(self, unit, accounts, day=None):
        domain = [("parent_state", "=", "posted"), ("account_id", "in", accounts.ids),
                  ("analytic_distribution", "in", unit.analytic_account_id.ids)]
        if day:
            domain.append(("date", "<=", day))
        return self.env["account.move.line"]._read_group(domain, [], ["balance:sum"])[0][0] or 0

    def test_dissolution_hands_the_books_to_the_upper_level(self):
        company = self.company
        run = self._run(self.unit_b, date(2025, 5, 1), include_children=False)
        line = self._lines(run, self.member_b1)
        self.env["union.dues.payment"].create({
            "kind": "cash", "organization_id": self.unit_b.id, "member_id": self.member_b1.id,
            "amount": 100_000, "date": date(2025, 5, 20)}).action_post()
        cash = company.union_dues_cash_journal_id.default_account_id
        receivable = company.union_dues_receivable_account_id
        self.assertEqual(self._balance(self.unit_b, cash), 100_000)
        self.assertEqual(self._balance(self.unit_b, receivable), line.amount - 100_000)
        upper_before = self._balance(self.upper, cash | receivable)
        before = self.env["account.move"].search([])
        Dissolve = self.env["union.organization.dissolve.wizard"].with_user(self.user_upper)
        wizard = Dissolve.new({"organization_id": self.unit_b.id, "reason_kind": "state_funded_2025"})
        wizard._onchange_reason_kind()
        Dissolve.create({"organization_id": self.unit_b.id, "reason_kind": "state_funded_2025",
                         "date": wizard.date, "reason": wizard.reason,
                         "decision_ref": "40/QĐ-CĐN"}).action_dissolve()
        closing = self.env["account.move"].search([]) - before
        self.assertEqual(len(closing), 1)
        self.assertEqual((closing.state, closing.date), ("posted", date(2025, 6, 1)))
        self.assertIn("40/QĐ-CĐN", closing.ref)
        member_partners = self.env["union.member"].search([]).partner_id
        self.assertFalse(closing.line_ids.partner_id & member_partners)
        self.assertEqual(self._balance(self.unit_b, cash | receivable), 0)
        self.assertEqual(self._balance(self.upper, cash | receivable) - upper_before, line.amount)
        self.assertEqual(self._balance(self.upper, cash), 100_000 + self._balance(
            self.upper, cash, day=date(2025, 5, 31)))
