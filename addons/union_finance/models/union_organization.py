from odoo import fields, models


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
    dues_amount_due = fields.Integer(
        compute="_compute_dues_amount_due", string="Dues in Arrears",
        help="Dues not yet paid by the members of this unit and of the units below it.")

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
