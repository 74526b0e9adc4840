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
    settlement and the cash and bank books are drawn per unit from it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the company may hold other books (demo data): the test compares what it adds
        cls.company_before = cls._company_settlement()
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

    @classmethod
    def _company_settlement(cls):
        wizard = cls.env["union.finance.xlsx.report"].create({
            "report_type": "settlement", "organization_id": cls.federation.id, "year": 2025})
        return wizard._settlement_values()[0]

    def _export(self, report_type, unit, **extra):
        # the federation is above the accountant's units: its union administrator reads it
        user = self.user_admin if unit == self.federation else self.user_accountant
        wizard = self.env["union.finance.xlsx.report"].with_user(user).create({
            "report_type": report_type, "organization_id": unit.id, "year": 2025, **extra})
        wizard.action_export()
        sheet = openpyxl.load_workbook(io.BytesIO(base64.b64decode(wizard.file_data))).worksheets[0]
        return wizard, [[cell.value for cell in row] for row in sheet.iter_rows()]

    def _settlement(self, unit):
        wizard, rows = self._export("settlement", unit)
        return wizard, {row[0]: row[2] for row in rows[3:]}

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

    def test_settlement_per_unit_and_for_the_company(self):
        wizard_a, unit_a = self._settlement(self.unit_a)
        wizard_b, unit_b = self._settlement(self.unit_b)
        self.assertEqual((wizard_a.books_scope, wizard_b.books_scope), ("unit", "unit"))
        self.assertEqual((unit_a["22"], unit_a["23"], unit_a["31"], unit_a["38"]),
                         (88_000, 2_000_000, 0, 526_400))
        self.assertEqual((unit_b["22"], unit_b["23"], unit_b["31"], unit_b["38"]),
                         (150_000, 0, 300_000, 0))
        for values in (unit_a, unit_b):
            self.assertEqual(values["10"], 0)
            self.assertEqual(values["50"], values["20"] - values["30"])
        # the federation keeps the company's books: the company-wide settlement has both
        wizard_all, company = self._settlement(self.federation)
        self.assertEqual(wizard_all.books_scope, "company")
        for code in ("22", "23", "31", "38"):
            self.assertEqual(company[code] - self.company_before[code], unit_a[code] + unit_b[code],
                             code)
        # the upper unit shares the company too: its settlement takes the units below it
        _wizard, upper = self._settlement(self.upper)
        self.assertEqual(upper["22"], 238_000)
        self.assertEqual(upper["31"], 300_000)
        # next year, each unit opens with its own closing balance
        values_2026 = {row[0]: row[2] for row in self._export("settlement", self.unit_a,
                                                              year=2026)[1][3:]}
        self.assertEqual(values_2026["10"], unit_a["50"])

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
        self.assertEqual([r[4] for r in rows[4:-1] if r[4]], [2_000_000])
        self.assertEqual([r[5] for r in rows[4:-1] if r[5]], [526_400])
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
            "report_type": "settlement", "organization_id": unit.id, "year": 2025})
        self.assertEqual(wizard.books_scope, "company")
        self.assertIsNone(wizard._get_analytic_scope())
