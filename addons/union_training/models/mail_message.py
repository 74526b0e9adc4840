from odoo import api, models

COURSE_MODELS = ("slide.channel", "slide.slide")


class MailMessage(models.Model):
    _inherit = "mail.message"

    @api.model
    def _union_hidden_course_threads(self, doc_model, doc_ids):
        """Those of ``doc_ids`` (courses or lessons) that belong to a union course the current user
        may not open: its reviews, comments and lessons' comments are theirs as its pages are."""
        if self.env.su or doc_model not in COURSE_MODELS or not doc_ids or self.env.user._is_system():
            return set()
        hidden = self.env["slide.channel"]._union_hidden_courses()
        if not hidden:
            return set()
        if doc_model == "slide.channel":
            return set(doc_ids) & set(hidden.ids)
        # sudo: only which course each lesson belongs to
        lessons = self.env["slide.slide"].sudo().browse(list(doc_ids)).exists()
        return {lesson.id for lesson in lessons if lesson.channel_id in hidden}

    @api.model
    def _find_allowed_model_wise(self, doc_model, doc_dict):
        """Searching messages (the course page's reviews, `/mail/chatter_fetch`,
        `/mail/thread/messages`, RPC): none on a union course the user may not open, although
        Odoo lets anyone read a course shown to everyone."""
        hidden = self._union_hidden_course_threads(doc_model, doc_dict)
        if hidden:
            doc_dict = {doc_id: ids for doc_id, ids in doc_dict.items() if doc_id not in hidden}
        return super()._find_allowed_model_wise(doc_model, doc_dict)

    def _get_forbidden_access(self, operation):
        """Reading or answering a message by its id: the same, except the user's own messages."""
        forbidden = super()._get_forbidden_access(operation)
        rest = self - forbidden
        if self.env.su or not rest:
            return forbidden
        # sudo: the thread of each message, to ask whether its course is for this user
        rows = rest.sudo().filtered(lambda message: message.model in COURSE_MODELS and message.res_id
                                    and message.author_id != self.env.user.partner_id)
        for model in COURSE_MODELS:
            of_model = rows.filtered(lambda message, model=model: message.model == model)
            hidden = self._union_hidden_course_threads(model, set(of_model.mapped("res_id")))
            if hidden:
                forbidden += self.browse([message.id for message in of_model if message.res_id in hidden])
        return forbidden
