from odoo import api, fields, models


class UnionOfficerEvent(models.Model):
    _inherit = "union.officer.event"
    _union_checked_references = ("body_id", "member_id", "post_id", "decision_document_id")

    decision_document_id = fields.Many2one(
        "union.document", string="Decision Document", index=True, ondelete="restrict",
        help="The decision (co-opting, accepting a resignation...) in the document registers.")

    @api.onchange("decision_document_id")
    def _onchange_decision_document_id(self):
        if self.decision_document_id.number_symbol:
            self.decision_ref = self.decision_document_id.number_symbol
