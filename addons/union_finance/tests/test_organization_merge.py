from datetime import date

from odoo.tests import tagged

from .common import UnionFinanceCommon


@tagged("post_install", "-at_install")
class TestFinanceOnMerge(UnionFinanceCommon):
    """A merge moves the closing unit's unpaid dues lines to the surviving unit and its balances
    by one posted entry on the merge date; no posted journal item is rewritten."""

    def _merge(self, source, target, on_date=date(2025, 9, 1)):
        wizard = self.env["union.organization.merge"].with_user(self.user_upper).create({
            "mode": "merge", "source_ids": [(6, 0, source.ids)], "target_id": target.id,
            "date": on_date, "decision_ref": "41/QĐ-CĐN"})
        preview = wizard.preview
        wizard.action_confirm()
        return preview

    def _balance(self, unit, account):
        groups = self.env["account.move.line"]._read_group([
            ("parent_state", "=", "posted"), ("account_id", "=", account.id),
            ("analytic_distribution", "in", unit.analytic_account_id.ids)], [], ["balance:sum"])
        return groups[0][0] or 0

    def test_merge_moves_unpaid_dues_and_balances(self):
        run = self._run(self.unit_b, date(2025, 7, 1), include_children=False)
        line = self._lines(run, self.member_b1)
        self.assertEqual(line.payment_state, "unpaid")
        receivable = line.move_line_id.account_id
        upward = self.company.union_dues_upward_account_id  # 336: the share owed upward, per unit
        owed = self._balance(self.unit_b, upward)
        self.assertEqual(owed, -45_000)
        owed_a = self._balance(self.unit_a, upward)
        posted = run.line_ids.move_line_id
        before = posted.read(["analytic_distribution", "balance", "account_id", "write_date"])
        due = self._balance(self.unit_b, receivable)
        self.assertEqual(due, 0)  # the receivable is the company's, detailed by the dues lines

        preview = self._merge(self.unit_b, self.unit_a)
        self.assertIn("1 unpaid dues line(s) (150.000 VND due) moved to the surviving unit", preview)
        self.assertIn("Balances of 1 unit(s) in the books moved by one posted entry each", preview)
        self.assertEqual(line.organization_id, self.unit_a)
        self.assertEqual(self.member_b1.organization_id, self.unit_a)
        # the books: what B owes upward left B's analytic account for A's, by one entry on the date
        self.assertEqual(self._balance(self.unit_b, upward), 0)
        self.assertEqual(self._balance(self.unit_a, upward), owed_a + owed)
        self.assertEqual(line.move_line_id.account_id, receivable)
        entry = self.env["account.move"].search([("ref", "ilike", "41/QĐ-CĐN")])
        self.assertEqual((len(entry), entry.state, entry.date), (1, "posted", date(2025, 9, 1)))
        # nothing already posted was rewritten
        self.assertEqual(posted.read(["analytic_distribution", "balance", "account_id", "write_date"]), before)

    def test_merge_moves_money_in_transit_and_leaves_no_item_open(self):
        """B's transfer recorded before the bank showed it waits on money in transit (1131);
        the merge moves that balance to A's analytic account by a closing and an opening item
        that cancel out and are reconciled together: only the payment's own item stays open,
        for its statement line to clear."""
        self._run(self.unit_b, date(2025, 7, 1), include_children=False)
        payment = self.env["union.dues.payment"].create({
            "kind": "bank", "organization_id": self.unit_b.id, "member_id": self.member_b1.id,
            "amount": 150_000, "date": date(2025, 8, 5)})
        payment.action_post()
        transit = payment._union_receipt_account()
        self.assertEqual(payment.journal_id.type, "bank")
        waiting = payment.move_id.line_ids.filtered(lambda item: item.account_id == transit)
        self.assertEqual(self._balance(self.unit_b, transit), 150_000)
        self._merge(self.unit_b, self.unit_a)
        entry = self.env["account.move"].search([("ref", "ilike", "41/QĐ-CĐN")])
        moved = entry.line_ids.filtered(lambda item: item.account_id == transit)
        self.assertEqual(sorted(moved.mapped("balance")), [-150_000, 150_000])
        self.assertTrue(all(moved.mapped("reconciled")))
        self.assertEqual((self._balance(self.unit_b, transit), self._balance(self.unit_a, transit)),
                         (0, 150_000))
        self.assertEqual(self.env["account.move.line"].search([
            ("account_id", "=", transit.id), ("parent_state", "=", "posted"),
            ("reconciled", "=", False)]), waiting, "the payment still waits for its statement line")

    def test_merge_across_companies_closes_and_opens(self):
        run = self._run(self.unit_b, date(2025, 7, 1), include_children=False)
        line = self._lines(run, self.member_b1)
        old_item = line.move_line_id
        upward = self.company.union_dues_upward_account_id
        other = self.env["res.company"].create({"name": "LĐLĐ tỉnh Lâm Đồng (thử)",
                                                "currency_id": self.env.ref("base.VND").id})
        self.user_upper.sudo().company_ids = [(4, other.id)]
        target = self.env["union.organization"].create({
            "name": "Công đoàn phường Bắc Gia Nghĩa", "code": "T-PBGN", "level": "upper",
            "parent_id": self.upper.id, "company_id": other.id})
        self._merge(self.unit_b, target)
        entries = self.env["account.move"].sudo().search([("ref", "ilike", "41/QĐ-CĐN")])
        self.assertEqual(entries.company_id, self.company | other)
        self.assertEqual(set(entries.mapped("state")), {"posted"})
        self.assertEqual(self._balance(self.unit_b, upward), 0)
        opening = entries.filtered(lambda move: move.company_id == other)
        self.assertIn(45_000.0, opening.line_ids.mapped("credit"))
        # the unpaid dues: the closing unit's receivable (booked per unit, with its analytic
        # account) leaves the old company's books and opens in the new one; the dues line, the
        # member's detail, follows the surviving unit
        receivable = self.company.union_dues_receivable_account_id
        self.assertFalse(old_item, "booked per unit: no member-level item")
        self.assertEqual(self._balance(self.unit_b, receivable), 0)
        opened = opening.line_ids.filtered(
            lambda item: item.account_id.account_type == "asset_receivable" and item.debit)
        self.assertEqual(sum(opened.mapped("debit")), 150_000)
        self.assertEqual(line.organization_id, target)
        self.assertEqual(line.payment_state, "unpaid")
        # ... and its company: the surviving unit's accountants collect it
        self.assertEqual(line.company_id, other)
        # without a setting, the entries balance on the union chart's 33684 or the payable upward
        Account = self.env["account.account"].with_company(other)
        chart = Account.search([*Account._check_company_domain(other), ("code", "=", "33684")])
        self.assertIn(chart or other.union_upper_payable_account_id, opening.line_ids.account_id)

    def _other_company_target(self):
        other = self.env["res.company"].create({"name": "LĐLĐ tỉnh Lâm Đồng (thử)",
                                                "currency_id": self.env.ref("base.VND").id})
        self.user_upper.sudo().company_ids = [(4, other.id)]
        target = self.env["union.organization"].create({
            "name": "Công đoàn phường Bắc Gia Nghĩa", "code": "T-PBGN", "level": "upper",
            "parent_id": self.upper.id, "company_id": other.id})
        return other, target

    def test_paid_dues_lines_stay_in_their_company(self):
        """Across companies only the unpaid lines change company; a paid one stays where it was paid."""
        run = self._run(self.unit_b, date(2025, 7, 1), include_children=False)
        line = self._lines(run, self.member_b1)
        self.env["union.dues.payment"].create({
            "kind": "cash", "organization_id": self.unit_b.id, "member_id": self.member_b1.id,
            "amount": line.amount, "date": date(2025, 7, 10)}).action_post()
        self.assertEqual(line.payment_state, "paid")
        run_aug = self._run(self.unit_b, date(2025, 8, 1), include_children=False)
        unpaid = self._lines(run_aug, self.member_b1)
        other, target = self._other_company_target()
        self._merge(self.unit_b, target)
        self.assertEqual((line.company_id, line.organization_id), (self.company, self.unit_b))
        self.assertEqual((unpaid.company_id, unpaid.organization_id), (other, target))
        self.assertEqual(run_aug.company_id, self.company)  # the run itself is not rewritten
        # the accountant of the surviving unit's company finds it among their company's dues
        self.assertIn(unpaid, self.env["union.dues.line"].with_company(other).search(
            [("company_id", "=", other.id)]))

    def test_counterpart_account_chosen_in_the_settings(self):
        run = self._run(self.unit_b, date(2025, 7, 1), include_children=False)
        self._lines(run, self.member_b1)
        other, target = self._other_company_target()
        chosen = {}
        for company, code in ((self.company, "336899"), (other, "336899")):
            company._union_finance_setup_accounting()
            chosen[company] = self.env["account.account"].with_company(company).create({
                "code": code, "name": "Phải trả nội bộ - sáp nhập đơn vị", "account_type": "liability_payable",
                "reconcile": True, "company_ids": [(6, 0, company.ids)]})
        # as the accountant does: Settings / Accounting / Union Dues
        self.env["res.config.settings"].with_company(other).create(
            {"union_merge_counterpart_account_id": chosen[other].id}).execute()
        self.company.union_merge_counterpart_account_id = chosen[self.company]
        self.assertEqual(other.union_merge_counterpart_account_id, chosen[other])
        self._merge(self.unit_b, target)
        entries = self.env["account.move"].sudo().search([("ref", "ilike", "41/QĐ-CĐN")])
        for company in (self.company, other):
            moves = entries.filtered(lambda move, c=company: move.company_id == c)
            self.assertTrue(moves)
            self.assertIn(chosen[company], moves.line_ids.account_id)
            self.assertNotIn(company.union_upper_payable_account_id, moves.line_ids.account_id)

    def test_dissolution_lists_dues_to_refund(self):
        """A unit fully state-funded ended on 1 June 2025: the dissolution lists the dues paid for
        June 2025 on, to refund."""
        run = self._run(self.unit_b, date(2025, 6, 1), include_children=False)
        line = self._lines(run, self.member_b1)
        self.env["union.dues.payment"].create({
            "kind": "cash", "organization_id": self.unit_b.id, "member_id": self.member_b1.id,
            "amount": line.amount, "date": date(2025, 6, 10)}).action_post()
        self.assertEqual(line.payment_state, "paid")
        wizard = self.env["union.organization.dissolve.wizard"].with_user(self.user_upper).new({
            "organization_id": self.unit_b.id, "reason_kind": "state_funded_2025"})
        wizard._onchange_reason_kind()
        self.assertEqual(wizard.date, date(2025, 6, 1))
        self.assertIn("4181/TLĐ-TC", wizard.reason)
        self.assertIn("1 dues line(s) paid for months from 06/2025 on", wizard.settlement)
