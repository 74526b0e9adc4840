import base64
import io
from collections import Counter, defaultdict

from odoo import api, fields, models

from ..rules.lifecycle import MEMBER_STATES
from ..tools.xlsx import add_styles, download_action, new_workbook, print_setup

LEAVING_EVENTS = ("withdrawal", "removal", "expulsion", "death", "dissolution", "transfer_out")
JOINING_EVENTS = ("admission", "recognition")
AGE_BANDS = ((0, 30, "age_under_30"), (30, 40, "age_30_39"), (40, 50, "age_40_49"), (50, 200, "age_50_plus"))


class UnionMemberStatistics(models.Model):
    _name = "union.member.statistics"
    _description = "Membership Statistics"
    _inherit = ["mail.thread", "union.reference.check.mixin"]
    _order = "date_to desc, id desc"
    _union_checked_references = ("organization_id",)

    name = fields.Char(compute="_compute_name", store=True)
    organization_id = fields.Many2one("union.organization", string="Unit", required=True, index=True,
                                      default=lambda self: self.env.user.union_organization_ids[:1])
    date_from = fields.Date(string="Period Start", required=True,
                            default=lambda self: fields.Date.context_today(self).replace(month=1, day=1))
    date_to = fields.Date(string="As At", required=True, default=fields.Date.context_today)
    line_ids = fields.One2many("union.member.statistics.line", "statistics_id", string="Lines")
    ethnicity_breakdown = fields.Json(readonly=True)
    total_members = fields.Integer(compute="_compute_totals")
    total_women = fields.Integer(compute="_compute_totals")
    xlsx_file = fields.Binary(string="XLSX", attachment=True, readonly=True)
    xlsx_filename = fields.Char()

    @api.depends("organization_id", "date_to")
    def _compute_name(self):
        for stat in self:
            stat.name = "%s - %s" % (stat.organization_id.name or "",
                                     stat.date_to.strftime("%d/%m/%Y") if stat.date_to else "")

    @api.depends("line_ids.members", "line_ids.women")
    def _compute_totals(self):
        for stat in self:
            stat.total_members = sum(stat.line_ids.mapped("members"))
            stat.total_women = sum(stat.line_ids.mapped("women"))

    def action_compute(self):
        """Count members as at ``date_to`` and movements in the period, per unit, in bulk."""
        for stat in self:
            # the units under the chosen one as they stood at the date (the units' history)
            Org = self.env["union.organization"]
            tree = Org._get_tree_at(stat.date_to)
            # (only those the user may read today: a unit moved away since is out of their reach)
            units = Org.with_context(active_test=False).search([
                ("id", "in", Org._get_subtree_at(tree, stat.organization_id.ids))])
            members_model = self.env["union.member"]
            status = members_model._get_status_at(stat.date_to, units.ids)
            current = {mid: org for mid, (state, org) in status.items() if state in MEMBER_STATES}
            rows = members_model.browse(list(current)).sudo().read(
                ["gender", "birth_date", "ethnicity_id", "party_member", "nationality_id"], load=False)
            vietnam = self.env.ref("base.vn", raise_if_not_found=False)
            minority = set(self.env["union.ethnicity"].search([("is_minority", "=", True)]).ids)
            ethnicity_names = dict(self.env["union.ethnicity"].search([]).mapped(lambda e: (e.id, e.name)))
            counts = defaultdict(Counter)
            by_ethnicity = Counter()
            for row in rows:
                unit = counts[current[row["id"]]]
                unit["members"] += 1
                unit["women"] += row["gender"] == "female"
                unit["party"] += bool(row["party_member"])
                unit["foreign"] += bool(row["nationality_id"]) and row["nationality_id"] != vietnam.id
                unit["minority"] += row["ethnicity_id"] in minority
                if row["ethnicity_id"]:
                    by_ethnicity[ethnicity_names.get(row["ethnicity_id"])] += 1
                if row["birth_date"]:
                    age = members_model._age_on(row["birth_date"], stat.date_to)
                    for low, high, key in AGE_BANDS:
                        if low <= age < high:
                            unit[key] += 1
            events = self.env["union.member.event"].sudo().search_read([
                ("date", ">=", stat.date_from), ("date", "<=", stat.date_to),
                ("event_type", "in", JOINING_EVENTS + LEAVING_EVENTS),
                "|", ("organization_id", "in", units.ids), ("from_organization_id", "in", units.ids),
            ], ["event_type", "organization_id"], load=False)
            for event in events:
                key = "admitted" if event["event_type"] in JOINING_EVENTS else "left"
                counts[event["organization_id"]][key] += 1
            stat.line_ids.unlink()
            self.env["union.member.statistics.line"].create([
                dict({"statistics_id": stat.id, "organization_id": unit.id,
                      **stat._line_unit_values(unit, tree.get(unit.id))}, **counts.get(unit.id, {}))
                for unit in units])
            stat.ethnicity_breakdown = dict(by_ethnicity)
        return True

    @api.model
    def _line_unit_values(self, unit, node):
        """The unit's name, level and parent at the statistics' date (today's when it has no history)."""
        if not node:
            return {"unit_name": unit.name, "level": unit.level, "parent_id": unit.parent_id.id}
        return {"unit_name": node["name"], "level": node["level"], "parent_id": node["parent_id"]}

    def action_export_xlsx(self):
        self.ensure_one()
        if not self.line_ids:
            self.action_compute()
        self.write({"xlsx_file": base64.b64encode(self._render_xlsx()),
                    "xlsx_filename": "thong-ke-doan-vien-%s.xlsx" % self.date_to.strftime("%Y%m%d")})
        return download_action(self, "xlsx_file", self.xlsx_filename)

    def _render_xlsx(self):
        _ = self.env._
        output = io.BytesIO()
        # unit and ethnic group names are user text: stored as text, never as a formula
        book = new_workbook(output)
        styles = add_styles(book)
        bold, cell = styles["head"], styles["text"]
        sheet = book.add_worksheet(_("Statistics")[:31])
        sheet.write(0, 0, _("Membership statistics of %(unit)s as at %(date)s, movements from %(start)s",
                            unit=self.organization_id.name, date=self.date_to.strftime("%d/%m/%Y"),
                            start=self.date_from.strftime("%d/%m/%Y")))
        line_model = self.env["union.member.statistics.line"]
        columns = ["members", "women", "age_under_30", "age_30_39", "age_40_49", "age_50_plus",
                   "minority", "party", "foreign", "admitted", "left"]
        headers = [_("Unit code"), _("Unit")] + [line_model._fields[c].get_description(self.env)["string"]
                                                 for c in columns]
        for col, title in enumerate(headers):
            sheet.write(2, col, title, bold)
        print_setup(self.env, sheet, 2, [(0, 0, 14), (1, 1, 45), (2, len(headers) - 1, 12)])
        row = 3
        for line in self.line_ids:
            sheet.write(row, 0, line.organization_id.code, cell)
            sheet.write(row, 1, line.unit_name or line.organization_id.name, cell)
            for col, field in enumerate(columns, start=2):
                sheet.write_number(row, col, line[field], cell)
            row += 1
        sheet.write(row, 1, _("Total"), styles["bold"])
        for col, field in enumerate(columns, start=2):
            sheet.write_number(row, col, sum(self.line_ids.mapped(field)), styles["bold"])
        eth = book.add_worksheet(_("Ethnic groups")[:31])
        eth.write(0, 0, _("Ethnic group"), bold)
        eth.write(0, 1, _("Members"), bold)
        for index, (name, count) in enumerate(sorted((self.ethnicity_breakdown or {}).items()), start=1):
            eth.write(index, 0, name, cell)
            eth.write_number(index, 1, count, cell)
        book.close()
        return output.getvalue()
