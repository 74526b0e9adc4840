from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

from ..rules import dues as dues_rules


class UnionFinanceDemoFund(models.AbstractModel):
    """Demo data of the 2% fund, remittance and welfare, built on top of
    union_membership's demo province (small, a fixed number of records)."""

    _name = "union.finance.demo.fund"
    _description = "Union Finance Demo (fund, remittance, welfare)"

    @api.model
    def _load_demo(self):
        school = self.env.ref("union_membership.demo_org_school", raise_if_not_found=False)
        if not school or self.env["union.fund.contribution"].search_count(
                [("organization_id", "=", school.id)], limit=1):
            return False  # no demo province, or already loaded
        school.company_id._union_finance_setup_accounting()
        today = fields.Date.context_today(self)
        this_month = dues_rules.month_start(today)
        others = self.env["union.organization"].search([
            ("parent_id", "=", school.parent_id.id), ("state", "=", "active"),
            ("level", "=", "grassroots"), ("id", "!=", school.id),
            ("company_id", "=", school.company_id.id)], limit=2)
        units = school | others
        employers = self.env["res.partner"].create([{
            "name": f"{unit.name.replace('Công đoàn ', '')} (đơn vị sử dụng lao động)",
            "is_company": True, "email": f"ketoan{i}@example.vn",
        } for i, unit in enumerate(units, start=1)])
        for unit, employer in zip(units, employers):
            unit.employer_ids = [fields.Command.link(employer.id)]
        # the school collects its fund itself under the upper level's authorisation and
        # remits the upper share; the other units' fund is collected by the upper level
        # (the default, DOMAIN.md §4)
        self.env["union.fund.authorization"].create({
            "name": "01/UQ-THU", "organization_id": school.id,
            "date_from": this_month - relativedelta(months=12)})
        Contribution = self.env["union.fund.contribution"]
        vals_list = []
        for index, (unit, employer) in enumerate(zip(units, employers)):
            headcount = 40 + 15 * index
            for back in range(6, 0, -1):
                vals_list.append({
                    "organization_id": unit.id, "employer_id": employer.id,
                    "month": this_month - relativedelta(months=back), "headcount": headcount,
                    "payroll_fund": headcount * 7_850_000,
                })
        contributions = Contribution.create(vals_list)
        contributions.action_post()
        # everything paid on the 15th of the next month, except: the school's month
        # before last (late) and the second employer's oldest two months (unpaid)
        late = contributions.filtered(lambda c: c.organization_id == school
                                      and c.month == this_month - relativedelta(months=2))
        unpaid = contributions.filtered(lambda c: len(units) > 1 and c.organization_id == units[1]
                                        and c.month <= this_month - relativedelta(months=5))
        to_pay = contributions - late - unpaid - contributions.filtered(
            lambda c: c.month == this_month - relativedelta(months=1))
        payments = self.env["union.fund.payment"].create([{
            "contribution_id": c.id, "amount": c.amount_due,
            "date": c.month + relativedelta(months=1, day=15), "reference": c.name,
        } for c in to_pay])
        payments.action_post()
        (late | unpaid)._cron_update_status()
        # one remittance: what the school collected three months ago, posted and paid
        start = this_month - relativedelta(months=4)
        remittance = self.env["union.remittance"].create({
            "organization_id": school.id, "date_from": start,
            "date_to": start + relativedelta(months=1, days=-1),
            "payment_date": start + relativedelta(months=1, day=10)})
        remittance.action_post()
        remittance.action_register_payment()
        # care for members of the school
        members = self.env["union.member"].search(
            [("organization_id", "child_of", school.id), ("state", "=", "active")], limit=3)
        portal_member = self.env.ref("union_membership.demo_member_portal", raise_if_not_found=False)
        kinds = {code: self.env.ref(f"union_finance.union_welfare_kind_{code}")
                 for code in ("sickness", "childbirth", "bereavement", "hardship")}
        Welfare = self.env["union.welfare.request"]
        paid = Welfare.create([{
            "member_id": members[0].id, "kind_id": kinds["sickness"].id, "amount": 500_000,
            "date": this_month - relativedelta(months=2, day=3),
            "description": "Thăm hỏi đoàn viên ốm đau nằm viện điều trị 7 ngày.",
            "payment_date": this_month - relativedelta(months=2, day=8),
        }, {
            "member_id": members[1 % len(members)].id, "kind_id": kinds["childbirth"].id,
            "amount": 500_000, "date": this_month - relativedelta(months=1, day=12),
            "description": "Chúc mừng đoàn viên sinh con thứ hai.",
            "payment_date": this_month - relativedelta(months=1, day=15),
        }])
        paid.action_approve()
        paid.action_pay()
        approved = Welfare.create({
            "member_id": members[2 % len(members)].id, "kind_id": kinds["hardship"].id,
            "amount": 1_000_000, "amount_requested": 2_000_000, "date": this_month,
            "description": "Gia đình đoàn viên bị thiệt hại do bão lũ, đề nghị trợ cấp khó khăn.",
        })
        approved.action_approve()
        if portal_member:
            Welfare.create({
                "member_id": portal_member.id, "kind_id": kinds["sickness"].id,
                "channel": "portal", "state": "submitted", "date": today,
                "description": "Em bị tai nạn giao thông phải nằm viện, kính đề nghị công đoàn thăm hỏi.",
            })
        return True
