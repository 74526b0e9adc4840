"""The 2025 reorganisation in the demo province (issue 18, DOMAIN.md §1), as it happened.

- 1 June 2025: the grassroots unions of the fully state-funded public schools end (Conclusion
  157-KL/TW, dispatch 4181/TLĐ-TC); their members' membership ends on that day (no dues after
  May 2025), their history stays.
- 30 June 2025: the Đắk Nông education union ends (as every provincial education union did):
  its continuing grassroots unions (non-public schools, public units at least 10% self-financed)
  pass to the provincial federation (decision of 25/06/2025).
- 1 July 2025: Đắk Nông merges into the new Lâm Đồng province: its federation merges into the
  Lâm Đồng provincial federation with everything below it.
- 15 July 2025: some schools move under the new commune/ward unions (decision of 10/07/2025).
Everything goes through the same wizards an officer uses (dissolution, merge, move).
"""
from datetime import date

from odoo import api, models


class UnionDemoGenerator(models.AbstractModel):
    _inherit = "union.membership.demo.province"

    @api.model
    def _reorganise_2025(self, federation, sector, schools, prefix="DN"):
        """Apply the 2025 timeline to a generated province. Returns a dict: ``dissolved`` (the
        schools' unions ended on 1 June 2025), ``successor`` (the Lâm Đồng federation),
        ``dak_nong`` (the Đắk Nông federation, merged), ``commune`` (a commune/ward union)."""
        Org = self.env["union.organization"].with_context(tracking_disable=True)
        Dissolve = self.env["union.organization.dissolve.wizard"]
        Merge = self.env["union.organization.merge"].with_context(tracking_disable=True)
        dissolved = schools.filtered(lambda s: s.funding_type == "public_full")
        for index, school in enumerate(dissolved):
            wizard = Dissolve.new({"organization_id": school.id, "reason_kind": "state_funded_2025"})
            wizard._onchange_reason_kind()
            Dissolve.create({"organization_id": school.id, "reason_kind": "state_funded_2025",
                             "date": wizard.date, "reason": wizard.reason,
                             "decision_ref": f"{40 + index}/QĐ-CĐN ngày 28/05/2025"}).action_dissolve()
        # the education union ends; its continuing schools go to the provincial federation
        Merge.create({"mode": "merge", "source_ids": [(6, 0, sector.ids)], "target_id": federation.id,
                      "date": date(2025, 6, 30), "decision_ref": "215/QĐ-LĐLĐ ngày 25/06/2025",
                      "reason": "Kết thúc hoạt động Công đoàn ngành Giáo dục tỉnh; chuyển các công đoàn "
                                "cơ sở tiếp tục hoạt động về Liên đoàn Lao động tỉnh"}).action_confirm()
        # Đắk Nông and Bình Thuận merge into the new Lâm Đồng province (Resolution 202/2025/QH15)
        # (the new province's federation; the VGCL above it is not in the demo)
        successor = Org.create({
            "name": "Liên đoàn Lao động tỉnh Lâm Đồng", "code": f"{prefix}-LD-LDLD", "short_name": "LĐLĐ",
            "level": "federation", "unit_kind": "province", "funding_type": "other",
            "date_founded": date(2025, 7, 1), "email": f"ldld.lamdong.{prefix.lower()}@example.vn"})
        Merge.create({"mode": "merge", "source_ids": [(6, 0, federation.ids)], "target_id": successor.id,
                      "date": date(2025, 7, 1), "decision_ref": "1520/QĐ-TLĐ ngày 27/06/2025",
                      "reason": "Hợp nhất tỉnh theo Nghị quyết 202/2025/QH15"}).action_confirm()
        commune = Org.create({
            "name": "Công đoàn phường Nam Gia Nghĩa", "code": f"{prefix}-P-NGN", "short_name": "CĐP",
            "level": "upper", "unit_kind": "commune", "funding_type": "other", "parent_id": successor.id,
            "date_founded": date(2025, 7, 1)})
        continuing = schools.filtered(lambda s: s.state == "active")
        movers = continuing.filtered(lambda s: s.funding_type == "non_public")[:3]
        if movers:
            Merge.create({"mode": "move", "source_ids": [(6, 0, movers.ids)], "new_parent_id": commune.id,
                          "date": date(2025, 7, 15),
                          "decision_ref": "12/QĐ-LĐLĐ ngày 10/07/2025"}).action_confirm()
        sector.unit_kind, federation.unit_kind = "sector", "province"
        return {"dissolved": dissolved, "successor": successor, "dak_nong": federation, "commune": commune}
