"""A year of documents for the demo province, built in batches.

The registers, numbers and symbols, distribution lines and incoming copies
are the ones a release makes (same numbering rules, same incoming values), but
the year is written with one ``create`` per model instead of one release per
document, so that loading it takes seconds.
"""
import random
import re
from datetime import date, datetime, time, timedelta

from odoo import Command, api, fields, models

from ..rules import numbering

# (calendar month, day, type xml id, drafting department, subject, urgency, days to handle)
# sent by the sector union to its grassroots unions; {y} is the year, {n} the next year
SECTOR_PLAN = [
    (1, 6, "ke_hoach", False, "Kế hoạch hoạt động công đoàn năm {y}", "normal", 0),
    (1, 9, "huong_dan", False, "Hướng dẫn thu, nộp đoàn phí công đoàn năm {y}", "normal", 0),
    (1, 14, "cong_van", "ToC", "Về việc thăm hỏi, tặng quà đoàn viên có hoàn cảnh khó khăn dịp Tết Nguyên đán",
     "urgent", 7),
    (2, 3, "thong_bao", False, "Thông báo phân công trực Tết Nguyên đán", "normal", 0),
    (2, 20, "ke_hoach", False, "Kế hoạch tổ chức các hoạt động kỷ niệm Ngày Quốc tế Phụ nữ 8/3", "normal", 0),
    (3, 4, "huong_dan", False, "Hướng dẫn tổ chức Hội nghị viên chức, người lao động năm {y}", "normal", 0),
    (3, 12, "cong_van", "ToC", "Về việc đăng ký thi đua năm {y}", "normal", 15),
    (3, 25, "quyet_dinh", False, "Quyết định khen thưởng tập thể, cá nhân đạt thành tích trong phong trào "
     "\"Giỏi việc nước, đảm việc nhà\"", "normal", 0),
    (4, 8, "ke_hoach", False, "Kế hoạch tổ chức Tháng Công nhân năm {y}", "urgent", 0),
    (4, 16, "cong_van", "VP", "Về việc tham gia Giải bóng chuyền hơi công chức, viên chức ngành Giáo dục",
     "normal", 10),
    (5, 12, "cong_van", "ToC", "Về việc báo cáo số liệu đoàn viên tại thời điểm 31/5/{y}", "normal", 20),
    (5, 20, "ke_hoach", False, "Kế hoạch tổ chức Ngày Quốc tế Thiếu nhi 1/6 cho con đoàn viên", "normal", 0),
    (6, 9, "giay_moi", False, "Giấy mời dự Hội nghị sơ kết công tác công đoàn 6 tháng đầu năm {y}",
     "normal", 0),
    (6, 24, "thong_bao", False, "Thông báo kết quả kiểm tra tài chính công đoàn cơ sở năm {y}", "normal", 0),
    (7, 10, "huong_dan", False, "Hướng dẫn thực hiện mức đóng đoàn phí theo Quyết định 61/QĐ-TLĐ",
     "very_urgent", 0),
    (7, 17, "cong_van", "ToC", "Về việc tổ chức các hoạt động kỷ niệm Ngày Thương binh - Liệt sĩ 27/7",
     "normal", 0),
    (8, 11, "ke_hoach", False, "Kế hoạch tổ chức các hoạt động chào mừng năm học {y}-{n}", "normal", 0),
    (8, 21, "cong_van", "ToC", "Về việc khen thưởng con đoàn viên có thành tích học tập xuất sắc",
     "normal", 15),
    (9, 8, "huong_dan", False, "Hướng dẫn nhiệm vụ công tác công đoàn năm học {y}-{n}", "normal", 0),
    (9, 22, "chuong_trinh", False, "Chương trình công tác công đoàn năm học {y}-{n}", "normal", 0),
    (10, 6, "ke_hoach", False, "Kế hoạch tổ chức kỷ niệm Ngày Phụ nữ Việt Nam 20/10", "normal", 0),
    (10, 14, "cong_van", "ToC", "Về việc rà soát, cập nhật dữ liệu đoàn viên trên phần mềm quản lý",
     "normal", 20),
    (11, 3, "ke_hoach", False, "Kế hoạch tổ chức các hoạt động chào mừng Ngày Nhà giáo Việt Nam 20/11",
     "urgent", 0),
    (11, 17, "cong_van", "ToC", "Về việc báo cáo số liệu đoàn viên tại thời điểm 30/11/{y}", "normal", 15),
    (12, 5, "huong_dan", False, "Hướng dẫn đánh giá, xếp loại công đoàn cơ sở năm {y}", "normal", 20),
    (12, 16, "cong_van", "VP", "Về việc thăm hỏi đoàn viên ốm đau, có hoàn cảnh khó khăn dịp cuối năm",
     "normal", 0),
]
# sent by the sector union to all its grassroots unions (kinds None) or to the schools of some kinds
# (the school code's letters: THPT, THCS, TH, MN)
SECTOR_SUBSET_PLAN = [
    (1, 20, "giay_moi", False, "Giấy mời dự tập huấn nghiệp vụ công tác công đoàn năm {y}", None),
    (2, 12, "quyet_dinh", False, "Quyết định thành lập Ban Tổ chức Hội thi giáo viên mầm non giỏi - khéo tay",
     ("MN",)),
    (3, 18, "cong_van", "ToC", "Về việc tổ chức Ngày hội văn hóa, thể thao cho đoàn viên các trường THPT",
     ("THPT",)),
    (4, 24, "thong_bao", False, "Thông báo kết quả Hội thi giáo viên mầm non giỏi - khéo tay", ("MN",)),
    (5, 6, "quyet_dinh", False, "Quyết định khen thưởng công đoàn cơ sở tiêu biểu trong Tháng Công nhân", None),
    (6, 16, "cong_van", "CSPL", "Về việc rà soát đoàn viên là người lao động hợp đồng tại các trường ngoài "
     "công lập", ("MN",)),
    (8, 4, "cong_van", "ToC", "Về việc chuẩn bị Hội nghị viên chức, người lao động đầu năm học",
     ("THPT", "THCS")),
    (9, 29, "quyet_dinh", False, "Quyết định phân bổ kinh phí hỗ trợ đoàn viên có hoàn cảnh khó khăn "
     "đầu năm học", None),
    (10, 22, "giay_moi", False, "Giấy mời dự tập huấn công tác nữ công năm học {y}-{n}", None),
    (11, 26, "quyet_dinh", False, "Quyết định khen thưởng nhân dịp kỷ niệm Ngày Nhà giáo Việt Nam 20/11", None),
    (12, 22, "thong_bao", False, "Thông báo kết quả đánh giá, xếp loại công đoàn cơ sở năm {y}", None),
]
# a notice of the monthly briefing's conclusions, every month
BRIEFING = (27, "thong_bao", False, "Thông báo kết luận giao ban công tác công đoàn tháng {m}/{y}")
# sent by the provincial federation to the sector union (handled by the sector union)
FEDERATION_PLAN = [
    (1, 10, "ke_hoach", False, "Kế hoạch tổ chức Tết Sum vầy năm {y}", 10),
    (2, 26, "huong_dan", False, "Hướng dẫn tổ chức Hội nghị người lao động năm {y}", 0),
    (3, 18, "cong_van", "TC", "Về việc đánh giá chất lượng đoàn viên năm {y}", 20),
    (4, 2, "ke_hoach", False, "Kế hoạch tổ chức Tháng Công nhân - Tháng hành động về an toàn, "
     "vệ sinh lao động năm {y}", 15),
    (5, 15, "cong_van", "TGNC", "Về việc tuyên truyền kỷ niệm Ngày sinh Chủ tịch Hồ Chí Minh 19/5", 0),
    (6, 3, "cong_van", "TC", "Về việc báo cáo sơ kết công tác công đoàn 6 tháng đầu năm {y}", 15),
    (7, 22, "huong_dan", False, "Hướng dẫn triển khai Luật Công đoàn sửa đổi", 0),
    (8, 19, "cong_van", "CSPL", "Về việc khảo sát đời sống, việc làm của đoàn viên", 20),
    (9, 16, "ke_hoach", False, "Kế hoạch kiểm tra, giám sát năm {y}", 0),
    (10, 20, "cong_van", "TGNC", "Về việc tổ chức các hoạt động chào mừng Ngày Nhà giáo Việt Nam 20/11", 20),
    (11, 12, "cong_van", "TC", "Về việc báo cáo tổng kết công tác công đoàn năm {y}", 25),
    (12, 10, "quyet_dinh", False, "Quyết định giao dự toán thu, chi tài chính công đoàn năm {n}", 0),
]
# received on paper by the sector union from outside the union
PAPER_PLAN = [
    (1, 20, "cong_van", "Sở Giáo dục và Đào tạo tỉnh Đắk Nông", "SGDĐT-VP",
     "Về việc phối hợp tổ chức Tết cho cán bộ, giáo viên vùng khó khăn", 10),
    (3, 6, "ke_hoach", "Sở Giáo dục và Đào tạo tỉnh Đắk Nông", "KH-SGDĐT",
     "Kế hoạch thực hiện quy chế dân chủ ở cơ sở năm {y}", 0),
    (4, 22, "cong_van", "Công đoàn Giáo dục Việt Nam", "CĐGD",
     "Về việc tổ chức Tháng Công nhân trong ngành Giáo dục", 0),
    (6, 12, "cong_van", "Sở Giáo dục và Đào tạo tỉnh Đắk Nông", "SGDĐT-TCCB",
     "Về việc rà soát chế độ, chính sách đối với giáo viên hợp đồng", 15),
    (8, 5, "thong_bao", "Bảo hiểm xã hội tỉnh Đắk Nông", "TB-BHXH",
     "Thông báo điều chỉnh mức đóng bảo hiểm xã hội, bảo hiểm y tế", 0),
    (9, 10, "cong_van", "Sở Giáo dục và Đào tạo tỉnh Đắk Nông", "SGDĐT-VP",
     "Về việc phối hợp tổ chức Hội nghị viên chức, người lao động năm học {y}-{n}", 15),
    (10, 28, "cong_van", "Ủy ban nhân dân tỉnh Đắk Nông", "UBND-KGVX",
     "Về việc tăng cường công tác phòng, chống thiên tai mùa mưa bão", 7),
    (11, 25, "giay_moi", "Công đoàn Giáo dục Việt Nam", "GM-CĐGD",
     "Giấy mời dự Hội nghị tổng kết công tác công đoàn ngành Giáo dục năm {y}", 0),
]
# the demo school union's reports to the sector union (a grassroots officer addressing the upper level)
SCHOOL_PLAN = [
    (5, 30, "bao_cao", False, "Báo cáo kết quả tổ chức Tháng Công nhân năm {y}"),
    (6, 5, "bao_cao", False, "Báo cáo số liệu đoàn viên tại thời điểm 31/5/{y}"),
    (10, 30, "cong_van", "BCH", "Về việc đề nghị khen thưởng con đoàn viên có thành tích học tập xuất sắc"),
    (12, 2, "bao_cao", False, "Báo cáo số liệu đoàn viên tại thời điểm 30/11/{y}"),
]
DIRECTIONS = [
    "Giao Ban Tổ chức tham mưu, báo cáo Thường trực.",
    "Giao Văn phòng theo dõi, tổng hợp.",
    "Giao Ban Tuyên giáo - Nữ công chủ trì triển khai.",
    "Giao Ban Chính sách - Pháp luật nghiên cứu, đề xuất.",
]


