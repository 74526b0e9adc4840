import base64
import io
from datetime import date
from unittest.mock import patch

import openpyxl

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.union_membership.tests.jobs import trap_jobs

from .test_fund import UnionFundCommon


@tagged("post_install", "-at_install")
class TestFinanceXlsxReports(UnionFundCommon):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._run(cls.unit_a, date(2025, 7, 1))
        cls._run(cls.unit_b, date(2025, 7, 1))
        Payment = cls.env["union.dues.payment"]
        for unit, member, amount in ((cls.unit_a, cls.member_a1, 88_000),
                                     (cls.unit_b, cls.member_b1, 150_000)):
            Payment.create({"kind": "cash", "organization_id": unit.id, "member_id": member.id,
                            "amount": amount, "date": date(2025, 8, 5)}).action_post()
        fund = cls._declare(cls.unit_a, cls.employer_a, date(2025, 7, 1), 100_000_000)
        cls._pay(fund, 2_000_000, date(2025, 8, 20))
        welfare = cls.env["union.welfare.request"].create({
            "member_id": cls.member_a1.id, "description": "Thăm ốm nằm viện",
            "kind_id": cls.env.ref("union_finance.union_welfare_kind_sickness").id,
            "amount": 500_000, "date": date(2025, 8, 25), "payment_date": date(2025, 9, 1)})
        welfare.action_approve()
        welfare.action_pay()
        cls.remittance = cls.env["union.remittance"].create({
            "organization_id": cls.unit_a.id, "date_from": date(2025, 8, 1),
            "date_to": date(2025, 8, 31), "payment_date": date(2025, 9, 10)})
        cls.remittance.action_post()
        cls.remittance.action_register_payment()

    def _export(self, report_type, unit=None, user=None, **extra):
        return self._export_book(report_type, unit, user, **extra).worksheets[0]

    def _export_book(self, report_type, unit=None, user=None, **extra):
        wizard = self.env["union.finance.xlsx.report"].with_user(user or self.user_accountant).create({
            "report_type": report_type, "organization_id": (unit or self.unit_a).id, "year": 2025,
            **extra})
        action = wizard.action_export()
        self.assertIn(f"/web/content/union.finance.xlsx.report/{wizard.id}/file_data/", action["url"])
        book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(wizard.file_data)))
        self.assertTrue(wizard.file_name.endswith("-2025.xlsx"))
        return book

    def _rows(self, sheet):
        return [[cell.value for cell in row] for row in sheet.iter_rows()]

    def test_dues_collection_by_unit_and_month(self):
        rows = self._rows(self._export("dues_collection"))
        self.assertIn("07/2025", rows[2][14])
        self.assertIn("07/2025", rows[2][15])
        by_unit = {row[0]: row for row in rows[3:-1]}
        by_unit["Total"] = rows[-1]
        self.assertEqual(set(by_unit), {self.unit_a.name, self.group_a.name, "Total"})
        # July: columns 14 (due) and 15 (paid); totals at 26, 27, 28
        self.assertEqual(by_unit[self.unit_a.name][14:16], [88_000, 88_000])
        self.assertEqual(by_unit[self.group_a.name][14:16], [300_000, 0])
        self.assertEqual(by_unit["Total"][26:29], [388_000, 88_000, 300_000])
        self.assertEqual(by_unit[self.unit_a.name][2], 0, "January: nothing due")

    def test_settlement_is_retired_for_b07(self):
        """One settlement, traceable to journal items: the MIS template B07-TLĐ of
        union_finance_reports. The cash-based XLSX settlement is no report type and its
        layout has no menu any more; its layout lines stay readable (data kept)."""
        Wizard = self.env["union.finance.xlsx.report"]
        self.assertNotIn("settlement", dict(Wizard._fields["report_type"].selection))
        self.assertFalse(self.env.ref("union_finance.union_settlement_line_menu",
                                      raise_if_not_found=False))
        lines = self.env["union.settlement.line"].with_user(self.user_accountant).search_read(
            [], ["code", "account_codes"])
        self.assertIn("22", [line["code"] for line in lines])
        with self.assertRaises(AccessError):
            self.env["union.settlement.line"].with_user(self.user_accountant).create(
                {"code": "99", "name": "x", "source": "income"})

    def test_cash_and_bank_books(self):
        rows = self._rows(self._export("cash_book"))
        self.assertIsNone(rows[3][0], "the opening balance row has no date")
        opening = rows[3][6]
        movements = rows[4:-1]
        self.assertEqual(sorted(r[4] for r in movements if r[4]), [88_000], "unit A's cash only")
        self.assertEqual([r[5] for r in movements if r[5]], [500_000])
        self.assertEqual(rows[-1][4:7], [88_000, 500_000, opening + 88_000 - 500_000])
        self.assertEqual(movements[-1][6], rows[-1][6], "running balance")
        rows = self._rows(self._export("bank_book"))
        # the employer's 2% fund transfer recorded on 20/08 and the remittance paid upward on
        # 10/09 by transfer wait on money in transit (1131, 1132) until the bank statement
        # shows them: the bank book is the bank's (test_bank_statements)
        self.assertEqual(rows[4:-1], [])
        self.assertEqual(rows[-1][4:6], [0, 0])
        payment = self.remittance.payment_move_id.line_ids.filtered("credit")
        self.assertEqual((payment.account_id, payment.credit), (
            self.env["union.payment.mixin"]._union_payment_account(
                self.remittance.payment_journal_id), 526_400))

    def test_wrong_year_refused(self):
        with self.assertRaises(ValidationError):
            self.env["union.finance.xlsx.report"].create({
                "report_type": "arrears", "organization_id": self.unit_a.id, "year": 20025})
        self.assertFalse(self.env["union.finance.xlsx.report"].search([("year", "=", 20025)]))

    def test_officer_of_another_unit_cannot_export(self):
        with self.assertRaises(AccessError):
            self._export("dues_collection", user=self.user_officer_b)
        rows = self._rows(self._export("dues_collection", user=self.user_officer_a))
        self.assertEqual(rows[-1][26], 388_000)

    def test_arrears_by_unit_and_member(self):
        # August too: a1 (unit A) owes August, a2 (group A) July and August
        self._run(self.unit_a, date(2025, 8, 1))
        expected = {}
        for line in self.env["union.dues.line"].search([
                ("payment_state", "in", ("unpaid", "partial"))]):
            expected[line.member_id.member_code] = expected.get(
                line.member_id.member_code, 0) + line.amount_residual
        self.assertEqual(expected[self.member_a1.member_code], 88_000)
        self.assertEqual(expected[self.member_a2.member_code], 600_000)

        # the upper-level officer: every unit below the sector union
        book = self._export_book("arrears", unit=self.upper, user=self.user_upper)
        by_unit, by_member = (self._rows(sheet) for sheet in book.worksheets)
        self.assertIn("31/12/2025", by_unit[0][0])
        self.assertEqual(by_unit[2][:4], ["Unit", "Code", "Members in arrears", "Amount due"])
        members = {row[2]: row for row in by_member[3:-1] if row[2]}
        self.assertEqual({code: row[6] for code, row in members.items()}, expected,
                         "one row per member in arrears, with what the ledger says is due")
        a2 = members[self.member_a2.member_code]
        self.assertEqual(a2[:7], [self.group_a.name, self.group_a.code, self.member_a2.member_code,
                                  self.member_a2.name, 2, "07/2025", 600_000])
        # July and August are 5 and 4 months old at the end of 2025
        self.assertEqual(a2[7:10], [0, 600_000, 0])
        self.assertEqual(by_member[-1][6], sum(expected.values()))
        # one section per grassroots union: its title, its members (unit A and the group
        # below it), its subtotal; unit B has none in arrears
        self.assertEqual(by_member[3][0], f"{self.unit_a.name} ({self.unit_a.code})")
        self.assertEqual([row[2] for row in by_member[4:6]],
                         [self.member_a1.member_code, self.member_a2.member_code])
        self.assertIn(self.unit_a.name, by_member[6][0])
        self.assertEqual(by_member[6][6], sum(expected.values()), "the section's subtotal")
        self.assertEqual(by_member[6][7:10], [0, 688_000, 0], "July and August: 4 to 6 months old")
        self.assertEqual(len(by_member), 8, "title, blank, header, section, 2 members, subtotal, total")
        # readable and printable: header rows frozen, A4 landscape fit to the width
        for sheet in book.worksheets:
            self.assertEqual(sheet.freeze_panes, "A4")
            self.assertEqual(sheet.page_setup.orientation, "landscape")
            self.assertEqual(sheet.page_setup.paperSize, 9)
            self.assertTrue(sheet.sheet_properties.pageSetUpPr.fitToPage)
            # one page wide (1 is the default, left out of the file), as many pages long as needed
            self.assertIn(sheet.page_setup.fitToWidth, (None, 1))
            self.assertEqual(sheet.page_setup.fitToHeight, 0)
            self.assertEqual(sheet.print_title_rows.replace("$", ""), "1:3")
            self.assertGreaterEqual(sheet.column_dimensions["A"].width, 38)
        units = {row[1]: row for row in by_unit[3:-1]}
        self.assertEqual(units[self.unit_a.code][2:4], [1, 88_000])
        self.assertEqual(units[self.group_a.code][2:4], [1, 600_000])
        self.assertEqual(by_unit[-1][3], sum(expected.values()))
        self.assertEqual(by_unit[-1][3], sum(by_unit[-1][4:7]), "the ages add up to the total")

        # a school's officer: its own unit and groups only
        by_member = self._rows(self._export_book(
            "arrears", unit=self.unit_a, user=self.user_officer_a).worksheets[1])
        self.assertEqual({row[2] for row in by_member[3:-1] if row[2]},
                         {self.member_a1.member_code, self.member_a2.member_code})
        with self.assertRaises(AccessError):
            self._export("arrears", unit=self.upper, user=self.user_officer_a)
        with self.assertRaises(AccessError):
            self._export("arrears", unit=self.unit_a, user=self.user_officer_b)

        # paid: out of the report
        self.env["union.dues.payment"].create({
            "kind": "cash", "organization_id": self.unit_a.id, "member_id": self.member_a1.id,
            "amount": 88_000, "date": date(2025, 9, 5)}).action_post()
        by_member = self._rows(self._export_book("arrears", unit=self.unit_a).worksheets[1])
        self.assertNotIn(self.member_a1.member_code, {row[2] for row in by_member[3:-1]})

    def test_arrears_of_many_members_in_the_background(self):
        """Above the threshold of members the arrears report is a background job: started once
        however often Export is clicked, the same file as the report made at once, given on
        the wizard and as the job's result; a failure leaves a message and no file."""
        self._run(self.unit_a, date(2025, 8, 1))
        reference = self._rows(self._export_book("arrears", unit=self.upper, user=self.user_upper).worksheets[1])
        self.env["ir.config_parameter"].sudo().set_param("union_finance.arrears_background_min_members", "1")
        wizard = self.env["union.finance.xlsx.report"].with_user(self.user_upper).create({
            "report_type": "arrears", "organization_id": self.upper.id, "year": 2025})
        with trap_jobs() as trap:
            action = wizard.action_export()
            self.assertEqual(action["type"], "ir.actions.act_window", "the wizard stays open with its progress")
            wizard.action_export()  # the double click
            trap.assert_jobs_count(1)
            self.assertFalse(wizard.file_data)
            self.assertEqual(wizard.union_job_state, "queued")
            trap.perform_enqueued_jobs()
        job = wizard.union_job_id
        self.assertEqual((job.state, job.progress, job.user_id), ("done", 100, self.user_upper))
        book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(wizard.file_data)))
        self.assertEqual(self._rows(book.worksheets[1]), reference)
        self.assertEqual(job.attachment_id.raw, base64.b64decode(wizard.file_data))
        self.assertEqual(job.attachment_id.name, wizard.file_name)
        self.assertIn("/file_data/", wizard.action_download()["url"])
        # another officer sees neither the job nor its file
        self.assertFalse(self.env["union.background.job"].with_user(self.user_officer_a).search_read(
            [("id", "=", job.id)], ["name"]))
        # the job of a unit the user may not see is never started
        other = self.env["union.finance.xlsx.report"].with_user(self.user_officer_a).create({
            "report_type": "arrears", "organization_id": self.unit_a.id, "year": 2025})
        with trap_jobs() as trap:
            other.sudo().organization_id = self.upper
            with self.assertRaises(AccessError):
                other.action_export()
            trap.assert_jobs_count(0)

    def test_arrears_job_failure_leaves_a_message(self):
        self.env["ir.config_parameter"].sudo().set_param("union_finance.arrears_background_min_members", "1")
        wizard = self.env["union.finance.xlsx.report"].with_user(self.user_upper).create({
            "report_type": "arrears", "organization_id": self.upper.id, "year": 2025})
        Report = type(self.env["union.finance.xlsx.report"])
        with trap_jobs() as trap:
            wizard.action_export()
            with patch.object(Report, "_arrears_data", side_effect=UserError("Sổ đang khóa")):
                trap.perform_enqueued_jobs()
        self.assertEqual(wizard.union_job_state, "failed")
        self.assertEqual(wizard.union_job_message, "Sổ đang khóa")
        self.assertFalse(wizard.file_data)

    def test_small_arrears_stay_immediate(self):
        with trap_jobs() as trap:
            self._export_book("arrears", unit=self.unit_a)
            trap.assert_jobs_count(0)
