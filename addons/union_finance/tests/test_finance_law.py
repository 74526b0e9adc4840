"""Money as the law says (DOMAIN.md §1, §2, §4, §5 revised 2026-12-02): both
2% fund flows, reduction, pause and waiver, the surplus above the rate, the
cap by group, stopped units, yearly shares, the partial-month setting and the
legal labels."""
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import UnionFinanceCommon


class UnionLawCommon(UnionFinanceCommon):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.employer_a = Partner.create({"name": "Trường THPT A (SDLĐ)", "is_company": True})
        cls.employer_b = Partner.create({"name": "Công ty Giáo dục B", "is_company": True})
        cls.unit_a.employer_ids = [(4, cls.employer_a.id)]
        cls.unit_b.employer_ids = [(4, cls.employer_b.id)]
        cls.Fund = cls.env["union.fund.contribution"].with_user(cls.user_accountant)
        cls.Decision = cls.env["union.fund.decision"].with_user(cls.user_accountant)

    @classmethod
    def _declare(cls, unit, employer, month, payroll, post=True):
        rec = cls.Fund.create({"organization_id": unit.id, "employer_id": employer.id,
                               "month": month, "payroll_fund": payroll, "headcount": 10})
        if post:
            rec.action_post()
        return rec

    @classmethod
    def _pay_fund(cls, rec, amount, day):
        payment = cls.env["union.fund.payment"].with_user(cls.user_accountant).create({
            "contribution_id": rec.id, "amount": amount, "date": day})
        payment.action_post()
        return payment

    def _items(self, move):
        return {(aml.account_id.code, aml.partner_id): (aml.debit, aml.credit)
                for aml in move.line_ids}


