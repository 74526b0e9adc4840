import random
from datetime import date, timedelta

from odoo import Command, api, fields, models

HAI_TOT = """<p>Phong trào thi đua <strong>"Hai tốt"</strong> (dạy tốt - học tốt) được Công đoàn ngành
phát động trong toàn ngành mỗi năm học, gắn với cuộc vận động "Mỗi thầy cô giáo là một tấm gương
đạo đức, tự học và sáng tạo".</p>"""
DOI_MOI = """<p>Phong trào thi đua <strong>"Đổi mới sáng tạo trong quản lý, giảng dạy và học tập"</strong>:
phát huy các nhóm nhà giáo cùng nhau phát triển, khuyến khích giải pháp đổi mới, sản phẩm nghiên cứu
khoa học sư phạm ứng dụng, sáng kiến cải tiến kỹ thuật và chuyển đổi số trong nhà trường.</p>"""
GIOI_VIEC = """<p>Phong trào thi đua <strong>"Giỏi việc nước, đảm việc nhà"</strong> dành cho nữ cán bộ,
nhà giáo, người lao động trong ngành Giáo dục.</p>"""
CRITERIA = """<ul><li>Hoàn thành tốt nhiệm vụ năm học</li><li>Chấp hành tốt chủ trương, chính sách,
pháp luật</li><li>Tích cực tham gia các hoạt động công đoàn</li></ul>"""


