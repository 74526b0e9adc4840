from datetime import date

from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.union_finance.tests.common import UnionFinanceCommon


class UnionReportsCommon(UnionFinanceCommon):
    """The test province books in one company on the union chart: the
    federation keeps the company's books, the grassroots units A and B book
    in it with their analytic accounts. 2025 holds a dues run of each unit
    (the suite's own posting) and a few entries of the other flows."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.books = cls.env["res.company"].create({"name": "LĐLĐ tỉnh Thử nghiệm (sổ kế toán)"})
        cls.env["account.chart.template"].try_loading("vn_union", cls.books, install_demo=False)
        cls.env.user.company_ids |= cls.books
        (cls.federation | cls.upper | cls.unit_a | cls.unit_b | cls.group_a).write(
            {"company_id": cls.books.id})
        cls.user_admin.write({"company_ids": [Command.link(cls.books.id)]})
        cls.user_acc_a = new_test_user(
            cls.env, login="t_reports_acc_a", name="Kế toán trường A",
            groups="base.group_user,union_finance.group_union_accountant",
            company_id=cls.books.id, company_ids=[cls.books.id])
        cls.user_acc_a.union_organization_ids = [Command.set(cls.unit_a.ids)]
        cls.user_officer_a.write({"company_ids": [Command.link(cls.books.id)]})

        cls.run_a = cls._run(cls.unit_a, date(2025, 7, 1))
        cls.run_b = cls._run(cls.unit_b, date(2025, 7, 1))
        # from August, unit B (group 3) collects 1% on 10,000,000: 50,000 above the rate
        cls.env["union.dues.surplus.resolution"].create({
            "name": "01/NQ-BCH", "organization_id": cls.unit_b.id, "date": date(2025, 7, 20),
            "date_from": date(2025, 8, 1), "rate": 1.0})
        cls.env["union.member.dues.base"].create({
            "member_id": cls.member_b1.id, "date_start": date(2025, 8, 1), "amount": 10_000_000})
        cls.run_b_august = cls._run(cls.unit_b, date(2025, 8, 1))
        cls.journal = cls.env["account.journal"].search([
            ("company_id", "=", cls.books.id), ("type", "=", "general")], limit=1)
        cls.analytic_a = cls.unit_a._union_analytic_map()[cls.unit_a.id]
        cls.analytic_b = cls.unit_b._union_analytic_map()[cls.unit_b.id]
        entries = [
            # unit A's cash brought forward
            (date(2024, 12, 31), cls.analytic_a, "1111", "4211", 5_000_000),
            # the 2% fund allocated to A by the upper level
            (date(2025, 9, 10), cls.analytic_a, "1121", "5181", 1_500_000),
            # A's dues collected above the rate (kept 100%)
            (date(2025, 9, 12), cls.analytic_a, "1111", "5183", 50_000),
            # A pays the upper level what it confirmed owing
            (date(2025, 10, 5), cls.analytic_a, "33683", "1121", 200_000),
            # B visits a sick member
            (date(2025, 8, 25), cls.analytic_b, "61131", "1111", 300_000),
            # 2026: not in the 2025 reports
            (date(2026, 1, 15), cls.analytic_a, "61132", "1111", 70_000),
        ]
        cls.moves = cls.env["account.move"].create([cls._entry(*entry) for entry in entries])
        cls.moves.action_post()

    @classmethod
    def _account(cls, code):
        Account = cls.env["account.account"].with_company(cls.books)
        return Account.search(Account._check_company_domain(cls.books) + [("code", "=", code)])

    @classmethod
    def _entry(cls, day, analytic, debit_code, credit_code, amount):
        distribution = {str(analytic): 100}
        return {
            "move_type": "entry", "journal_id": cls.journal.id, "company_id": cls.books.id,
            "date": day, "ref": f"{debit_code}/{credit_code}",
            "line_ids": [
                Command.create({"name": "test", "account_id": cls._account(debit_code).id,
                                "debit": amount, "analytic_distribution": distribution}),
                Command.create({"name": "test", "account_id": cls._account(credit_code).id,
                                "credit": amount, "analytic_distribution": distribution}),
            ],
        }

    def _items(self, prefixes, analytic_ids=None, date_from=date(2025, 1, 1),
               date_to=date(2025, 12, 31)):
        """The posted journal items of the books on accounts starting with
        ``prefixes`` (and of ``analytic_ids`` when given) in the period."""
        domain = [("company_id", "=", self.books.id), ("parent_state", "=", "posted"),
                  ("date", "<=", date_to)]
        if date_from:
            domain.append(("date", ">=", date_from))
        items = self.env["account.move.line"].search(domain).filtered(
            lambda aml: aml.account_id.with_company(self.books).code.startswith(tuple(prefixes)))
        if analytic_ids is not None:
            items = items.filtered(lambda aml: aml.analytic_distribution and any(
                int(key) in analytic_ids for key in aml.analytic_distribution))
        return items
