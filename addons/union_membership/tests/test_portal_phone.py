from odoo.tests import HttpCase, tagged

from .common import UnionCommon
from .phone import PhonePortalMixin


@tagged("post_install", "-at_install")
class TestUnionPortalPhone(PhonePortalMixin, UnionCommon, HttpCase):
    """The membership portal on a phone (390 px wide, touch): issue 14."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a long history and a request: the tables must still fit the phone
        cls.env["union.member.event"].create({
            "member_id": cls.member_a1.id, "event_type": "card", "card_number": "CD-PHONE-1",
            "decision_ref": "12/QĐ-CĐCS ngày 01/02/2024 của Ban Chấp hành Công đoàn cơ sở"})
        cls.env["union.member.change.request"].create({
            "member_id": cls.member_a1.id, "new_name": "Nguyễn Thị Lan Anh",
            "note": "Đổi tên theo quyết định của Ủy ban nhân dân phường Nghĩa Đức, thành phố Gia Nghĩa"})

    def test_portal_pages_on_a_phone(self):
        self.start_tour("/my", "union_portal_phone_tour", login=self.user_portal_a1.login)
