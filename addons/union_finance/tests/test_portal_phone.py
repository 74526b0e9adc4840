from datetime import date

from odoo.tests import HttpCase, tagged

from odoo.addons.union_membership.tests.phone import PhonePortalMixin

from .common import UnionFinanceCommon


@tagged("post_install", "-at_install")
class TestFinancePortalPhone(PhonePortalMixin, UnionFinanceCommon, HttpCase):
    """The dues and care-and-support pages on a phone (390 px wide, touch): issue 14."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # June paid, July unpaid (with its VietQR code), a request with a long description
        cls._run(cls.unit_a, date(2025, 6, 1))
        cls._run(cls.unit_a, date(2025, 7, 1))
        cls.env["union.dues.payment"].create({
            "kind": "cash", "organization_id": cls.unit_a.id, "member_id": cls.member_a1.id,
            "amount": 176_000}).action_post()
        cls.env["union.welfare.request"].with_user(cls.user_officer_a).create({
            "member_id": cls.member_a1.id, "kind_id": cls.env.ref("union_finance.union_welfare_kind_sickness").id,
            "date": date(2025, 8, 1), "amount": 1_000_000,
            "description": "Nằm viện điều trị sốt xuất huyết tại Bệnh viện đa khoa tỉnh Đắk Nông, "
                           "giấy ra viện số BV-ĐKĐN/2025/000123456789"})

    def test_portal_pages_on_a_phone(self):
        self.start_tour("/my", "union_finance_phone_tour", login="t_portal_a1")

    def test_stacked_labels_are_translated(self):
        html = self._page_in_vietnamese("/my/union/dues", "t_portal_a1")
        for label in ("Tháng", "Mã thanh toán", "Còn phải nộp (đồng)", "Tình trạng"):
            self.assertIn(f'data-label="{label}"', html)
        html = self._page_in_vietnamese("/my/union/welfare", "t_portal_a1")
        for label in ("Ngày", "Hình thức", "Nội dung", "Số tiền được duyệt (đồng)"):
            self.assertIn(f'data-label="{label}"', html)