@tagged("post_install", "-at_install")
class TestFundCollection(UnionLawCommon):

    @freeze_time("2025-08-20")
    def test_upper_level_collects_by_default_and_allocates(self):
        rec = self._declare(self.unit_b, self.employer_b, date(2025, 7, 1), 100_000_000)
        # the upper level (công đoàn cấp trên cơ sở) collects and keeps the status
        self.assertEqual((rec.collector, rec.collecting_organization_id), ("upper", self.upper))
        self.assertEqual(rec.status, "due")
        company = self.company
        self.assertEqual(rec.move_id.line_ids.mapped("analytic_distribution"),
                         [{str(self.upper.analytic_account_id.id): 100}] * 3)
        self.assertEqual(self._items(rec.move_id), {
            ("138802", self.employer_b): (2_000_000, 0),
            ("711802", self.employer_b): (0, 500_000),  # the upper level's 25%
            ("336802", self.unit_b.partner_id): (0, 1_500_000),  # owed to the grassroots unit
        })
        self.assertEqual((rec.amount_kept, rec.amount_upward), (1_500_000, 500_000))
        # the request letter comes from the upper level, with its bank account
        bank = self.env["res.partner.bank"].create({
            "acc_number": "0999888777", "partner_id": self.upper.partner_id.id})
        self.upper.dues_bank_account_id = bank
        html = self.env["ir.actions.report"]._render_qweb_html(
            "union_finance.union_fund_request_report_action", rec.ids)[0].decode()
        self.assertIn(self.upper.name, html)
        self.assertIn("0999888777", html)
        self._pay_fund(rec, 2_000_000, date(2025, 8, 15))
        rec.invalidate_recordset()
        self.assertEqual(rec.status, "paid")
        # the grassroots unit does not remit what it did not collect
        remittance = self.env["union.remittance"].with_user(self.user_accountant).create({
            "organization_id": self.unit_b.id, "date_from": date(2025, 8, 1),
            "date_to": date(2025, 8, 31)})
        remittance.action_compute()
        self.assertEqual(remittance.collected_fund, 0)
        # the allocation received is booked as such
        bank = self.env["account.journal"].search(
            [("company_id", "=", company.id), ("type", "=", "bank")], limit=1)
        allocation = self.env["union.fund.allocation"].with_user(self.user_accountant).create({
            "name": "PB-01", "organization_id": self.unit_b.id, "date": date(2025, 8, 20),
            "date_to": date(2025, 7, 31), "journal_id": bank.id, "upper_journal_id": bank.id})
        self.assertEqual(allocation.upper_organization_id, self.upper)
        allocation.action_compute()
        self.assertEqual((allocation.contribution_ids, allocation.amount), (rec, 1_500_000))
        allocation.action_post()
        self.assertEqual(allocation.state, "posted")
        self.assertEqual(self._items(allocation.upper_move_id)[("336802", self.unit_b.partner_id)],
                         (1_500_000, 0))
        received = allocation.move_id
        self.assertEqual(received.state, "posted")
        self.assertEqual(self._items(received)[("711802", self.upper.partner_id)], (0, 1_500_000))
        self.assertEqual(received.line_ids.mapped("analytic_distribution"),
                         [{str(self.unit_b.analytic_account_id.id): 100}] * 2)
        # allocated once
        again = self.env["union.fund.allocation"].create({
            "name": "PB-02", "organization_id": self.unit_b.id, "date_to": date(2025, 7, 31)})
        again.action_compute()
        self.assertFalse(again.contribution_ids)
        with self.assertRaises(UserError):
            again.action_post()

    @freeze_time("2025-10-05")
    def test_authorised_grassroots_collects_and_remits(self):
        Auth = self.env["union.fund.authorization"].with_user(self.user_accountant)
        draft = self._declare(self.unit_b, self.employer_b, date(2025, 8, 1), 50_000_000, post=False)
        self.assertEqual(draft.collector, "upper")
        auth = Auth.create({"name": "05/UQ-CĐN", "organization_id": self.unit_b.id,
                            "date_from": date(2025, 8, 1), "date_to": date(2025, 12, 31)})
        self.assertEqual(auth.upper_organization_id, self.upper)
        # a draft declaration follows the authorisation
        self.assertEqual((draft.collector, draft.collecting_organization_id), ("grassroots", self.unit_b))
        draft.action_post()
        self.assertEqual(self._items(draft.move_id), {
            ("138802", self.employer_b): (1_000_000, 0),
            ("711802", self.employer_b): (0, 750_000),
            ("338802", self.employer_b): (0, 250_000),  # the upper share, remitted
        })
        # before and after the authorisation: the upper level
        july = self._declare(self.unit_b, self.employer_b, date(2025, 7, 1), 50_000_000, post=False)
        january = self._declare(self.unit_b, self.employer_b, date(2026, 1, 1), 50_000_000, post=False)
        self.assertEqual((july.collector, january.collector), ("upper", "upper"))
        # the collecting level keeps the status; 60 days after the deadline: "không đóng"
        self.assertEqual(july.collecting_organization_id, self.upper)
        with self.assertRaises(ValidationError):
            Auth.create({"name": "06/UQ-CĐN", "organization_id": self.unit_b.id,
                         "date_from": date(2025, 12, 1)})  # overlaps
        with self.assertRaises(ValidationError):
            Auth.create({"name": "07/UQ-CĐN", "organization_id": self.upper.id,
                         "date_from": date(2026, 1, 1)})  # not a grassroots union

    def test_declarations_posted_before_the_two_flows(self):
        """Installing this version computes the new fields of existing
        declarations: a posted one was booked by the unit itself."""
        posted = self._declare(self.unit_b, self.employer_b, date(2025, 3, 1), 10_000_000)
        draft = self._declare(self.unit_b, self.employer_b, date(2025, 4, 1), 10_000_000, post=False)
        records = posted | draft
        records.flush_recordset()
        self.env.cr.execute("""UPDATE union_fund_contribution
                                  SET collector = NULL, collecting_organization_id = NULL
                                WHERE id = ANY(%s)""", [records.ids])
        records.invalidate_recordset()
        for name in ("collector", "collecting_organization_id"):
            self.env.add_to_compute(records._fields[name], records)
        records.flush_recordset()
        self.assertEqual((posted.collector, posted.collecting_organization_id), ("grassroots", self.unit_b))
        self.assertEqual((draft.collector, draft.collecting_organization_id), ("upper", self.upper))

    def test_not_paid_status_is_khong_dong(self):
        with freeze_time("2025-09-10"):
            rec = self._declare(self.unit_b, self.employer_b, date(2025, 6, 1), 10_000_000)
            self.assertEqual(rec.status, "late")
        with freeze_time("2025-09-29"):  # 60 days after 31/07
            rec._cron_update_status()
            self.assertEqual(rec.status, "late")
        with freeze_time("2025-09-30"):
            rec._cron_update_status()
            self.assertEqual(rec.status, "unpaid")
        vi = self.env(context={"lang": "vi_VN"})
        labels = dict(vi["union.fund.contribution"]._fields["status"]._description_selection(vi))
        self.assertEqual(labels["unpaid"], "Không đóng")
        collectors = dict(vi["union.fund.contribution"]._fields["collector"]._description_selection(vi))
        self.assertIn("công đoàn cấp trên cơ sở", collectors["upper"].lower())

    def test_historical_fund_shares_by_year(self):
        Auth = self.env["union.fund.authorization"]
        Auth.create({"name": "UQ", "organization_id": self.unit_b.id, "date_from": date(2017, 1, 1)})
        for year, kept in ((2017, 1_340_000), (2019, 1_340_000), (2021, 1_420_000),
                           (2022, 1_500_000), (2025, 1_500_000)):
            rec = self._declare(self.unit_b, self.employer_b, date(year, 3, 1), 100_000_000)
            self.assertEqual(rec.amount_kept, kept, year)
        self.assertEqual(self.env.ref("union_finance.union_share_rule_2021").fund_kept_percent, 71)
        self.assertEqual(self.env.ref("union_finance.union_share_rule_2021").dues_kept_percent, 60)


