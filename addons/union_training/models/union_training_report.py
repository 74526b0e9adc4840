import io
from collections import defaultdict
from datetime import date, datetime, time

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.union_membership.rules.lifecycle import MEMBER_STATES
from odoo.addons.union_membership.tools.xlsx import (
    add_styles,
    attachment_download_action,
    new_workbook,
    print_setup,
)

from ..rules.training import share, trained_members


class UnionTrainingReport(models.TransientModel):
    """The training figures a unit reports upward for a year: classes held, attendance,
    courses completed, members trained in digital skills and units that held such a class."""

    _name = "union.training.report"
    _description = "Training Figures"

    organization_id = fields.Many2one(
        "union.organization", string="Unit", required=True,
        default=lambda self: self.env.user.union_organization_ids[:1])
    year = fields.Integer(required=True, default=lambda self: fields.Date.context_today(self).year)
    date = fields.Date(string="Members On", required=True,
                       default=lambda self: fields.Date.context_today(self),
                       help="The members counted are those of each unit on this date.")
    line_ids = fields.One2many("union.training.report.line", "report_id", string="Units")
    classes_held = fields.Integer(compute="_compute_totals")
    people_attended = fields.Integer(compute="_compute_totals")
    person_sessions = fields.Integer(compute="_compute_totals")
    courses_completed = fields.Integer(compute="_compute_totals")
    members = fields.Integer(compute="_compute_totals")
    trained = fields.Integer(compute="_compute_totals", string="Trained in Digital Skills")
    trained_share = fields.Float(compute="_compute_totals", string="Members Trained (%)")
    units_total = fields.Integer(compute="_compute_totals", string="Grassroots Units")
    units_held = fields.Integer(compute="_compute_totals",
                                string="Units That Held a Digital Skills Class")
    units_share = fields.Float(compute="_compute_totals", string="Units That Held One (%)")

    @api.depends("line_ids")
    def _compute_totals(self):
        for report in self:
            lines = report.line_ids
            report.classes_held = sum(lines.mapped("classes_held"))
            report.people_attended = sum(lines.mapped("people_attended"))
            report.person_sessions = sum(lines.mapped("person_sessions"))
            report.courses_completed = sum(lines.mapped("courses_completed"))
            report.members = sum(lines.mapped("members"))
            report.trained = sum(lines.mapped("trained"))
            report.trained_share = share(report.trained, report.members)
            grassroots = lines.filtered(lambda line: line.organization_id.level == "grassroots")
            report.units_total = len(grassroots)
            report.units_held = len(grassroots.filtered("held_digital_class"))
            report.units_share = share(report.units_held, report.units_total)

    def _period(self):
        self.ensure_one()
        if not 2000 <= self.year <= 2100:
            raise UserError(self.env._("The year %(year)s is not valid.", year=self.year))
        start, end = date(self.year, 1, 1), date(self.year, 12, 31)
        return start, min(end, self.date) if self.date >= start else end

    def action_compute(self):
        """Count, per unit of the subtree, from the attendance and course records (a fixed
        number of queries, whatever the number of members)."""
        for report in self:
            report.organization_id.check_access("read")
            units = report.organization_id._get_subtree()
            start, end = report._period()
            begin, finish = datetime.combine(start, time.min), datetime.combine(end, time.max)
            counts = defaultdict(lambda: defaultdict(int))
            status = self.env["union.member"]._get_status_at(report.date, units.ids)
            unit_of = {mid: org for mid, (state, org) in status.items()
                       if state in MEMBER_STATES}
            for org in unit_of.values():
                counts[org]["members"] += 1
            # sudo: figures of the units the user reads (checked above), not their records
            sessions = self.env["union.training.session"].sudo().search_read(
                [("union_organization_id", "in", units.ids), ("date_begin", ">=", begin),
                 ("date_begin", "<=", finish)], ["event_id", "union_organization_id"], load=False)
            events_by_unit = defaultdict(set)
            for session in sessions:
                events_by_unit[session["union_organization_id"]].add(session["event_id"])
            digital_events = set(self.env["event.event"].sudo().search(
                [("id", "in", [s["event_id"] for s in sessions]),
                 ("union_digital_skills", "=", True)]).ids)
            for org, event_ids in events_by_unit.items():
                counts[org]["classes_held"] = len(event_ids)
                counts[org]["held_digital_class"] = int(bool(event_ids & digital_events))
            attendance = self.env["union.training.attendance"].sudo().search_read(
                [("union_organization_id", "in", units.ids), ("session_id.date_begin", ">=", begin),
                 ("session_id.date_begin", "<=", finish)],
                ["union_member_id", "union_organization_id", "event_id"], load=False)
            people = defaultdict(set)
            attended_digital = set()
            for row in attendance:
                counts[row["union_organization_id"]]["person_sessions"] += 1
                if row["union_member_id"]:
                    people[row["union_organization_id"]].add(row["union_member_id"])
                    if row["event_id"] in digital_events:
                        attended_digital.add(row["union_member_id"])
            for org, members in people.items():
                counts[org]["people_attended"] = len(members)
            completions = self.env["slide.channel.partner"].sudo().search_read(
                [("union_organization_id", "in", units.ids), ("member_status", "=", "completed"),
                 ("union_completed_on", ">=", start), ("union_completed_on", "<=", end)],
                ["union_organization_id", "partner_id", "channel_id", "survey_certification_success"],
                load=False)
            digital_channels = set(self.env["slide.channel"].sudo().search(
                [("id", "in", [c["channel_id"] for c in completions]),
                 ("union_digital_skills", "=", True)]).ids)
            member_of_partner = {m["partner_id"]: m["id"] for m in self.env["union.member"].sudo()
                                 .search_read([("partner_id", "in", [c["partner_id"] for c in completions])],
                                              ["partner_id"], load=False)}
            completed_digital = set()
            for row in completions:
                counts[row["union_organization_id"]]["courses_completed"] += 1
                counts[row["union_organization_id"]]["certified"] += int(
                    bool(row["survey_certification_success"]))
                if row["channel_id"] in digital_channels and row["partner_id"] in member_of_partner:
                    completed_digital.add(member_of_partner[row["partner_id"]])
            trained = trained_members(attended_digital, completed_digital, unit_of)
            for member_id in trained:
                counts[unit_of[member_id]]["trained"] += 1
            report.line_ids.unlink()
            self.env["union.training.report.line"].create([
                dict({"report_id": report.id, "organization_id": unit.id}, **counts.get(unit.id, {}))
                for unit in units])
        return True

    def action_export_xlsx(self):
        self.ensure_one()
        if not self.line_ids:
            self.action_compute()
        filename = f"dao-tao-{self.organization_id.code or self.organization_id.id}-{self.year}.xlsx"
        return attachment_download_action(self.env, self, filename, self._render_xlsx())

    def action_view_pivot(self):
        self.ensure_one()
        if not self.line_ids:
            self.action_compute()
        return {
            "type": "ir.actions.act_window", "res_model": "union.training.report.line",
            "name": self.env._("Training figures %(year)s", year=self.year),
            "view_mode": "pivot,list", "domain": [("report_id", "=", self.id)],
        }

    def _render_xlsx(self):
        output = io.BytesIO()
        book = new_workbook(output)
        styles = add_styles(book)
        sheet = book.add_worksheet(self.env._("Training"))
        title = self.env._("Training figures of %(unit)s, year %(year)s (members on %(date)s)",
                           unit=self.organization_id.name, year=self.year,
                           date=self.date.strftime("%d/%m/%Y"))
        sheet.write_string(0, 0, title, styles["title"])
        Line = self.env["union.training.report.line"]
        columns = ["organization_id", "classes_held", "people_attended", "person_sessions",
                   "courses_completed", "certified", "members", "trained", "trained_share",
                   "held_digital_class"]
        for col, name in enumerate(columns):
            sheet.write_string(2, col, Line._fields[name]._description_string(self.env), styles["head"])
        print_setup(self.env, sheet, 2, [(0, 0, 45), (1, len(columns) - 1, 14)])
        row = 3
        for line in self.line_ids:
            sheet.write_string(row, 0, line.organization_id.display_name or "", styles["text"])
            for col, name in enumerate(columns[1:], start=1):
                value = line[name]
                if isinstance(value, bool):
                    sheet.write_string(row, col, self.env._("Yes") if value else "", styles["text"])
                else:
                    sheet.write_number(row, col, value, styles["number"])
            row += 1
        sheet.write_string(row + 1, 0, self.env._(
            "Members trained in digital skills: %(trained)s / %(members)s (%(share)s%%); units "
            "that held a digital skills class: %(held)s / %(units)s (%(ushare)s%%)",
            trained=self.trained, members=self.members, share=self.trained_share,
            held=self.units_held, units=self.units_total, ushare=self.units_share), styles["bold"])
        book.close()
        return output.getvalue()


class UnionTrainingReportLine(models.TransientModel):
    _name = "union.training.report.line"
    _description = "Training Figures of a Unit"
    _order = "id"

    report_id = fields.Many2one("union.training.report", required=True, ondelete="cascade")
    organization_id = fields.Many2one("union.organization", string="Unit", required=True)
    classes_held = fields.Integer(aggregator="sum")
    people_attended = fields.Integer(aggregator="sum")
    person_sessions = fields.Integer(string="Person-Sessions", aggregator="sum")
    courses_completed = fields.Integer(aggregator="sum")
    certified = fields.Integer(aggregator="sum")
    members = fields.Integer(aggregator="sum")
    trained = fields.Integer(string="Trained in Digital Skills", aggregator="sum")
    trained_share = fields.Float(compute="_compute_trained_share", store=True,
                                 string="Trained (%)", aggregator="avg")
    held_digital_class = fields.Boolean(string="Held a Digital Skills Class")

    @api.depends("trained", "members")
    def _compute_trained_share(self):
        for line in self:
            line.trained_share = share(line.trained, line.members)
