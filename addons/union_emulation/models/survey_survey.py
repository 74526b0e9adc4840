from odoo import fields, models
from odoo.exceptions import UserError


class SurveySurvey(models.Model):
    _inherit = "survey.survey"

    union_contest = fields.Boolean(
        compute="_compute_union_contest",
        help="The questionnaire of a union contest: its pages speak of a contest, not of a certification.")

    def _compute_union_contest(self):
        # sudo: the member taking the questionnaire may not read the contest; only its existence is used
        groups = self.env["union.contest"].sudo()._read_group([("survey_id", "in", self.ids)], ["survey_id"])
        contest_surveys = {survey for [survey] in groups}
        for survey in self:
            survey.union_contest = survey in contest_surveys

    def _check_answer_creation(self, user, partner, email, test_entry=False, check_attempts=True,
                               invite_token=False):
        """A contest's questionnaire can be started only between the contest's start and end."""
        super()._check_answer_creation(user, partner, email, test_entry=test_entry,
                                       check_attempts=check_attempts, invite_token=invite_token)
        if test_entry:
            return
        # sudo: the member starting the questionnaire may not read the contest itself;
        # only its dates are used here
        contests = self.env["union.contest"].sudo().search([("survey_id", "=", self.id)])
        now = fields.Datetime.now()
        if contests and not any(c.date_start <= now <= c.date_end for c in contests):
            contest = contests[0]
            raise UserError(self.env._(
                "The contest %(name)s runs from %(start)s to %(end)s: it cannot be taken now.",
                name=contest.name,
                start=fields.Datetime.context_timestamp(self, contest.date_start).strftime("%d/%m/%Y %H:%M"),
                end=fields.Datetime.context_timestamp(self, contest.date_end).strftime("%d/%m/%Y %H:%M")))
