from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..rules import vietqr as vietqr_rules


class UnionOrganization(models.Model):
    _inherit = "union.organization"

    dues_bank_account_id = fields.Many2one(
        "res.partner.bank", string="Dues Bank Account",
        domain="[('partner_id', '=', partner_id)]",
        help="Bank account of the unit that receives the members' dues "
             "(shown as a VietQR code on the member's portal). Empty: the parent unit's.")
    analytic_account_id = fields.Many2one(
        "account.analytic.account", string="Analytic Account", copy=False, index="btree_not_null",
        help="Every journal item the suite books for this unit carries this analytic account, "
             "so that units keeping no books of their own are told apart in their parent's company. "
             "Created automatically when the unit first books something.")
    dues_qr_warning = fields.Text(
        compute="_compute_dues_qr_warning", string="VietQR Set-up",
        help="What the unit's dues bank account lacks for the members' VietQR codes.")
    dues_currency_id = fields.Many2one(related="company_id.currency_id", string="Dues Currency")
    dues_amount_due = fields.Monetary(
        compute="_compute_dues_amount_due", string="Dues in Arrears", currency_field="dues_currency_id",
        help="Dues not yet paid by the members of this unit and of the units below it.")

    @api.constrains("dues_bank_account_id", "partner_id")
    def _check_dues_bank_account(self):
        """The members' dues go to the unit's own bank account: an account of another contact
        (another unit's, anybody's, picked by its id over RPC) is refused."""
        for unit in self.sudo():
            account = unit.dues_bank_account_id
            if account and account.partner_id != unit.partner_id:
                raise ValidationError(self.env._(
                    "%(unit)s: the dues bank account %(account)s belongs to %(holder)s, not to the "
                    "unit's contact.", unit=unit.name, account=account.acc_number,
                    holder=account.partner_id.name))

    def _compute_dues_amount_due(self):
        """One grouped read for all the units and their subtrees."""
        subtree = self._get_subtree() if self else self
        data = self.env["union.dues.line"]._read_group(
            [("organization_id", "in", subtree.ids), ("payment_state", "in", ("unpaid", "partial"))],
            ["organization_id"], ["amount_residual:sum"])
        by_path = [(org.parent_path, amount) for org, amount in data]
        for unit in self:
            unit.dues_amount_due = sum(amount for path, amount in by_path
                                       if unit.parent_path and path.startswith(unit.parent_path))

    def _union_analytic_map(self):
        """{unit id: analytic account id} for these units, creating the missing
        accounts in one batch (plan "Công đoàn", code = the unit's code)."""
        missing = self.filtered(lambda unit: not unit.analytic_account_id)
        if missing:
            plan = self.env.ref("union_finance.analytic_plan_union", raise_if_not_found=False)
            if not plan:
                plan = self.env["account.analytic.plan"].sudo().create({"name": "Công đoàn"})
            # sudo: the accounts are bookkeeping keys of the units the user already books for
            accounts = self.env["account.analytic.account"].sudo().create([{
                "name": unit.name, "code": unit.code, "plan_id": plan.id,
                "company_id": unit.company_id.id,
            } for unit in missing])
            for unit, account in zip(missing, accounts):
                unit.sudo().analytic_account_id = account
        return {unit.id: unit.analytic_account_id.id for unit in self}

    def _union_analytic_distribution(self):
        """The analytic distribution of one unit's journal items."""
        self.ensure_one()
        return {str(self._union_analytic_map()[self.id]): 100}

    def _get_dues_bank_account(self):
        """The bank account of this unit, else the nearest parent unit's."""
        self.ensure_one()
        unit = self
        while unit:
            if unit.dues_bank_account_id:
                return unit.dues_bank_account_id
            unit = unit.parent_id
        return self.env["res.partner.bank"]

    def action_view_dues_arrears(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("union_finance.union_dues_line_action_arrears")
        action["domain"] = [("organization_id", "child_of", self.id)]
        return action

    # ------------------------------------------------------------------ VietQR

    def _union_vietqr_account_data(self):
        """(bank account, its owner unit, the dict rules/vietqr.problems reads) of this unit's
        dues bank account (its own or the nearest parent's)."""
        self.ensure_one()
        # sudo: the public bank details of the unit (or a unit above it) the dues are paid to
        unit = self.sudo()
        while unit and not unit.dues_bank_account_id:
            unit = unit.parent_id
        bank = unit.dues_bank_account_id
        if not bank:
            return bank, unit, None
        partner = bank.partner_id
        return bank, unit, {
            "acc_number": bank.acc_number, "bank_bic": bank.bank_id.bic,
            "holder": bank.acc_holder_name or partner.name, "proxy_type": bank.proxy_type,
            "proxy_value": bank.proxy_value, "country_code": partner.country_id.code,
            "city": partner.city, "include_reference": bank.include_reference,
        }

    def _union_vietqr_problems(self):
        """[(code, message)] of what the unit's dues bank account lacks for a VietQR code: the
        message names the unit, the record and the field to fix (for officers)."""
        self.ensure_one()
        bank, owner, data = self._union_vietqr_account_data()
        _ = self.env._
        names = {"unit": self.name, "owner": owner.name or self.name,
                 "account": bank.acc_number or "", "bank": bank.bank_id.name or "",
                 "bic": bank.bank_id.bic or "", "holder": bank.partner_id.name or ""}
        messages = {
            vietqr_rules.NO_ACCOUNT: _(
                "%(unit)s: no Dues Bank Account, on the unit or on a unit above it. Set it on the "
                "unit's form (field Dues Bank Account).", **names),
            "country": _(
                "%(owner)s, bank account %(account)s: its holder %(holder)s has no country "
                "Vietnam (field Country of the contact %(holder)s).", **names),
            "bic": _(
                "%(owner)s, bank account %(account)s: the bank %(bank)s has no Bank Identifier "
                "Code. Enter the bank's 6-digit NAPAS code (e.g. 970436 for Vietcombank) in the "
                "field Bank Identifier Code of the bank.", **names),
            "bic_format": _(
                "%(owner)s, bank account %(account)s: the Bank Identifier Code %(bic)s of the "
                "bank %(bank)s is not a 6-digit NAPAS code (e.g. 970436 for Vietcombank).", **names),
            "acc_number": _("%(owner)s: the dues bank account has no Account Number.", **names),
            "proxy_type": _(
                "%(owner)s, bank account %(account)s: set its QR Code Type to \"Bank Account\".",
                **names),
            "proxy_value": _(
                "%(owner)s, bank account %(account)s: enter the account number as its Proxy Value.",
                **names),
            "holder": _(
                "%(owner)s, bank account %(account)s: the Account Holder Name is empty.", **names),
            "city": _(
                "%(owner)s, bank account %(account)s: the contact %(holder)s has no City (the QR "
                "code carries it).", **names),
            "reference": _(
                "%(owner)s, bank account %(account)s: tick Include Reference, so that each "
                "transfer carries the month's payment reference.", **names),
        }
        return [(code, messages[code]) for code in vietqr_rules.problems(data)]

    @api.depends("dues_bank_account_id", "parent_id")
    def _compute_dues_qr_warning(self):
        for unit in self:
            problems = unit._union_vietqr_problems() if unit.id else []
            unit.dues_qr_warning = "\n".join(message for _code, message in problems) or False
