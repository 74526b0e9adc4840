"""The dues run and its lines under DOMAIN.md §1-§2 (revised 2026-12-02):
the unit's partial-month setting, the surplus collected above the rate (kept
100%, its own income item, out of the share sent upward) and the units that
stopped on 1 June 2025 (no lines, money collected after is to refund).

Kept apart from union_dues_run.py: only its small overridable steps are
extended here (_gather_member_data, _get_rules_data, _compute_member_month,
_get_dues_lines_to_create, _get_adjustment_lines_to_create,
_read_lines_to_post, _split_per_unit, _prepare_move_items)."""
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..rules import dues as dues_rules
from .union_dues_line import UnionDuesLine as _BaseLine


class _UnitData(dict):
    """The {unit id: funding type} of the run's rules data, carrying the units'
    law settings (stop date, partial-month setting, resolutions) along."""

    law = None


class UnionDuesLine(models.Model):
    _inherit = "union.dues.line"

    _BATCH_COLUMNS = _BaseLine._BATCH_COLUMNS | {"amount_surplus"}

    amount_surplus = fields.Monetary(
        string="Above the Rate (VND)", aggregator="sum",
        help="Part of the amount collected above the rate by the unit's resolution: kept 100% by "
             "the unit, not part of the share sent upward.")

    @api.model
    def action_view_all_refunds(self):
        units = self.env["union.organization"].search([("finance_stop_date", "!=", False)])
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "union_finance.union_dues_line_action_refund")
        action["domain"] = units._union_refund_domain()
        return action


