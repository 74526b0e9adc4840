from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import ReachCommon


@tagged("post_install", "-at_install")
class TestWorkplaceFounding(ReachCommon):
    """Workplaces without a union, their campaign log, the founding and the yearly targets."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_workplace = cls.env["union.reach.workplace"].create({
            "name": "Công ty CP Gỗ Đại Thành", "organization_id": cls.federation.id, "headcount": 80})
        cls.applications = cls._application(
            employer_id=cls.employer_new.id, organization_id=cls.upper.id, workplace_id=cls.workplace.id,
            email=False) | cls._application(
            name="Hồ Thị Nga", gender="female", birth_date="1998-08-08", id_document_number="067198000321",
            employer_id=cls.employer_new.id, organization_id=cls.upper.id, workplace_id=cls.workplace.id,
            email="nga.ht@example.vn")

    def test_upper_officer_sees_own_workplaces_only(self):
        Workplace = self.env["union.reach.workplace"].with_user(self.user_upper)
        self.assertEqual(Workplace.search([]), self.workplace)
        self.assertEqual(Workplace.search_read([], ["non_member_count"])[0]["non_member_count"], 308)
        groups = Workplace.read_group([], ["headcount:sum"], ["organization_id"])
        self.assertEqual([g["headcount"] for g in groups], [320])
        self.assertEqual(len(Workplace.search([]).export_data(["name"])["datas"]), 1)
        with self.assertRaises(AccessError):
            self.other_workplace.with_user(self.user_upper).read(["name"])
        with self.assertRaises(AccessError):
            Workplace.create({"name": "X", "organization_id": self.federation.id})
        # a grassroots officer reads nothing of the upper level's campaigns
        self.assertFalse(self.env["union.reach.workplace"].with_user(self.user_officer_a).search([]))

    def test_campaign_log_follows_the_workplace(self):
        log = self.env["union.reach.campaign.log"].with_user(self.user_upper).create({
            "workplace_id": self.workplace.id, "kind": "meeting", "contacts": 45,
            "note": "Gặp gỡ công nhân ca chiều tại nhà ăn."})
        self.assertEqual(log.organization_id, self.upper)
        with self.assertRaises(AccessError):
            self.env["union.reach.campaign.log"].with_user(self.user_upper).create({
                "workplace_id": self.other_workplace.id, "note": "x"})
        self.assertFalse(self.env["union.reach.campaign.log"].with_user(self.user_officer_b).search([]))

    def test_founding_creates_the_unit_with_its_first_members(self):
        workplace = self.workplace.with_user(self.user_upper)
        workplace.action_start_campaign()
        workplace.action_propose_founding()
        with self.assertRaises(UserError):
            workplace.action_found()
        workplace.write({"founded_name": "Công đoàn Công ty TNHH May Sao Mai", "founded_code": "T-SM",
                         "decision_ref": "45/QĐ-CĐN", "decision_date": date(2026, 11, 25)})
        workplace.action_found()
        unit = self.workplace.founded_organization_id
        self.assertEqual(unit.parent_id, self.upper)
        self.assertEqual(unit.date_founded, date(2026, 11, 25))
        self.assertEqual(self.workplace.state, "founded")
        self.assertEqual(set(self.applications.mapped("state")), {"accepted"})
        members = self.applications.member_id
        self.assertEqual(len(members), 2)
        self.assertEqual(members.organization_id, unit)
        self.assertIn("45/QĐ-CĐN", members.event_ids.mapped("decision_ref")[0])
        # the employer's next applicants go to the new union
        self.assertEqual(self.env["union.reach.route"]._route(self.employer_new, False), unit)

    def test_progress_against_target_as_at_a_date(self):
        Target = self.env["union.reach.target"]
        target = Target.create({"organization_id": self.upper.id, "year": 2026,
                                "new_members_target": 4, "new_units_target": 1})
        self.env["union.member"].create({
            "name": "Đinh Văn Khoa", "gender": "male", "birth_date": date(1990, 2, 2),
            "organization_id": self.unit_b.id, "date_joined": date(2026, 3, 1)})
        Progress = self.env["union.reach.progress"]
        lines = {line["measure"]: line for line in Progress._compute_lines(target, date(2026, 6, 30))}
        self.assertEqual(lines["members"]["achieved"], 1)
        self.assertEqual(lines["members"]["percent"], 25.0)
        self.assertEqual(lines["units"]["achieved"], 0)
        before = {line["measure"]: line for line in Progress._compute_lines(target, date(2026, 2, 1))}
        self.assertEqual(before["members"]["achieved"], 0)
        action = self.env["union.reach.progress.wizard"].with_user(self.user_upper).create(
            {"as_at": date(2026, 6, 30)}).action_show()
        rows = self.env["union.reach.progress"].with_user(self.user_upper).search_read(action["domain"], ["achieved"])
        self.assertEqual(len(rows), 2)
        with self.assertRaises(AccessError):
            Target.with_user(self.user_officer_a).create({"organization_id": self.unit_a.id, "year": 2026})
