from datetime import date

from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import UnionFinanceCommon


@tagged("post_install", "-at_install")
class TestDuesRun(UnionFinanceCommon):

    def test_compute_amounts_across_the_2025_boundary(self):
        june = self._run(self.unit_a, date(2025, 6, 1), post=False)
        july = self._run(self.unit_a, date(2025, 7, 15), post=False)
        self.assertEqual(july.month, date(2025, 7, 1))
        # 1% without cap on the state payroll until 2025-06
        self.assertEqual(self._lines(june, self.member_a1).amount, 176_000)
        self.assertEqual(self._lines(june, self.member_a2).amount, 600_000)
        # 0.5% from 2025-07; group 1 (public units) has no cap (QĐ 61, DOMAIN.md §2)
        self.assertEqual(self._lines(july, self.member_a1).amount, 88_000)
        a2 = self._lines(july, self.member_a2)
        self.assertEqual((a2.amount, a2.cap, a2.capped, a2.organization_id), (300_000, 0, False, self.group_a))
        self.assertEqual(a2.rule_id, self.env.ref("union_finance.union_dues_rule_2025_public"))
        self.assertEqual(a2.base_salary_id, self.env.ref("union_finance.union_base_salary_2024_07"))
        # the member of another unit is not in the run
        self.assertFalse(self._lines(july, self.member_b1))
        self.assertEqual(self._lines(july, self.member_a1).payment_reference,
                         f"DP-{self.member_a1.member_code.upper().replace('-', '')}-202507")
        b_run = self._run(self.unit_b, date(2026, 7, 1), post=False)
        self.assertEqual(self._lines(b_run, self.member_b1).amount, 150_000)

    def test_confirm_posts_one_entry_per_unit(self):
        """Booked as an accountant books: one entry per unit and month, the
        unit's partner on the receivable, the unit's analytic account on every
        item, no member on any item; the member detail is in the dues lines."""
        self.member_a1.partner_id.customer_rank = 0
        run = self._run(self.unit_a, date(2025, 7, 1))
        self.assertEqual(run.state, "posted")
        moves = run.move_ids
        # a1 in unit_a, a2 in its group: two units, two entries
        self.assertEqual(len(moves), 2)
        self.assertFalse(run.move_id, "the single entry of the runs booked member by member")
        self.assertEqual(set(moves.mapped("state")), {"posted"})
        self.assertEqual(sum(moves.mapped("amount_total")), 388_000)
        self.assertEqual(moves.journal_id, self.company.union_dues_journal_id)
        self.assertEqual(moves.mapped("date"), [date(2025, 7, 31)] * 2)
        self.assertTrue(all("07/2025" in ref for ref in moves.mapped("ref")), moves.mapped("ref"))
        members = (self.member_a1 | self.member_a2).partner_id
        self.assertFalse(moves.line_ids.partner_id & members, "no member on a journal item")
        self.assertEqual(self.member_a1.partner_id.customer_rank, 0)
        receivable_account = self.company.union_dues_receivable_account_id
        analytic = (self.unit_a | self.group_a)._union_analytic_map()
        for unit, total, kept, upward in ((self.unit_a, 88_000, 61_600, 26_400),
                                          (self.group_a, 300_000, 210_000, 90_000)):
            move = moves.filtered(lambda m, u=unit: u.name in m.ref)
            self.assertEqual(len(move), 1, unit.name)
            self.assertEqual(len(move.line_ids), 3, "receivable, kept share, share owed upward")
            receivable = move.line_ids.filtered(lambda aml: aml.account_id == receivable_account)
            self.assertEqual((receivable.partner_id, receivable.debit), (unit.partner_id, total))
            self.assertEqual(
                {aml.account_id: aml.credit for aml in move.line_ids - receivable},
                {self.company.union_dues_income_account_id: kept,
                 self.company.union_dues_upward_account_id: upward})
            self.assertEqual(set(map(str, move.line_ids.mapped("analytic_distribution"))),
                             {str({str(analytic[unit.id]): 100.0})}, "the unit's analytic on every item")
        self.assertTrue(receivable_account.reconcile)
        self.assertFalse(run.line_ids.move_line_id, "no member item")
        self.assertEqual((run.amount_kept, run.amount_upward), (271_600, 116_400))
        self.assertEqual(run.share_rule_id, self.env.ref("union_finance.union_share_rule_2023"))
        self.assertEqual(set(run.line_ids.mapped("payment_state")), {"unpaid"})
        self.assertEqual(self.member_a1.dues_amount_due, 88_000)
        self.assertEqual(run.move_line_ids, moves.line_ids)
        with self.assertRaises(UserError):
            run.unlink()
        with self.assertRaises(UserError):
            run.write({"month": date(2025, 8, 1)})

    def test_rerun_creates_nothing_twice(self):
        run = self._run(self.unit_a, date(2025, 7, 1), post=False)
        run.action_compute()
        run.action_compute()
        self.assertEqual(len(run.line_ids), 2)
        run.action_confirm()
        again = self._run(self.unit_a, date(2025, 7, 1))
        self.assertFalse(again.line_ids)
        # a run of the whole upper unit takes only the members not yet charged
        upper = self._run(self.upper, date(2025, 7, 1), post=False)
        self.assertEqual(upper.line_ids.member_id, self.member_b1)
        self.assertEqual(self.env["union.dues.line"].search_count(
            [("member_id", "=", self.member_a1.id), ("month", "=", date(2025, 7, 1))]), 1)

    def test_sub_unit_first_then_parent(self):
        group_run = self._run(self.group_a, date(2025, 8, 1))
        self.assertEqual(group_run.line_ids.member_id, self.member_a2)
        unit_run = self._run(self.unit_a, date(2025, 8, 1), post=False)
        self.assertEqual(unit_run.line_ids.member_id, self.member_a1)
        alone = self._run(self.unit_a, date(2025, 9, 1), include_children=False, post=False)
        self.assertEqual(alone.line_ids.member_id, self.member_a1)

    def test_exemptions_and_status(self):
        self.env["union.dues.exemption"].create({
            "member_id": self.member_a1.id, "reason": "benefit_leave",
            "date_from": date(2025, 7, 1), "date_to": date(2025, 8, 31), "note": "maternity"})
        self.env["union.member.event"].create({
            "member_id": self.member_b1.id, "event_type": "withdrawal", "date": date(2025, 7, 10)})
        run = self._run(self.upper, date(2025, 7, 1))
        a1 = self._lines(run, self.member_a1)
        self.assertEqual((a1.amount, a1.exemption_reason, a1.payment_state), (0, "benefit_leave", "not_due"))
        self.assertFalse(self._lines(run, self.member_b1), "a member who left is not charged")
        self.assertFalse(run.move_ids.line_ids.filtered(lambda aml: aml.partner_id == self.member_a1.partner_id))
        september = self._run(self.upper, date(2025, 9, 1), post=False)
        self.assertEqual(self._lines(september, self.member_a1).amount, 88_000)
        # still charged for June, before leaving
        june = self._run(self.unit_b, date(2025, 6, 1), post=False)
        self.assertEqual(self._lines(june, self.member_b1).amount, 234_000)

    def test_suspended_member_is_exempt(self):
        self.env["union.member.event"].create({
            "member_id": self.member_a2.id, "event_type": "suspension", "date": date(2025, 7, 5),
            "end_date": date(2026, 7, 4), "reason": "job loss"})
        run = self._run(self.unit_a, date(2025, 7, 1), post=False)
        a2 = self._lines(run, self.member_a2)
        self.assertEqual((a2.amount, a2.exemption_reason), (0, "suspension"))

    def test_salary_corrected_after_posting(self):
        july = self._run(self.unit_a, date(2025, 7, 1))
        july_a1 = self._lines(july, self.member_a1)
        self.env["union.member.dues.base"].create({
            "member_id": self.member_a1.id, "date_start": date(2025, 7, 1), "amount": 20_000_000})
        august = self._run(self.unit_a, date(2025, 8, 1), post=False)
        august.action_compute()  # recomputing changes nothing
        lines = self._lines(august, self.member_a1)
        adjustment = lines.filtered(lambda line: line.line_type == "adjustment")
        self.assertEqual((adjustment.month, adjustment.amount), (date(2025, 7, 1), 12_000))
        self.assertEqual(lines.filtered(lambda line: line.line_type == "regular").amount, 100_000)
        self.assertEqual(july_a1.amount, 88_000, "a posted line is never changed")
        self.assertFalse(self._lines(august, self.member_a2).filtered(lambda line: line.line_type == "adjustment"))
        august.action_confirm()
        self.assertEqual(august.amount_total, 100_000 + 12_000 + 300_000)
        september = self._run(self.unit_a, date(2025, 9, 1), post=False)
        self.assertFalse(september.line_ids.filtered(lambda line: line.line_type == "adjustment"),
                         "an adjustment is made once")

    def test_reverse_posted_run(self):
        run = self._run(self.unit_a, date(2025, 7, 1))
        run.action_reverse()
        self.assertEqual(run.state, "reversed")
        self.assertEqual(run.reversal_move_ids.reversed_entry_id, run.move_ids,
                         "Odoo's reversal of each entry")
        self.assertEqual(set(run.reversal_move_ids.mapped("state")), {"posted"})
        self.assertEqual(set(run.line_ids.mapped("payment_state")), {"reversed"})
        self.assertEqual(self.member_a1.dues_amount_due, 0)
        with self.assertRaises(UserError):
            run.action_reverse()
        # the month can be run again
        again = self._run(self.unit_a, date(2025, 7, 1))
        self.assertEqual(len(again.line_ids), 2)

    def test_confirm_needs_review_and_setup(self):
        run = self.env["union.dues.run"].create({"organization_id": self.unit_a.id, "month": date(2025, 7, 1)})
        with self.assertRaises(UserError):
            run.action_confirm()

    def test_no_query_per_member(self):
        """The number of queries of a run does not grow with its members."""
        Member = self.env["union.member"]

        def add_members(count, start):
            members = Member.create([{
                "name": f"Đoàn viên {start + i}", "organization_id": self.unit_b.id,
                "date_joined": date(2020, 1, 1)} for i in range(count)])
            self.env["union.member.dues.base"].create([{
                "member_id": m.id, "date_start": date(2020, 1, 1), "amount": 10_000_000 + i}
                for i, m in enumerate(members)])

        def queries(month):
            run = self.env["union.dues.run"].create({"organization_id": self.unit_b.id, "month": month})
            self.env.flush_all()
            before = self.env.cr.sql_log_count
            run.action_compute()
            self.env.flush_all()
            return self.env.cr.sql_log_count - before, len(run.line_ids)

        add_members(3, 0)
        small, small_count = queries(date(2025, 7, 1))
        add_members(30, 100)
        big, big_count = queries(date(2025, 8, 1))
        self.assertEqual((small_count, big_count), (4, 34))
        self.assertLessEqual(big, small + 3)

    def test_new_company_gets_its_accounts_at_first_run(self):
        company = self.env["res.company"].create({"name": "Công đoàn Doanh nghiệp X"})
        self.assertFalse(company.union_dues_journal_id)
        unit = self.env["union.organization"].create({
            "name": "Công đoàn Công ty X", "code": "T-X", "level": "grassroots", "parent_id": self.upper.id,
            "funding_type": "enterprise", "company_id": company.id})
        member = self.env["union.member"].create({
            "name": "Phạm Văn Tú", "organization_id": unit.id, "date_joined": date(2020, 1, 1)})
        self.env["union.member.dues.base"].create({
            "member_id": member.id, "date_start": date(2020, 1, 1), "amount": 8_000_000})
        run = self.env["union.dues.run"].with_company(company).create(
            {"organization_id": unit.id, "month": date(2025, 7, 1)})
        run.action_compute()
        run.action_confirm()
        self.assertEqual(run.company_id, company)
        self.assertEqual(run.move_ids.company_id, company)
        self.assertEqual(run.move_ids.journal_id, company.union_dues_journal_id)
        self.assertEqual(company.union_dues_receivable_account_id.with_company(company).code, "138801")
        self.assertEqual(run.amount_total, 40_000)

    def test_salary_corrected_downward(self):
        self._run(self.unit_a, date(2025, 7, 1))
        self.env["union.member.dues.base"].create({
            "member_id": self.member_a1.id, "date_start": date(2025, 7, 1), "amount": 10_000_000})
        august = self._run(self.unit_a, date(2025, 8, 1))
        lines = self._lines(august, self.member_a1)
        adjustment = lines.filtered(lambda line: line.line_type == "adjustment")
        self.assertEqual((adjustment.amount, adjustment.payment_state), (-38_000, "not_due"))
        # the credit of the adjustment settles part of July, the oldest month
        july_line = self.env["union.dues.line"].search([
            ("member_id", "=", self.member_a1.id), ("month", "=", date(2025, 7, 1)),
            ("line_type", "=", "regular")])
        self.assertEqual((july_line.payment_state, july_line.amount_residual), ("partial", 50_000))
        self.assertEqual(self.member_a1.dues_amount_due, 100_000)
        credit = self.env["union.dues.allocation"].search([("source_line_id", "=", adjustment.id)])
        self.assertEqual((credit.line_id, credit.amount), (july_line, 38_000),
                         "the adjustment's credit is allocated to July")
        # unit_a's entry of August books what its lines add up to (50,000 - 38,000)
        move = august.move_ids.filtered(lambda m: self.unit_a.name in m.ref)
        receivable = move.line_ids.filtered(
            lambda aml: aml.account_id == self.company.union_dues_receivable_account_id)
        self.assertEqual(receivable.debit, 12_000)
        self.assertEqual(sum(move.line_ids.mapped("debit")), sum(move.line_ids.mapped("credit")))

    def test_share_rule_of_the_month(self):
        december = self._run(self.unit_a, date(2022, 12, 1))
        january = self._run(self.unit_a, date(2023, 1, 1))
        self.assertEqual(december.amount_total, 776_000)
        self.assertEqual((december.amount_kept, december.amount_upward), (465_600, 310_400))  # 60%
        self.assertEqual((january.amount_kept, january.amount_upward), (543_200, 232_800))  # 70%
        self.assertEqual(december.share_rule_id, self.env.ref("union_finance.union_share_rule_2022"))

    def test_monthly_routine_as_accountant(self):
        with Form(self.env["union.dues.run"].with_user(self.user_accountant)) as form:
            form.organization_id = self.upper
            form.month = date(2025, 7, 20)
        run = form.record
        self.assertEqual((run.month, run.state, run.include_children), (date(2025, 7, 1), "draft", True))
        run.action_compute()
        self.assertEqual(run.state, "computed")
        self.assertEqual(run.line_ids.member_id, self.member_a1 | self.member_a2 | self.member_b1)
        run.action_confirm()
        self.assertEqual(run.state, "posted")
        self.assertEqual(run.amount_total, 88_000 + 300_000 + 150_000)
        self.assertEqual(len(run.move_ids), 3, "one entry per unit")

    def test_income_per_unit_with_analytic(self):
        """Sub-units sharing their parent's company: a pair of income items per
        unit (kept, owed upward) with the unit's analytic account; reversible."""
        self.assertEqual({self.unit_a.company_id, self.group_a.company_id, self.unit_b.company_id},
                         {self.upper.company_id})
        run = self._run(self.upper, date(2025, 7, 1))
        company = self.company
        move = run.move_ids
        analytic = (self.unit_a | self.group_a | self.unit_b)._union_analytic_map()
        self.assertEqual(len(set(analytic.values())), 3)
        column = self.unit_a.analytic_account_id.plan_id._column_name()
        expected = {  # unit: (kept, upward) at 70%
            self.unit_a: (61_600, 26_400),    # a1: 88,000
            self.group_a: (210_000, 90_000),  # a2: 300,000 (group 1: no cap)
            self.unit_b: (105_000, 45_000),   # b1: 150,000
        }
        for unit, (kept, upward) in expected.items():
            dist = {str(analytic[unit.id]): 100}
            items = move.line_ids.filtered(lambda aml, d=dist: aml.analytic_distribution == d
                                           and aml.credit)
            self.assertEqual(
                {aml.account_id: aml.credit for aml in items},
                {company.union_dues_income_account_id: kept, company.union_dues_upward_account_id: upward},
                unit.name)
            self.assertIn(unit.name, items[0].name)
            # the posted entry made the analytic items of the unit (its receivable too)
            self.assertEqual(sum(self.env["account.analytic.line"].search(
                [(column, "=", analytic[unit.id]), ("move_line_id.move_id", "in", move.ids),
                 ("amount", ">", 0)]).mapped("amount")), kept + upward)
        receivable = move.line_ids.filtered(lambda aml: aml.account_id == company.union_dues_receivable_account_id)
        self.assertEqual(len(receivable), 3)
        self.assertEqual(receivable.partner_id, (self.unit_a | self.group_a | self.unit_b).partner_id)
        self.assertTrue(all(receivable.mapped("analytic_distribution")),
                        "the unit's receivable item carries its analytic account too")
        self.assertEqual((run.amount_kept, run.amount_upward), (376_600, 161_400))
        self.assertEqual(sum(move.line_ids.mapped("debit")), sum(move.line_ids.mapped("credit")))
        # reversal: the same items, reversed, with the same analytic accounts
        run.action_reverse()
        reversal = run.reversal_move_ids
        self.assertEqual(set(reversal.mapped("state")), {"posted"})
        for unit, (kept, upward) in expected.items():
            self.assertEqual(sum(self.env["account.analytic.line"].search(
                [(column, "=", analytic[unit.id]),
                 ("move_line_id.move_id", "in", (move | reversal).ids)]).mapped("amount")), 0)
            dist = {str(analytic[unit.id]): 100}
            self.assertEqual(sum(reversal.line_ids.filtered(
                lambda aml, d=dist: aml.analytic_distribution == d
                and aml.account_id != company.union_dues_receivable_account_id).mapped("debit")),
                kept + upward)
        self.assertTrue(all(receivable.mapped("reconciled")), "the reversal settles every item")

    def test_split_rounding_per_unit(self):
        """Each unit's income equals its own lines; the run's totals add up."""
        Run = self.env["union.dues.run"]
        lines = [{"organization_id": 1, "amount": 1}, {"organization_id": 2, "amount": 1},
                 {"organization_id": 2, "amount": 3}, {"organization_id": 3, "amount": -5},
                 {"organization_id": 3, "amount": 5}]
        splits = Run._split_per_unit(lines, 70)
        self.assertEqual(splits, {1: {"total": 1, "kept": 1, "upward": 0},
                                  2: {"total": 4, "kept": 3, "upward": 1}})
        for split in splits.values():
            self.assertEqual(split["kept"] + split["upward"], split["total"])

    def _new_members_with_salary(self, units, month):
        """One new member with a salary in each unit of ``units`` (a unit may repeat)."""
        members = self.env["union.member"].create([{
            "name": f"Đoàn viên {month.month}-{i}", "organization_id": unit.id,
            "date_joined": date(2020, 1, 1)} for i, unit in enumerate(units)])
        self.env["union.member.dues.base"].create([{
            "member_id": m.id, "date_start": date(2020, 1, 1), "amount": 10_000_000 + i * 1000}
            for i, m in enumerate(members)])

    def _confirm_counting_queries(self, unit, month):
        """(run, queries): the run of ``unit`` for ``month``, and the queries its confirmation took."""
        run = self._run(unit, month, post=False)
        self.env.flush_all()
        before = self.env.cr.sql_log_count
        run.action_confirm()
        self.env.flush_all()
        return run, self.env.cr.sql_log_count - before

    def test_posting_queries_do_not_grow_with_members(self):
        """Confirming a run costs a bounded number of queries, whatever its
        member count (no UPDATE per line, no journal item per member)."""
        def confirm_queries(count, month):
            self._new_members_with_salary([self.unit_b] * count, month)
            run, queries = self._confirm_counting_queries(self.unit_b, month)
            self.assertEqual(len(run.move_ids.line_ids), 3, "one entry of the unit, three items")
            self.assertEqual(set(run.line_ids.mapped("payment_state")), {"unpaid"})
            return queries

        small = confirm_queries(3, date(2025, 7, 1))
        big = confirm_queries(60, date(2025, 8, 1))
        self.assertLessEqual(big, small + 10, (small, big))

    def test_posting_queries_per_unit_are_few(self):
        """With its unit count, the queries grow by a few per entry (the
        entries are created and posted by batches, one ``create`` and one
        ``action_post`` each), and every unit gets its analytic items."""
        Org = self.env["union.organization"]
        column = self.env.ref("union_finance.analytic_plan_union")._column_name()

        def confirm_queries(count, month):
            units = Org.create([{
                "name": f"Tổ {month.month}-{i} - Trường THCS B", "code": f"T-B-{month.month}-{i}",
                "level": "group", "parent_id": self.unit_b.id} for i in range(count)])
            units._union_analytic_map()
            self._new_members_with_salary(units, month)
            run, queries = self._confirm_counting_queries(self.unit_b, month)
            analytic = self.env["account.analytic.line"].search(
                [("move_line_id.move_id", "in", run.move_ids.ids)])
            units_charged = run.line_ids.filtered("amount").organization_id
            self.assertGreater(len(units_charged), count)
            self.assertEqual(len(run.move_ids), len(units_charged))
            self.assertEqual(len(analytic), 3 * len(units_charged), "receivable, kept, upward")
            self.assertEqual(analytic.mapped(column), units_charged.analytic_account_id)
            self.assertEqual(sum(analytic.filtered(lambda al: al.amount > 0).mapped("amount")),
                             run.amount_total)
            return queries

        small = confirm_queries(2, date(2025, 7, 1))
        big = confirm_queries(30, date(2025, 8, 1))
        # about 12 queries an entry, 13 with OCA's ledgers installed (account_financial_report
        # stores the analytic accounts of every journal item)
        self.assertLessEqual(big, small + 28 * 14, (small, big))

