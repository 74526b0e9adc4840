from odoo import api, fields, models


class RatingRating(models.Model):
    """A review of a union course names a member and says what they think: any internal user
    reads every rating in Odoo, so the union's courses' reviews carry a flag the global record
    rule (security/union_training_non_union_rules.xml) keeps from users without a union role."""

    _inherit = "rating.rating"

    union_course = fields.Boolean(
        string="Of a Union Course", compute="_compute_union_course", store=True, index=True,
        help="A review of a course for the members of some union units: read by the union's "
             "officers, the union administrator and its author only.")

    @api.depends("res_model", "res_id")
    def _compute_union_course(self):
        course_ids = {rating.res_id for rating in self if rating.res_model == "slide.channel"}
        # sudo: the flag is the same whoever posts the review (a member reads no course by the ORM)
        union_course_ids = set(self.env["slide.channel"].sudo().with_context(active_test=False).search([
            ("id", "in", list(course_ids)), ("union_organization_ids", "!=", False)]).ids) if course_ids else set()
        for rating in self:
            rating.union_course = rating.res_model == "slide.channel" and rating.res_id in union_course_ids
