"""DOMAIN.md §2 (revised 2026-12-02): from 2025-07-01 group 1 has no cap.

The seeded rule of group 1 from 2025-07-01 was capped at 10% of lương cơ sở;
its data is noupdate, so an existing database is corrected here: through the
ORM when no posted run used it yet; otherwise the rule is locked (posted
entries are evidence) and the administrator is told, in the rule's chatter,
to create a corrected rule and let the next runs adjust.
"""
import logging

from odoo import SUPERUSER_ID, api

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    rule = env.ref("union_finance.union_dues_rule_2025_public", raise_if_not_found=False)
    if not rule or not rule.cap_multiple:
        return
    if rule.is_used:
        rule.message_post(body=(
            "QĐ 61/QĐ-TLĐ: nhóm 1 không có mức trần từ 01/07/2025. Quy tắc này đã dùng cho "
            "kỳ thu đã ghi sổ nên không sửa được: hãy tạo quy tắc mới không có mức trần."))
        _logger.info("union_finance: %s is used by posted runs; left as is", rule.display_name)
        return
    rule.write({"cap_multiple": 0, "decision_ref": (
        "QĐ 61/QĐ-TLĐ (29/7/2025): mức trần 10% lương cơ sở chỉ áp dụng cho nhóm 2 và nhóm 3, "
        "nhóm 1 không có mức trần")})
