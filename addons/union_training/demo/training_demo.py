"""The training demo: a year of classes and meetings of the provincial federation and a
school union (sessions, registrations, attendance) and two courses with completions."""

from datetime import date, datetime, timedelta

from odoo import api, models


class UnionTrainingDemo(models.AbstractModel):
    _name = "union.training.demo"
    _description = "Union Training Demo"

    @api.model
    def _load_demo(self, today=None):
        ref = self.env.ref
        federation = ref("union_membership.demo_org_federation", raise_if_not_found=False)
        school = ref("union_membership.demo_org_school", raise_if_not_found=False)
        if not federation or not school:
            return False
        today = today or date.today()
        year = today.year
        Member = self.env["union.member"]
        school_members = Member.search([("organization_id", "child_of", school.id),
                                        ("state", "=", "active")], limit=25, order="id")
        province_members = Member.search([("organization_id", "child_of", federation.id),
                                          ("state", "=", "active")], limit=60, order="id desc")
        digital = ref("union_training.event_tag_digital_skills")
        union_work = ref("union_training.event_tag_union_work")
        conference = ref("union_training.event_tag_conference")
        plans = [
            (school, f"Tập huấn kỹ năng số cho đoàn viên - đợt 1/{year}", digital, 3, 2, school_members),
            (school, f"Hội nghị người lao động năm {year}", conference, 1, 1, school_members),
            (federation, f"Lớp bồi dưỡng nghiệp vụ công tác công đoàn năm {year}", union_work, 5, 3,
             province_members[:30]),
            (school, f"Tập huấn kỹ năng số cho đoàn viên - đợt 2/{year}", digital, 9, 2, school_members),
            (federation, f"Tập huấn chuyển đổi số cho cán bộ công đoàn cơ sở năm {year}", digital, 10, 2,
             province_members[30:]),
        ]
        Event = self.env["event.event"]
        for unit, name, tag, month, sessions, members in plans:
            start = datetime(year, month, 10, 1, 30)  # 08:30 in Vietnam
            event = Event.create({
                "name": name, "union_organization_id": unit.id, "tag_ids": [(6, 0, tag.ids)],
                "date_begin": start, "date_end": start + timedelta(days=sessions - 1, hours=8),
                "date_tz": "Asia/Ho_Chi_Minh",
                "event_mail_ids": [(5, 0, 0)],  # no e-mails to the demo's addresses
                "union_session_ids": [(0, 0, {
                    "name": f"Buổi {i + 1}", "place": "Hội trường " + (unit.short_name or unit.name),
                    "date_begin": start + timedelta(days=i),
                    "date_end": start + timedelta(days=i, hours=3, minutes=30),
                }) for i in range(sessions)],
            })
            registrations = self.env["event.registration"].create([{
                "event_id": event.id, "union_member_id": member.id, "partner_id": member.partner_id.id,
                "name": member.name, "email": member.partner_id.email,
            } for member in members])
            # about four in five come to each session
            for index, session in enumerate(event.union_session_ids):
                self.env["union.training.attendance"].create([{
                    "session_id": session.id, "registration_id": registration.id,
                    "check_in": session.date_begin,
                } for position, registration in enumerate(registrations)
                    if (position + index) % 5 != 4])
                registrations.filtered("union_attendance_count").write({"state": "done"})
        # the next class, open for registration on the portal
        upcoming = today + timedelta(days=14)
        start = datetime(upcoming.year, upcoming.month, upcoming.day, 1, 30)
        Event.create({
            "name": "Tập huấn an toàn thông tin và bảo vệ dữ liệu cá nhân",
            "union_organization_id": school.id, "tag_ids": [(6, 0, digital.ids)],
            "date_begin": start, "date_end": start + timedelta(hours=8),
            "date_tz": "Asia/Ho_Chi_Minh", "seats_limited": True, "seats_max": 40,
            "event_mail_ids": [(5, 0, 0)],
            "union_session_ids": [(0, 0, {"name": "Buổi 1", "place": "Phòng máy tính",
                                          "date_begin": start, "date_end": start + timedelta(hours=4)})],
        })
        self._load_courses(federation, province_members, year)
        return True

    def _load_courses(self, federation, members, year):
        ref = self.env.ref
        Channel = self.env["slide.channel"]
        courses = Channel.create([{
            "name": "Kỹ năng số cho đoàn viên",
            "description": "Sử dụng dịch vụ công trực tuyến, thanh toán điện tử, an toàn trên mạng.",
            "union_organization_ids": [(6, 0, federation.ids)], "enroll": "public",
            "visibility": "connected", "is_published": True,
            "tag_ids": [(6, 0, ref("union_training.slide_channel_tag_digital_skills").ids)],
        }, {
            "name": "Nghiệp vụ công tác công đoàn",
            "description": "Điều lệ Công đoàn Việt Nam, tổ chức đại hội, tài chính công đoàn cơ sở.",
            "union_organization_ids": [(6, 0, federation.ids)], "enroll": "public",
            "visibility": "connected", "is_published": True,
            "tag_ids": [(6, 0, ref("union_training.slide_channel_tag_union_work").ids)],
        }])
        Slide = self.env["slide.slide"]
        for course, lessons in zip(courses, [
            ["Dịch vụ công trực tuyến", "Thanh toán điện tử và VietQR", "An toàn thông tin cá nhân"],
            ["Điều lệ Công đoàn Việt Nam", "Tài chính công đoàn cơ sở"],
        ]):
            Slide.create([{
                "name": lesson, "channel_id": course.id, "slide_category": "article",
                "html_content": f"<p>{lesson}: nội dung bài học.</p>", "is_published": True,
                "question_ids": [(0, 0, {
                    "question": f"Bạn đã đọc xong bài «{lesson}»?",
                    "answer_ids": [(0, 0, {"text_value": "Đã đọc", "is_correct": True}),
                                   (0, 0, {"text_value": "Chưa đọc", "is_correct": False})],
                })],
            } for lesson in lessons])
        for course, learners in ((courses[0], members[:40]), (courses[1], members[20:35])):
            course._action_add_members(learners.partner_id)
            done = course.channel_partner_ids.filtered(
                lambda cp, learners=learners: cp.partner_id in learners[: len(learners) * 3 // 4].partner_id)
            done.write({"member_status": "completed", "completion": 100,
                        "union_completed_on": date(year, 6, 15)})
