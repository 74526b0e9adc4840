from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..rules import scoring

CLASSES = [
    ("excellent", "Excellently completed"),
    ("good", "Well completed"),
    ("completed", "Completed"),
    ("not_completed", "Not completed"),
]


class UnionEmulationEvaluation(models.Model):
    """A grassroots union's yearly evaluation: self score, upper-level review, class."""

    _name = "union.emulation.evaluation"
    _description = "Yearly Evaluation of a Unit"
    _inherit = ["union.reference.check.mixin", "mail.thread", "mail.activity.mixin"]
    _union_checked_references = ("organization_id",)
    _order = "year desc, reviewed_total desc, id"

    name = fields.Char(compute="_compute_name", store=True)
    organization_id = fields.Many2one("union.organization", string="Unit", required=True, index=True,
                                      tracking=True, default=lambda self: self._default_organization_id())
    criterion_id = fields.Many2one("union.emulation.criterion", string="Scoring Template", required=True,
                                   index=True)
    year = fields.Char(related="criterion_id.year", store=True, index=True)
    line_ids = fields.One2many("union.emulation.evaluation.line", "evaluation_id", string="Items")
    state = fields.Selection(
        [("draft", "Self-scoring"), ("submitted", "Under review"), ("approved", "Approved")],
        default="draft", required=True, index=True, tracking=True)
    self_total = fields.Float(compute="_compute_totals", store=True, string="Self Score")
    reviewed_total = fields.Float(compute="_compute_totals", store=True, string="Reviewed Score")
    classification = fields.Selection(CLASSES, compute="_compute_totals", store=True, index=True,
                                      string="Class", tracking=True)
    rank = fields.Integer(compute="_compute_rank", help="Rank among the approved evaluations of the year.")
    reviewer_id = fields.Many2one("res.users", readonly=True, copy=False)
    date_approved = fields.Date(readonly=True, copy=False)
    review_note = fields.Text(string="Review Conclusion")

    _sql_constraints = [
        ("unit_year_unique", "unique(organization_id, year)", "A unit is evaluated once a year."),
    ]

    @api.model
    def _default_organization_id(self):
        """The officer's grassroots unit, when they manage exactly one."""
        units = self.env.user.union_organization_ids.filtered(lambda unit: unit.level == "grassroots")
        return units.id if len(units) == 1 else False

    def _creation_message(self):
        # the model's own words, translated in code: the chatter never reads "<English model name> được tạo"
        return self.env._("Yearly evaluation created")

    @api.depends("organization_id", "year")
    def _compute_name(self):
        for evaluation in self:
            evaluation.name = f"{evaluation.organization_id.name or ''} - {evaluation.year or ''}"

    @api.depends("state", "line_ids.self_score", "line_ids.reviewed_score", "criterion_id.threshold_excellent",
                 "criterion_id.threshold_good", "criterion_id.threshold_completed")
    def _compute_totals(self):
        for evaluation in self:
            if not evaluation.criterion_id:
                # a new evaluation whose template is not chosen yet: nothing to score or classify
                evaluation.self_total = evaluation.reviewed_total = 0
                evaluation.classification = False
                continue
            maxima = {line.id: line.max_points for line in evaluation.line_ids}
            try:
                evaluation.self_total = scoring.unit_total(
                    maxima, {line.id: line.self_score for line in evaluation.line_ids})
                total, klass = scoring.evaluate(
                    maxima, {line.id: line.reviewed_score for line in evaluation.line_ids},
                    evaluation.criterion_id._get_thresholds())
            except scoring.ScoringError:
                # the line constraint refuses the bad score with its message
                evaluation.self_total = evaluation.reviewed_total = 0
                evaluation.classification = False
                continue
            evaluation.reviewed_total = total
            evaluation.classification = klass if evaluation.state != "draft" else False

    @api.depends("state", "reviewed_total", "year")
    def _compute_rank(self):
        approved = self.filtered(lambda e: e.state == "approved")
        ranks = {}
        if approved:
            # sudo: a rank counts every approved unit of the year, also those the user cannot read
            rows = self.sudo().search_read(
                [("year", "in", list(set(approved.mapped("year")))), ("state", "=", "approved")],
                ["year", "reviewed_total"])
            for year in {row["year"] for row in rows}:
                ranks.update(scoring.rank({row["id"]: row["reviewed_total"] for row in rows if row["year"] == year}))
        for evaluation in self:
            evaluation.rank = ranks.get(evaluation.id, 0)

    @api.constrains("organization_id", "criterion_id")
    def _check_unit_type(self):
        for evaluation in self:
            if evaluation.organization_id.funding_type != evaluation.criterion_id.funding_type:
                raise ValidationError(self.env._(
                    "Template %(template)s is for another type of unit than %(unit)s.",
                    template=evaluation.criterion_id.name, unit=evaluation.organization_id.name))

    @api.onchange("organization_id")
    def _onchange_organization_id(self):
        """Offer the latest scoring template for the unit's type."""
        unit = self.organization_id
        if unit and self.criterion_id.funding_type != unit.funding_type:
            self.criterion_id = self.env["union.emulation.criterion"].search(
                [("funding_type", "=", unit.funding_type)], order="year desc", limit=1)

    @api.onchange("criterion_id")
    def _onchange_criterion_id(self):
        """A new evaluation shows the template's items at once, ready to be self-scored."""
        if self._origin:
            return
        self.line_ids = [Command.clear()] + [
            Command.create({"item_id": item.id}) for item in self.criterion_id.item_ids]

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not self.env.su:
                # an evaluation starts with the unit's self-scoring; the review comes through the workflow
                for fname in ("state", "reviewer_id", "date_approved"):
                    vals.pop(fname, None)
            if vals.get("criterion_id") and not vals.get("line_ids"):
                items = self.env["union.emulation.criterion"].browse(vals["criterion_id"]).item_ids
                vals["line_ids"] = [Command.create({"item_id": item.id}) for item in items]
        return super().create(vals_list)

    def write(self, vals):
        self._check_not_locked()
        if "criterion_id" in vals and any(e.line_ids and e.criterion_id.id != vals["criterion_id"] for e in self):
            raise UserError(self.env._(
                "The scoring template of %(name)s cannot change once its items are listed: "
                "delete the evaluation and create it again with the other template.", name=self[0].name))
        if not self.env.su and {"state", "reviewer_id", "date_approved"} & set(vals):
            self._check_transition(vals)
        return super().write(vals)

    def unlink(self):
        self._check_not_locked()
        return super().unlink()

    def _check_transition(self, vals):
        """The unit submits its own evaluation; every other step is the reviewer's."""
        new_state = vals.get("state")
        for evaluation in self:
            allowed = {"draft": {"submitted"}, "submitted": {"draft", "approved"}}.get(evaluation.state, set())
            if new_state and new_state != evaluation.state and new_state not in allowed:
                labels = dict(self._fields["state"]._description_selection(self.env))
                raise UserError(self.env._(
                    "Evaluation %(name)s cannot go from %(old)s to %(new)s.", name=evaluation.name,
                    old=labels[evaluation.state], new=labels.get(new_state, new_state)))
        if new_state != "submitted" or {"reviewer_id", "date_approved"} & set(vals):
            self._check_reviewer()

    def _check_not_locked(self):
        locked = self.filtered(lambda e: e.state == "approved")
        if locked:
            raise UserError(self.env._(
                "Evaluation %(name)s is approved and locked: it cannot be changed.", name=locked[0].name))

    def _check_reviewer(self):
        """Reviewers are upper-level officers managing a unit above the evaluated one."""
        user = self.env.user
        if self.env.su or user.has_group("union_membership.group_union_admin"):
            return
        if not user.has_group("union_membership.group_union_upper_officer"):
            raise AccessError(self.env._("Only an upper-level officer can review an evaluation."))
        for evaluation in self:
            unit = evaluation.organization_id
            if not unit._union_is_managed_by(user, allow_self=False):
                raise AccessError(self.env._(
                    "You do not manage a unit above %(unit)s and cannot review its evaluation.",
                    unit=unit.name))

    def action_submit(self):
        for evaluation in self:
            if evaluation.state != "draft":
                raise UserError(self.env._("Evaluation %(name)s was already submitted.", name=evaluation.name))
            if not evaluation.line_ids:
                raise UserError(self.env._("Evaluation %(name)s has no items to score.", name=evaluation.name))
        for line in self.line_ids:
            # the review starts from the unit's own scores
            line.with_context(union_evaluation_submitting=True).reviewed_score = line.self_score
        self.write({"state": "submitted"})
        return True

    def action_return(self):
        self._check_reviewer()
        self.filtered(lambda e: e.state == "submitted").write({"state": "draft"})

    def action_approve(self):
        self._check_reviewer()
        for evaluation in self:
            if evaluation.state != "submitted":
                raise UserError(self.env._("Only an evaluation under review can be approved: %(name)s.",
                                           name=evaluation.name))
        self.write({
            "state": "approved", "reviewer_id": self.env.uid,
            "date_approved": fields.Date.context_today(self)})
        for evaluation in self:
            evaluation.message_post(body=self.env._("Evaluation approved."))
        return True

    @api.model
    def _get_ranking(self, year, organization_ids=None):
        """Approved evaluations of ``year`` ranked by reviewed score: list of (rank, evaluation)."""
        domain = [("year", "=", year), ("state", "=", "approved")]
        if organization_ids is not None:
            domain.append(("organization_id", "in", organization_ids))
        evaluations = self.search(domain)
        ranks = scoring.rank({e.id: e.reviewed_total for e in evaluations})
        return sorted(((ranks[e.id], e) for e in evaluations), key=lambda pair: (pair[0], pair[1].name))
