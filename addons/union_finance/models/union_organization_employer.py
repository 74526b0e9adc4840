import datetime

from odoo import api, fields, models

from ..rules import dues as dues_rules

PARTIAL_MONTH_POLICIES = [
    (dues_rules.PARTIAL_NO_INSURANCE, "No insurance salary paid that month"),
    (dues_rules.PARTIAL_MAJORITY, "More than half of the month"),
    (dues_rules.PARTIAL_WHOLE, "The whole month"),
    (dues_rules.PARTIAL_ANY, "Any day of the month"),
]


class UnionOrganization(models.Model):
    _inherit = "union.organization"

    employer_ids = fields.Many2many(
        "res.partner", "union_organization_employer_rel", "organization_id", "partner_id",
        string="Employers",
        help="The employers whose workers are members of this unit: they declare and pay "
             "the 2% union fund for it.")
    fund_authorization_ids = fields.One2many(
        "union.fund.authorization", "organization_id", string="Authorisations to Collect",
        help="Dated authorisations of the upper level for this grassroots union to collect the "
             "2% fund itself; without one, the upper level collects.")
    surplus_resolution_ids = fields.One2many(
        "union.dues.surplus.resolution", "organization_id", string="Resolutions above the Rate")
    self_financing_below_threshold = fields.Boolean(
        string="Self-financing below 10%", tracking=True,
        help="A public unit whose self-financing rate is below 10%: like a fully state-paid "
             "unit, its grassroots union stopped collecting dues and the 2% fund on "
             "1 June 2025 (dispatch 4181/TLĐ-TC).")
    finance_stop_date = fields.Date(
        string="Dues and Fund Stopped On", compute="_compute_finance_stop_date", store=True,
        readonly=False, tracking=True,
        help="From this date no dues lines or 2% fund declarations are made for the unit; money "
             "collected for later months is to be refunded. Set by default for fully state-paid "
             "units and units self-financing below 10% (System Parameter "
             "union_finance.public_units_stop_date, 2025-06-01).")
    dues_partial_month_policy = fields.Selection(
        PARTIAL_MONTH_POLICIES, string="Partly Exempt Month", required=True,
        default=dues_rules.PARTIAL_NO_INSURANCE,
        help="How a month partly covered by a member's exemption (benefit, unpaid leave) counts: "
             "by default the month is exempt when no salary for social insurance is paid for it "
             "(14 working days or more off without pay).")

    @api.depends("funding_type", "self_financing_below_threshold")
    def _compute_finance_stop_date(self):
        value = self.env["ir.config_parameter"].sudo().get_param(
            "union_finance.public_units_stop_date", "2025-06-01")
        stop = datetime.date.fromisoformat(value) if value else False
        for unit in self:
            if unit.funding_type == "public_full" or (
                    unit.funding_type == "public_partial" and unit.self_financing_below_threshold):
                unit.finance_stop_date = stop
            else:
                unit.finance_stop_date = False

    def _union_fund_upper_unit(self):
        """The upper-level union (công đoàn cấp trên cơ sở) that collects this
        unit's 2% fund by default: the nearest unit above it of the upper or
        federation level (empty if none)."""
        self.ensure_one()
        unit = self.parent_id
        while unit and unit.level not in ("upper", "federation"):
            unit = unit.parent_id
        return unit

    def _union_finance_stop_dates(self):
        """{unit id: the date its dues and fund stopped, its own or the nearest
        unit's above it (a union group under a stopped grassroots union), or
        None} (one query)."""
        # sudo: the stop dates of the units the user already works for, and of their parents
        units = self.sudo()
        ancestors = {int(part) for unit in units for part in (unit.parent_path or "").split("/")
                     if part}
        stops = {rec["id"]: rec["finance_stop_date"] for rec in self.sudo().search_read(
            [("id", "in", list(ancestors | set(self.ids))), ("finance_stop_date", "!=", False)],
            ["finance_stop_date"])}
        result = {}
        for unit in units:
            path = [int(part) for part in (unit.parent_path or "").split("/") if part] or [unit.id]
            result[unit.id] = next((stops[uid] for uid in reversed(path) if uid in stops), None)
        return result

    def _union_law_data(self):
        """{unit id: {"stop": date, "policy": str, "resolutions": [dicts]}} of
        these units for the dues run (three queries). A union group (tổ) follows
        its grassroots union: its partial-month setting and its resolutions to
        collect above the rate."""
        # sudo: the run reads the settings of its own units and of their grassroots unions
        units = self.sudo()
        path_ids = {unit.id: [int(part) for part in (unit.parent_path or "").split("/") if part]
                    or [unit.id] for unit in units}
        related = self.sudo().search_read(
            [("id", "in", list({uid for path in path_ids.values() for uid in path}))],
            ["level", "dues_partial_month_policy"])
        info = {rec["id"]: rec for rec in related}
        grassroots = {}
        for unit in units:
            grassroots[unit.id] = next(
                (uid for uid in reversed(path_ids[unit.id])
                 if info.get(uid, {}).get("level") == "grassroots"), unit.id)
        resolutions = {}
        for rec in self.env["union.dues.surplus.resolution"].sudo().search_read(
                [("organization_id", "in", list(set(grassroots.values())))],
                ["organization_id", "date_from", "date_to", "base", "rate"]):
            resolutions.setdefault(rec["organization_id"][0], []).append(rec)
        stops = self._union_finance_stop_dates()
        result = {}
        for unit in units:
            head = grassroots[unit.id]
            result[unit.id] = {
                "stop": stops.get(unit.id),
                "policy": (info.get(head) or {}).get("dues_partial_month_policy")
                or unit.dues_partial_month_policy,
                "resolutions": resolutions.get(head, []),
            }
        return result

    def _union_refund_domain(self):
        """The domain of the records holding money received for months after these units
        stopped (dues lines and fund declarations alike: unit, month, amount paid)."""
        domain = [("id", "=", 0)]
        for unit in self.filtered("finance_stop_date"):
            domain = ["|", "&", "&", ("organization_id", "child_of", unit.id),
                      ("month", ">=", dues_rules.month_start(unit.finance_stop_date)),
                      ("amount_paid", ">", 0)] + domain
        return domain

    def action_view_refunds(self):
        """The dues lines paid for months after the unit stopped: to refund."""
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "union_finance.union_dues_line_action_refund")
        action["domain"] = self._union_refund_domain()
        return action
