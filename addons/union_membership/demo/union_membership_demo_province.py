"""A realistic Vietnamese province, for the demo database and the benchmarks.

Everything is created in batches (one ``create`` per model and level), so the
same code builds the 1,800-member demo and a 100,000-member province.
"""
import random
from datetime import date, timedelta

from odoo import api, models

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
          "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "H'", "Y", "Ksor", "Nay"]
MIDDLE_M = ["Văn", "Đức", "Minh", "Quang", "Hữu", "Công", "Thanh", "Xuân", "Ngọc", "Đình"]
MIDDLE_F = ["Thị", "Ngọc", "Thu", "Thanh", "Kim", "Mai", "Hồng", "Thùy", "Bích", "Phương"]
GIVEN_M = ["An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Khánh", "Long", "Nam", "Phong", "Quân",
           "Sơn", "Tài", "Thắng", "Toàn", "Trung", "Tuấn", "Việt", "Vinh", "Hiếu"]
GIVEN_F = ["Anh", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hương", "Lan", "Linh", "Loan", "Mai",
           "Nga", "Ngân", "Nhung", "Oanh", "Phượng", "Quyên", "Thảo", "Trang", "Yến"]
SCHOOL_KINDS = [
    ("THPT", "Trường THPT", "public_partial", ["Tổ Toán - Tin", "Tổ Ngữ văn", "Tổ Khoa học tự nhiên"]),
    ("THCS", "Trường THCS", "public_partial", ["Tổ Tự nhiên", "Tổ Xã hội"]),
    ("TH", "Trường Tiểu học", "public_full", ["Tổ khối 1-2", "Tổ khối 3-5"]),
    ("MN", "Trường Mầm non", "non_public", ["Tổ Nhà trẻ", "Tổ Mẫu giáo"]),
]
SCHOOL_NAMES = ["Chu Văn An", "Nguyễn Du", "Lê Quý Đôn", "Trần Hưng Đạo", "Phan Bội Châu",
                "Nguyễn Trãi", "Lương Thế Vinh", "Hùng Vương", "Quang Trung", "Lý Tự Trọng",
                "Nguyễn Chí Thanh", "Đinh Tiên Hoàng", "Võ Thị Sáu", "Kim Đồng", "Hoa Sen",
                "Họa Mi", "Sơn Ca", "Nguyễn Bỉnh Khiêm", "Trường Chinh", "Phan Chu Trinh"]
PLACES = ["Gia Nghĩa", "Đắk Mil", "Đắk Song", "Cư Jút", "Krông Nô", "Đắk R'lấp", "Tuy Đức", "Đắk Glong"]
JOBS = ["Giáo viên", "Giáo viên", "Giáo viên", "Giáo viên", "Nhân viên kế toán", "Nhân viên thư viện",
        "Nhân viên y tế", "Phó hiệu trưởng", "Bảo vệ", "Nhân viên văn thư"]


