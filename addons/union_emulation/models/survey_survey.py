from odoo import fields, models
from odoo.exceptions import UserError


class SurveySurvey(models.Model):
    _inherit = "survey.survey"

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
                name=contest.name, start=contest.date_start.strftime("%d/%m/%Y %H:%M"),
                end=contest.date_end.strftime("%d/%m/%Y %H:%M")))
