from odoo import fields, models


class MailingTraceReport(models.Model):
    """Odoo's mailing statistics (subjects, senders and counts per mailing) carry the mailing's
    unit, so that the record rules keep a union's mailings to its officers, as its traces."""

    _inherit = "mailing.trace.report"

    union_organization_id = fields.Many2one("union.organization", string="Union Unit", readonly=True)

    def _report_get_request_select_items(self):
        return [*super()._report_get_request_select_items(), "mailing.union_organization_id as union_organization_id"]

    def _report_get_request_group_by_items(self):
        return [*super()._report_get_request_group_by_items(), "mailing.union_organization_id"]
