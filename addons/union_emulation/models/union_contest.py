import io

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.union_membership.tools.xlsx import add_styles, attachment_download_action, new_workbook


class UnionContest(models.Model):
    """An online contest: an Odoo survey run as a scored, timed quiz for a movement's members."""

    _name = "union.contest"
    _description = "Online Contest"
    _inherit = ["union.reference.check.mixin", "mail.thread"]
    _union_checked_references = ("movement_id",)
    _order = "date_start desc, id desc"

    name = fields.Char(required=True)
    movement_id = fields.Many2one("union.emulation.movement", required=True, index=True, ondelete="restrict")
    organization_id = fields.Many2one(related="movement_id.organization_id", store=True, index=True)
    survey_id = fields.Many2one("survey.survey", string="Questionnaire", required=True, ondelete="restrict")
    survey_title = fields.Char(related="survey_id.title", string="Questionnaire Title")
    date_start = fields.Datetime(required=True)
    date_end = fields.Datetime(required=True)
    time_limit = fields.Integer(string="Time Limit (minutes)", default=20)
    attempts_limit = fields.Integer(string="Attempts Allowed", default=2)
    pass_percentage = fields.Float(string="Pass Mark (%)", default=80)
    state = fields.Selection([("draft", "Draft"), ("open", "Open"), ("closed", "Closed")], default="draft",
                             required=True, index=True, tracking=True)
    start_url = fields.Char(compute="_compute_start_url")
    participant_count = fields.Integer(compute="_compute_statistics", string="Participants")
    eligible_count = fields.Integer(compute="_compute_statistics", string="Members Covered")
    participation_rate = fields.Float(compute="_compute_statistics", string="Participation (%)")

    def _creation_message(self):
        # the model's own words, translated in code: the chatter never reads "<English model name> được tạo"
        return self.env._("Online contest created")

    @api.constrains("date_start", "date_end", "time_limit", "attempts_limit", "pass_percentage")
    def _check_settings(self):
        for contest in self:
            if contest.date_end <= contest.date_start:
                raise ValidationError(self.env._("Contest %(name)s ends before it starts.", name=contest.name))
            if contest.time_limit <= 0 or contest.attempts_limit <= 0:
                raise ValidationError(self.env._(
                    "Contest %(name)s: the time limit and the number of attempts must be positive.",
                    name=contest.name))
            if not 0 < contest.pass_percentage <= 100:
                raise ValidationError(self.env._(
                    "Contest %(name)s: the pass mark %(mark)s must be between 0 and 100%%.",
                    name=contest.name, mark=contest.pass_percentage))

    def _compute_start_url(self):
        for contest in self:
            contest.start_url = contest.survey_id.sudo().get_start_url() if contest.survey_id else False

    def _compute_statistics(self):
        for contest in self:
            units = contest._get_result_rows()[1]
            contest.eligible_count = sum(u["members"] for u in units)
            contest.participant_count = sum(u["participants"] for u in units)
            contest.participation_rate = (
                100.0 * contest.participant_count / contest.eligible_count if contest.eligible_count else 0.0)

    @api.model_create_multi
    def create(self, vals_list):
        contests = super().create(vals_list)
        contests._sync_survey()
        return contests

    def write(self, vals):
        res = super().write(vals)
        if {"survey_id", "time_limit", "attempts_limit", "pass_percentage", "name"} & set(vals):
            self._sync_survey()
        return res

    def _prepare_survey_vals(self):
        return {
            "survey_type": "assessment",
            "access_mode": "public",
            "users_login_required": True,
            "is_time_limited": True,
            "time_limit": self.time_limit,
            "is_attempts_limited": True,
            "attempts_limit": self.attempts_limit,
            "scoring_type": "scoring_with_answers",
            "scoring_success_min": self.pass_percentage,
            "certification": True,
        }

    def _sync_survey(self):
        for contest in self:
            # sudo: officers run contests without being survey managers
            contest.survey_id.sudo().write(contest._prepare_survey_vals())

    def action_open(self):
        self.write({"state": "open"})
        # sudo: officers run contests without being survey managers
        self.survey_id.sudo().write({"active": True})

    def action_close(self):
        """Close the contest: its survey is archived, so no new attempt can start."""
        self.write({"state": "closed"})
        self.survey_id.sudo().write({"active": False})

    @api.model
    def _cron_close_ended_contests(self):
        self.search([("state", "=", "open"), ("date_end", "<", fields.Datetime.now())]).action_close()

    def _get_result_rows(self):
        """(member rows, unit rows) of the contest, from one read of the finished attempts.

        Member rows (members of the units the movement covers only): member, unit, attempts, best
        score (%), passed.
        Unit rows: unit, members covered, participants, rate (%), best score (%).
        """
        self.ensure_one()
        units = self.movement_id.sudo()._get_target_units()  # sudo: statistics cover the whole movement
        # sudo: answers are the survey's; the contest's officers read them through the contest
        inputs = self.env["survey.user_input"].sudo().search_read(
            [("survey_id", "=", self.survey_id.id), ("state", "=", "done"), ("test_entry", "=", False),
             ("partner_id", "!=", False)],
            ["partner_id", "scoring_percentage", "scoring_success"])
        # only members of the units the movement covers: whoever else reached the questionnaire (its
        # link is a plain survey link) is neither listed nor counted
        members = self.env["union.member"].sudo().search_read(
            [("partner_id", "in", list({i["partner_id"][0] for i in inputs})), ("organization_id", "in", units.ids)],
            ["partner_id", "name", "member_code", "organization_id"])
        member_of = {m["partner_id"][0]: m for m in members}
        best = {}
        for answer in inputs:
            member = member_of.get(answer["partner_id"][0])
            if not member:
                continue
            row = best.setdefault(member["id"], {
                "member": member["name"], "code": member["member_code"],
                "unit_id": member["organization_id"] and member["organization_id"][0],
                "unit": member["organization_id"] and member["organization_id"][1] or "",
                "attempts": 0, "best": 0.0, "passed": False})
            row["attempts"] += 1
            row["best"] = max(row["best"], answer["scoring_percentage"])
            row["passed"] = row["passed"] or answer["scoring_success"]
        member_rows = sorted(best.values(), key=lambda r: (-r["best"], r["member"]))
        counts = self.env["union.member"].sudo()._read_group(
            [("organization_id", "in", units.ids), ("state", "=", "active")], ["organization_id"], ["__count"])
        covered = {unit.id: count for unit, count in counts}
        rows_by_unit = {}
        for row in member_rows:
            rows_by_unit.setdefault(row["unit_id"], []).append(row)
        unit_rows = []
        for unit in units:
            rows = rows_by_unit.get(unit.id, [])
            if not covered.get(unit.id) and not rows:
                continue
            members_count = covered.get(unit.id, 0)
            unit_rows.append({
                "unit": unit.name, "members": members_count, "participants": len(rows),
                "rate": round(100.0 * len(rows) / members_count, 1) if members_count else 0.0,
                "best": max((r["best"] for r in rows), default=0.0),
            })
        unit_rows.sort(key=lambda r: (-r["rate"], r["unit"]))
        return member_rows, unit_rows

    def _get_xlsx(self):
        """The results as an XLSX workbook (bytes): one sheet per member, one per unit."""
        self.ensure_one()
        member_rows, unit_rows = self._get_result_rows()
        output = io.BytesIO()
        # user text (names of members and units) stays text: "=..." is never a live formula
        workbook = new_workbook(output)
        bold = add_styles(workbook)["head"]
        sheet = workbook.add_worksheet(self.env._("Members"))
        headers = [self.env._("Member code"), self.env._("Member"), self.env._("Unit"),
                   self.env._("Attempts"), self.env._("Best score (%)"), self.env._("Passed")]
        sheet.write_row(0, 0, headers, bold)
        for index, row in enumerate(member_rows, start=1):
            sheet.write_row(index, 0, [row["code"] or "", row["member"], row["unit"], row["attempts"],
                                       round(row["best"], 2), self.env._("Yes") if row["passed"] else self.env._("No")])
        sheet.set_column(0, 0, 14)
        sheet.set_column(1, 2, 32)
        sheet = workbook.add_worksheet(self.env._("Units"))
        sheet.write_row(0, 0, [self.env._("Unit"), self.env._("Members"), self.env._("Participants"),
                               self.env._("Participation (%)"), self.env._("Best score (%)")], bold)
        for index, row in enumerate(unit_rows, start=1):
            sheet.write_row(index, 0, [row["unit"], row["members"], row["participants"], row["rate"],
                                       round(row["best"], 2)])
        sheet.set_column(0, 0, 40)
        workbook.close()
        return output.getvalue()

    def action_export_xlsx(self):
        self.ensure_one()
        # the results list members by name: for the officers who run the contest, not for the members
        # who may read the contest itself (members call public methods through RPC too)
        if not self.env.user.has_group("union_membership.group_union_officer"):
            raise AccessError(self.env._("Only union officers may export the results of a contest."))
        if not self.survey_id:
            raise UserError(self.env._("Contest %(name)s has no questionnaire.", name=self.name))
        return attachment_download_action(self.env, self, f"{self.name}.xlsx", self._get_xlsx())
