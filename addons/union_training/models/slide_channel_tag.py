from odoo import fields, models


class SlideChannelTag(models.Model):
    _inherit = "slide.channel.tag"

    union_digital_skills = fields.Boolean(
        string="Digital Skills",
        help="Completing a course with this tag counts the member as trained in digital skills "
             "in the training figures.")
