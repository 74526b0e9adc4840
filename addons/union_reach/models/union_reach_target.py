from datetime import date

from odoo import api, fields, models


class UnionReachTarget(models.Model):
    """A unit's yearly target: new members and new grassroots unions (data, per unit and year)."""

    _name = "union.reach.target"
    _description = "Yearly Membership Target"
    _inherit = ["union.reference.check.mixin"]
    _order = "year desc, organization_id"
    _union_checked_references = ("organization_id",)

    organization_id = fields.Many2one("union.organization", string="Unit", required=True, index=True,
                                      ondelete="cascade")
    year = fields.Integer(required=True, default=lambda self: fields.Date.context_today(self).year, index=True)
    new_members_target = fields.Integer(string="New Members (target)")
    new_units_target = fields.Integer(string="New Grassroots Unions (target)")

    _sql_constraints = [
        ("unit_year_unique", "unique(organization_id, year)", "A unit has one target per year."),
    ]


class UnionReachProgress(models.TransientModel):
    """Progress of each target as at a date, for the pivot and graph (computed on demand)."""

    _name = "union.reach.progress"
    _description = "Membership Progress against Target"

    as_at = fields.Date(readonly=True)
    target_id = fields.Many2one("union.reach.target", string="Yearly Target", readonly=True, ondelete="cascade")
    organization_id = fields.Many2one("union.organization", string="Unit", readonly=True)
    year = fields.Integer(readonly=True, aggregator=False)
    measure = fields.Selection([("members", "New Members"), ("units", "New Grassroots Unions")], readonly=True)
    target = fields.Integer(string="Target Figure", readonly=True)
    achieved = fields.Integer(readonly=True)
    percent = fields.Float(string="% of Target", readonly=True, aggregator="avg")

    @api.model
    def _compute_lines(self, targets, as_at):
        """Line values for ``targets`` as at ``as_at``: admissions and founded grassroots unions
        from 1 January of the target's year to that date, in the unit and every unit below it
        (one grouped query per kind and year)."""
        lines = []
        Event = self.env["union.member.event"].sudo()  # sudo: counts only, over the officer's targets
        Org = self.env["union.organization"].sudo().with_context(active_test=False)
        for year in set(targets.mapped("year")):
            start, end = date(year, 1, 1), min(as_at, date(year, 12, 31))
            year_targets = targets.filtered(lambda t, y=year: t.year == y)
            admitted = dict(Event._read_group(
                [("event_type", "in", ("admission", "recognition")), ("date", ">=", start), ("date", "<=", end)],
                ["organization_id"], ["__count"]))
            founded = dict(Org._read_group(
                [("level", "=", "grassroots"), ("date_founded", ">=", start), ("date_founded", "<=", end)],
                ["parent_id"], ["__count"]))
            by_path_members = {unit.parent_path: count for unit, count in admitted.items() if unit}
            by_path_units = {unit.parent_path: count for unit, count in founded.items() if unit}
            for target in year_targets:
                path = target.organization_id.parent_path or ""
                members = sum(c for p, c in by_path_members.items() if p.startswith(path))
                units = sum(c for p, c in by_path_units.items() if p.startswith(path))
                for measure, goal, done in (("members", target.new_members_target, members),
                                            ("units", target.new_units_target, units)):
                    lines.append({"as_at": as_at, "target_id": target.id, "year": year,
                                  "organization_id": target.organization_id.id, "measure": measure,
                                  "target": goal, "achieved": done,
                                  "percent": 100.0 * done / goal if goal else 0.0})
        return lines


class UnionReachProgressWizard(models.TransientModel):
    _name = "union.reach.progress.wizard"
    _description = "Show Progress as at a Date"

    as_at = fields.Date(required=True, default=fields.Date.context_today)

    def action_show(self):
        self.ensure_one()
        targets = self.env["union.reach.target"].search([("year", "<=", self.as_at.year)])
        Progress = self.env["union.reach.progress"]
        lines = Progress.create(Progress._compute_lines(targets, self.as_at))
        return {
            "type": "ir.actions.act_window", "res_model": "union.reach.progress",
            "name": self.env._("Progress as at %(date)s", date=self.as_at.strftime("%d/%m/%Y")),
            "view_mode": "pivot,graph,list", "domain": [("id", "in", lines.ids)],
        }
