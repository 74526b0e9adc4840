from odoo import models
from odoo.http import request

from ..rules.form import without_nul


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    @classmethod
    def _dispatch(cls, endpoint):
        """Every page of the database (the suite's public and portal forms, Odoo's own search
        boxes) gets its parameters without NUL characters: PostgreSQL refuses them in text, so
        "%00" in a search or a form field was a server error (500) instead of the page."""
        if request.params:
            request.params = without_nul(request.params)
        return super()._dispatch(endpoint)
