import re

from odoo import models
from odoo.exceptions import UserError


class UnionEmulationEvaluation(models.Model):
    _inherit = "union.emulation.evaluation"

    def _union_training_year(self):
        """The calendar year of the training figures: the last year named by the scoring
        template's year ("2025" or the school year "2024-2025" → 2025)."""
        self.ensure_one()
        years = re.findall(r"\d{4}", self.year or "")
        if not years:
            raise UserError(self.env._("The year of %(evaluation)s is not known.",
                                       evaluation=self.name))
        return int(years[-1])

    def action_union_attach_training_figures(self):
        """Compute the unit's training figures of the year (as the unit's officer, with
        their rights) and attach them as an XLSX file to the items that take them as
        evidence; the self score stays the unit's to give."""
        self.ensure_one()
        lines = self.line_ids.filtered(lambda line: line.item_id.union_training_evidence)
        if not lines:
            raise UserError(self.env._(
                "No item of the scoring template %(template)s takes the training figures as "
                "evidence.", template=self.criterion_id.name))
        self.check_access("write")
        year = self._union_training_year()
        report = self.env["union.training.report"].create({
            "organization_id": self.organization_id.id, "year": year})
        report.action_compute()
        attachment = self.env["ir.attachment"].create({
            "name": f"so-lieu-dao-tao-{self.organization_id.code or self.organization_id.id}-{year}.xlsx",
            "raw": report._render_xlsx(), "res_model": lines._name, "res_id": lines[0].id,
            "mimetype": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        })
        summary = self.env._(
            "Training %(year)s: %(classes)s classes, %(sessions)s person-sessions, %(trained)s of "
            "%(members)s members trained in digital skills (%(share)s%%).",
            year=year, classes=report.classes_held, sessions=report.person_sessions,
            trained=report.trained, members=report.members, share=report.trained_share)
        for line in lines:
            line.write({"evidence_ids": [(4, attachment.id)],
                        "self_comment": "\n".join(filter(None, [line.self_comment, summary]))})
        return True
