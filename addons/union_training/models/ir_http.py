from odoo import models
from odoo.http import request


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    @classmethod
    def _pre_dispatch(cls, rule, args):
        """A website address that names a union course or one of its lessons
        (`/slides/<course>`, `/slides/slide/<lesson>`, its pdf, completion...) answers "not
        found" to those the course is not for, before Odoo redirects `/slides/slide/<id>` to
        the address that carries the lesson's name."""
        for value in args.values():
            if isinstance(value, models.BaseModel) and value._name in ("slide.channel", "slide.slide"):
                # sudo: which course the address names, to ask its units who may open it (the
                # converter's record is bound to the routing's cursor, closed by now)
                record = request.env[value._name].sudo().browse(value._ids).exists()
                channel = record if record._name == "slide.channel" else record.channel_id
                if channel and not channel._union_may_access(request.env.user.partner_id):
                    raise request.not_found()
        return super()._pre_dispatch(rule, args)
