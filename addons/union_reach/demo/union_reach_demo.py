import base64
import io
from datetime import date, timedelta

from odoo import api, fields, models


class UnionReachDemo(models.AbstractModel):
    """Demo of union_reach on the demo province of union_membership: applications waiting and
    admitted, a workplace whose union is being founded, targets, a national file with
    differences, and news on the website and the portal."""

    _name = "union.reach.demo"
    _description = "Union Reach: demo data"

    @api.model
    def _load_demo(self):
        ref = self.env.ref
        school = ref("union_membership.demo_org_school", raise_if_not_found=False)
        sector = ref("union_membership.demo_org_sector", raise_if_not_found=False)
        if school and sector:
            self._build_demo(school, sector)

    @api.model
    def _build_demo(self, school, sector):
        ref = self.env.ref
        today = fields.Date.context_today(self)
        vietnam = ref("base.vn")
        Partner = self.env["res.partner"]
        employer_school = Partner.create({"name": school.name.replace("Công đoàn ", ""), "is_company": True})
        employer_new = Partner.create({"name": "Công ty TNHH May mặc Tây Nguyên", "is_company": True,
                                       "street": "Khu công nghiệp Tâm Thắng"})
        Route = self.env["union.reach.route"]
        Route.create([{"employer_id": employer_school.id, "organization_id": school.id, "sequence": 1},
                      {"organization_id": sector.id, "sequence": 99, "sector": "Giáo dục"}])
        Application = self.env["union.reach.application"].with_context(mail_create_nolog=True)
        consent = self.env["union.consent.text"]._get_in_force()
        common = {"nationality_id": vietnam.id, "id_document_type": "citizen_id", "consent_text_id": consent.id,
                  "consent_date": fields.Datetime.now(), "state_id": False}
        waiting = Application.create([dict(common, **vals) for vals in (
            {"name": "Nguyễn Thị Thu Hà", "birth_date": date(1996, 5, 14), "gender": "female",
             "id_document_number": "067196001122", "employer_id": employer_school.id,
             "employer_name": employer_school.name, "job_title": "Giáo viên Tiếng Anh",
             "phone": "0912 345 601", "email": "thuha.demo@example.vn", "organization_id": school.id},
            {"name": "Lê Văn Phúc", "birth_date": date(1990, 11, 2), "gender": "male",
             "id_document_number": "067090003344", "employer_id": employer_school.id,
             "employer_name": employer_school.name, "job_title": "Nhân viên thiết bị",
             "phone": "0987 654 302", "organization_id": school.id},
            {"name": "Trần Thị Ngọc Ánh", "birth_date": date(1999, 2, 20), "gender": "female",
             "id_document_number": "067199005566", "employer_id": employer_school.id,
             "employer_name": employer_school.name, "job_title": "Giáo viên Mầm non",
             "email": "ngocanh.demo@example.vn", "organization_id": school.id,
             "decision_ref": "08/QĐ-CĐCS", "decision_date": today - timedelta(days=10)},
            {"name": "Phạm Quốc Bảo", "birth_date": date(1985, 7, 7), "gender": "male",
             "id_document_number": "067085007788", "employer_name": "Cửa hàng tạp hóa Bảo Ngọc",
             "phone": "0905 111 222", "organization_id": sector.id,
             "decline_reason": "Anh là chủ hộ kinh doanh, không phải người lao động làm công ăn lương."},
        )])
        waiting[2]._admit()
        waiting[3].action_decline()
        Workplace = self.env["union.reach.workplace"]
        upper_user = ref("union_membership.demo_user_upper", raise_if_not_found=False)
        workplace = Workplace.create({
            "name": employer_new.name, "employer_id": employer_new.id, "organization_id": sector.id,
            "user_id": upper_user.id if upper_user else False, "sector": "Dệt may",
            "address": "Khu công nghiệp Tâm Thắng", "headcount": 420, "members_elsewhere": 15,
            "state": "campaign",
        })
        self.env["union.reach.campaign.log"].create([
            {"workplace_id": workplace.id, "date": today - timedelta(days=40), "kind": "visit", "contacts": 3,
             "note": "Làm việc với Giám đốc nhân sự về việc thành lập công đoàn cơ sở."},
            {"workplace_id": workplace.id, "date": today - timedelta(days=20), "kind": "meeting", "contacts": 85,
             "note": "Gặp gỡ công nhân ca sáng, giới thiệu quyền lợi đoàn viên và phát mẫu đơn."},
        ])
        Application.create([dict(common, **vals, employer_id=employer_new.id, employer_name=employer_new.name,
                                 organization_id=sector.id, workplace_id=workplace.id, job_title="Công nhân may")
                            for vals in (
            {"name": "H'Nhi Niê", "birth_date": date(1998, 3, 3), "gender": "female",
             "id_document_number": "067198009911", "phone": "0967 000 111"},
            {"name": "Vũ Văn Tài", "birth_date": date(1994, 9, 9), "gender": "male",
             "id_document_number": "067094002233", "phone": "0967 000 222"},
            {"name": "Đinh Thị Hồng", "birth_date": date(1992, 12, 12), "gender": "female",
             "id_document_number": "067192004455", "phone": "0967 000 333"},
        )])
        workplace.action_propose_founding()
        workplace.write({"founded_name": "Công đoàn Công ty TNHH May mặc Tây Nguyên", "founded_code": "CDCS-MTN"})
        self.env["union.reach.target"].create([
            {"organization_id": sector.id, "year": today.year, "new_members_target": 120, "new_units_target": 2},
            {"organization_id": school.id, "year": today.year, "new_members_target": 5, "new_units_target": 0},
        ])
        comparison = self._demo_national(school)
        self._demo_news(school, sector)
        return {"applications": waiting, "workplace": workplace, "comparison": comparison}

    @api.model
    def _demo_national(self, school):
        """A national file of the school with differences (synthetic: made from the demo members)."""
        comparison = self.env["union.reach.national.import"].create(
            {"name": "Đối chiếu dữ liệu quốc gia (mẫu tổng hợp)", "organization_id": school.id})
        members = comparison._suite_members()
        columns = [line.column for line in comparison.mapping_id.line_ids]
        keys = [line.key for line in comparison.mapping_id.line_ids]
        import openpyxl  # pylint: disable=import-outside-toplevel

        workbook = openpyxl.Workbook()
        sheet = workbook.active
        sheet.title = "DS doan vien"
        sheet.append(columns)
        for index, member in enumerate(members[1:]):  # the first member is "only in the suite"
            values = {
                "national_code": f"QG{member['id']:08d}", "name": member["name"],
                "birth_date": member["birth_date"].strftime("%d/%m/%Y") if member["birth_date"] else "",
                "citizen_id": member["citizen_id"] or "", "unit_code": member["unit_code"],
                "card_number": f"TDV{member['id']:07d}" if index % 3 else "",
                "state": "Tạm dừng sinh hoạt" if index == 4 else "Đang sinh hoạt",
            }
            if index == 2:
                values["unit_code"] = "CDCS-KHAC"
            sheet.append([values.get(key, "") for key in keys])
        sheet.append(["QG99999999", "Người Chỉ Có Ở Quốc Gia", "01/01/1991", "Nữ", "067191999999",
                      school.code, "", "", "", "", "Đang sinh hoạt", ""][:len(keys)])
        note = workbook.create_sheet("GHI CHU")
        note.append(["DỮ LIỆU TỔNG HỢP (SYNTHETIC): tệp mẫu do bộ cài đặt tạo từ đoàn viên demo, "
                     "không phải dữ liệu thật của phần mềm quốc gia."])
        buffer = io.BytesIO()
        workbook.save(buffer)
        comparison.write({"file": base64.b64encode(buffer.getvalue()),
                          "filename": "du_lieu_quoc_gia_MAU_TONG_HOP.xlsx"})
        comparison.action_compare()
        return comparison

    @api.model
    def _demo_news(self, school, sector):
        Blog = self.env["blog.blog"]
        blog_all = Blog.create({"name": "Tin Công đoàn", "subtitle": "Tin chung của công đoàn ngành"})
        blog_school = Blog.create({"name": f"Tin {school.name}", "union_organization_id": school.id})
        Post = self.env["blog.post"]
        Post.create([
            {"name": "Phát động Tháng Công nhân năm nay", "blog_id": blog_all.id, "website_published": True,
             "subtitle": "Chủ đề: Đoàn viên công đoàn chủ động, sáng tạo",
             "content": "<p>Công đoàn ngành phát động Tháng Công nhân tới toàn thể đoàn viên.</p>"},
            {"name": "Hội nghị cán bộ, viên chức đầu năm học", "blog_id": blog_school.id, "website_published": True,
             "content": "<p>Công đoàn trường phối hợp tổ chức hội nghị vào thứ Sáu tuần này.</p>"},
            {"name": "Thăm hỏi đoàn viên có hoàn cảnh khó khăn", "blog_id": blog_school.id,
             "website_published": True, "content": "<p>Danh sách đoàn viên được thăm hỏi dịp cuối năm.</p>"},
        ])
        self.env["mailing.mailing"].create({
            "subject": "Thư mời dự Hội nghị cán bộ, viên chức", "union_organization_id": school.id,
            "body_html": "<p>Kính gửi các đoàn viên, Công đoàn trường trân trọng kính mời…</p>",
        })
