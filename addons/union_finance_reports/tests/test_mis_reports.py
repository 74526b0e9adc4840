from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from .common import UnionReportsCommon

# B07 line -> (account code prefixes, sign: +1 debit balance, -1 credit balance)
B07_ITEMS = {
    "i22": (("5182",), -1),
    "i23": (("5181",), -1),
    "i25": (("5183",), -1),
    "i31": (("61131",), 1),
    "i32": (("61132",), 1),
}


@tagged("post_install", "-at_install")
class TestMisReports(UnionReportsCommon, HttpCase):
    """The settlement (B07-TLĐ) and budget (B14-TLĐ) as MIS templates: every
    figure is the sum of its journal items, and opens exactly them."""

    def _open(self, unit, year=2025, user=None, kind="settlement", budget=None):
        wizard = self.env["union.mis.report.wizard"].with_user(user or self.user_acc_a).create({
            "report_kind": kind, "union_organization_id": unit.id, "year": year,
            "budget_id": budget.id if budget else False})
        return wizard._get_instance()

    @staticmethod
    def _figures(instance):
        """{(kpi name, column index): (value, drilldown arg)} of the KPI rows."""
        matrix = instance._compute_matrix()
        figures = {}
        for row in matrix.iter_rows():
            if row.account_id:
                continue
            for index, cell in enumerate(row.iter_cells()):
                if cell is not None:
                    value = cell.val if isinstance(cell.val, (int, float)) else 0
                    figures[row.kpi.name, index] = (value, cell.drilldown_arg)
        return figures

    def _scope(self, unit):
        return self.env["union.finance.xlsx.report"].new(
            {"organization_id": unit.id})._get_analytic_scope().ids

    def _sum(self, prefixes, sign, analytic_ids=None, **period):
        return sign * sum(self._items(prefixes, analytic_ids, **period).mapped("balance"))

    def test_settlement_figures_are_the_units_journal_items(self):
        instance = self._open(self.unit_a)
        self.assertEqual(instance.union_organization_id, self.unit_a)
        self.assertEqual(instance.company_id, self.books)
        figures = self._figures(instance)
        scope = self._scope(self.unit_a)
        self.assertIn(self.analytic_a, scope)
        self.assertNotIn(self.analytic_b, scope)
        for kpi, (prefixes, sign) in B07_ITEMS.items():
            self.assertAlmostEqual(figures[kpi, 0][0], self._sum(prefixes, sign, scope),
                                   msg=f"B07 line {kpi}")
        # the dues run's kept share is there, B's welfare and the 2026 spending are not
        self.assertGreater(figures["i22", 0][0], 0)
        self.assertEqual(figures["i23", 0][0], 1_500_000)
        self.assertEqual(figures["i25", 0][0], 50_000, "the surplus has its own line")
        self.assertEqual(figures["i31", 0][0], 0)
        self.assertEqual(figures["i32", 0][0], 0)
        self.assertEqual(figures["i10", 0][0], 5_000_000, "cash brought forward")
        self.assertEqual(figures["m38", 0][0], 200_000)
        self.assertEqual(figures["i20", 0][0], sum(figures[k, 0][0] for k in (
            "i22", "i23", "i24", "i25", "i28")))
        self.assertEqual(figures["i45", 0][0], figures["i20", 0][0] - figures["i30", 0][0])
        self.assertEqual(figures["i50", 0][0], 5_000_000 + 1_500_000 + 50_000 - 200_000)

    def test_company_keeper_sees_every_unit(self):
        # the federation keeps the company's books: its settlement is the whole company's
        figures = self._figures(self._open(self.federation, user=self.user_admin))
        self.assertEqual(figures["i31", 0][0], 300_000)
        self.assertAlmostEqual(figures["i22", 0][0], self._sum(("5182",), -1))
        b_only = self._figures(self._open(self.unit_b, user=self.user_admin))
        self.assertEqual(b_only["i31", 0][0], 300_000)
        self.assertEqual(b_only["i23", 0][0], 0)

    def test_surplus_of_a_dues_run_on_its_own_line(self):
        # the union chart's surplus account is the union revenue 5183, not 711803
        surplus_account = self.books.union_dues_surplus_account_id.with_company(self.books)
        self.assertEqual(surplus_account.code, "5183")
        self.assertEqual(self.run_b_august.amount_surplus, 50_000)
        figures = self._figures(self._open(self.unit_b, user=self.user_admin))
        self.assertEqual(figures["i25", 0][0], 50_000, "B07 line 25: collected above the rate")
        self.assertEqual(figures["i28", 0][0], 0, "not other income")

    def test_each_figure_drills_down_to_its_journal_items(self):
        instance = self._open(self.unit_a)
        figures = self._figures(instance)
        scope = self._scope(self.unit_a)
        for kpi in ("i22", "i25", "i10"):
            value, arg = figures[kpi, 0]
            self.assertTrue(arg, f"{kpi} can be clicked")
            action = instance.with_user(self.user_acc_a).drilldown(arg)
            self.assertEqual(action["res_model"], "account.move.line")
            self.assertIn(("analytic_distribution", "in", scope), action["domain"],
                          "the drilldown keeps the unit's analytic filter")
            items = self.env["account.move.line"].with_user(self.user_acc_a).search(
                action["domain"])
            if kpi == "i10":
                expected = self._items(("111", "112"), scope, date_from=None,
                                       date_to=date(2024, 12, 31))
            else:
                expected = self._items(B07_ITEMS[kpi][0], scope)
            self.assertEqual(items, expected, f"{kpi}: exactly its journal items")
            self.assertAlmostEqual(abs(sum(items.mapped("balance"))), value)

    def test_layout_is_marked_provisional(self):
        report = self.env.ref("union_finance_reports.mis_report_b07")
        self.assertTrue(report.union_provisional)
        self.assertEqual(report.union_form_code, "B07-TLĐ")
        instance = self._open(self.unit_a)
        self.assertTrue(instance.union_provisional)
        arch = instance.get_views([(self.env.ref(
            "mis_builder.mis_report_instance_result_view_form").id, "form")])["views"]["form"]["arch"]
        self.assertIn("o_union_provisional_notice", arch)
        # the union administrator edits the layout; an accountant does not
        kpi = self.env.ref("union_finance_reports.mis_report_b07_i31")
        kpi.with_user(self.user_admin).description = "31. Chi chăm lo đoàn viên"
        with self.assertRaises(AccessError):
            kpi.with_user(self.user_acc_a).description = "31. Khác"
        # the official form replaces the layout: the notice goes
        report.with_user(self.user_admin).union_provisional = False
        self.assertFalse(instance.union_provisional)

    def test_instance_is_made_once(self):
        first = self._open(self.unit_a)
        again = self._open(self.unit_a)
        self.assertEqual(first, again)
        self.assertEqual(len(again.period_ids), 1)

    def test_budget_columns(self):
        report = self.env.ref("union_finance_reports.mis_report_b14")
        expression = report.kpi_ids.filtered(lambda kpi: kpi.name == "i31").expression_ids
        budget = self.env["mis.budget"].with_user(self.user_acc_a).create({
            "name": "Dự toán 2026 trường A", "report_id": report.id,
            "union_organization_id": self.unit_a.id, "company_id": self.books.id,
            "date_from": date(2026, 1, 1), "date_to": date(2026, 12, 31),
            "item_ids": [(0, 0, {"kpi_expression_id": expression.id, "amount": 4_000_000,
                                 "date_from": date(2026, 1, 1),
                                 "date_to": date(2026, 12, 31)})]})
        instance = self._open(self.unit_a, year=2026, kind="budget", budget=budget)
        self.assertEqual(instance.period_ids.mapped("name"),
                         ["Settlement 2025", "Budget 2026", "Actual 2026"])
        figures = self._figures(instance)
        self.assertEqual(figures["i23", 0][0], 1_500_000, "last year's settlement")
        self.assertEqual(figures["i31", 1][0], 4_000_000, "the budget")
        self.assertEqual(figures["i32", 2][0], 70_000, "this year's spending so far")

    def test_access(self):
        # an officer without the accountant's rights does not open the books
        with self.assertRaises(AccessError):
            self.env["union.mis.report.wizard"].with_user(self.user_officer_a).create({
                "union_organization_id": self.unit_a.id, "year": 2025})
        # an accountant does not open another unit's settlement
        with self.assertRaises(AccessError):
            self._open(self.unit_b)
        # nor reads it when someone else made it
        instance_b = self._open(self.unit_b, user=self.user_admin)
        Instance = self.env["mis.report.instance"].with_user(self.user_acc_a)
        domain = [("union_organization_id", "!=", False)]
        self.assertNotIn(instance_b.id, [row["id"] for row in Instance.search_read(domain, ["id"])])
        self.assertFalse([group for group in Instance.read_group(
            domain, ["union_organization_id"], ["union_organization_id"])
            if group["union_organization_id"][0] == self.unit_b.id])
        with self.assertRaises(AccessError):
            instance_b.with_user(self.user_acc_a).export_data(["name"])
        with self.assertRaises(AccessError):
            instance_b.with_user(self.user_acc_a).compute()
        # nor points a budget at it
        with self.assertRaises(AccessError):
            self.env["mis.budget"].with_user(self.user_acc_a).create({
                "name": "B", "report_id": self.env.ref("union_finance_reports.mis_report_b14").id,
                "union_organization_id": self.unit_b.id, "company_id": self.books.id,
                "date_from": date(2026, 1, 1), "date_to": date(2026, 12, 31)})
        # a bad year is refused in words
        with self.assertRaises(UserError):
            self.env["union.mis.report.wizard"].with_user(self.user_acc_a).create({
                "union_organization_id": self.unit_a.id, "year": 25})

    @mute_logger("odoo.http")
    def test_json_rpc_open_compute_drilldown(self):
        """What the accountant's browser does: open the report, compute it, click a figure."""
        self.authenticate(self.user_acc_a.login, self.user_acc_a.login)

        def call(model, method, args, **kwargs):
            return self.make_jsonrpc_request("/web/dataset/call_kw", {
                "model": model, "method": method, "args": args, "kwargs": kwargs})

        wizard_id = call("union.mis.report.wizard", "create", [{
            "report_kind": "settlement", "union_organization_id": self.unit_a.id, "year": 2025}])
        action = call("union.mis.report.wizard", "action_open", [[wizard_id]])
        self.assertEqual(action["res_model"], "mis.report.instance")
        result = call("mis.report.instance", "compute", [[action["res_id"]]])
        surplus = next(row for row in result["body"] if row["label"].startswith("25."))["cells"][0]
        self.assertEqual(surplus["val"], 50_000)
        drilldown = call("mis.report.instance", "drilldown", [[action["res_id"]],
                                                               surplus["drilldown_arg"]])
        items = call("account.move.line", "search_read", [drilldown["domain"], ["balance"]])
        self.assertEqual(sum(item["balance"] for item in items), -50_000)
        # unit B's settlement is refused, and so is B's instance made by the administrator
        with self.assertRaises(JsonRpcException):
            call("union.mis.report.wizard", "create", [{
                "report_kind": "settlement", "union_organization_id": self.unit_b.id,
                "year": 2025}])
        instance_b = self._open(self.unit_b, user=self.user_admin)
        with self.assertRaises(JsonRpcException):
            call("mis.report.instance", "compute", [[instance_b.id]])
