"""Issue 15: posted entries are evidence; dues are booked at the level an
accountant books (one entry per unit and month), member detail lives in the
union's own subledger (union.dues.allocation); each payment is booked once."""
from datetime import date
from unittest.mock import patch

from odoo.exceptions import AccessError
from odoo.fields import Command
from odoo.tests import new_test_user, tagged

from .test_fund import UnionFundCommon


@tagged("post_install", "-at_install")
class TestBooks(UnionFundCommon):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.receivable = cls.company.union_dues_receivable_account_id

    def _pay(self, member, amount, kind="cash", day=date(2025, 8, 5)):
        payment = self.env["union.dues.payment"].with_user(self.user_accountant).create({
            "kind": kind, "organization_id": member.organization_id.id, "member_id": member.id,
            "amount": amount, "date": day})
        payment.action_post()
        return payment

    def _unit_item(self, run, unit):
        return run.move_ids.line_ids.filtered(
            lambda aml: aml.account_id == self.receivable and aml.partner_id == unit.partner_id)

    def test_cash_receipt_settles_the_unit_and_the_member(self):
        run = self._run(self.unit_a, date(2025, 7, 1))
        payment = self._pay(self.member_a1, 88_000)
        move = payment.move_id
        self.assertEqual(move.journal_id, self.company.union_dues_cash_journal_id)
        debit = move.line_ids.filtered("debit")
        self.assertEqual((debit.account_id, debit.debit),
                         (self.company.union_dues_cash_journal_id.default_account_id, 88_000))
        credit = move.line_ids.filtered("credit")
        self.assertEqual((credit.account_id, credit.partner_id, credit.credit),
                         (self.receivable, self.unit_a.partner_id, 88_000))
        self.assertFalse(move.line_ids.partner_id & self.member_a1.partner_id, "no member on an item")
        # the books: the unit's receivable of July is settled by reconciliation
        self.assertTrue(credit.reconciled)
        self.assertEqual(self._unit_item(run, self.unit_a).amount_residual, 0)
        self.assertEqual(self._unit_item(run, self.group_a).amount_residual, 300_000)
        # the subledger: which member paid which month
        a1_july = run.line_ids.filtered(lambda line: line.member_id == self.member_a1)
        self.assertEqual(payment.allocation_ids.mapped(lambda a: (a.line_id, a.amount, a.date)),
                         [(a1_july, 88_000, date(2025, 8, 5))])
        self.assertEqual((a1_july.payment_state, a1_july.amount_paid), ("paid", 88_000))

    def test_bank_transfer_waits_in_transit(self):
        """CONTRACT with the bank statements: one debit, on money in transit."""
        self._run(self.unit_a, date(2025, 7, 1))
        payment = self._pay(self.member_a2, 300_000, kind="bank")
        debits = payment.move_id.line_ids.filtered("debit")
        self.assertEqual(len(debits), 1)
        self.assertEqual(debits.account_id, payment._union_receipt_account())
        self.assertNotEqual(debits.account_id, payment.journal_id.default_account_id,
                            "the bank account moves with the statement line only")
        self.assertEqual(payment.dues_line_ids.member_id, self.member_a2)
        self.assertEqual(payment.dues_line_ids.payment_state, "paid")

    def test_oldest_month_first_and_credit_for_the_next_run(self):
        self._run(self.unit_a, date(2025, 7, 1))
        august = self._run(self.unit_a, date(2025, 8, 1))
        payment = self._pay(self.member_a1, 200_000, day=date(2025, 9, 2))
        months = payment.allocation_ids.mapped(lambda a: (a.month, a.amount))
        self.assertEqual(months, [(date(2025, 7, 1), 88_000), (date(2025, 8, 1), 88_000),
                                  (False, 24_000)], "July, then August, the rest is a credit")
        credit = payment.allocation_ids.filtered(lambda a: not a.line_id)
        self.assertEqual(credit.organization_id, self.unit_a)
        self.assertEqual(self.member_a1.dues_amount_due, 0)
        self.assertTrue(august.line_ids)
        september = self._run(self.unit_a, date(2025, 9, 1))
        a1_september = september.line_ids.filtered(lambda line: line.member_id == self.member_a1)
        self.assertEqual((a1_september.payment_state, a1_september.amount_residual), ("partial", 64_000))
        self.assertFalse(self.env["union.dues.allocation"].search(
            [("member_id", "=", self.member_a1.id), ("line_id", "=", False)]), "the credit is used")
        self.assertEqual(a1_september.allocation_ids.payment_id, payment)
        # in the books, the unit's credit is reconciled with its September entry
        self.assertEqual(self._unit_item(september, self.unit_a).amount_residual, 88_000 - 24_000)

    def test_remittance_counts_what_was_allocated(self):
        self._run(self.unit_a, date(2025, 7, 1))
        self._pay(self.member_a1, 88_000, day=date(2025, 8, 5))
        remittance = self.env["union.remittance"].with_user(self.user_accountant).create({
            "organization_id": self.unit_a.id, "date_from": date(2025, 8, 1),
            "date_to": date(2025, 8, 31)})
        remittance.action_compute()
        self.assertEqual((remittance.collected_dues, remittance.dues_upward), (88_000, 26_400))

    def test_migration_member_entries_still_settled_member_by_member(self):
        """One entry of each kind: June posted member by member before the
        change (kept as it is), July booked per unit; one payment settles both."""
        june = self._run(self.unit_a, date(2025, 6, 1), post=False)
        lines = june.line_ids.sorted("id")
        legacy = self.env["account.move"].create({
            "move_type": "entry", "journal_id": self.company.union_dues_journal_id.id,
            "date": date(2025, 6, 30), "ref": "Union dues 06/2025 (before the change)",
            "line_ids": [Command.create({
                "name": line.payment_reference, "account_id": self.receivable.id,
                "partner_id": line.partner_id.id, "debit": line.amount, "credit": 0})
                for line in lines] + [Command.create({
                    "name": "income", "account_id": self.company.union_dues_income_account_id.id,
                    "debit": 0, "credit": sum(lines.mapped("amount"))})],
        })
        legacy.action_post()
        items = legacy.line_ids.filtered(lambda aml: aml.partner_id).sorted("id")
        june.write({"state": "posted", "move_id": legacy.id})
        for line, item in zip(lines, items):
            line.move_line_id = item
        snapshot = legacy.line_ids.mapped(lambda aml: (aml.id, aml.account_id, aml.partner_id,
                                                        aml.debit, aml.credit))
        a1_june = lines.filtered(lambda line: line.member_id == self.member_a1)
        self.assertEqual((a1_june.payment_state, a1_june.amount), ("unpaid", 176_000))
        july = self._run(self.unit_a, date(2025, 7, 1))
        a1_july = july.line_ids.filtered(lambda line: line.member_id == self.member_a1)
        payment = self._pay(self.member_a1, 176_000 + 50_000, day=date(2025, 8, 10))
        # June: the member's own item, reconciled with the member's part of the payment
        self.assertEqual(a1_june.payment_state, "paid")
        self.assertTrue(a1_june.move_line_id.reconciled)
        member_credit = payment.move_id.line_ids.filtered(
            lambda aml: aml.partner_id == self.member_a1.partner_id)
        self.assertEqual((member_credit.credit, member_credit.reconciled), (176_000, True))
        # July: the unit's part, allocated
        self.assertEqual((a1_july.payment_state, a1_july.amount_residual), ("partial", 38_000))
        self.assertEqual(payment.allocation_ids.line_id, a1_july)
        self.assertEqual(payment.dues_line_ids, a1_june | a1_july)
        self.assertEqual(self.member_a1.dues_amount_due, 38_000)
        # the entry posted before the change is never rewritten
        self.assertEqual(legacy.line_ids.mapped(lambda aml: (aml.id, aml.account_id, aml.partner_id,
                                                              aml.debit, aml.credit)), snapshot)
        self.assertEqual(legacy.state, "posted")
        # and its run is still reversed by Odoo's reversal
        june.action_reverse()
        self.assertEqual(june.reversal_move_id.reversed_entry_id, legacy)

    def test_integrity_report_clean_with_hash_and_audit_trail(self):
        """Hash-locked journals and the audit trail on: a run, payments, a
        reversal and a remittance, then Odoo's integrity report."""
        company = self.company
        company.check_account_audit_trail = True
        journals = (company.union_dues_journal_id | company.union_dues_cash_journal_id
                    | company.union_dues_payment_journal_id)
        journals.restrict_mode_hash_table = True
        july = self._run(self.unit_a, date(2025, 7, 1))
        august = self._run(self.unit_a, date(2025, 8, 1))
        self._pay(self.member_a1, 88_000, day=date(2025, 8, 5))
        self._pay(self.member_a2, 300_000, kind="bank", day=date(2025, 8, 6))
        august.action_reverse()
        remittance = self.env["union.remittance"].with_user(self.user_accountant).create({
            "organization_id": self.unit_a.id, "date_from": date(2025, 8, 1),
            "date_to": date(2025, 8, 31)})
        remittance.action_compute()
        remittance.action_post()
        remittance.payment_date = date(2025, 9, 10)
        remittance.action_register_payment()
        self.assertEqual(remittance.state, "paid")
        moves = (july.move_ids | august.move_ids | august.reversal_move_ids
                 | remittance.move_id | remittance.payment_move_id)
        self.assertTrue(all(moves.mapped("inalterable_hash")), "every entry is hashed on posting")
        auditor = new_test_user(self.env, login="t_books_auditor", name="Kiểm toán",
                                groups="base.group_user,account.group_account_user")
        results = company.with_user(auditor)._check_hash_integrity()["results"]
        statuses = {result["journal_name"]: result["status"] for result in results}
        self.assertNotIn("corrupted", statuses.values(), statuses)
        dues_journal = company.union_dues_journal_id.name
        self.assertTrue(any(name.startswith(dues_journal) and status == "verified"
                            for name, status in statuses.items()), statuses)

    def test_locked_month_is_booked_on_the_first_open_date(self):
        company = self.company
        company.fiscalyear_lock_date = date(2025, 7, 31)
        run = self._run(self.unit_a, date(2025, 7, 1), post=False)
        expected = run._union_posting_date(company)
        self.assertGreater(expected, date(2025, 7, 31))
        # the officer is told on the run form before confirming
        self.assertIn(expected.strftime("%d/%m/%Y"), run.lock_date_warning)
        self.assertIn("07/2025", run.lock_date_warning)
        arch = self.env["union.dues.run"].get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertIn('name="lock_date_warning"', arch)
        run.action_confirm()
        self.assertFalse(run.lock_date_warning)
        self.assertEqual(set(run.move_ids.mapped("date")), {expected})
        self.assertTrue(all("07/2025" in ref for ref in run.move_ids.mapped("ref")))
        self.assertEqual(set(run.line_ids.mapped("month")), {date(2025, 7, 1)})
        items = self.env["account.move.line"].search([("date", "<=", date(2025, 7, 31)),
                                                      ("move_id", "in", run.move_ids.ids)])
        self.assertFalse(items, "no journal item dated inside the locked period")
        self.assertFalse(self._run(self.unit_a, date(2025, 9, 1), post=False).lock_date_warning)

    def test_allocations_are_read_as_the_dues_lines(self):
        self._run(self.upper, date(2025, 7, 1))
        self._pay(self.member_a1, 88_000)
        self._pay(self.member_b1, 150_000)
        Allocation = self.env["union.dues.allocation"]
        mine = Allocation.with_user(self.user_portal_a1).search_read([], ["member_id", "amount"])
        self.assertEqual({rec["member_id"][0] for rec in mine}, {self.member_a1.id})
        officer_b = Allocation.with_user(self.user_officer_b)
        self.assertEqual({rec["member_id"][0] for rec in officer_b.search_read([], ["member_id"])},
                         {self.member_b1.id})
        groups = officer_b.read_group([], ["amount:sum"], ["organization_id"])
        self.assertEqual([g["organization_id"][0] for g in groups], [self.unit_b.id])
        exported = officer_b.search([]).export_data(["member_id/name", "amount"])["datas"]
        self.assertEqual({row[0] for row in exported}, {self.member_b1.name})
        a1_allocation = Allocation.search([("member_id", "=", self.member_a1.id)])
        with self.assertRaises(AccessError):
            a1_allocation.with_user(self.user_officer_b).read(["amount"])
        with self.assertRaises(AccessError):
            a1_allocation.with_user(self.user_officer_a).unlink()
        with self.assertRaises(AccessError):
            Allocation.with_user(self.user_portal_a1).create({
                "payment_id": a1_allocation.payment_id.id, "member_id": self.member_a1.id,
                "organization_id": self.unit_a.id, "company_id": self.company.id,
                "amount": 1_000_000, "date": date(2025, 8, 1)})

    def test_entries_created_by_batches(self):
        Run = type(self.env["union.dues.run"])
        with patch.object(Run, "_move_batch_size", 2):
            run = self._run(self.upper, date(2025, 7, 1))
        self.assertEqual(len(run.move_ids), 3, "unit A, its group, unit B: two batches")
        self.assertEqual(set(run.move_ids.mapped("state")), {"posted"})
        self.assertEqual(sum(run.move_ids.mapped("amount_total")), run.amount_total)