class UnionDuesRun(models.Model):
    _inherit = "union.dues.run"

    amount_surplus = fields.Monetary(string="Above the Rate (kept 100%)", readonly=True)

    def _gather_member_data(self, member_ids):
        members, bases, exemptions = super()._gather_member_data(member_ids)
        self.env["union.member.dues.base"].flush_model(["take_home_amount"])
        self.env.cr.execute("""SELECT member_id, date_start, take_home_amount
                                 FROM union_member_dues_base
                                WHERE member_id = ANY(%s) AND take_home_amount > 0""",
                            [list(member_ids)])
        for member_id, date_start, amount in self.env.cr.fetchall():
            members[member_id].setdefault("take_home", []).append((date_start, int(amount)))
        return members, bases, exemptions

    def _get_rules_data(self, org_ids):
        rules, base_salaries, salary_ids, fundings = super()._get_rules_data(org_ids)
        units = _UnitData(fundings)
        units.law = self.env["union.organization"].browse(list(org_ids))._union_law_data()
        units.no_insurance_days = int(self.env["ir.config_parameter"].sudo().get_param(
            "union_finance.no_insurance_salary_days", 14))
        return rules, base_salaries, salary_ids, units

    def _compute_member_month(self, member_id, org_id, state, month, data, rules_data):
        """The unit's partial-month setting decides the exemptions (given to
        the base method as a whole-month exemption, or not at all), then the
        surplus of the unit's resolution is added to the amount."""
        law = getattr(rules_data[3], "law", None) or {}
        unit = law.get(org_id)
        if unit is None:
            return super()._compute_member_month(member_id, org_id, state, month, data, rules_data)
        members, bases, exemptions = data
        kept = [{"date_from": dues_rules.month_start(month), "date_to": None,
                 "reason": exemption["reason"]}
                for exemption in exemptions.get(member_id, [])
                if dues_rules.exempt_in_month(month, exemption["date_from"],
                                              exemption["date_to"] or None, unit["policy"],
                                              rules_data[3].no_insurance_days)][:1]
        vals = super()._compute_member_month(
            member_id, org_id, state, month, (members, bases, {member_id: kept}), rules_data)
        resolution = dues_rules.resolution_at(unit["resolutions"], month)
        surplus = dues_rules.surplus_amount(
            vals["amount"], resolution, vals["base_amount"],
            dues_rules.value_at(members[member_id].get("take_home", []),
                                dues_rules.month_end(month)) or 0,
            vals["rate"]) if resolution else 0
        vals["amount"] += surplus
        vals["amount_surplus"] = surplus
        return vals

    def _union_stopped_units(self):
        """{unit id: stop date} of the run's units stopped for its month."""
        self.ensure_one()
        stops = self._get_scope_organizations()._union_finance_stop_dates()
        return {unit_id: stop for unit_id, stop in stops.items()
                if dues_rules.stopped(self.month, stop)}

    def _get_dues_lines_to_create(self):
        stopped = self._union_stopped_units()
        if self.organization_id.id in stopped:
            raise UserError(self.env._(
                "%(unit)s stopped collecting dues on %(date)s (units fully state-paid or "
                "self-financing below 10%%): no dues for %(month)s. Dues already collected for "
                "these months are to be refunded (Finance > Dues to Refund).",
                unit=self.organization_id.name,
                date=stopped[self.organization_id.id].strftime("%d/%m/%Y"),
                month=self.month.strftime("%m/%Y")))
        vals_list = super()._get_dues_lines_to_create()
        skipped = {vals["organization_id"] for vals in vals_list} & set(stopped)
        if skipped:
            self.message_post(body=self.env._(
                "No dues for %(month)s in units that stopped collecting on 1 June 2025 or later: "
                "%(units)s.", month=self.month.strftime("%m/%Y"),
                units=", ".join(self.env["union.organization"].browse(sorted(skipped)).mapped(
                    "display_name"))))
        return [vals for vals in vals_list if vals["organization_id"] not in stopped]

    def _get_adjustment_lines_to_create(self):
        vals_list = super()._get_adjustment_lines_to_create()
        if not vals_list:
            return vals_list
        stops = self.env["union.organization"].browse(
            {vals["organization_id"] for vals in vals_list})._union_finance_stop_dates()
        vals_list = [vals for vals in vals_list
                     if not dues_rules.stopped(vals["month"], stops.get(vals["organization_id"]))]
        # the adjustment's surplus is the difference too
        existing = defaultdict(int)
        # sudo: every posted line of the run's units counts, whoever may read it
        for rec in self.env["union.dues.line"].sudo().search_read([
                ("member_id", "in", list({vals["member_id"] for vals in vals_list})),
                ("month", "in", list({vals["month"] for vals in vals_list})),
                ("run_state", "!=", "reversed"), ("run_id", "!=", self.id)],
                ["member_id", "month", "amount_surplus"]):
            existing[rec["member_id"][0], rec["month"]] += rec["amount_surplus"]
        for vals in vals_list:
            vals["amount_surplus"] = vals.get("amount_surplus", 0) - existing[
                vals["member_id"], vals["month"]]
        return vals_list

    def _read_lines_to_post(self):
        lines = super()._read_lines_to_post()
        self.env["union.dues.line"].flush_model(["amount_surplus"])
        self.env.cr.execute("SELECT id, amount_surplus FROM union_dues_line WHERE run_id = %s",
                            [self.id])
        surplus = dict(self.env.cr.fetchall())
        for line in lines:
            line["amount_surplus"] = surplus.get(line["id"]) or 0
        return lines

    @api.model
    def _split_per_unit(self, lines, kept_percent):
        """The split of the base method on the regular dues only; each unit's
        surplus is added to what it keeps (and noted as ``surplus``)."""
        surplus = defaultdict(int)
        for line in lines:
            surplus[line["organization_id"]] += line.get("amount_surplus") or 0
        if not any(surplus.values()):
            return super()._split_per_unit(lines, kept_percent)
        regular = [dict(line, amount=line["amount"] - (line.get("amount_surplus") or 0))
                   for line in lines]
        splits = super()._split_per_unit(regular, kept_percent)
        for unit_id, amount in surplus.items():
            if amount:
                split = splits.setdefault(unit_id, {"total": 0, "kept": 0, "upward": 0})
                split.update(total=split["total"] + amount, kept=split["kept"] + amount,
                             surplus=amount)
        return splits

    def _prepare_move_items(self, lines, splits):
        """The surplus leaves the unit's kept-share item for an item of its
        own (the surplus account), so that it shows on its own line."""
        items = super()._prepare_move_items(lines, splits)
        if not any(split.get("surplus") for split in splits.values()):
            return items
        month = self.month.strftime("%m/%Y")
        units = self.env["union.organization"].browse(sorted(splits))
        for unit in units:
            amount = splits[unit.id].get("surplus")
            if not amount:
                continue
            # the accounts of the company that keeps the unit's books
            company = unit.company_id
            account = company.union_dues_surplus_account_id
            if not account:
                company._union_ensure_fund_accounts()
                account = company.union_dues_surplus_account_id
            income = company.union_dues_income_account_id.id
            label = self.env._("Dues %(month)s: kept share, %(unit)s", month=month, unit=unit.name)
            kept = next((item for item in items if item["key"][0] == "kept"
                         and item["account_id"] == income and item["name"] == label
                         and item["credit"] >= amount), None)
            if kept is None:
                continue
            kept["credit"] -= amount
            items.append({
                "key": ("surplus", kept["key"][1]), "analytic_id": kept.get("analytic_id"),
                "unit_id": unit.id, "partner_id": False,
                "name": self.env._("Dues %(month)s: above the rate, kept 100%%, %(unit)s",
                                   month=month, unit=unit.name),
                "account_id": account.id, "debit": 0, "credit": amount,
                "analytic_distribution": kept.get("analytic_distribution"),
            })
        return [item for item in items if item["debit"] or item["credit"]]

    def action_confirm(self):
        res = super().action_confirm()
        # one grouped read per run (reading the lines' amount_surplus through run.line_ids
        # loaded 100,000 records chunk by chunk: close to a minute at province scale)
        Line = self.env["union.dues.line"]
        for run in self:
            [[surplus]] = Line._read_group([("run_id", "=", run.id)], [], ["amount_surplus:sum"])
            if surplus:
                run.amount_surplus = surplus
        return res