class UnionEmulationDemo(models.AbstractModel):
    _name = "union.emulation.demo"
    _description = "Emulation Demo Data"

    @api.model
    def _load_demo(self):
        """The emulation of the demo province on its 2025 timeline, on top of the membership demo:
        the school year 2024-2025 of the Đắk Nông education union (until it ended on 30 June
        2025), the school year 2025-2026 of the Lâm Đồng federation, and a current movement."""
        if self.env.lang != "vi_VN" and "vi_VN" in dict(self.env["res.lang"].get_installed()):
            # the demo runs in Vietnamese: what code writes (chatter messages, reasons) is in Vietnamese
            return self.with_context(lang="vi_VN")._load_demo()
        ref = self.env.ref
        sector = ref("union_membership.demo_org_sector", raise_if_not_found=False)
        if not sector:
            return False
        rng = random.Random(2026)
        today = fields.Date.context_today(self)
        school = ref("union_membership.demo_org_school")
        Member = self.env["union.member"]
        portal_member = ref("union_membership.demo_member_portal")
        members = portal_member | Member.search(
            [("organization_id", "child_of", school.id), ("state", "=", "active"), ("id", "!=", portal_member.id)],
            order="id", limit=11)
        education = ref("union_membership.demo_org_education_union", raise_if_not_found=False)
        if education and education != sector and education.date_ended:
            # the year before the reorganisation: the education union and the schools under it then
            # (no certificates: a proposal's candidates must be under the proposing unit today)
            self._generate_school_year(education, 2024, school, members, rng, None)
        schools = (school | sector.child_ids.filtered(
            lambda u: u.level == "grassroots" and u.state == "active"))[:8]
        prefix = sector.short_name or "CĐN"
        hai_tot, _doi_moi = self._generate_school_year(sector, 2025, school, members, rng,
                                                       (f"45/QĐ-{prefix}", f"46/QĐ-{prefix}"), schools=schools)
        Movement = self.env["union.emulation.movement"]
        gioi_viec = Movement.create({
            "organization_id": sector.id, "target_organization_ids": [Command.set(sector.ids)], "criteria": CRITERIA,
            "name": "Giỏi việc nước, đảm việc nhà", "kind": "thematic", "period_type": "other",
            "date_start": today - timedelta(days=30), "date_end": today + timedelta(days=330),
            "registration_deadline": today + timedelta(days=45), "description": GIOI_VIEC})
        gioi_viec.action_launch()
        self.env["union.emulation.registration"].create([
            {"movement_id": gioi_viec.id, "member_id": member.id, "date_registered": today}
            for member in members.filtered(lambda m: m.gender == "female" and m != portal_member)[:3]])
        # a draft proposal whose candidate fails: the reasons are shown on the line
        late = members[10:11]
        if late:
            draft = self.env["union.award.proposal"].create({
                "organization_id": school.id, "award_title_id": ref(
                    "union_emulation.award_title_giay_khen_cdcs").id,
                "movement_id": hai_tot.id, "year": hai_tot.year, "date_reference": hai_tot.date_end,
                "line_ids": [Command.create({"member_id": late.id, "achievement": "Hoàn thành tốt nhiệm vụ",
                                             "absent_days": 45, "maternity_days": 0})]})
            draft.action_check_eligibility()
        # a State title, recorded with the school's decision (granted by the head of the school, not the union)
        if members:
            self.env["union.state.achievement"].create({
                "award_title_id": ref("union_emulation.award_title_lao_dong_tien_tien").id,
                "member_id": members[0].id, "year": hai_tot.year,
                "granting_body": f"Hiệu trưởng {school.name.replace('Công đoàn ', '')}",
                "decision_number": "15/QĐ-THPT", "decision_date": date(2026, 6, 5)})

        # an online contest with results
        survey = self.env["survey.survey"].create({
            "title": "Tìm hiểu Luật Công đoàn năm 2024",
            "description": "<p>Cuộc thi trực tuyến dành cho đoàn viên công đoàn ngành Giáo dục.</p>",
            "question_and_page_ids": [Command.create({
                "title": question, "question_type": "simple_choice", "sequence": index,
                "suggested_answer_ids": [
                    Command.create({"value": value, "is_correct": value == right,
                                    "answer_score": 10 if value == right else 0}) for value in choices]})
                for index, (question, choices, right) in enumerate([
                    ("Luật Công đoàn số 50/2024/QH15 có hiệu lực từ ngày nào?",
                     ["01/7/2025", "01/01/2025", "01/7/2024"], "01/7/2025"),
                    ("Mức đóng đoàn phí công đoàn từ ngày 01/7/2025 là bao nhiêu?",
                     ["0,5% tiền lương", "1% tiền lương", "2% tiền lương"], "0,5% tiền lương"),
                    ("Kinh phí công đoàn do cơ quan, đơn vị đóng bằng bao nhiêu phần trăm quỹ lương?",
                     ["2%", "1%", "3%"], "2%"),
                ], start=1)]})
        contest = self.env["union.contest"].create({
            "name": "Cuộc thi trực tuyến tìm hiểu Luật Công đoàn năm 2024", "movement_id": gioi_viec.id,
            "survey_id": survey.id, "date_start": fields.Datetime.now() - timedelta(days=10),
            "date_end": fields.Datetime.now() + timedelta(days=20), "time_limit": 20, "attempts_limit": 2,
            "pass_percentage": 60})
        contest.action_open()
        questions = survey.question_ids
        for member in members[:9]:
            answer = survey._create_answer(partner=member.partner_id, check_attempts=False)
            for question in questions:
                choice = question.suggested_answer_ids.filtered("is_correct") if rng.random() < 0.75 \
                    else question.suggested_answer_ids[-1]
                answer._save_lines(question, choice.id)
            answer._mark_done()
        return True

    @api.model
    def _generate_school_year(self, upper, year, school, members, rng, numbers, schools=None):
        """One school year (``year``-``year + 1``) of ``upper``: two movements launched, registered
        and closed; the schools' yearly classification approved; with ``numbers`` (the two
        decisions' numbers), proposals voted and two decisions with certificates; all dated
        within the year and while ``upper`` was in operation. ``schools``: the grassroots unions
        under ``upper`` (default: those under it when the year began, from the tree as at that
        date). Returns the two movements."""
        ref = self.env.ref
        Org = self.env["union.organization"]
        first, last = date(year, 9, 1), date(year + 1, 5, 31)
        approved_on, decided_on = date(year + 1, 6, 20), date(year + 1, 6, 25)
        label = f"{year}-{year + 1}"
        if schools is None:
            tree = Org._get_tree_at(date(year, 10, 1))
            under = Org.browse(sorted(uid for uid, node in tree.items() if node["parent_id"] == upper.id
                                      and node["state"] == "active" and node["level"] == "grassroots"))
            schools = (school | under)[:8]
        # the classification and the certificates go to the schools still in operation then
        at_decision = Org._get_tree_at(approved_on)
        lasting = schools.filtered(lambda u: at_decision.get(u.id, {}).get("state") == "active")
        Movement = self.env["union.emulation.movement"]
        # the units it covered then, by name: a movement covers its targets' sub-trees of today,
        # and the schools of a unit that ended are under another unit today
        common = {"organization_id": upper.id, "target_organization_ids": [Command.set((upper | schools).ids)],
                  "criteria": CRITERIA, "period_type": "school_year", "date_start": first, "date_end": last}
        hai_tot, doi_moi = Movement.create([
            dict(common, name="Hai tốt", kind="regular", registration_deadline=date(year, 10, 15),
                 description=HAI_TOT),
            dict(common, name="Đổi mới sáng tạo trong quản lý, giảng dạy và học tập", kind="thematic",
                 registration_deadline=date(year, 10, 31), description=DOI_MOI),
        ])
        (hai_tot | doi_moi).action_launch()
        self.env["union.emulation.registration"].create(
            [{"movement_id": hai_tot.id, "registrant_type": "unit", "organization_id": unit.id,
              "date_registered": date(year, 10, 1), "award_title_id": ref(
                  "union_emulation.award_title_cdcs_hoan_thanh_xuat_sac").id} for unit in schools]
            + [{"movement_id": hai_tot.id, "member_id": member.id, "date_registered": date(year, 10, 5),
                "award_title_id": ref("union_emulation.award_title_lao_dong_tien_tien").id,
                "note": "Phấn đấu hoàn thành xuất sắc nhiệm vụ năm học"} for member in members[:10]]
            + [{"movement_id": doi_moi.id, "member_id": member.id, "date_registered": date(year, 10, 20),
                "note": "Đăng ký sáng kiến kinh nghiệm cấp ngành"} for member in members[:4]])
        (hai_tot | doi_moi).action_close()

        # the yearly classification of the schools' unions, reviewed and approved
        criteria = self.env["union.emulation.criterion"].search([("year", "=", label)])
        by_type = {c.funding_type: c for c in criteria}
        upper_user = ref("union_membership.demo_user_upper", raise_if_not_found=False)
        vals_list = []
        for unit in lasting:
            criterion = by_type.get(unit.funding_type)
            if not criterion:
                continue
            level = rng.choice([0.97, 0.93, 0.85, 0.78, 0.6])
            lines = []
            for item in criterion.item_ids:
                self_score = min(item.max_points, round(item.max_points * (level + rng.uniform(0, 0.05)) * 2) / 2)
                reviewed = max(0, self_score - rng.choice([0, 0, 0, 0.5, 1]))
                lines.append(Command.create({
                    "item_id": item.id, "self_score": self_score, "reviewed_score": reviewed,
                    "self_comment": "Có biên bản, báo cáo kèm theo",
                    "review_comment": "Đạt" if reviewed == self_score else "Trừ điểm do thiếu minh chứng"}))
            vals_list.append({
                "organization_id": unit.id, "criterion_id": criterion.id, "line_ids": lines,
                "state": "approved", "reviewer_id": upper_user.id if upper_user else self.env.uid,
                "date_approved": approved_on,
                "review_note": f"Thống nhất kết quả chấm điểm của Ban Thường vụ {upper.name}"})
        self.env["union.emulation.evaluation"].create(vals_list)

        if not numbers:
            return hai_tot, doi_moi
        # proposals, the council's vote, a decision with certificates
        form_person = ref("union_emulation.award_title_giay_khen_cap_tren_ca_nhan")
        form_unit = ref("union_emulation.award_title_giay_khen_cap_tren_tap_the")
        Proposal = self.env["union.award.proposal"]
        person = Proposal.create({
            "organization_id": school.id, "award_title_id": form_person.id, "movement_id": hai_tot.id,
            "year": hai_tot.year, "date_reference": hai_tot.date_end,
            "line_ids": [Command.create({"member_id": m.id, "achievement": achievement})
                         for m, achievement in zip(members[:3], [
                             f"Hoàn thành xuất sắc nhiệm vụ năm học {label}, giáo viên dạy giỏi cấp tỉnh",
                             "Có sáng kiến kinh nghiệm được công nhận cấp ngành",
                             "Tích cực trong phong trào thi đua \"Hai tốt\""])]})
        unit_proposal = Proposal.create({
            "organization_id": upper.id, "award_title_id": form_unit.id, "movement_id": hai_tot.id,
            "year": hai_tot.year, "date_reference": hai_tot.date_end,
            "line_ids": [Command.create({"recipient_organization_id": unit.id,
                                         "achievement": f"Công đoàn cơ sở vững mạnh năm học {label}"})
                         for unit in lasting[:2]]})
        (person | unit_proposal).action_submit()
        (person | unit_proposal).write({"council_size": 9, "votes_for": 9, "votes_against": 0})
        (person | unit_proposal).action_review()
        (person | unit_proposal).action_approve()
        Decision = self.env["union.award.decision"]
        for number, title, proposal in ((numbers[0], form_person, person), (numbers[1], form_unit, unit_proposal)):
            decision = Decision.create({
                "name": number, "date": decided_on, "organization_id": upper.id,
                "award_title_id": title.id, "year": hai_tot.year, "movement_id": hai_tot.id,
                "signer_name": "Nguyễn Văn Bình", "signer_title": "Chủ tịch", "place": "Gia Nghĩa"})
            proposal.decision_id = decision
            decision.action_issue()
        return hai_tot, doi_moi