@tagged("post_install", "-at_install")
class TestFundDecisions(UnionLawCommon):

    def _decision(self, kind, date_from, date_to, **vals):
        return self.Decision.create({
            "name": f"QĐ {kind} {date_from}", "organization_id": self.unit_b.id,
            "employer_id": self.employer_b.id, "kind": kind, "date_from": date_from,
            "date_to": date_to, **vals})

    def test_reduction_at_its_boundaries(self):
        draft = self._declare(self.unit_b, self.employer_b, date(2025, 6, 1), 100_000_000, post=False)
        self._decision("reduction", date(2025, 1, 1), date(2025, 6, 30), percent=20)
        self.assertEqual((draft.reduction_percent, draft.amount_due), (20, 1_600_000))
        after = self._declare(self.unit_b, self.employer_b, date(2025, 7, 1), 100_000_000, post=False)
        self.assertEqual(after.amount_due, 2_000_000, "the month after the 6 months is whole")
        with self.assertRaisesRegex(ValidationError, "20"):
            self._decision("reduction", date(2026, 1, 1), date(2026, 3, 31), percent=20.01)
        with self.assertRaisesRegex(ValidationError, "6"):
            self._decision("reduction", date(2026, 1, 1), date(2026, 7, 1), percent=10)

    def test_pause_defers_then_catch_up(self):
        self._decision("pause", date(2025, 1, 1), date(2025, 12, 31))
        with freeze_time("2025-06-10"):
            months = [self._declare(self.unit_b, self.employer_b, date(2025, m, 1), 100_000_000)
                      for m in (1, 5)]
            for rec in months:
                self.assertEqual((rec.amount_due, rec.status, rec.deadline),
                                 (2_000_000, "paused", date(2026, 1, 31)))
                self.assertTrue(rec.move_id, "a paused month stays due: booked")
        with freeze_time("2026-01-31"):
            months[0]._cron_update_status()
            self.assertEqual(months[0].status, "due")
            self._pay_fund(months[0], 2_000_000, date(2026, 1, 31))
            months[0].invalidate_recordset()
            self.assertEqual(months[0].status, "paid")
        with freeze_time("2026-02-01"):
            months[1]._cron_update_status()
            self.assertEqual(months[1].status, "late")
        with self.assertRaisesRegex(ValidationError, "12"):
            self._decision("pause", date(2026, 1, 1), date(2027, 1, 1))

    def test_waiver_only_for_dissolved_or_bankrupt(self):
        with self.assertRaisesRegex(ValidationError, "dissolved or bankrupt"):
            self._decision("waiver", date(2025, 1, 1), date(2025, 3, 31))
        draft = self._declare(self.unit_b, self.employer_b, date(2025, 2, 1), 100_000_000, post=False)
        self._decision("waiver", date(2025, 1, 1), date(2025, 3, 31), employer_end="bankrupt")
        self.assertEqual((draft.waived, draft.amount_due, draft.status), (True, 0, "waived"))
        other = self._declare(self.unit_b, self.employer_b, date(2025, 4, 1), 100_000_000, post=False)
        self.assertEqual(other.amount_due, 2_000_000)

    @freeze_time("2025-06-10")
    def test_waiver_writes_off_posted_months(self):
        posted = self._declare(self.unit_b, self.employer_b, date(2025, 2, 1), 100_000_000)
        self._pay_fund(posted, 500_000, date(2025, 3, 10))
        later = self._declare(self.unit_b, self.employer_b, date(2025, 4, 1), 100_000_000)
        decision = self._decision("waiver", date(2025, 1, 1), date(2025, 3, 31),
                                  employer_end="dissolved")
        decision.with_user(self.user_accountant).action_write_off()
        posted.invalidate_recordset()
        self.assertEqual((posted.amount_residual, posted.waived, posted.status), (0, True, "waived"))
        self.assertTrue(posted.move_line_id.reconciled)
        write_off = posted.move_line_id.matched_credit_ids.credit_move_id.move_id - \
            posted.payment_ids.move_id
        # the upper level collected it: its share and the allocation owed are taken back
        self.assertEqual(self._items(write_off), {
            ("711802", self.employer_b): (375_000, 0),
            ("336802", self.unit_b.partner_id): (1_125_000, 0),
            ("138802", self.employer_b): (0, 1_500_000),
        })
        self.assertEqual(later.status, "late", "a month outside the waiver stays owed")
        with self.assertRaises(UserError):
            self._decision("pause", date(2025, 5, 1), date(2025, 5, 31)).action_write_off()


