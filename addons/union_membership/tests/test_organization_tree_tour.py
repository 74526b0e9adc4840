from datetime import date

from odoo.tests import HttpCase, new_test_user, tagged

from .common import UnionCommon


@tagged("post_install", "-at_install")
class TestTreeAsAtTour(UnionCommon, HttpCase):
    """The unit tree as at a date in the browser: before 1 July 2025 the Đắk Nông education
    union and its schools; today the Lâm Đồng federation (its own fixture, built through the
    same wizards the officers use)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Org = cls.env["union.organization"]
        cls.dak_nong = Org.create({
            "name": "Liên đoàn Lao động tỉnh Đắk Nông", "code": "TT-DN-LDLD", "short_name": "LĐLĐ",
            "level": "federation", "unit_kind": "province", "date_founded": date(2004, 1, 1)})
        cls.education = Org.create({
            "name": "Công đoàn ngành Giáo dục tỉnh Đắk Nông", "code": "TT-DN-CDN", "short_name": "CĐN",
            "level": "upper", "unit_kind": "sector", "parent_id": cls.dak_nong.id, "date_founded": date(2004, 1, 1)})
        cls.school = Org.create({
            "name": "Công đoàn Trường THPT Gia Nghĩa", "code": "TT-DN-THPT1", "short_name": "CĐCS",
            "level": "grassroots", "parent_id": cls.education.id, "funding_type": "public_partial",
            "date_founded": date(2005, 9, 1)})
        cls.ended = Org.create({
            "name": "Công đoàn Trường Tiểu học Nghĩa Đức", "code": "TT-DN-TH1", "short_name": "CĐCS",
            "level": "grassroots", "parent_id": cls.education.id, "funding_type": "public_full",
            "date_founded": date(2005, 9, 1)})
        Member = cls.env["union.member"]
        for index, unit in enumerate((cls.school, cls.school, cls.ended)):
            Member.create({
                "name": f"Đoàn viên {index + 1}", "gender": "female", "birth_date": date(1985, 1, 1 + index),
                "citizen_id": f"06718599{index + 1:04d}", "organization_id": unit.id,
                "date_joined": date(2015, 9, 1), "date_employed": date(2015, 8, 1)})
        # 1 June 2025: the fully state-funded school's union ends
        Dissolve = cls.env["union.organization.dissolve.wizard"]
        wizard = Dissolve.new({"organization_id": cls.ended.id, "reason_kind": "state_funded_2025"})
        wizard._onchange_reason_kind()
        Dissolve.create({"organization_id": cls.ended.id, "reason_kind": "state_funded_2025", "date": wizard.date,
                         "reason": wizard.reason, "decision_ref": "40/QĐ-CĐN"}).action_dissolve()
        # 30 June 2025: the education union ends, its schools pass to the federation; 1 July 2025: the
        # Đắk Nông federation merges into the new Lâm Đồng one
        cls.lam_dong = Org.create({
            "name": "Liên đoàn Lao động tỉnh Lâm Đồng", "code": "TT-LD-LDLD", "short_name": "LĐLĐ",
            "level": "federation", "unit_kind": "province", "date_founded": date(2025, 7, 1)})
        Merge = cls.env["union.organization.merge"]
        for source, target, on_date in ((cls.education, cls.dak_nong, date(2025, 6, 30)),
                                        (cls.dak_nong, cls.lam_dong, date(2025, 7, 1))):
            Merge.create({"mode": "merge", "source_ids": [(6, 0, source.ids)], "target_id": target.id,
                          "date": on_date, "decision_ref": f"T-{on_date.isoformat()}"}).action_confirm()
        # the federation's officer: managing Lâm Đồng only, they read the merged Đắk Nông units'
        # archive as the successor (successor_ids), without being given the merged units
        cls.user_lam_dong = new_test_user(
            cls.env, login="t_lam_dong", name="Cán bộ LĐLĐ Lâm Đồng",
            groups="base.group_user,union_membership.group_union_upper_officer", lang="vi_VN")
        cls.user_lam_dong.union_organization_ids = [(6, 0, cls.lam_dong.ids)]

    def test_tree_as_at_a_date_in_the_browser(self):
        self.assertEqual(self.school.parent_id, self.lam_dong)
        self.assertEqual(self.education.state, "merged")
        self.start_tour("/odoo/action-union_membership.union_member_action", "union_tree_as_at_tour",
                        login=self.user_lam_dong.login)
