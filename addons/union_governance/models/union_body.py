from odoo import api, fields, models

from .union_position import BODY_KINDS


class UnionBody(models.Model):
    _name = "union.body"
    _description = "Union Committee of a Term"
    _inherit = ["union.reference.check.mixin"]
    _union_checked_references = ("term_id",)
    _order = "term_id, kind, id"

    term_id = fields.Many2one("union.term", string="Term", required=True, index=True, ondelete="cascade")
    organization_id = fields.Many2one(
        related="term_id.organization_id", store=True, index=True, string="Unit")
    kind = fields.Selection(BODY_KINDS, required=True)
    seats = fields.Integer(string="Number of Members", help="The number decided by the congress.")
    post_ids = fields.One2many("union.officer.post", "body_id", string="Posts")

    _sql_constraints = [("kind_unique", "unique(term_id, kind)", "A term has one committee of each kind.")]

    @api.depends("kind", "term_id.name", "organization_id.name")
    def _compute_display_name(self):
        """"Ban Chấp hành — Công đoàn Trường A (2023–2028)", in the reader's language."""
        labels = dict(self._fields["kind"]._description_selection(self.env))
        for body in self:
            body.display_name = (f"{labels.get(body.kind, '')} — {body.organization_id.name or ''} "
                                 f"({body.term_id.name or ''})")
