import base64
import io

import openpyxl

from odoo.tests import HttpCase, tagged

from ..rules import member_sheet as sheet_rules
from .common import UnionCommon


@tagged("post_install", "-at_install")
class TestOfficerRoutine(UnionCommon, HttpCase):
    """The grassroots officer's routine in the backend (issue 14): admit, transfer, print the
    card (tour), import members from an XLSX file."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the tour's transfer is written with tracking, as in the web client
        cls.env = cls.env(context={})

    def test_admit_transfer_print(self):
        officer = self.user_officer_a
        self.start_tour("/odoo/action-union_membership.union_member_action", "union_officer_routine_tour",
                        login=officer.login)
        member = self.env["union.member"].search([("name", "=", "Trần Thị Mai")])
        self.assertEqual(len(member), 1)
        self.assertEqual(member.organization_id, self.unit_a, "still in her unit until accepted")
        self.assertEqual(member.event_ids.mapped("event_type"), ["admission"])
        request = self.env["union.member.transfer.request"].search([("member_id", "=", member.id)])
        self.assertEqual((request.state, request.to_organization_id, request.decision_ref),
                         ("pending", self.unit_b, "15/QĐ-CĐCS"))
        self.assertEqual(request.requested_by_id, officer)
        # the print button's action is the card report, for that member
        action = member.with_user(officer).action_print_card()
        self.assertEqual((action["type"], action["report_name"]),
                         ("ir.actions.report", "union_membership.report_union_member_card"))
        self.assertEqual(action["context"]["active_ids"], member.ids)

    def test_import_three_members(self):
        officer = self.user_officer_a
        book = openpyxl.Workbook()
        sheet = book.active
        headers = [col.header for col in sheet_rules.COLUMNS]
        sheet.append(headers)
        people = [
            ("Vũ Thị Hằng", "Nữ", "12/05/1991", 67191000201, "T-A"),  # Excel dropped the zero
            ("Hoàng Văn Nam", "Nam", "03/11/1983", "067083000202", "T-A-T1"),
            ("Lò Thị Sen", "Nữ", "20/07/2001", "067301000203", "T-A"),
        ]
        for name, gender, born, cid, unit in people:
            row = dict.fromkeys(headers)
            row.update({"Họ và tên": name, "Giới tính": gender, "Ngày sinh": born, "Số CCCD/Hộ chiếu": cid,
                        "Mã đơn vị": unit, "Ngày vào công đoàn": "01/09/2024"})
            sheet.append([row[h] for h in headers])
        data = io.BytesIO()
        book.save(data)
        action = self.env["ir.actions.act_window"].with_user(officer)._for_xml_id(
            "union_membership.union_member_import_wizard_action")
        wizard = self.env[action["res_model"]].with_user(officer).create({
            "file": base64.b64encode(data.getvalue()), "filename": "ba_doan_vien.xlsx"})
        wizard.action_import()
        self.assertEqual(wizard.state, "done", wizard.summary)
        self.assertEqual(wizard.created_count, 3)
        members = self.env["union.member"].search([("name", "in", [p[0] for p in people])])
        self.assertEqual(sorted(members.mapped("citizen_id")), ["067083000202", "067191000201", "067301000203"])
        self.assertEqual(set(members.organization_id), {self.unit_a, self.group_a})
        self.assertEqual(set(members.event_ids.mapped("event_type")), {"admission"})
