from datetime import date, datetime

from odoo.addons.union_membership.tests.common import UnionCommon


class GovernanceCommon(UnionCommon):
    """The test province of union_membership, with a term of unit A and a congress in preparation."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.pos_chair = ref("union_governance.position_chair")
        cls.pos_vice = ref("union_governance.position_vice_chair")
        cls.pos_exec = ref("union_governance.position_executive_member")
        cls.pos_ubkt = ref("union_governance.position_inspection_member")
        cls.rule = ref("union_governance.election_rule_charter_2023")
        cls.term_a = cls.env["union.term"].create({
            "organization_id": cls.unit_a.id, "congress_number": 4,
            "date_start": date(2020, 10, 1), "date_end": date(2025, 10, 1)})
        cls.exec_a = cls.env["union.body"].create({"term_id": cls.term_a.id, "kind": "executive", "seats": 5})
        cls.term_b = cls.env["union.term"].create({
            "organization_id": cls.unit_b.id, "congress_number": 2,
            "date_start": date(2021, 5, 1), "date_end": date(2026, 5, 1)})
        cls.exec_b = cls.env["union.body"].create({"term_id": cls.term_b.id, "kind": "executive", "seats": 3})
        cls.post_a1 = cls.env["union.officer.post"].create({
            "body_id": cls.exec_a.id, "member_id": cls.member_a1.id, "position_id": cls.pos_chair.id,
            "date_start": date(2020, 10, 1), "employment": "part_time"})
        cls.post_b1 = cls.env["union.officer.post"].create({
            "body_id": cls.exec_b.id, "member_id": cls.member_b1.id, "position_id": cls.pos_chair.id,
            "date_start": date(2021, 5, 1)})
        cls.congress_b = cls.env["union.congress"].create({
            "name": "Đại hội Công đoàn Trường THCS B lần thứ III", "organization_id": cls.unit_b.id,
            "kind": "full", "congress_number": 3, "date_start": datetime(2026, 4, 20, 1, 0),
            "rule_id": cls.rule.id})

    def url_open(self, url, *args, **kwargs):
        """HttpCase's request with a longer timeout: the first request of a test compiles routes
        and templates, which takes more than Odoo's 12 s default on a busy 2-core machine."""
        kwargs.setdefault("timeout", 60)
        return super().url_open(url, *args, **kwargs)

    @classmethod
    def _make_congress(cls, unit, kind="full", **vals):
        return cls.env["union.congress"].create(dict({
            "name": f"Đại hội {unit.name}", "organization_id": unit.id, "kind": kind, "congress_number": 5,
            "date_start": datetime(2025, 9, 20, 1, 0), "date_summons": date(2025, 9, 1),
            "new_term_start": date(2025, 9, 20), "new_term_end": date(2030, 9, 20), "rule_id": cls.rule.id,
        }, **vals))

    @classmethod
    def _make_members(cls, unit, count, prefix="Đoàn viên"):
        """``count`` members of ``unit`` in one create."""
        return cls.env["union.member"].create([{
            "name": f"{prefix} {index:03d}", "gender": "female" if index % 2 else "male",
            "birth_date": date(1970 + index % 30, 1, 1 + index % 28), "organization_id": unit.id,
            "date_joined": date(2010, 9, 1), "email": f"{prefix.replace(' ', '').lower()}{index}@example.vn",
        } for index in range(count)])

    @classmethod
    def _make_election(cls, congress, members, seats, method="online", **vals):
        return cls.env["union.election"].create(dict({
            "name": "Bầu Ban Chấp hành", "congress_id": congress.id, "kind": "executive", "seats": seats,
            "method": method,
            "candidate_ids": [(0, 0, {"member_id": member.id}) for member in members],
        }, **vals))
