from collections import defaultdict
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import TransactionCase, tagged

from ..rules import dues as dues_rules


@tagged("post_install", "-at_install")
class TestDemoDues(TransactionCase):
    """The dues demo on a small province: twelve posted runs, payments by
    check-off and by bank reference, the portal member's last two months and
    a few members in arrears unpaid, and the dues lines agree with the
    receivable items."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.province = cls.env["union.membership.demo.province"]._generate_province(
            grassroots=3, members=40, seed=5, prefix="TD")
        cls.sector = cls.province["sector"]
        cls.portal_member = cls.province["members"].filtered(lambda m: m.state == "active")[:1]
        cls.today = fields.Date.context_today(cls.env["union.dues.run"])
        cls.result = cls.env["union.finance.demo.dues"]._generate_dues(
            cls.sector, portal_member=cls.portal_member, today=cls.today)

    def test_runs_and_lines(self):
        runs = self.result["runs"]
        self.assertEqual(len(runs), 12)
        self.assertEqual(set(runs.mapped("state")), {"posted"})
        this_month = dues_rules.month_start(self.today)
        self.assertEqual(sorted(runs.mapped("month")),
                         [this_month - relativedelta(months=back) for back in range(12, 0, -1)])
        scope = self.sector._get_subtree().ids
        Member = self.env["union.member"]
        for run in runs:
            status = Member._get_status_at(dues_rules.month_end(run.month), scope)
            due = {mid for mid, (state, _org) in status.items() if state in ("active", "suspended")}
            self.assertEqual(set(run.line_ids.member_id.ids), due, run.name)
            self.assertEqual(len(run.line_ids), len(due), run.name)
            self.assertTrue(run.move_ids)
        # every member has a salary; a few are above the cap, capped in groups 2 and 3 only
        # (group 1, public units, never: QĐ 61 from 2025-07, QĐ 1908 before)
        lines = runs.line_ids
        self.assertFalse(lines.filtered(lambda line: not line.base_amount))
        high = lines.filtered(lambda line: line.base_amount >= 52_000_000)
        self.assertTrue(high)
        self.assertEqual(high.filtered("capped"), high.filtered(lambda line: line.member_group != "public"))

    def test_payments_and_balances(self):
        runs = self.result["runs"]
        lines = runs.line_ids
        self.assertEqual(set(self.result["checkoff_payments"].mapped("kind")), {"checkoff"})
        # one check-off per school still active (one was dissolved in 2025) and month
        schools = self.province["schools"].filtered(lambda s: s.state == "active")
        checkoff = self.result["checkoff_payments"]
        self.assertEqual(len(checkoff), 12 * len(schools))
        self.assertEqual(checkoff.organization_id, schools)
        self.assertEqual(set(checkoff.mapped("state")), {"posted"})
        self.assertEqual(set(self.result["bank_payments"].mapped("kind")), {"bank"})
        self.assertIn(self.portal_member, self.result["bank_payments"].member_id)
        for line in lines:
            self.assertEqual(line.amount_paid + line.amount_residual, line.amount, line.display_name)
        # the books hold each unit's balance (no member item), the subledger the members':
        # a unit's open receivable is what its members' lines still owe, less their credits
        company = self.sector.company_id
        units = lines.organization_id
        self.assertFalse(self.env["account.move.line"].search_count([
            ("account_id", "=", company.union_dues_receivable_account_id.id),
            ("partner_id", "in", lines.partner_id.ids)]), "no member on a journal item")
        items = self.env["account.move.line"].search([
            ("account_id", "=", company.union_dues_receivable_account_id.id),
            ("partner_id", "in", units.partner_id.ids), ("parent_state", "=", "posted")])
        balance = defaultdict(int)
        for item in items:
            balance[item.partner_id.id] += round(item.amount_residual)
        residual = defaultdict(int)
        for line in lines:
            residual[line.organization_id.partner_id.id] += line.amount_residual
        for credit in self.env["union.dues.allocation"].search(
                [("organization_id", "in", units.ids), ("line_id", "=", False)]):
            residual[credit.organization_id.partner_id.id] -= credit.amount
        self.assertEqual({k: v for k, v in balance.items() if v}, {k: v for k, v in residual.items() if v})
        paid = sum(lines.mapped("amount_paid"))
        received = sum((self.result["checkoff_payments"] | self.result["bank_payments"]).mapped("amount"))
        self.assertEqual(paid, received)

    def test_unpaid_months(self):
        lines = self.result["runs"].line_ids
        unpaid = lines.filtered(lambda line: line.payment_state == "unpaid")
        months = sorted(self.result["runs"].mapped("month"))
        portal_lines = lines.filtered(lambda line: line.member_id == self.portal_member)
        self.assertEqual(sorted((portal_lines & unpaid).mapped("month")), months[-2:])
        self.assertEqual(set((portal_lines - unpaid).mapped("payment_state")), {"paid"})
        arrears = {mid: count for mid, count in self.result["arrears"].items()
                   if mid != self.portal_member.id}
        self.assertGreaterEqual(len(arrears), 2)
        for member_id, count in arrears.items():
            member_unpaid = unpaid.filtered(lambda line, m=member_id: line.member_id.id == m)
            self.assertGreaterEqual(len(member_unpaid), 3)
            self.assertEqual(len(member_unpaid), count)
        # everybody else has paid every month
        others = lines.filtered(lambda line: line.member_id.id not in self.result["arrears"]
                                and line.amount > 0)
        self.assertEqual(set(others.mapped("payment_state")), {"paid"})
        # the portal shows a VietQR code: the sector union has a bank account for the dues
        self.assertTrue(self.portal_member.organization_id._get_dues_bank_account())

    def test_loaded_once(self):
        self.assertEqual(self.env["union.finance.demo.dues"]._generate_dues(
            self.sector, today=self.today), {})

    def test_bank_statements_of_the_year(self):
        """Issue 16: the sector union's bank journal holds the year's statements (members'
        transfers, schools' check-off transfers, spending, fee, interest), and every
        transfer is cleared by its statement line: the bank account moves once."""
        journal = self.sector.company_id.union_dues_payment_journal_id
        st_lines = self.env["account.bank.statement.line"].search([("journal_id", "=", journal.id)])
        self.assertGreaterEqual(len(st_lines.statement_id), 11)
        states = set(st_lines.mapped("union_match_state"))
        # (fees and interest are booked by the union chart's models: not loaded in this test)
        self.assertTrue({"dues", "cleared", "open"} <= states, states)
        self.assertEqual(st_lines.filtered(lambda line: line.union_match_state == "dues")
                         .union_dues_payment_id, self.result["bank_payments"])
        # every check-off payment of a month before the last one is cleared by the school's transfer
        transit = self.result["checkoff_payments"].move_id.line_ids.filtered(
            lambda aml: aml.debit and aml.account_id.reconcile)
        cleared = transit.filtered("reconciled")
        self.assertGreaterEqual(len(cleared), len(transit) - len(self.province["schools"]))
        for statement in st_lines.statement_id:
            self.assertEqual(statement.balance_start + sum(statement.line_ids.mapped("amount")),
                             statement.balance_end_real)


@tagged("post_install", "-at_install")
class TestDemoBooksOnTheReorganisation(TransactionCase):
    """The demo's books 2024-2026 on the 2025 reorganisation: each month run by the unit that
    held the schools then, no dues after May 2025 for the schools ended on 1 June 2025, their
    books handed over on that day, no member as partner on any journal item."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        province = cls.env["union.membership.demo.province"]._generate_province(
            grassroots=3, members=30, seed=7, prefix="TR", with_reform="2025")
        cls.province = province
        cls.holders = [province["sector"], province["dak_nong"], province["successor"]]
        cls.today = date(2025, 9, 15)
        cls.result = cls.env["union.finance.demo.dues"]._generate_dues(
            province["successor"], months=20, holders=cls.holders, today=cls.today)

    def test_each_month_run_by_the_unit_that_held_the_schools(self):
        runs = self.result["runs"]
        self.assertEqual(len(runs), 20)
        by_month = {run.month: run.organization_id for run in runs}
        education, dak_nong, successor = self.holders
        self.assertEqual(by_month[date(2024, 1, 1)], education)
        self.assertEqual(by_month[date(2025, 5, 1)], education)
        self.assertEqual(by_month[date(2025, 6, 1)], dak_nong)
        self.assertEqual(by_month[date(2025, 8, 1)], successor)
        # the months before the reorganisation were charged to the schools' members
        self.assertTrue(runs.filtered(lambda r: r.month == date(2024, 1, 1)).line_ids)

    def test_ended_schools_stop_in_may_and_hand_over_their_books(self):
        dissolved = self.province["dissolved"]
        self.assertTrue(dissolved)
        units = dissolved._get_subtree()
        lines = self.env["union.dues.line"].search([("organization_id", "in", units.ids)])
        self.assertTrue(lines)
        self.assertLessEqual(max(lines.mapped("month")), date(2025, 5, 1))
        company = dissolved[0].company_id
        accounts = self.env["account.account"].search([
            *self.env["account.account"]._check_company_domain(company),
            ("account_type", "in", ("asset_cash", "asset_current", "asset_receivable",
                                    "liability_current", "liability_payable"))])
        items = self.env["account.move.line"].search([
            ("parent_state", "=", "posted"), ("account_id", "in", accounts.ids),
            ("analytic_distribution", "in", units.analytic_account_id.ids),
            ("date", "<=", date(2025, 6, 1))])
        self.assertTrue(items.filtered(lambda aml: aml.date == date(2025, 6, 1)),
                        "a closing entry on the day the schools ended")
        self.assertAlmostEqual(sum(items.mapped("balance")), 0)

    def test_no_member_is_a_partner_on_a_journal_item(self):
        members = self.env["union.member"].with_context(active_test=False).search(
            [("organization_id", "in", self.holders[2]._get_subtree().ids
              + self.province["dissolved"]._get_subtree().ids)])
        self.assertFalse(self.env["account.move.line"].search_count(
            [("partner_id", "in", members.partner_id.ids)]))
