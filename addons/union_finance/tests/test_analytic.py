import base64
import io
from datetime import date

import openpyxl

from odoo.tests import tagged

from .test_fund import UnionFundCommon


@tagged("post_install", "-at_install")
class TestUnitAnalytic(UnionFundCommon):
    """Two grassroots units book in their parent's company: every journal item
    the suite books for a unit carries the unit's analytic account, and the
    cash and bank books are drawn per unit from it (the settlement per unit is B07-TLĐ of
    union_finance_reports, tested there)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._run(cls.unit_a, date(2025, 7, 1))
        cls._run(cls.unit_b, date(2025, 7, 1))
        Payment = cls.env["union.dues.payment"]
        cls.pay_a = Payment.create({"kind": "cash", "organization_id": cls.unit_a.id,
                                    "member_id": cls.member_a1.id, "amount": 88_000,
                                    "date": date(2025, 8, 5)})
        cls.pay_b = Payment.create({"kind": "cash", "organization_id": cls.unit_b.id,
                                    "member_id": cls.member_b1.id, "amount": 150_000,
                                    "date": date(2025, 8, 6)})
        (cls.pay_a | cls.pay_b).action_post()
        cls.fund_a = cls._declare(cls.unit_a, cls.employer_a, date(2025, 7, 1), 100_000_000)
        cls.fund_payment = cls._pay(cls.fund_a, 2_000_000, date(2025, 8, 20))
        cls.welfare_b = cls.env["union.welfare.request"].create({
            "member_id": cls.member_b1.id, "description": "Thăm ốm",
            "kind_id": cls.env.ref("union_finance.union_welfare_kind_sickness").id,
            "amount": 300_000, "date": date(2025, 8, 25), "payment_date": date(2025, 9, 1)})
        cls.welfare_b.action_approve()
        cls.welfare_b.action_pay()
        cls.remittance = cls.env["union.remittance"].create({
            "organization_id": cls.unit_a.id, "date_from": date(2025, 8, 1),
            "date_to": date(2025, 8, 31), "payment_date": date(2025, 9, 10)})
        cls.remittance.action_post()
        cls.remittance.action_register_payment()

    def _export(self, report_type, unit, **extra):
        # the federation is above the accountant's units: its union administrator reads it
        user = self.user_admin if unit == self.federation else self.user_accountant
        wizard = self.env["union.finance.xlsx.report"].with_user(user).create({
            "report_type": report_type, "organization_id": unit.id, "year": 2025, **extra})
        wizard.action_export()
        sheet = openpyxl.load_workbook(io.BytesIO(base64.b64decode(wizard.file_data))).worksheets[0]
        return wizard, [[cell.value for cell in row] for row in sheet.iter_rows()]

    def test_every_item_carries_the_unit(self):
        dist_a = self.unit_a._union_analytic_distribution()
        dist_b = self.unit_b._union_analytic_distribution()
        self.assertNotEqual(dist_a, dist_b)
        self.assertEqual(self.unit_a.analytic_account_id.plan_id,
                         self.env.ref("union_finance.analytic_plan_union"))
        for moves, dist in (
                (self.pay_a.move_id, dist_a), (self.pay_b.move_id, dist_b),
                (self.fund_a.move_id, dist_a), (self.fund_payment.move_id, dist_a),
                (self.remittance.move_id, dist_a), (self.remittance.payment_move_id, dist_a),
                (self.welfare_b.move_id, dist_b)):
            self.assertTrue(moves)
            for aml in moves.line_ids:
                self.assertEqual(aml.analytic_distribution, dist, f"{moves.ref}: {aml.name}")
        # the fund entry: receivable, kept income and the part owed upward
        self.assertEqual(len(self.fund_a.move_id.line_ids), 3)

    def test_cash_and_bank_books_per_unit(self):
        _wizard, rows = self._export("cash_book", self.unit_b)
        movements = rows[4:-1]
        self.assertEqual([r[4] for r in movements if r[4]], [150_000])
        self.assertEqual([r[5] for r in movements if r[5]], [300_000])
        self.assertEqual(rows[3][6], 0, "opening balance of the unit")
        self.assertEqual(rows[-1][4:7], [150_000, 300_000, -150_000])
        _wizard, rows = self._export("cash_book", self.unit_a)
        self.assertEqual([r[4] for r in rows[4:-1] if r[4]], [88_000])
        self.assertEqual([r[5] for r in rows[4:-1] if r[5]], [])
        _wizard, rows = self._export("bank_book", self.unit_a)
        # the fund transfer and the remittance paid by transfer wait on money in transit
        # (1131, 1132) until the statement (the bank's book)
        self.assertEqual(rows[4:-1], [])
        _wizard, rows = self._export("bank_book", self.unit_b)
        self.assertEqual(rows[4:-1], [])
        # the company's book has both units' cash
        _wizard, rows = self._export("cash_book", self.federation)
        received = [r[4] for r in rows[4:-1] if r[4]]
        self.assertIn(88_000, received)
        self.assertIn(150_000, received)

    def test_unit_with_its_own_company_keeps_company_books(self):
        own = self.env["res.company"].create({
            "name": "Công đoàn Trường THCS B (kế toán riêng)",
            "currency_id": self.env.ref("base.VND").id})
        unit = self.env["union.organization"].create({
            "name": "Công đoàn Trường C", "code": "T-C", "level": "grassroots",
            "parent_id": self.upper.id, "company_id": own.id})
        wizard = self.env["union.finance.xlsx.report"].create({
            "report_type": "cash_book", "organization_id": unit.id, "year": 2025})
        self.assertEqual(wizard.books_scope, "company")
        self.assertIsNone(wizard._get_analytic_scope())
