from datetime import date, datetime

from odoo import api, models


class UnionGovernanceDemo(models.AbstractModel):
    """The demo's congresses, on top of union_membership's demo province (skipped without it):
    the demo school's past congress (2023) with its elected committee and delegates to the upper
    congress, its recognition and the changes since, and the enterprise union's congress in preparation (2027)."""
    _name = "union.governance.demo"
    _description = "Demo Congresses Generator"

    @api.model
    def _load_demo(self):
        ref = self.env.ref
        school = ref("union_membership.demo_org_school", raise_if_not_found=False)
        enterprise = ref("union_membership.demo_org_enterprise", raise_if_not_found=False)
        if not school or not enterprise:
            return False
        lang = "vi_VN" if self.env["res.lang"]._lang_get("vi_VN") else "en_US"
        generator = self.sudo().with_context(tracking_disable=True, mail_notrack=True, mail_create_nolog=True,
                                             mail_create_nosubscribe=True, lang=lang)
        past = generator._generate_past_congress(school)
        upcoming = generator._generate_congress_in_preparation(enterprise)
        self.env["ir.model.data"]._update_xmlids([
            {"xml_id": "union_governance.demo_congress_past", "record": past, "noupdate": True},
            {"xml_id": "union_governance.demo_term_current", "record": past.term_id, "noupdate": True},
            {"xml_id": "union_governance.demo_congress_preparation", "record": upcoming, "noupdate": True},
        ])
        return True

    @api.model
    def _members(self, unit, first=None):
        members = self.env["union.member"].search(
            [("organization_id", "child_of", unit.id), ("state", "=", "active")], order="id")
        if first and first in members:
            members = first | (members - first)
        return members

    @api.model
    def _paper_election(self, congress, name, kind, seats, candidates, votes, cast):
        """A paper election counted and confirmed: ``votes`` per candidate, all ballots valid but one."""
        election = self.env["union.election"].create({
            "name": name, "congress_id": congress.id, "kind": kind, "seats": seats, "method": "paper",
            "counting_committee": "Lê Văn Bình (Trưởng ban), Nguyễn Thị Thu, Hoàng Văn Nam",
            "candidate_ids": [(0, 0, {"member_id": member.id, "sequence": index,
                                      "nominated_by": "committee" if index < len(candidates) - 1 else "self"})
                              for index, member in enumerate(candidates)],
        })
        election.action_approve_list()
        election.action_open_poll()
        election.action_close_poll()
        election.write({"ballots_issued": cast, "ballots_cast": cast, "ballots_valid": cast - 1,
                        "ballots_invalid": 1, "date_close": congress.date_start})
        for candidate, count in zip(election.candidate_ids, votes):
            candidate.votes = count
        election.action_count()
        election.action_confirm()
        return election

    @api.model
    def _generate_past_congress(self, school):
        portal_member = self.env.ref("union_membership.demo_member_portal", raise_if_not_found=False)
        members = self._members(school, portal_member)
        congress = self.env["union.congress"].create({
            "name": f"Đại hội {school.name} lần thứ VI, nhiệm kỳ 2023–2028",
            "organization_id": school.id, "kind": "full", "congress_number": 6,
            "date_summons": date(2023, 9, 1), "date_start": datetime(2023, 9, 15, 1, 30),
            "date_end": datetime(2023, 9, 15, 9, 0), "location": "Hội trường nhà trường",
            "new_term_start": date(2023, 9, 15), "new_term_end": date(2028, 9, 15),
            "agenda": "<ol><li>Báo cáo tổng kết hoạt động công đoàn nhiệm kỳ 2018–2023</li>"
                      "<li>Báo cáo kiểm điểm của Ban Chấp hành</li><li>Bầu Ban Chấp hành, Chủ tịch, "
                      "Ủy ban Kiểm tra nhiệm kỳ 2023–2028</li><li>Thông qua nghị quyết đại hội</li></ol>",
        })
        congress.action_summon_members()
        participants = congress.participant_ids
        absent = participants[-2:]
        (participants - absent).action_check_in()
        absent.write({"state": "absent", "absence_reason": "Đi công tác theo quyết định của nhà trường"})
        congress.action_open_session()
        cast = len(participants) - len(absent)
        board = members[:6]
        self._paper_election(congress, "Bầu Ban Chấp hành", "executive", 5, board,
                             [int(cast * share) for share in (0.95, 0.9, 0.85, 0.8, 0.75, 0.33)], cast)
        self._paper_election(congress, "Bầu Chủ tịch Công đoàn", "chair", 1, members[:1], [int(cast * 0.9)], cast)
        self._paper_election(congress, "Bầu Ủy ban Kiểm tra", "inspection", 3, members[6:9],
                             [int(cast * share) for share in (0.9, 0.8, 0.7)], cast)
        # the delegates to the upper congress: two official, one alternate
        self._paper_election(congress, "Bầu đại biểu chính thức dự Đại hội Công đoàn cấp trên", "delegates", 2,
                             members[:3], [int(cast * share) for share in (0.85, 0.75, 0.2)], cast)
        self._paper_election(congress, "Bầu đại biểu dự khuyết dự Đại hội Công đoàn cấp trên", "alternates", 1,
                             members[2:4], [int(cast * share) for share in (0.7, 0.3)], cast)
        term = congress.term_id
        term.write({"decision_ref": "215/QĐ-CĐN", "decision_date": date(2023, 9, 29)})
        term.action_recognise()
        congress.action_done()
        # changes in the term: a member moved to another school, another co-opted in her place
        executive = term.body_ids.filtered(lambda body: body.kind == "executive")
        ref = self.env.ref
        moved = executive.post_ids.filtered(lambda post: post.member_id == members[4])[:1]
        Event = self.env["union.officer.event"]
        if moved:
            Event.create({"kind": "moved", "date": date(2025, 1, 10), "body_id": executive.id,
                          "post_id": moved.id, "member_id": moved.member_id.id, "decision_ref": "03/QĐ-CĐCS"})
        if len(members) > 9:
            Event.create({"kind": "co_opted", "date": date(2025, 3, 20), "body_id": executive.id,
                          "member_id": members[9].id,
                          "position_id": ref("union_governance.position_executive_member").id,
                          "decision_ref": "08/NQ-CĐCS", "note": "Bầu bổ sung tại hội nghị Ban Chấp hành lần thứ 7."})
        vice = executive.post_ids.filtered(lambda post: post.member_id == members[1])[:1]
        if vice:
            vice.position_id = ref("union_governance.position_vice_chair")
        return congress

    @api.model
    def _generate_congress_in_preparation(self, enterprise):
        members = self._members(enterprise)
        congress = self.env["union.congress"].create({
            "name": f"Đại hội {enterprise.name} lần thứ III, nhiệm kỳ 2027–2032",
            "organization_id": enterprise.id, "kind": "full", "congress_number": 3,
            "date_summons": date(2027, 3, 1), "date_start": datetime(2027, 3, 20, 1, 0),
            "location": "Nhà văn hóa công nhân", "new_term_start": date(2027, 3, 20),
            "new_term_end": date(2032, 3, 20),
            "agenda": "<ol><li>Khai mạc, bầu Đoàn Chủ tịch, Đoàn Thư ký, Ban Thẩm tra tư cách</li>"
                      "<li>Báo cáo tổng kết nhiệm kỳ 2022–2027, phương hướng nhiệm kỳ 2027–2032</li>"
                      "<li>Bầu Ban Chấp hành khóa III (bỏ phiếu kín trực tuyến)</li>"
                      "<li>Bế mạc</li></ol>",
            "timetable": "<p>7h30 đón tiếp đại biểu, điểm danh bằng mã QR; 8h00 khai mạc; 10h30 bầu cử.</p>",
        })
        congress.action_summon_members()
        if members:
            self.env["union.election"].create({
                "name": "Bầu Ban Chấp hành khóa III", "congress_id": congress.id, "kind": "executive",
                "seats": min(3, len(members)), "method": "online",
                "candidate_ids": [(0, 0, {"member_id": member.id,
                                          "nominated_by": "self" if index == 3 else "committee"})
                                  for index, member in enumerate(members[:4])],
            })
        return congress