@tagged("post_install", "-at_install")
class TestDuesLaw(UnionLawCommon):

    def test_group_1_not_capped_from_july_2025(self):
        self.env["union.member.dues.base"].create({
            "member_id": self.member_a1.id, "date_start": date(2025, 8, 1), "amount": 50_000_000})
        run = self._run(self.unit_a, date(2025, 8, 1), include_children=False, post=False)
        line = self._lines(run, self.member_a1)
        self.assertEqual((line.member_group, line.amount, line.capped), ("public", 250_000, False))
        # group 3 still capped: 30,000,000 x 0.5% = 150,000 under 234,000; 60,000,000 capped
        self.env["union.member.dues.base"].create({
            "member_id": self.member_b1.id, "date_start": date(2025, 8, 1), "amount": 60_000_000})
        b_run = self._run(self.unit_b, date(2025, 8, 1), post=False)
        self.assertEqual((self._lines(b_run, self.member_b1).amount,
                          self._lines(b_run, self.member_b1).capped), (234_000, True))

    def test_surplus_above_the_rate_kept_whole(self):
        Resolution = self.env["union.dues.surplus.resolution"].with_user(self.user_accountant)
        with self.assertRaisesRegex(ValidationError, "group 1"):
            Resolution.create({"name": "NQ-A", "organization_id": self.unit_a.id,
                               "date": date(2025, 7, 20), "date_from": date(2025, 8, 1),
                               "rate": 1.0})
        Resolution.create({"name": "01/NQ-BCH", "organization_id": self.unit_b.id,
                           "date": date(2025, 7, 20), "date_from": date(2025, 8, 1), "rate": 1.0})
        self.env["union.member.dues.base"].create({
            "member_id": self.member_b1.id, "date_start": date(2025, 8, 1), "amount": 10_000_000})
        july = self._run(self.unit_b, date(2025, 7, 1), post=False)
        self.assertEqual(self._lines(july, self.member_b1).amount_surplus, 0, "before the resolution")
        run = self._run(self.unit_b, date(2025, 8, 1))
        line = self._lines(run, self.member_b1)
        # DOMAIN §2: the member pays 100,000; regular 50,000: 35,000 kept, 15,000 up;
        # the surplus 50,000 is kept whole: the unit keeps 85,000
        self.assertEqual((line.amount, line.amount_surplus), (100_000, 50_000))
        self.assertEqual((run.amount_kept, run.amount_upward, run.amount_surplus),
                         (85_000, 15_000, 50_000))
        company = self.company
        by_account = {}
        for aml in run.move_ids.line_ids:
            by_account[aml.account_id] = by_account.get(aml.account_id, 0) + aml.credit - aml.debit
        self.assertEqual(by_account[company.union_dues_income_account_id], 35_000)
        self.assertEqual(by_account[company.union_dues_upward_account_id], 15_000)
        self.assertEqual(by_account[company.union_dues_surplus_account_id], 50_000,
                         "the surplus on its own item, for its own settlement line")
        # the remittance sends up only the regular share
        self.assertEqual(sum(run.move_ids.mapped("amount_total")), 100_000)

    def test_surplus_of_several_units_in_one_run(self):
        """The upper level's run: each unit's surplus on its own item with its
        analytic account, the regular dues split as usual."""
        unit_c = self.env["union.organization"].create({
            "name": "Công đoàn Công ty C", "code": "T-C", "level": "grassroots",
            "parent_id": self.upper.id, "funding_type": "enterprise"})
        members = self.env["union.member"].create([{
            "name": f"Công nhân C{i}", "gender": "male", "birth_date": date(1990, 1, i),
            "citizen_id": f"06709000010{i}", "organization_id": unit_c.id,
            "date_joined": date(2020, 1, 1)} for i in (1, 2)])
        self.env["union.member.dues.base"].create([
            {"member_id": member.id, "date_start": date(2025, 1, 1), "amount": 20_000_000}
            for member in members] + [
            {"member_id": self.member_b1.id, "date_start": date(2025, 8, 1), "amount": 10_000_000}])
        Resolution = self.env["union.dues.surplus.resolution"]
        for unit, rate in ((self.unit_b, 1.0), (unit_c, 0.8)):
            Resolution.create({"name": f"NQ {unit.code}", "organization_id": unit.id,
                               "date": date(2025, 7, 1), "date_from": date(2025, 8, 1),
                               "rate": rate})
        run = self._run(self.upper, date(2025, 8, 1))
        # b1: 100,000 (50,000 above); C: 160,000 each (60,000 above); a1 88,000, a2 300,000
        self.assertEqual(sum(run.line_ids.mapped("amount_surplus")), 50_000 + 2 * 60_000)
        self.assertEqual(run.amount_surplus, 170_000)
        surplus_items = run.move_ids.line_ids.filtered(
            lambda aml: aml.account_id == self.company.union_dues_surplus_account_id)
        by_unit = {next(iter(aml.analytic_distribution)): aml.credit for aml in surplus_items}
        self.assertEqual(by_unit, {str(self.unit_b.analytic_account_id.id): 50_000,
                                   str(unit_c.analytic_account_id.id): 120_000})
        regular = 88_000 + 300_000 + 50_000 + 2 * 100_000
        self.assertEqual(run.amount_upward, regular - round(regular * 0.7))
        self.assertEqual(run.amount_kept + run.amount_upward, sum(run.line_ids.mapped("amount")))
        self.assertFalse(run.move_ids._get_unbalanced_moves({"records": run.move_ids}))

    def test_union_group_follows_its_grassroots_union(self):
        """A member of a union group (tổ) of a group 3 unit: the unit's
        resolution and partial-month setting apply."""
        team = self.env["union.organization"].create({
            "name": "Tổ Kế toán - Trường B", "code": "T-B-T1", "level": "group",
            "parent_id": self.unit_b.id, "funding_type": "non_public"})
        member = self.env["union.member"].create({
            "name": "Phạm Văn Tổ", "gender": "male", "birth_date": date(1988, 4, 4),
            "citizen_id": "067088000009", "organization_id": team.id,
            "date_joined": date(2015, 9, 1)})
        self.env["union.dues.surplus.resolution"].create({
            "name": "03/NQ-BCH", "organization_id": self.unit_b.id, "date": date(2025, 7, 20),
            "date_from": date(2025, 8, 1), "rate": 1.0})
        self.env["union.member.dues.base"].create({
            "member_id": member.id, "date_start": date(2025, 8, 1), "amount": 10_000_000})
        self.unit_b.dues_partial_month_policy = "whole_month"
        self.env["union.dues.exemption"].create({
            "member_id": member.id, "reason": "unpaid_leave",
            "date_from": date(2025, 8, 1), "date_to": date(2025, 9, 29)})
        august = self._run(self.unit_b, date(2025, 8, 1), post=False)
        line = self._lines(august, member)
        self.assertEqual((line.organization_id, line.amount, line.exemption_reason),
                         (team, 0, "unpaid_leave"))
        september = self._run(self.unit_b, date(2025, 9, 1), post=False)
        line = self._lines(september, member)
        self.assertEqual((line.amount, line.amount_surplus, line.exemption_reason),
                         (100_000, 50_000, False), "29 of 30 days: not the whole month")

    def test_surplus_on_take_home_pay(self):
        self.env["union.dues.surplus.resolution"].create({
            "name": "02/NQ-BCH", "organization_id": self.unit_b.id, "date": date(2025, 7, 20),
            "date_from": date(2025, 8, 1), "base": "take_home"})
        self.env["union.member.dues.base"].create({
            "member_id": self.member_b1.id, "date_start": date(2025, 8, 1), "amount": 10_000_000,
            "take_home_amount": 16_000_000})
        run = self._run(self.unit_b, date(2025, 8, 1), post=False)
        line = self._lines(run, self.member_b1)
        self.assertEqual((line.amount, line.amount_surplus), (80_000, 30_000))

    def test_partial_month_is_a_unit_setting(self):
        self.assertEqual(self.unit_a.dues_partial_month_policy, "no_insurance_salary")
        # 1 July to 17 September: 13 working days of September, 17 of its 30 days
        self.env["union.dues.exemption"].create({
            "member_id": self.member_a1.id, "reason": "benefit_leave",
            "date_from": date(2025, 7, 1), "date_to": date(2025, 9, 17)})
        run = self._run(self.unit_a, date(2025, 9, 1), include_children=False, post=False)
        line = self._lines(run, self.member_a1)
        self.assertEqual((line.amount, line.exemption_reason), (88_000, False),
                         "an insurance salary is paid for September: dues are due")
        august = self._run(self.unit_a, date(2025, 8, 1), include_children=False, post=False)
        self.assertEqual(self._lines(august, self.member_a1).exemption_reason, "benefit_leave")
        self.unit_a.dues_partial_month_policy = "majority"
        run.action_compute()
        line = self._lines(run, self.member_a1)
        self.assertEqual((line.amount, line.exemption_reason), (0, "benefit_leave"))


