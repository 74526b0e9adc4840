from odoo import fields, models


class EventTag(models.Model):
    _inherit = "event.tag"

    union_digital_skills = fields.Boolean(
        string="Digital Skills",
        help="Attending a session of an event with this tag counts the member as trained in "
             "digital skills in the training figures.")
