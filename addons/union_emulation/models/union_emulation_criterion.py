from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..rules import scoring


def _funding_types(self):
    return self.env["union.organization"]._fields["funding_type"].selection


class UnionEmulationCriterion(models.Model):
    """A scoring template for one year and one unit type, with the year's class thresholds."""

    _name = "union.emulation.criterion"
    _description = "Emulation Scoring Template"
    _order = "year desc, funding_type"

    name = fields.Char(required=True)
    year = fields.Char(required=True, index=True, help="The period it scores, e.g. 2024-2025.")
    funding_type = fields.Selection(
        selection=_funding_types, string="Unit Type", required=True, index=True,
        help="The point scales differ by the type of workplace of the grassroots union.")
    item_ids = fields.One2many("union.emulation.criterion.item", "criterion_id", string="Items", copy=True)
    max_total = fields.Float(compute="_compute_max_total", string="Maximum Points")
    threshold_excellent = fields.Float(string="Excellent From", required=True, default=90)
    threshold_good = fields.Float(string="Good From", required=True, default=70)
    threshold_completed = fields.Float(string="Completed From", required=True, default=50)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("year_type_unique", "unique(year, funding_type)",
         "There is already a scoring template for this year and unit type."),
    ]

    @api.depends("item_ids.max_points")
    def _compute_max_total(self):
        for criterion in self:
            criterion.max_total = sum(criterion.item_ids.mapped("max_points"))

    @api.constrains("threshold_excellent", "threshold_good", "threshold_completed")
    def _check_thresholds(self):
        for criterion in self:
            try:
                scoring.check_thresholds(criterion._get_thresholds())
            except scoring.ScoringError as err:
                raise ValidationError(self.env._(
                    "Template %(name)s: the class thresholds must fall from Excellent to Completed "
                    "(%(excellent)s > %(good)s > %(completed)s) and not be negative.",
                    name=criterion.name, excellent=criterion.threshold_excellent,
                    good=criterion.threshold_good, completed=criterion.threshold_completed)) from err

    def _get_thresholds(self):
        self.ensure_one()
        return {"excellent": self.threshold_excellent, "good": self.threshold_good,
                "completed": self.threshold_completed}

    def write(self, vals):
        if {"year", "funding_type", "threshold_excellent", "threshold_good", "threshold_completed",
                "item_ids"} & set(vals):
            self._check_not_used_by_approved()
        return super().write(vals)

    def _check_not_used_by_approved(self):
        """A template that scored approved evaluations is frozen: their class must not move."""
        used = self.env["union.emulation.evaluation"].sudo().search(  # sudo: other units' results count too
            [("criterion_id", "in", self.ids), ("state", "=", "approved")], limit=1)
        if used:
            raise UserError(self.env._(
                "Template %(name)s already scored approved evaluations (%(evaluation)s): copy it for changes.",
                name=used.criterion_id.name, evaluation=used.name))
