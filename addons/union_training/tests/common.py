from datetime import datetime, timedelta

from odoo import fields
from odoo.tests import new_test_user

from odoo.addons.union_membership.tests.common import UnionCommon


class TrainingCommon(UnionCommon):
    """UnionCommon plus a digital-skills class of unit A with two sessions, a meeting of
    unit B, and a course for the members of unit A."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        cls.now = fields.Datetime.now()
        start = cls.now.replace(microsecond=0) - timedelta(hours=1)
        cls.tag_digital = cls.env.ref("union_training.event_tag_digital_skills")
        Event = cls.env["event.event"]
        cls.event_a = Event.create({
            "name": "Tập huấn kỹ năng số", "union_organization_id": cls.unit_a.id,
            "tag_ids": [(6, 0, cls.tag_digital.ids)],
            "date_begin": start, "date_end": start + timedelta(days=1, hours=6),
            "union_session_ids": [
                (0, 0, {"name": "Buổi 1", "date_begin": start, "date_end": start + timedelta(hours=4)}),
                (0, 0, {"name": "Buổi 2", "date_begin": start + timedelta(days=1),
                        "date_end": start + timedelta(days=1, hours=4)}),
            ],
        })
        cls.session_1, cls.session_2 = cls.event_a.union_session_ids
        cls.event_b = Event.create({
            "name": "Hội nghị người lao động B", "union_organization_id": cls.unit_b.id,
            "date_begin": start + timedelta(days=3), "date_end": start + timedelta(days=3, hours=4),
            "union_session_ids": [(0, 0, {"name": "Phiên toàn thể", "date_begin": start + timedelta(days=3),
                                          "date_end": start + timedelta(days=3, hours=4)})],
        })
        cls.course_a = cls.env["slide.channel"].create({
            "name": "Kỹ năng số cho đoàn viên", "union_organization_ids": [(6, 0, cls.unit_a.ids)],
            "enroll": "public", "visibility": "connected", "is_published": True,
            "tag_ids": [(6, 0, cls.env.ref("union_training.slide_channel_tag_digital_skills").ids)],
        })
        cls.env["slide.slide"].create({
            "name": "Bài 1", "channel_id": cls.course_a.id, "slide_category": "article",
            "html_content": "<p>Nội dung</p>", "is_published": True})
        cls.user_portal_b1 = new_test_user(
            cls.env, login="t_portal_b1", name=cls.member_b1.name,
            groups="base.group_portal,union_membership.group_union_member",
            partner_id=cls.member_b1.partner_id.id)

    @classmethod
    def _register(cls, event, member):
        return event._union_register_member(member)

    @staticmethod
    def _day(dt):
        return datetime.combine(dt.date(), datetime.min.time())
