"""18.0.1.2.0: State titles are recorded, not granted by the union; QĐ 999/QĐ-TLĐ's union titles.

The title data is loaded with noupdate: existing databases get here what a new installation gets
from data/union_award_title_data.xml (the titles an administrator created or edited are left alone).
"""
from odoo import SUPERUSER_ID, api

STATE_TITLES = ("award_title_lao_dong_tien_tien", "award_title_chien_si_thi_dua_co_so",
                "award_title_tap_the_lao_dong_tien_tien", "award_title_tap_the_lao_dong_xuat_sac")


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    for xmlid in STATE_TITLES:
        title = env.ref(f"union_emulation.{xmlid}", raise_if_not_found=False)
        if title:
            title.state_title = True
    old = env.ref("union_emulation.award_title_cdcs_vung_manh", raise_if_not_found=False)
    if old:
        # "Công đoàn cơ sở vững mạnh" belongs to the pre-2019 framework: history only
        old.active = False