@tagged("post_install", "-at_install")
class TestStoppedUnits(UnionLawCommon):

    def test_stopped_unit_refused_skipped_and_refunds_listed(self):
        june = self._run(self.unit_a, date(2025, 6, 1))
        line = self._lines(june, self.member_a1)
        with Form(self.env["union.dues.payment"].with_user(self.user_accountant)) as form:
            form.kind = "cash"
            form.member_id = self.member_a1
        form.record.action_post()
        self.assertEqual(line.payment_state, "paid")
        # the public unit turns out to be self-financing below 10%: stopped on 1 June 2025
        self.unit_a.self_financing_below_threshold = True
        self.assertEqual(self.unit_a.finance_stop_date, date(2025, 6, 1))
        self.assertFalse(self.unit_b.finance_stop_date)
        with self.assertRaisesRegex(UserError, "stopped collecting dues on 01/06/2025"):
            self._run(self.unit_a, date(2025, 7, 1), post=False)
        # the upper level's run skips it (and its union groups) and says so
        run = self._run(self.upper, date(2025, 7, 1), post=False)
        self.assertEqual(run.line_ids.member_id, self.member_b1)
        self.assertIn(self.unit_a.name, run.message_ids[0].body)
        # the 2% fund of June was declared and paid before the unit was known to have stopped
        self.unit_a.self_financing_below_threshold = False
        june_fund = self._declare(self.unit_a, self.employer_a, date(2025, 6, 1), 10_000_000)
        self._pay_fund(june_fund, 200_000, date(2025, 7, 5))
        self.unit_a.self_financing_below_threshold = True
        fund_action = self.env["union.fund.contribution"].action_view_all_refunds()
        self.assertEqual(self.env["union.fund.contribution"].search(fund_action["domain"]), june_fund)
        # no fund declaration for later months; May is still fine
        with self.assertRaisesRegex(ValidationError, "stopped"):
            self._declare(self.unit_a, self.employer_a, date(2025, 7, 1), 10_000_000, post=False)
        self._declare(self.unit_a, self.employer_a, date(2025, 5, 1), 10_000_000, post=False)
        # what was collected for June is listed to refund
        action = self.unit_a.action_view_refunds()
        refunds = self.env["union.dues.line"].search(action["domain"])
        self.assertEqual(refunds, line)
        everywhere = self.env["union.dues.line"].action_view_all_refunds()
        self.assertEqual(self.env["union.dues.line"].search(everywhere["domain"]), line)
        # paid back on a payment voucher (C41-BB): the income of the run taken back
        Refund = self.env["union.dues.refund"].with_user(self.user_accountant)
        with Form(Refund) as form:
            form.member_id = self.member_a1
            form.date = date(2025, 7, 10)
        refund = form.record
        self.assertEqual((refund.line_ids, refund.amount), (line, 176_000))
        refund.action_post()
        company = self.company
        by_account = {aml.account_id: (aml.debit, aml.credit) for aml in refund.move_id.line_ids}
        self.assertEqual(by_account[company.union_dues_income_account_id], (123_200, 0))
        self.assertEqual(by_account[company.union_dues_upward_account_id], (52_800, 0))
        self.assertEqual(by_account[refund.journal_id.default_account_id], (0, 176_000))
        self.assertEqual(refund.move_id.state, "posted")
        # no member is a partner on a journal item: the unit's partner, the member in the label
        self.assertEqual(refund.move_id.line_ids.partner_id, self.unit_a.partner_id)
        self.assertTrue(all(self.member_a1.name in aml.name for aml in refund.move_id.line_ids))
        html = self.env["ir.actions.report"]._render_qweb_html(
            "union_finance.union_dues_refund_payment_voucher_report_action", refund.ids)[0].decode()
        self.assertIn("C41-BB", html)
        self.assertIn("Một trăm bảy mươi sáu nghìn đồng", html)
        self.assertIn("01/06/2025", html)
        self.assertEqual(refund.action_print_voucher()["report_name"],
                         "union_finance.union_payment_voucher_document")
        again = Refund.create({"member_id": self.member_a1.id, "line_ids": [(6, 0, line.ids)]})
        with self.assertRaisesRegex(UserError, "already refunded"):
            again.action_post()
        may = self._run(self.unit_b, date(2025, 5, 1))
        b_may = self._lines(may, self.member_b1)
        other = Refund.create({"member_id": self.member_b1.id, "line_ids": [(6, 0, b_may.ids)]})
        with self.assertRaises(UserError):
            other.action_post()  # not paid, and its unit goes on

    def test_fully_state_paid_units_stop(self):
        unit = self.env["union.organization"].create({
            "name": "Công đoàn Trường Tiểu học C", "code": "T-C", "level": "grassroots",
            "parent_id": self.upper.id, "funding_type": "public_full"})
        self.assertEqual(unit.finance_stop_date, date(2025, 6, 1))
        unit.funding_type = "non_public"
        self.assertFalse(unit.finance_stop_date)


