import base64
import io
from datetime import date

import openpyxl

from odoo.tests import tagged

from .common import UnionCommon


@tagged("post_install", "-at_install")
class TestStatistics(UnionCommon):

    def test_statistics_as_at_a_date(self):
        Event = self.env["union.member.event"]
        Event.create({"member_id": self.member_b1.id, "event_type": "withdrawal", "date": date(2025, 4, 1)})
        newcomer = self.env["union.member"].create({
            "name": "Hoàng Thị Mai", "gender": "female", "birth_date": date(2000, 1, 1),
            "organization_id": self.group_a.id, "date_joined": date(2025, 3, 1),
            "ethnicity_id": self.env.ref("union_membership.union_ethnicity_ede").id})
        stat = self.env["union.member.statistics"].with_user(self.user_upper).create({
            "organization_id": self.upper.id, "date_from": date(2024, 12, 1), "date_to": date(2025, 5, 31)})
        stat.action_compute()
        lines = {line.organization_id: line for line in stat.line_ids}
        self.assertEqual(set(lines), {self.upper, self.unit_a, self.unit_b, self.group_a})
        self.assertEqual(stat.total_members, 3)  # a1, a2, newcomer; b1 left in April
        self.assertEqual(stat.total_women, 2)
        self.assertEqual(lines[self.group_a].members, 2)
        self.assertEqual(lines[self.group_a].admitted, 1)
        self.assertEqual(lines[self.group_a].age_under_30, 1)   # born 2000, 25 on 31/05/2025
        self.assertEqual(lines[self.group_a].age_40_49, 1)      # born 1979, 45
        self.assertEqual(lines[self.group_a].party, 1)
        self.assertEqual(lines[self.group_a].minority, 1)
        self.assertEqual(lines[self.unit_b].left, 1)
        self.assertEqual(lines[self.unit_b].members, 0)
        self.assertEqual(stat.ethnicity_breakdown, {"Ê Đê": 1})
        # the same unit as at 30 November 2024: the newcomer was not a member yet, b1 was
        before = self.env["union.member.statistics"].create({
            "organization_id": self.upper.id, "date_from": date(2024, 6, 1), "date_to": date(2024, 11, 30)})
        before.action_compute()
        self.assertEqual(before.total_members, 3)
        self.assertNotIn(newcomer.id, self.env["union.member"]._get_status_at(date(2024, 11, 30)))

        stat.action_export_xlsx()
        book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(stat.xlsx_file)))
        sheet = book.worksheets[0]
        rows = list(sheet.iter_rows(values_only=True))
        header = rows[2]
        self.assertIn("Unit", header)
        total = next(row for row in rows if row[1] == "Total")
        self.assertEqual(total[2], 3)
        self.assertEqual(book.worksheets[1]["A2"].value, "Ê Đê")

    def test_officer_statistics_are_limited_to_their_units(self):
        stat = self.env["union.member.statistics"].with_user(self.user_officer_a).create({
            "organization_id": self.unit_a.id, "date_to": date(2026, 1, 1)})
        stat.action_compute()
        self.assertEqual(stat.line_ids.organization_id, self.unit_a | self.group_a)
        self.assertEqual(stat.total_members, 2)
