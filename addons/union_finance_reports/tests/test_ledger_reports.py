from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from .common import UnionReportsCommon

WIZARDS = {
    "general_ledger": "general.ledger.report.wizard",
    "trial_balance": "trial.balance.report.wizard",
    "journal_ledger": "journal.ledger.report.wizard",
}


@tagged("post_install", "-at_install")
class TestLedgerReports(UnionReportsCommon, HttpCase):
    """OCA's general ledger, trial balance and journal ledger of a union unit:
    the unit's journal items only (its analytic accounts) when it books in its
    parent's company, for the accountants of that unit only."""

    def _values(self, report, unit, user=None, **extra):
        user = user or self.user_acc_a
        vals = {"company_id": self.books.id, "date_from": date(2025, 1, 1),
                "date_to": date(2025, 12, 31), "union_organization_id": unit.id if unit else False}
        if report == "journal_ledger":
            vals["move_target"] = "posted"
        else:
            vals["target_move"] = "posted"
        wizard = self.env[WIZARDS[report]].with_user(user).create(dict(vals, **extra))
        data = wizard._prepare_report_data()
        return self.env[f"report.account_financial_report.{report}"].with_user(
            user)._get_report_values(wizard.ids, data)

    def _scope(self, unit):
        return self.env["union.finance.xlsx.report"].new(
            {"organization_id": unit.id})._get_analytic_scope().ids

    def _account_balances(self, items):
        balances = {}
        for item in items:
            balances[item.account_id.id] = balances.get(item.account_id.id, 0) + item.balance
        return {account: total for account, total in balances.items() if total}

    def test_trial_balance_of_a_unit(self):
        values = self._values("trial_balance", self.unit_a)
        scope = self._scope(self.unit_a)
        totals = {account: amounts["balance"]
                  for account, amounts in values["total_amount"].items() if amounts["balance"]}
        expected = self._account_balances(self._items(("",), scope))
        self.assertEqual(totals, expected, "the year's movements of unit A's journal items")
        self.assertNotIn(self._account("61131").id, totals, "B's welfare is not A's")
        cash = values["total_amount"][self._account("1111").id]
        self.assertEqual(cash["initial_balance"], 5_000_000)
        self.assertEqual(cash["ending_balance"], 5_050_000)
        # the federation keeps the company's books: the whole company
        company = self._values("trial_balance", self.federation, user=self.user_admin)
        self.assertEqual(company["total_amount"][self._account("61131").id]["balance"], 300_000)

    def test_general_ledger_of_a_unit(self):
        values = self._values("general_ledger", self.unit_a)
        scope = self._scope(self.unit_a)
        ledger = {account["id"]: account for account in values["general_ledger"]}
        for code, balance in (("5183", -50_000), ("5181", -1_500_000), ("33683", 200_000)):
            self.assertEqual(ledger[self._account(code).id]["fin_bal"]["balance"], balance, code)
        self.assertNotIn(self._account("61131").id, ledger)
        income = self._items(("5182",), scope)
        self.assertAlmostEqual(ledger[self._account("5182").id]["fin_bal"]["balance"],
                               sum(income.mapped("balance")))

    def test_journal_ledger_of_a_unit(self):
        values = self._values("journal_ledger", self.unit_a)
        scope = self._scope(self.unit_a)
        moves = {move["move_id"] for move in values["Moves"]}
        expected = self._items(("",), scope).move_id
        self.assertEqual(moves, set(expected.ids))
        self.assertFalse(moves & set(self._items(("",), self._scope(self.unit_b)).move_id.ids))
        lines = [line for move in values["Moves"] for line in move["report_move_lines"]]
        self.assertEqual(sum(line["debit"] for line in lines),
                         sum(self._items(("",), scope).mapped("debit")))

    def test_access(self):
        # a union accountant chooses one of their units...
        for report in WIZARDS:
            with self.assertRaises(UserError, msg=report):
                self._values(report, False)
            with self.assertRaises(AccessError, msg=report):
                self._values(report, self.unit_b)
        # ...an officer without the accountant's rights reads no journal item at all
        with self.assertRaises(AccessError):
            self._values("trial_balance", self.unit_a, user=self.user_officer_a)
        # the scope comes from the user's own wizard, never from the data sent
        admin_wizard = self.env["trial.balance.report.wizard"].with_user(self.user_admin).create({
            "company_id": self.books.id, "date_from": date(2025, 1, 1),
            "date_to": date(2025, 12, 31)})
        data = admin_wizard._prepare_report_data()
        with self.assertRaises(UserError):
            self.env["report.account_financial_report.trial_balance"].with_user(
                self.user_acc_a)._get_report_values(admin_wizard.ids, data)

    @mute_logger("odoo.http")
    def test_json_rpc(self):
        self.authenticate(self.user_acc_a.login, self.user_acc_a.login)

        def call(method, args):
            return self.make_jsonrpc_request("/web/dataset/call_kw", {
                "model": "trial.balance.report.wizard", "method": method, "args": args,
                "kwargs": {}})

        vals = {"company_id": self.books.id, "date_from": "2025-01-01", "date_to": "2025-12-31"}
        with self.assertRaises(JsonRpcException, msg="another unit") as refusal:
            call("create", [dict(vals, union_organization_id=self.unit_b.id)])
        self.assertIn("AccessError", str(refusal.exception))
        wizard_id = call("create", [vals])
        with self.assertRaises(JsonRpcException, msg="no unit") as refusal:
            call("button_export_html", [[wizard_id]])
        self.assertIn("UserError", str(refusal.exception))
        wizard_id = call("create", [dict(vals, union_organization_id=self.unit_a.id)])
        action = call("button_export_html", [[wizard_id]])
        self.assertEqual(action["report_name"], "account_financial_report.trial_balance")
