from contextlib import contextmanager
from datetime import date, timedelta

from odoo import fields

from odoo.addons.union_membership.tests.common import UnionCommon


class EmulationCommon(UnionCommon):
    """UnionCommon plus a launched movement of the upper union, open for registration."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # messages are checked in English here; test_vietnamese_messages checks their translation
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        cls.today = fields.Date.context_today(cls.env["union.emulation.movement"])
        Movement = cls.env["union.emulation.movement"]
        cls.movement = Movement.create({
            "name": "Hai tốt",
            "organization_id": cls.upper.id,
            "kind": "regular",
            "date_start": cls.today - timedelta(days=60),
            "date_end": cls.today + timedelta(days=200),
            "registration_deadline": cls.today + timedelta(days=10),
            "description": "<p>Phong trào thi đua dạy tốt - học tốt</p>",
            "criteria": "<p>Hoàn thành xuất sắc nhiệm vụ năm học</p>",
        })
        cls.movement.action_launch()
        cls.title_ldtt = cls.env.ref("union_emulation.award_title_lao_dong_tien_tien")
        cls.form_gk_cdcs = cls.env.ref("union_emulation.award_title_giay_khen_cdcs")
        cls.form_gk_upper = cls.env.ref("union_emulation.award_title_giay_khen_cap_tren_ca_nhan")
        cls.form_gk_upper_unit = cls.env.ref("union_emulation.award_title_giay_khen_cap_tren_tap_the")
        cls.criterion = cls.env.ref("union_emulation.criterion_2024_2025_public_partial")
        cls.date_2025 = date(2025, 5, 31)

    @contextmanager
    def assertRefused(self, exception, text):
        """assertRaises (which rolls back to a savepoint) plus a check of the message."""
        with self.assertRaises(exception) as caught:
            yield caught
        self.assertIn(text, str(caught.exception))
