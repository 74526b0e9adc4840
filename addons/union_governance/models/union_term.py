from odoo import api, fields, models
from odoo.exceptions import UserError


class UnionTerm(models.Model):
    _name = "union.term"
    _description = "Union Term of Office"
    _inherit = ["mail.thread", "union.reference.check.mixin"]
    _union_checked_references = ("organization_id",)
    _order = "organization_id, date_start desc, id desc"

    name = fields.Char(compute="_compute_name", store=True, readonly=False)
    organization_id = fields.Many2one(
        "union.organization", string="Unit", required=True, index=True, ondelete="restrict", tracking=True)
    congress_number = fields.Integer(
        tracking=True, help="The congress that opens the term: lần thứ ...")
    date_start = fields.Date(string="Term Start", required=True, tracking=True)
    date_end = fields.Date(string="Term End", required=True, tracking=True)
    state = fields.Selection(
        [("draft", "Elected, awaiting recognition"), ("recognised", "Recognised"), ("closed", "Closed")],
        default="draft", required=True, index=True, tracking=True)
    decision_ref = fields.Char(string="Recognition Decision", tracking=True,
                               help="Number and symbol of the upper level's recognition decision.")
    decision_date = fields.Date(string="Recognised On", tracking=True)
    body_ids = fields.One2many("union.body", "term_id", string="Bodies")
    post_ids = fields.One2many("union.officer.post", "term_id", string="Officer Posts")
    congress_ids = fields.One2many("union.congress", "term_id", string="Congresses")

    _sql_constraints = [
        ("dates_check", "CHECK(date_end > date_start)", "A term ends after it starts."),
    ]

    @api.depends("date_start", "date_end")
    def _compute_name(self):
        """The years of the term, "2023–2028": the same words in every language."""
        for term in self:
            term.name = (f"{term.date_start.year}–{term.date_end.year}"
                         if term.date_start and term.date_end else False)

    def action_recognise(self):
        """The upper level's recognition decision: by an officer of a level above or the
        administrator, never by the unit's own officers (the same rule as the unit's officers)."""
        for term in self:
            term.organization_id._check_governed_fields(["officer_ids"])
            if not term.decision_ref or not term.decision_date:
                raise UserError(self.env._(
                    "Enter the number and date of the recognition decision of %(term)s first.",
                    term=term.display_name))
        self.write({"state": "recognised"})
        posts = self.post_ids.filtered(lambda post: not post.decision_ref)
        for term in self:
            posts.filtered(lambda post, term=term: post.term_id == term).write(
                {"decision_ref": term.decision_ref, "decision_date": term.decision_date})
        self.congress_ids.filtered(lambda congress: congress.state == "in_session").write({"state": "done"})
        return True

    def action_close(self):
        self.write({"state": "closed"})
        return True
