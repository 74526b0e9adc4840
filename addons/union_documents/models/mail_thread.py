from odoo import models


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

    def _message_route_process(self, message, message_dict, routes):
        """Pass the ``Authentication-Results`` headers (topmost first) on to ``message_new``: a
        unit's document address accepts a mail only when the receiving server saw SPF or DKIM
        pass for its sender (see ``union.document.message_new``)."""
        results = [str(value) for value in message.get_all("Authentication-Results") or []]
        return super(MailThread, self.with_context(union_authentication_results=results))._message_route_process(
            message, message_dict, routes)
