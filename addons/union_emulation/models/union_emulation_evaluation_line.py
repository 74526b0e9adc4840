from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..rules import scoring


class UnionEmulationEvaluationLine(models.Model):
    _name = "union.emulation.evaluation.line"
    _description = "Evaluation Item Score"
    _order = "evaluation_id, group, sequence, id"

    evaluation_id = fields.Many2one("union.emulation.evaluation", required=True, index=True, ondelete="cascade")
    organization_id = fields.Many2one(related="evaluation_id.organization_id", store=True, index=True)
    item_id = fields.Many2one("union.emulation.criterion.item", required=True, ondelete="restrict")
    group = fields.Selection(related="item_id.group", store=True)
    sequence = fields.Integer(related="item_id.sequence", store=True)
    name = fields.Char(related="item_id.name")
    max_points = fields.Float(related="item_id.max_points")
    self_score = fields.Float()
    self_comment = fields.Text(string="Unit's Explanation")
    evidence_ids = fields.Many2many("ir.attachment", string="Evidence")
    reviewed_score = fields.Float()
    review_comment = fields.Text(string="Reviewer's Comment")

    @api.constrains("self_score", "reviewed_score", "item_id")
    def _check_scores(self):
        for line in self:
            for label, points in ((self.env._("self score"), line.self_score),
                                  (self.env._("reviewed score"), line.reviewed_score)):
                problems = scoring.check_scores({line.item_id.id: line.max_points}, {line.item_id.id: points})
                if problems:
                    raise ValidationError(self.env._(
                        "Item %(item)s of %(evaluation)s: %(label)s %(score)s must be between 0 and the "
                        "maximum %(max)s points.", item=line.item_id.code + " " + line.name,
                        evaluation=line.evaluation_id.name, label=label, score=points, max=line.max_points))

    @api.constrains("item_id", "evaluation_id")
    def _check_item_of_template(self):
        for line in self:
            if line.item_id.criterion_id != line.evaluation_id.criterion_id:
                raise ValidationError(self.env._(
                    "Item %(item)s is not part of the scoring template %(template)s of %(evaluation)s.",
                    item=line.item_id.code, template=line.evaluation_id.criterion_id.name,
                    evaluation=line.evaluation_id.name))

    def write(self, vals):
        self.evaluation_id._check_not_locked()
        review_fields = {"reviewed_score", "review_comment"} & set(vals)
        self_fields = {"self_score", "self_comment", "evidence_ids"} & set(vals)
        if self_fields and any(line.evaluation_id.state != "draft" for line in self):
            raise UserError(self.env._("The self score can only be changed before the evaluation is submitted."))
        if review_fields:
            if any(line.evaluation_id.state == "draft" for line in self):
                # only the copy of the self scores made on submission (it overwrites anything earlier)
                if not self.env.context.get("union_evaluation_submitting"):
                    raise UserError(self.env._("The review starts once the unit has submitted its evaluation."))
            else:
                self.evaluation_id._check_reviewer()
        return super().write(vals)
