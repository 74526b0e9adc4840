"""Issue 13, point 7 (the part that does not wait for the union chart of issue 15): books are
separated by company. Two grassroots units keep their own books (each its own company); the
accountant of unit A is allowed only A's company and finds none of B's journal items through
search_read, read_group, export_data, nor by asking for B's company in the context."""
from datetime import date

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import UnionFinanceCommon


@tagged("post_install", "-at_install")
class TestSeparateBooks(UnionFinanceCommon):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        vnd = cls.env.ref("base.VND")
        vnd.active = True
        Company = cls.env["res.company"]
        cls.company_a = Company.create({"name": "Công đoàn Trường THPT A (sổ riêng)",
                                        "currency_id": vnd.id, "country_id": cls.env.ref("base.vn").id})
        cls.company_b = Company.create({"name": "Công đoàn Trường THCS B (sổ riêng)",
                                        "currency_id": vnd.id, "country_id": cls.env.ref("base.vn").id})
        for company in cls.company_a | cls.company_b:
            cls.env["account.chart.template"].try_loading("vn", company=company, install_demo=False)
            company._union_finance_setup_accounting()
        for user in cls.env.user | cls.user_admin:
            user.company_ids |= cls.company_a | cls.company_b
        # a unit keeps its own books: its company (the group below A books in A's company too)
        (cls.unit_a | cls.group_a).company_id = cls.company_a
        cls.unit_b.company_id = cls.company_b
        cls.accountant_a = new_test_user(
            cls.env, login="t_books_a", name="Kế toán A",
            groups="base.group_user,union_finance.group_union_accountant",
            company_id=cls.company_a.id, company_ids=[(6, 0, cls.company_a.ids)])
        cls.accountant_a.union_organization_ids = [(6, 0, cls.unit_a.ids)]
        cls.run_a = cls._run(cls.unit_a, date(2025, 7, 1))
        cls.run_b = cls._run(cls.unit_b, date(2025, 7, 1))
        cls.lines_b = cls.run_b.move_ids.line_ids
        cls.lines_a = cls.run_a.move_ids.line_ids

    def test_runs_book_in_the_units_companies(self):
        self.assertEqual(self.run_a.move_ids.company_id, self.company_a)
        self.assertEqual(self.run_b.move_ids.company_id, self.company_b)
        self.assertTrue(self.lines_a and self.lines_b)

    def test_accountant_a_finds_none_of_bs_journal_items(self):
        AML = self.env["account.move.line"].with_user(self.accountant_a)
        found = AML.search_read([], ["id", "partner_id", "debit", "credit"])
        ids = {rec["id"] for rec in found}
        self.assertTrue(set(self.lines_a.ids) <= ids, "A's accountant sees the debit and credit of A's entry")
        self.assertFalse(ids & set(self.lines_b.ids))
        self.assertFalse(AML.search_read([("move_id", "in", self.run_b.move_ids.ids)], ["id"]))
        self.assertFalse(AML.search_read([("partner_id", "=", self.unit_b.partner_id.id)], ["id"]))
        groups = AML.read_group([], ["balance:sum"], ["company_id"])
        self.assertEqual({group["company_id"][0] for group in groups}, {self.company_a.id})
        groups = AML.read_group([("partner_id", "!=", False)], ["balance:sum"], ["partner_id"])
        self.assertNotIn(self.unit_b.partner_id.id, {g["partner_id"][0] for g in groups})
        exported = AML.search([]).export_data(["move_id/.id", "partner_id/name", "debit"])["datas"]
        moves = {int(row[0]) for row in exported}
        self.assertTrue(set(self.run_a.move_ids.ids) <= moves)
        self.assertFalse(set(self.run_b.move_ids.ids) & moves)
        self.assertNotIn(self.unit_b.partner_id.name, {row[1] for row in exported})
        with self.assertRaises(AccessError):
            self.lines_b.with_user(self.accountant_a).read(["debit"])
        with self.assertRaises(AccessError, msg="B's company cannot be asked for in the context"):
            AML.with_context(allowed_company_ids=[self.company_a.id, self.company_b.id]).search_read(
                [], ["id"])

    def test_accountant_is_allowed_only_their_units_companies(self):
        with self.assertRaises(ValidationError):
            self.accountant_a.company_ids = [(4, self.company_b.id)]
        with self.assertRaises(ValidationError):
            new_test_user(self.env, login="t_books_a2", name="Kế toán A2",
                          groups="base.group_user,union_finance.group_union_accountant",
                          company_id=self.company_a.id,
                          company_ids=[(6, 0, (self.company_a | self.company_b).ids)]
                          ).union_organization_ids = [(6, 0, self.unit_a.ids)]
        # the upper level's accountant keeps the books of every unit below it
        self.user_accountant.company_ids = [(4, self.company_a.id), (4, self.company_b.id)]
        self.assertEqual(self.user_accountant.company_ids & (self.company_a | self.company_b),
                         self.company_a | self.company_b)
