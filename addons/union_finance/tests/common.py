from datetime import date

from odoo.tests import new_test_user

from odoo.addons.union_membership.tests.common import UnionCommon


class UnionFinanceCommon(UnionCommon):
    """UnionCommon plus salaries, an accountant and the unit's bank account."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.unit_a.company_id
        cls.company._union_finance_setup_accounting()
        cls.user_accountant = new_test_user(
            cls.env, login="t_accountant", name="Kế toán",
            groups="base.group_user,union_finance.group_union_accountant")
        cls.user_accountant.union_organization_ids = [(6, 0, cls.upper.ids)]
        cls.user_accountant_b = new_test_user(
            cls.env, login="t_accountant_b", name="Kế toán B",
            groups="base.group_user,union_finance.group_union_accountant")
        cls.user_accountant_b.union_organization_ids = [(6, 0, cls.unit_b.ids)]
        # salaries for social insurance: a1 17.6M (public), a2 60M (public, capped
        # from 2025-07), b1 30M (non-public: employee)
        cls.env["union.member.dues.base"].create([
            {"member_id": cls.member_a1.id, "date_start": date(2020, 1, 1), "amount": 17_600_000},
            {"member_id": cls.member_a2.id, "date_start": date(2020, 1, 1), "amount": 60_000_000},
            {"member_id": cls.member_b1.id, "date_start": date(2020, 1, 1), "amount": 30_000_000},
        ])
        vn = cls.env.ref("base.vn")
        cls.unit_a.partner_id.write({"city": "Gia Nghia", "country_id": vn.id})
        bank = cls.env["res.bank"].create({"name": "Vietcombank", "bic": "970436"})
        cls.bank_account = cls.env["res.partner.bank"].create({
            "acc_number": "0011004455667", "bank_id": bank.id,
            "partner_id": cls.unit_a.partner_id.id, "proxy_type": "bank_acc",
            "proxy_value": "0011004455667", "include_reference": True,
        })
        cls.unit_a.dues_bank_account_id = cls.bank_account

    @classmethod
    def _run(cls, unit, month, include_children=True, user=None, post=True):
        """A computed (and, by default, posted) dues run."""
        env = cls.env(user=user or cls.user_admin)
        run = env["union.dues.run"].create({
            "organization_id": unit.id, "month": month, "include_children": include_children})
        run.action_compute()
        if post:
            run.action_confirm()
        return run

    def _lines(self, run, member):
        return run.line_ids.filtered(lambda line: line.member_id == member)