class UnionMembershipDemoProvince(models.AbstractModel):
    _name = "union.membership.demo.province"
    _description = "Demo Province Generator"

    @api.model
    def _generate_province(self, grassroots=37, members=1800, seed=2023, prefix="DN",
                           with_reform=True):
        """Create a province: federation, education union, schools with groups, members.

        Returns a dict with the created records. Deterministic for a given seed.
        """
        rng = random.Random(seed)
        Org = self.env["union.organization"]
        federation = Org.create({
            "name": "Liên đoàn Lao động tỉnh Đắk Nông", "code": f"{prefix}-LDLD", "short_name": "LĐLĐ",
            "level": "federation", "funding_type": "other", "date_founded": date(2004, 1, 1)})
        sector = Org.create({
            "name": "Công đoàn ngành Giáo dục và Đào tạo tỉnh Đắk Nông", "code": f"{prefix}-CDN",
            "short_name": "CĐN", "level": "upper", "parent_id": federation.id,
            "funding_type": "public_partial", "date_founded": date(2004, 3, 1),
            "email": f"congdoannganh.{prefix.lower()}@example.vn"})
        school_vals = []
        for index in range(grassroots):
            abbr, kind, funding, _groups = SCHOOL_KINDS[index % len(SCHOOL_KINDS)]
            place = PLACES[index % len(PLACES)]
            name = SCHOOL_NAMES[index % len(SCHOOL_NAMES)]
            suffix = "" if index < len(SCHOOL_NAMES) else f" số {index // len(SCHOOL_NAMES) + 1}"
            school_vals.append({
                "name": f"Công đoàn {kind} {name}{suffix} ({place})",
                "code": f"{prefix}-{abbr}{index + 1:04d}", "short_name": "CĐCS",
                "level": "grassroots", "parent_id": sector.id, "funding_type": funding,
                "date_founded": date(2005 + index % 15, 9, 1)})
        schools = Org.create(school_vals)
        group_vals = []
        for index, school in enumerate(schools):
            for g, group_name in enumerate(SCHOOL_KINDS[index % len(SCHOOL_KINDS)][3]):
                group_vals.append({
                    "name": f"{group_name} - {school.name.removeprefix('Công đoàn ')}",
                    "code": f"{school.code}-T{g + 1}", "level": "group", "parent_id": school.id,
                    "funding_type": school.funding_type, "date_founded": school.date_founded})
        groups = Org.create(group_vals)
        groups_by_school = {}
        for group in groups:
            groups_by_school.setdefault(group.parent_id.id, []).append(group.id)

        ethnicities = self.env["union.ethnicity"].search([])
        kinh = ethnicities.filtered(lambda e: e.code == "KINH")
        minorities = (ethnicities - kinh).ids
        member_vals, units = [], []
        used_ids = set()
        for index in range(members):
            female = rng.random() < 0.72
            family = rng.choice(FAMILY)
            name = " ".join([family, rng.choice(MIDDLE_F if female else MIDDLE_M),
                             rng.choice(GIVEN_F if female else GIVEN_M)])
            birth = date(1966, 1, 1) + timedelta(days=rng.randrange(0, 365 * 36))
            joined = max(birth + timedelta(days=365 * 22 + rng.randrange(0, 400)),
                         date(1995, 1, 1)) + timedelta(days=rng.randrange(0, 3000))
            joined = min(joined, date(2024, 12, 31))
            school = schools[index % len(schools)]
            unit_id = rng.choice(groups_by_school.get(school.id) or [school.id])
            while True:
                cid = "%03d%d%02d%06d" % (67, (0 if birth.year < 2000 else 2) + female,
                                          birth.year % 100, rng.randrange(0, 1000000))
                if cid not in used_ids:
                    used_ids.add(cid)
                    break
            # recruited by the school before joining the union (no draw: the province stays the same)
            employed = max(joined - timedelta(days=(index * 37) % 700), birth + timedelta(days=365 * 20))
            minority = family in ("H'", "Y", "Ksor", "Nay") or rng.random() < 0.08
            member_vals.append({
                "name": name, "gender": "female" if female else "male", "birth_date": birth,
                "citizen_id": cid, "date_joined": joined, "date_employed": min(employed, joined),
                "ethnicity_id": rng.choice(minorities) if minority and minorities else kinh.id,
                "education_level": rng.choice(["bachelor", "bachelor", "master", "college"]),
                "job_title": rng.choice(JOBS), "workplace": school.name.removeprefix("Công đoàn "),
                "party_member": rng.random() < 0.35,
                "phone": "09%08d" % rng.randrange(0, 10 ** 8),
                "email": f"dv{index + 1:06d}.{prefix.lower()}@example.vn",
                "city": PLACES[index % len(PLACES)], "country_id": self.env.ref("base.vn").id,
                "lang": "vi_VN" if self.env["res.lang"]._lang_get("vi_VN") else False,
            })
            units.append(unit_id)
        Member = self.env["union.member"].with_context(
            union_no_admission=True, tracking_disable=True, mail_create_nolog=True, mail_notrack=True)
        created = Member.create(member_vals)
        Event = self.env["union.member.event"].with_context(tracking_disable=True)
        Event.create([{"member_id": member.id, "event_type": "admission", "date": vals["date_joined"],
                       "organization_id": unit_id, "decision_ref": f"{rng.randrange(1, 60):02d}/QĐ-CĐCS"}
                      for member, vals, unit_id in zip(created, member_vals, units)])
        # June 2025: fully state-paid primary schools' unions dissolved (Conclusion 157-KL/TW)
        dissolved = Org
        reorganised = {}
        if with_reform == "2025":
            # the whole 2025 reorganisation (issue 18): union_organization_reorg_demo.py
            reorganised = self._reorganise_2025(federation, sector, schools, prefix=prefix)
            dissolved = reorganised["dissolved"]
        elif with_reform:
            dissolved = schools.filtered(lambda s: s.funding_type == "public_full")[:1]
            if dissolved:
                wizard = self.env["union.organization.dissolve.wizard"].create({
                    "organization_id": dissolved[0].id, "date": date(2025, 6, 15),
                    "reason": "Giải thể theo Kết luận 157-KL/TW và Công văn 4173/TLĐ-TOC",
                    "decision_ref": "125/QĐ-CĐN"})
                wizard.action_dissolve()
        # a few movements: transfers and retirements
        active = created.filtered(lambda m: m.state == "active")
        targets = (groups | schools).filtered(lambda u: u.state == "active").ids
        movers = active[: max(1, members // 60)]
        Event.create([{"member_id": m.id, "event_type": "transfer", "date": date(2025, 9, 1),
                       "organization_id": targets[0],
                       "reason": "Điều động công tác"} for m in movers
                      if m.organization_id and m.organization_id.id != targets[0]])
        leavers = active[-max(1, members // 90):]
        Event.create([{"member_id": m.id, "event_type": "withdrawal", "date": date(2025, 12, 31),
                       "reason": "Nghỉ hưu"} for m in leavers])
        result = {"federation": federation, "sector": sector, "schools": schools, "groups": groups,
                  "members": created, "dissolved": dissolved, **reorganised}
        return result

    @api.model
    def _generate_enterprise_union(self, federation, prefix="DN"):
        """An enterprise's grassroots union under the federation, with a Vietnamese worker and a
        foreign one (Law 50/2024: passport and a labour contract of 24 months). Returns (unit, foreigner)."""
        unit = self.env["union.organization"].create({
            "name": "Công đoàn Công ty TNHH Điện tử Hàn Việt", "code": f"{prefix}-KCN-HV", "short_name": "CĐCS",
            "level": "grassroots", "parent_id": federation.id, "funding_type": "enterprise",
            "date_founded": date(2019, 5, 1)})
        Member = self.env["union.member"].with_context(tracking_disable=True, mail_create_nolog=True)
        vietnam, korea = self.env.ref("base.vn"), self.env.ref("base.kr")
        Member.create({
            "name": "Đinh Văn Toàn", "gender": "male", "birth_date": date(1992, 8, 14),
            "citizen_id": "067092004521", "organization_id": unit.id, "date_joined": date(2020, 3, 1),
            "date_employed": date(2019, 6, 1), "contract_indefinite": True, "job_title": "Kỹ thuật viên",
            "workplace": "Công ty TNHH Điện tử Hàn Việt", "nationality_id": vietnam.id})
        foreigner = Member.create({
            "name": "Kim Min-jun", "gender": "male", "birth_date": date(1988, 4, 2),
            "nationality_id": korea.id, "id_document_type": "passport", "id_document_country_id": korea.id,
            "id_document_number": "M48213075", "organization_id": unit.id, "date_joined": date(2025, 9, 1),
            "date_employed": date(2025, 3, 1), "contract_date_start": date(2025, 3, 1),
            "contract_date_end": date(2027, 2, 28), "job_title": "Chuyên gia kỹ thuật",
            "workplace": "Công ty TNHH Điện tử Hàn Việt", "email": "minjun.kim@example.com"})
        return unit, foreigner

    @api.model
    def _load_demo(self):
        """The demo database: the Đắk Nông education union (37 schools, ~1,800 members)
        and one login per role. Passwords equal the logins (demo only)."""
        result = self._generate_province(grassroots=37, members=1800, with_reform="2025")
        # the demo lives in 2026: its upper unit is the successor federation (Lâm Đồng)
        education_union = result["sector"]
        result["sector"] = result["successor"]
        result["federation"] = result["successor"]
        school = result["schools"].filtered(lambda s: s.state == "active")[:1]
        member = self.env["union.member"].search(
            [("organization_id", "child_of", school.id), ("state", "=", "active")], limit=1)
        member.write({"email": "doanvien@example.vn"})
        lang = "vi_VN" if self.env["res.lang"]._lang_get("vi_VN") else "en_US"
        group = self.env.ref
        users = self.env["res.users"].with_context(no_reset_password=True).create([{
            "name": "Trần Minh Đức", "login": "canbo.nganh", "password": "canbo.nganh", "lang": lang,
            "email": "canbo.nganh@example.vn",
            "groups_id": [(6, 0, [group("union_membership.group_union_upper_officer").id])],
            "union_organization_ids": [(6, 0, result["sector"].ids)],
        }, {
            "name": "Phạm Thị Hằng", "login": "canbo.coso", "password": "canbo.coso", "lang": lang,
            "email": "canbo.coso@example.vn",
            "groups_id": [(6, 0, [group("union_membership.group_union_officer").id])],
            "union_organization_ids": [(6, 0, school.ids)],
        }, {
            "login": "doanvien", "password": "doanvien", "lang": lang, "partner_id": member.partner_id.id,
            "groups_id": [(6, 0, [group("base.group_portal").id, group("union_membership.group_union_member").id])],
        }])
        enterprise, foreigner = self._generate_enterprise_union(result["federation"])
        admin = self.env.ref("base.user_admin")
        admin.write({"lang": lang, "union_organization_ids": [(6, 0, result["federation"].ids)]})
        records = [("demo_org_federation", result["federation"]), ("demo_org_sector", result["sector"]),
                   ("demo_org_school", school), ("demo_org_dissolved", result["dissolved"][:1]),
                   ("demo_member_portal", member), ("demo_user_upper", users[0]),
                   ("demo_user_officer", users[1]), ("demo_user_portal", users[2]),
                   ("demo_org_enterprise", enterprise), ("demo_member_foreign", foreigner),
                   ("demo_org_education_union", education_union), ("demo_org_dak_nong", result["dak_nong"]),
                   ("demo_org_commune", result["commune"])]
        self.env["ir.model.data"]._update_xmlids([{
            "xml_id": f"union_membership.{name}", "record": record, "noupdate": True,
        } for name, record in records if record])
        return True
