from odoo import api, fields, models


class UnionDocumentDistribution(models.Model):
    """One recipient of a released document: a unit (with its incoming copy) or an external contact."""

    _name = "union.document.distribution"
    _description = "Document Distribution and Read Receipt"
    _order = "document_id, organization_id, partner_id"

    document_id = fields.Many2one("union.document", required=True, index=True, ondelete="cascade")
    organization_id = fields.Many2one("union.organization", string="Recipient Unit", index=True)
    partner_id = fields.Many2one("res.partner", string="External Recipient")
    incoming_document_id = fields.Many2one("union.document", string="Incoming Copy", index=True,
                                           ondelete="set null")
    incoming_number = fields.Integer(related="incoming_document_id.number", string="Incoming Number")
    date_sent = fields.Datetime(string="E-mailed On")
    read_date = fields.Datetime(string="First Opened On", readonly=True)
    read_user_id = fields.Many2one("res.users", string="First Opened By", readonly=True)
    is_read = fields.Boolean(compute="_compute_is_read", store=True)
    reminder_count = fields.Integer(string="Reminders", readonly=True)

    _sql_constraints = [
        ("recipient_set", "CHECK(organization_id IS NOT NULL OR partner_id IS NOT NULL)",
         "A distribution line needs a recipient unit or contact."),
    ]

    @api.depends("read_date")
    def _compute_is_read(self):
        for line in self:
            line.is_read = bool(line.read_date)