def _kind(unit):
    """The kind of school in a demo unit's code: ``DN-THPT0001`` -> ``THPT``."""
    return re.sub(r"\d+$", "", (unit.code or "").rsplit("-", 1)[-1])


class UnionDocumentDemo(models.AbstractModel):
    _name = "union.document.demo"
    _description = "Demo Documents Generator"

    @api.model
    def _load_demo(self):
        """The documents of the demo province on its 2025 timeline, and a few petitions, on top
        of union_membership's demo province (skipped when its units are not there): from January
        2025 to today when the province lived through the reorganisation, else a year."""
        ref = self.env.ref
        sector = ref("union_membership.demo_org_sector", raise_if_not_found=False)
        upper_user = ref("union_membership.demo_user_upper", raise_if_not_found=False)
        if not sector or not upper_user:
            return False
        lang = "vi_VN" if self.env["res.lang"]._lang_get("vi_VN") else "en_US"
        generator = self.sudo().with_context(
            tracking_disable=True, mail_notrack=True, mail_create_nolog=True, mail_create_nosubscribe=True,
            lang=lang)
        education = ref("union_membership.demo_org_education_union", raise_if_not_found=False)
        start = date(2025, 1, 1) if education and education.date_ended else None
        generator._generate_year(fields.Date.context_today(self), start=start)
        generator._generate_petitions()
        return True

    @api.model
    def _demo_phases(self, start, end):
        """[(first day, last day, upper unit, its federation, (letters' sender, recipient), province)]:
        who sends what when.

        Before the education union ended (30 June 2025 in the demo) it is the upper unit of the
        schools, under the Đắk Nông federation, which writes to it; from the next day the
        province's federation (Lâm Đồng, demo_org_sector) is, with no federation of the demo
        above it, and writes to the commune/ward union under it."""
        ref = self.env.ref
        sector = ref("union_membership.demo_org_sector")
        federation = ref("union_membership.demo_org_federation", raise_if_not_found=False) or sector.parent_id
        education = ref("union_membership.demo_org_education_union", raise_if_not_found=False)
        if federation == sector:
            federation = sector.parent_id
        if not (education and education.date_ended and education != sector) or education.date_ended < start:
            return [(start, end, sector, federation, (federation, sector), "Đắk Nông")]
        ended = education.date_ended
        commune = ref("union_membership.demo_org_commune", raise_if_not_found=False)
        return [(start, min(end, ended - timedelta(days=1)), education, education.parent_id,
                 (education.parent_id, education), "Đắk Nông"),
                (ended + timedelta(days=1), end, sector, federation, (sector, commune), "Lâm Đồng")]

    @api.model
    def _generate_year(self, end, seed=2026, start=None):
        """The months from ``start`` (default: the twelve months up to ``end``) to ``end``, each
        unit only while it is in operation (the 2025 timeline, ``_demo_phases``): the upper
        unit's documents to the grassroots unions under it at the date (with read receipts),
        letters from its federation and from outside bodies (handled, some late), the demo
        school's reports to its upper unit at the date. The registers of a unit that ended are
        closed on its end date, as a merge closes them."""
        rng = random.Random(seed)
        ref = self.env.ref
        Org = self.env["union.organization"]
        school = ref("union_membership.demo_org_school", raise_if_not_found=False)
        upper_user = ref("union_membership.demo_user_upper")
        officer = ref("union_membership.demo_user_officer", raise_if_not_found=False)
        types = {}
        for plan in (SECTOR_PLAN, SECTOR_SUBSET_PLAN, FEDERATION_PLAN, PAPER_PLAN, SCHOOL_PLAN):
            for row in plan:
                types[row[2]] = ref(f"union_documents.union_document_type_{row[2]}")
        types[BRIEFING[1]] = ref(f"union_documents.union_document_type_{BRIEFING[1]}")
        if not start:
            start = (date(end.year - 1, end.month, 1) + timedelta(days=31)).replace(day=1)
        count = (end.year - start.year) * 12 + end.month - start.month + 1
        months = [(start.year + (start.month - 1 + i) // 12, (start.month - 1 + i) % 12 + 1) for i in range(count)]
        phases = self._demo_phases(start, end)
        trees = {}

        def phase_of(day):
            return next((p for p in phases if p[0] <= day <= p[1]), None)

        def day_of(year, month, day):
            """A working day of the month near ``day``, or None when it is after ``end``."""
            value = date(year, month, min(day, 28))
            while value.weekday() >= 5:
                value += timedelta(days=1)
            return value if start <= value <= end else None

        def units_under(unit, day):
            """The units in operation directly under ``unit`` at ``day`` (the tree as at a date)."""
            month = day.replace(day=1)
            if month not in trees:
                trees[month] = Org._get_tree_at(min(month + timedelta(days=27), end))
            return Org.browse(sorted(uid for uid, node in trees[month].items()
                                     if node["parent_id"] == unit.id and node["state"] == "active"))

        def parent_at(unit, day):
            units_under(unit, day)  # fills the month's tree
            node = trees[day.replace(day=1)].get(unit.id) or {}
            return Org.browse(node.get("parent_id") or []) if node.get("state") == "active" else Org

        def planned(plan, year, month, fmt):
            """The rows of ``plan`` for this month: (date, phase, row with its subject formatted)."""
            for row in plan:
                when = day_of(year, month, row[1]) if row[0] == month else None
                phase = when and phase_of(when)
                if phase:
                    yield when, phase, row[:4] + (row[4].format(**fmt),) + tuple(row[5:])

        partners = {}

        def department(province):
            if province not in partners:
                partners[province] = self.env["res.partner"].create({
                    "name": f"Sở Giáo dục và Đào tạo tỉnh {province}", "is_company": True,
                    "email": "vanthu.sogd@example.vn"})
            return partners[province]

        # ---------------------------------------------------------------- outgoing plan
        outgoing = []  # dicts: values of the document and how it is distributed
        for year, month in months:
            fmt = {"y": year, "n": year + 1, "m": month}
            for when, (_f, _t, upper, _fed, _l, _p), (_m, _d, type_xid, dept, subject, urgency, handle) \
                    in planned(SECTOR_PLAN, year, month, fmt):
                outgoing.append({"org": upper, "type": type_xid, "dept": dept, "date": when, "subject": subject,
                                 "urgency": urgency, "handle": handle, "units": units_under(upper, when),
                                 "signer": upper_user, "mode": "tm"})
            for when, (_f, _t, upper, _fed, _l, _p), (_m, _d, type_xid, dept, subject, kinds) \
                    in planned(SECTOR_SUBSET_PLAN, year, month, fmt):
                outgoing.append({"org": upper, "type": type_xid, "dept": dept, "date": when, "subject": subject,
                                 "urgency": "normal", "handle": 0, "signer": upper_user, "mode": "kt",
                                 "units": units_under(upper, when).filtered(lambda u, k=kinds: not k or _kind(u) in k)})
            for when, (_f, _t, upper, _fed, _l, _p), row in planned([(month,) + BRIEFING], year, month, fmt):
                outgoing.append({"org": upper, "type": row[2], "dept": row[3], "date": when, "subject": row[4],
                                 "urgency": "normal", "handle": 0, "units": units_under(upper, when),
                                 "signer": upper_user, "mode": "kt"})
            for when, (_f, _t, _u, _fed, (sender, recipient), _p), (_m, _d, type_xid, dept, subject, handle) \
                    in planned(FEDERATION_PLAN, year, month, fmt):
                if sender and recipient:
                    outgoing.append({"org": sender, "type": type_xid, "dept": dept, "date": when, "subject": subject,
                                     "urgency": "normal", "handle": handle, "units": recipient,
                                     "signer_name": "Nguyễn Văn Thành", "mode": "kt" if rng.random() < 0.5 else "tm"})
            for when, _phase, (_m, _d, type_xid, dept, subject) in planned(SCHOOL_PLAN, year, month, fmt):
                above = parent_at(school, when) if school and officer else Org
                if above:
                    outgoing.append({"org": school, "type": type_xid, "dept": dept, "date": when, "subject": subject,
                                     "urgency": "normal", "handle": 0, "units": above, "signer": officer, "mode": "tm"})
            # half-year and year reports of the upper unit to its federation and the Department
            for when, (_f, _t, upper, fed, _l, province), row in planned(
                    [(6, 10, "bao_cao", False, "Báo cáo sơ kết công tác công đoàn 6 tháng đầu năm {y}"),
                     (12, 10, "bao_cao", False, "Báo cáo tổng kết công tác công đoàn năm {y}")], year, month, fmt):
                if fed:
                    outgoing.append({"org": upper, "type": "bao_cao", "dept": False, "date": when, "subject": row[4],
                                     "urgency": "normal", "handle": 0, "units": fed, "signer": upper_user,
                                     "mode": "tm", "partners": department(province)})
        outgoing = [spec for spec in outgoing if spec["units"] or spec.get("partners")]
        outgoing.sort(key=lambda o: (o["date"], o["org"].id))

        # numbers of each unit's outgoing register, in date order
        Register = self.env["union.document.register"]
        counters = {}

        def take(key):
            counters[key] = counters.get(key, 0) + 1
            return counters[key]

        registers = Register._get_registers([(o["org"].id, "outgoing", o["date"].year, False) for o in outgoing])
        doc_vals = []
        for spec in outgoing:
            key = (spec["org"].id, "outgoing", spec["date"].year, False)
            number = take(key)
            doc_type = types[spec["type"]]
            issuer = spec["org"].short_name or spec["org"].code
            released = datetime.combine(spec["date"], time(2 + rng.randrange(0, 7), rng.randrange(0, 60)))
            spec["released"] = released
            doc_vals.append({
                "direction": "outgoing", "state": "released", "organization_id": spec["org"].id,
                "type_id": doc_type.id, "department_code": spec["dept"] or False, "subject": spec["subject"],
                "body": f"<p>{spec['subject']}.</p><p>Đề nghị các đơn vị triển khai thực hiện.</p>",
                "urgency": spec["urgency"], "document_date": spec["date"],
                "signer_id": spec.get("signer", self.env["res.users"]).id,
                "signer_name": spec.get("signer_name", False), "signing_mode": spec["mode"],
                "approver_id": spec.get("signer", self.env["res.users"]).id,
                "date_approved": released - timedelta(hours=1), "date_released": released,
                "register_id": registers[key].id, "number": number,
                "number_symbol": numbering.number_and_symbol(number, issuer, doc_type.abbreviation, spec["dept"]),
                "file_keeper": "Văn phòng", "copies": 2,
                "recipient_organization_ids": [(6, 0, spec["units"].ids)],
                "recipient_partner_ids": [(6, 0, spec["partners"].ids)] if spec.get("partners") else [],
            })
        Doc = self.env["union.document"]
        docs = Doc.create(doc_vals)

        # ------------------------------------------------------------ incoming copies
        incoming = []  # (values, spec or None, unit)
        for doc, spec in zip(docs, outgoing):
            for unit in spec["units"]:
                incoming.append({"doc": doc, "spec": spec, "unit": unit, "received": spec["date"]})
        for year, month in months:
            fmt = {"y": year, "n": year + 1}
            for p_month, day, type_xid, issuer, symbol, subject, handle in PAPER_PLAN:
                when = day_of(year, month, day + 2) if p_month == month else None
                phase = when and phase_of(when)
                if phase:
                    incoming.append({"doc": None, "unit": phase[2], "received": when, "paper": {
                        "type": type_xid, "issuer": issuer.replace("Đắk Nông", phase[-1]),
                        "symbol": f"{rng.randrange(100, 2500)}/{symbol}",
                        "date": when - timedelta(days=2), "subject": subject.format(**fmt), "handle": handle}})
        # one secret letter: register data only, in the secret register (of the unit in operation today)
        secret_day = day_of(*months[max(0, len(months) - 7)], 19)
        phase = secret_day and phase_of(secret_day)
        if phase:
            incoming.append({"doc": None, "unit": phase[2], "received": secret_day, "secret": True, "paper": {
                "type": "cong_van", "issuer": f"Công an tỉnh {phase[-1]}",
                "symbol": f"{rng.randrange(10, 99)}/CAT-PA03", "date": secret_day - timedelta(days=1),
                "subject": "Về việc bảo đảm an ninh, trật tự", "handle": 0}})
        incoming.sort(key=lambda i: (i["received"], i["doc"].id if i["doc"] else 0, i["unit"].id))
        keys = [(i["unit"].id, "incoming", i["received"].year, bool(i.get("secret"))) for i in incoming]
        registers.update(Register._get_registers(keys))
        overdue_left = 3  # a few documents are left late
        uppers = Org.browse([phase[2].id for phase in phases])
        in_vals = []
        for item, key in zip(incoming, keys):
            number = take(key)
            unit, received = item["unit"], item["received"]
            if item["doc"]:
                vals = item["doc"]._prepare_incoming_vals(unit, registers[key], number, received)
                handle = item["spec"]["handle"]
            else:
                paper = item["paper"]
                vals = {
                    "direction": "incoming", "state": "registered", "organization_id": unit.id,
                    "type_id": types[paper["type"]].id,
                    "subject": paper["subject"], "issuer_name": paper["issuer"],
                    "number_symbol": paper["symbol"], "document_date": paper["date"],
                    "date_received": received, "receive_channel": "paper", "register_id": registers[key].id,
                    "number": number, "signer_name": "Giám đốc" if "Sở" in paper["issuer"] else "Chủ tịch",
                    "secrecy": "confidential" if item.get("secret") else "normal",
                }
                handle = paper["handle"]
            is_upper = unit in uppers
            handler = upper_user if is_upper else (officer if unit == school else None)
            normal = vals.get("secrecy", "normal") == "normal"
            if handle and handler and normal:
                deadline = received + timedelta(days=handle)
                state = "done" if deadline < end - timedelta(days=3) else "in_progress"
                if state == "done" and overdue_left and deadline > end - timedelta(days=60):
                    state, overdue_left = "in_progress", overdue_left - 1
                vals.update({
                    "state": state, "lead_handler_id": handler.id, "date_deadline": deadline,
                    "date_passed": received + timedelta(days=rng.randrange(0, 2)),
                    "direction_note": rng.choice(DIRECTIONS) if is_upper else "Giao Ban chấp hành triển khai.",
                })
            elif received < end - timedelta(days=45) and normal:
                vals["state"] = "done"
            in_vals.append(vals)
        copies = Doc.create(in_vals)
        # the registers go on from the last number given
        self.env.cr.execute("""
            UPDATE union_document_register r SET last_number = k.last
              FROM unnest(%s::int[], %s::int[]) AS k(id, last) WHERE r.id = k.id
        """, [[registers[key].id for key in counters], list(counters.values())])
        Register.invalidate_model(["last_number"])

        # --------------------------------------------- distribution lines, read receipts
        line_vals = []
        now = fields.Datetime.now()
        for item, copy in zip(incoming, copies):
            if not item["doc"]:
                continue
            released = item["spec"]["released"]
            age = (end - item["received"]).days
            officers = item["unit"].officer_ids
            read = rng.random() < (0.95 if age > 30 else 0.6 if age > 7 else 0.3)
            if officers and age <= 10:
                read = False  # the demo officer still has fresh unread documents
            read_date = min(released + timedelta(hours=rng.randrange(1, 96)), now) if read else False
            line_vals.append({
                "document_id": item["doc"].id, "organization_id": item["unit"].id, "incoming_document_id": copy.id,
                "read_date": read_date, "read_user_id": officers[:1].id if read_date and officers else False})
        for doc, spec in zip(docs, outgoing):
            for partner in spec.get("partners") or []:
                line_vals.append({"document_id": doc.id, "partner_id": partner.id, "date_sent": spec["released"]})
        self.env["union.document.distribution"].create(line_vals)
        copies.filtered(lambda c: c.source_document_id)._notify_recipient_officers()

        # answers: the upper unit's reports answer its federation's requests for them
        for _first, _last, upper, fed, _letters, _province in phases:
            fed_copies = copies.filtered(lambda c, u=upper, f=fed: c.organization_id == u
                                         and c.issuer_organization_id == f and c.subject.startswith("Về việc báo cáo"))
            for report in docs.filtered(lambda d, u=upper: d.organization_id == u and d.type_id == types["bao_cao"]):
                asked = fed_copies.filtered(lambda c, r=report: c.date_received <= r.document_date)[-1:]
                if asked:
                    report.reply_to_id = asked
                    asked.with_context(union_document_releasing=True).write(
                        {"answer_document_id": report.id, "state": "done"})

        # a unit merged since: its registers closed on its end date, as the merge closes them
        for register in self.env["union.document.register"].browse({r.id for r in registers.values()}):
            unit = register.organization_id
            if unit.state == "merged" and unit.date_ended and register.year >= unit.date_ended.year:
                register.date_closed = unit.date_ended

        # handlers of documents being handled have an activity with the deadline
        todo = self.env.ref("mail.mail_activity_data_todo")
        model_id = self.env["ir.model"]._get_id("union.document")
        handling = copies.filtered(lambda c: c.state == "in_progress")
        self.env["mail.activity"].create([{
            "res_model_id": model_id, "res_id": c.id, "activity_type_id": todo.id,
            "user_id": c.lead_handler_id.id, "date_deadline": c.date_deadline,
            "summary": f"Xử lý văn bản {c.number_symbol}"} for c in handling])
        return {"outgoing": docs, "incoming": copies}

    @api.model
    def _generate_petitions(self):
        ref = self.env.ref
        member = ref("union_membership.demo_member_portal", raise_if_not_found=False)
        school = ref("union_membership.demo_org_school", raise_if_not_found=False)
        Petition = self.env["union.petition"]
        if member:
            question = Petition._submit_from_portal(member, {
                "kind": "question",
                "subject": "Đoàn phí khi nghỉ thai sản",
                "description": "Tôi đang nghỉ thai sản 6 tháng, tôi có phải đóng đoàn phí không?",
            })
            question.action_accept()
            question.answer = ("<p>Trong thời gian nghỉ hưởng chế độ thai sản từ 01 tháng trở lên, đoàn viên "
                               "không phải đóng đoàn phí (Hướng dẫn 38/HD-TLĐ).</p>")
            question.action_answer()
            question.write({
                "public_question": "Đoàn viên nghỉ thai sản có phải đóng đoàn phí không?",
                "public_answer": "Không. Trong thời gian nghỉ hưởng chế độ thai sản từ 01 tháng trở lên, "
                                 "đoàn viên không phải đóng đoàn phí (Hướng dẫn 38/HD-TLĐ).",
            })
            question.action_publish()
            Petition.create({
                "kind": "recommendation", "channel": "paper",
                "identity_ids": [Command.create({"member_id": member.id})],
                "subject": "Đề nghị tổ chức khám sức khỏe định kỳ cho giáo viên",
                "description": "Đề nghị công đoàn phối hợp với nhà trường tổ chức khám sức khỏe định kỳ.",
            })
        if school:
            Petition.create({
                "kind": "complaint", "channel": "in_person", "organization_id": school.id,
                "identity_ids": [Command.create({"name": "Giáo viên hợp đồng"})],
                "subject": "Khiếu nại về việc chưa được xét trợ cấp khó khăn",
                "description": "Tôi đã nộp hồ sơ đề nghị trợ cấp khó khăn nhưng chưa được xem xét.",
            })
            self._generate_extended_denunciation(school)
        return True

    @api.model
    def _generate_extended_denunciation(self, unit):
        """A denunciation that is especially complex: accepted, then extended twice by recorded
        decisions (90 days in all, Denunciation Law 25/2018 art. 30)."""
        denunciation = self.env["union.petition"].create({
            "kind": "denunciation", "channel": "paper", "organization_id": unit.id,
            "subject": "Tố cáo việc chi sai mục đích quỹ công đoàn",
            "description": "Tố cáo việc chi quỹ công đoàn cơ sở không đúng quy chế chi tiêu nội bộ.",
            "is_complex": True, "is_especially_complex": True,
        })
        denunciation.action_accept()
        Extension = self.env["union.petition.extension"]
        Extension.create({"petition_id": denunciation.id, "decision_number": "12/QĐ-CĐCS",
                          "reason": "Vụ việc phức tạp, cần xác minh chứng từ chi của nhiều năm."})
        Extension.create({"petition_id": denunciation.id, "decision_number": "15/QĐ-CĐCS",
                          "reason": "Vụ việc đặc biệt phức tạp, cần ý kiến của Ủy ban Kiểm tra cấp trên."})
        return denunciation
