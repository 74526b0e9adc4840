from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import UnionDocumentsCommon


@tagged("post_install", "-at_install")
class TestPetitionTimeLimits(UnionDocumentsCommon):
    """Time limits by kind and condition, as data (Complaints Law 02/2011, Denunciation Law
    25/2018, Quy định 05/QĐ-TLĐ): intake deadline in working days across public holidays,
    remote areas, extension decisions."""

    def _paper(self, kind, received, **vals):
        values = {"kind": kind, "channel": "paper", "subject": "Tố cáo sai phạm trong thu chi quỹ",
                  "description": "Nội dung tố cáo.", "organization_id": self.unit_a.id,
                  "date_received": received}
        values.update(vals)
        return self.env["union.petition"].with_user(self.user_officer_a).create(values)

    def test_denunciation_accepted_on_the_7th_working_day_across_holidays(self):
        # received Thursday 23/04/2026; Monday 27/04 (Hùng Kings, compensatory), 30/04 and 01/05
        # are days off shipped as data: the 7th working day is Thursday 07/05/2026
        petition = self._paper("denunciation", date(2026, 4, 23))
        self.assertEqual(petition.date_intake_deadline, date(2026, 5, 7))
        with freeze_time("2026-05-07"):
            petition.invalidate_recordset(["is_overdue"])
            self.assertFalse(petition.is_overdue)
            petition.action_accept()
        self.assertEqual(petition.date_deadline, date(2026, 6, 6), "30 days from acceptance")
        late = self._paper("denunciation", date(2026, 4, 23))
        with freeze_time("2026-05-08"):
            late.invalidate_recordset(["is_overdue"])
            self.assertTrue(late.is_overdue, "not accepted nor refused within 7 working days")

    def test_complaint_intake_in_calendar_days_and_question_local_default(self):
        complaint = self._paper("complaint", date(2026, 4, 23))
        self.assertEqual(complaint.date_intake_deadline, date(2026, 5, 3))
        question = self._paper("question", date(2026, 4, 23))
        self.assertFalse(question.date_intake_deadline)
        rule = self.env.ref("union_documents.union_petition_deadline_question")
        self.assertTrue(rule.is_local_default)

    def test_complaint_in_remote_area(self):
        self.unit_a.is_remote_area = True
        plain = self._paper("complaint", date(2026, 3, 2))
        self.assertTrue(plain.is_remote, "from the handling unit")
        complex_case = self._paper("complaint", date(2026, 3, 2), is_complex=True)
        with freeze_time("2026-03-03"):
            (plain + complex_case).action_accept()
        self.assertEqual(plain.date_deadline, date(2026, 4, 17), "45 days in a remote area")
        self.assertEqual(complex_case.date_deadline, date(2026, 5, 2), "60 days if complex")

    def test_denunciation_extended_twice_each_a_recorded_decision(self):
        petition = self._paper("denunciation", date(2026, 3, 2), is_complex=True)
        with freeze_time("2026-03-03"):
            petition.action_accept()
        self.assertEqual(petition.date_deadline, date(2026, 4, 2))
        Extension = self.env["union.petition.extension"].with_user(self.user_officer_a)
        first = Extension.create({"petition_id": petition.id, "decision_number": "05/QĐ-CĐCS",
                                  "reason": "Vụ việc phức tạp, cần xác minh thêm."})
        self.assertEqual(petition.date_deadline, date(2026, 5, 2))
        self.assertEqual((first.date_deadline_before, first.days), (date(2026, 4, 2), 30))
        with self.assertRaisesRegex(UserError, "especially complex"):
            Extension.create({"petition_id": petition.id, "decision_number": "06/QĐ-CĐCS",
                              "reason": "Cần thêm thời gian."})
        petition.is_especially_complex = True
        Extension.create({"petition_id": petition.id, "decision_number": "07/QĐ-CĐCS",
                          "reason": "Vụ việc đặc biệt phức tạp."})
        self.assertEqual(petition.date_deadline, date(2026, 6, 1), "90 days in all")
        self.assertEqual(len(petition.extension_ids), 2)
        with self.assertRaisesRegex(UserError, "as many times as the law allows"):
            Extension.create({"petition_id": petition.id, "decision_number": "08/QĐ-CĐCS",
                              "reason": "Lần thứ ba."})
        with self.assertRaises(UserError):
            first.with_user(self.user_officer_a).write({"reason": "Sửa lại."})
        # a complaint is not extended by decisions
        complaint = self._paper("complaint", date(2026, 3, 2), is_complex=True)
        complaint.action_accept()
        with self.assertRaisesRegex(UserError, "cannot be extended"):
            Extension.create({"petition_id": complaint.id, "decision_number": "09/QĐ-CĐCS", "reason": "x"})

    def test_another_unit_cannot_extend_or_read_extensions(self):
        petition = self._paper("denunciation", date(2026, 3, 2), is_complex=True)
        petition.action_accept()
        self.env["union.petition.extension"].with_user(self.user_officer_a).create(
            {"petition_id": petition.id, "decision_number": "05/QĐ-CĐCS", "reason": "Phức tạp."})
        Extension = self.env["union.petition.extension"].with_user(self.user_officer_b)
        with self.assertRaises(AccessError):
            Extension.create({"petition_id": petition.id, "decision_number": "99/QĐ", "reason": "x"})
        self.assertFalse(Extension.search_read([], ["decision_number", "reason"]))
        self.assertFalse(Extension.read_group([], ["days:sum"], ["petition_id"]))

    def test_union_catalogue_types(self):
        for xmlid, abbreviation in (("dieu_le", "ĐL"), ("chien_luoc", "CL"), ("ket_luan", "KL")):
            doc_type = self.env.ref(f"union_documents.union_document_type_{xmlid}")
            self.assertEqual(doc_type.abbreviation, abbreviation)
            self.assertTrue(doc_type.in_qd_933)
            self.assertFalse(doc_type.in_decree_30)
        self.assertTrue(self.type_decision.in_decree_30 and self.type_decision.in_qd_933)