@tagged("post_install", "-at_install")
class TestLawAccess(UnionLawCommon):
    """Who may read and write the authorisations, allocations, resolutions and
    refunds: as the attacker does, through the ORM with each role's user."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.auth_a = cls.env["union.fund.authorization"].create({
            "name": "UQ-A", "organization_id": cls.unit_a.id, "date_from": date(2025, 1, 1)})
        cls.resolution_b = cls.env["union.dues.surplus.resolution"].create({
            "name": "NQ-B", "organization_id": cls.unit_b.id, "date": date(2025, 7, 1),
            "date_from": date(2025, 8, 1), "rate": 1.0})
        cls.allocation_a = cls.env["union.fund.allocation"].create({
            "name": "PB-A", "organization_id": cls.unit_a.id})
        cls.refund_a = cls.env["union.dues.refund"].create({"member_id": cls.member_a1.id})
        cls.accountant_b = cls.user_accountant_b  # unit B only

    def test_other_unit_reads_nothing(self):
        for model, record in (("union.fund.authorization", self.auth_a),
                              ("union.fund.allocation", self.allocation_a),
                              ("union.dues.refund", self.refund_a)):
            Model = self.env[model].with_user(self.accountant_b)
            self.assertFalse(Model.search_read([("id", "=", record.id)], ["id"]), model)
            groups = Model.read_group([], ["organization_id"], ["organization_id"])
            self.assertNotIn(self.unit_a.id, [group["organization_id"][0] for group in groups
                                              if group["organization_id"]], model)
            with self.assertRaises(AccessError):
                record.with_user(self.accountant_b).read(["name"])
            with self.assertRaises(AccessError):
                record.with_user(self.accountant_b).unlink()
        rows = self.env["union.dues.surplus.resolution"].with_user(self.user_officer_a).search(
            []).export_data(["name"])["datas"]
        self.assertNotIn(["NQ-B"], rows)

    def test_other_unit_cannot_be_referenced(self):
        with self.assertRaises(AccessError):
            self.env["union.fund.authorization"].with_user(self.accountant_b).create({
                "name": "UQ-X", "organization_id": self.unit_a.id, "date_from": date(2026, 1, 1)})
        with self.assertRaises(AccessError):
            self.resolution_b.with_user(self.accountant_b).organization_id = self.unit_a
        with self.assertRaises(AccessError):
            self.env["union.dues.refund"].with_user(self.accountant_b).create(
                {"member_id": self.member_a1.id})

    def test_officer_reads_but_does_not_write(self):
        self.assertTrue(self.auth_a.with_user(self.user_officer_a).read(["name"]))
        with self.assertRaises(AccessError):
            self.env["union.dues.surplus.resolution"].with_user(self.user_officer_b).create({
                "name": "NQ-C", "organization_id": self.unit_b.id, "date": date(2025, 7, 1),
                "date_from": date(2026, 1, 1), "rate": 1.0})
        with self.assertRaises(AccessError):
            self.auth_a.with_user(self.user_officer_a).unlink()
        # the upper level's accountant sees its units' records
        self.assertEqual(self.env["union.fund.authorization"].with_user(self.user_accountant).search(
            [("id", "=", self.auth_a.id)]), self.auth_a)
