from odoo import api, fields, models
from odoo.exceptions import UserError

STATES = [
    ("prospect", "Without a Union"),
    ("campaign", "Campaign"),
    ("founding", "Founding Proposed"),
    ("founded", "Union Founded"),
]


class UnionReachWorkplace(models.Model):
    """A workplace without a grassroots union, assigned to an upper-level officer who organises
    its workers; the founding ends with the upper level's recognition decision, which creates the
    unit with its first members from the workplace's waiting applications."""

    _name = "union.reach.workplace"
    _description = "Workplace without a Union"
    _inherit = ["mail.thread", "mail.activity.mixin", "union.reference.check.mixin"]
    _order = "state, name"
    _union_checked_references = ("organization_id",)

    name = fields.Char(required=True, tracking=True)
    employer_id = fields.Many2one("res.partner", string="Employer", index=True, tracking=True)
    organization_id = fields.Many2one(
        "union.organization", string="Upper-level Unit", required=True, index=True, tracking=True,
        help="The upper-level union responsible for organising this workplace.")
    user_id = fields.Many2one("res.users", string="Assigned Officer", tracking=True, index=True)
    sector = fields.Char()
    address = fields.Char()
    headcount = fields.Integer(string="Workers", tracking=True)
    members_elsewhere = fields.Integer(help="Workers who are union members in another unit.")
    non_member_count = fields.Integer(string="Not Members", compute="_compute_non_member_count", store=True)
    state = fields.Selection(STATES, default="prospect", required=True, index=True, tracking=True)
    campaign_log_ids = fields.One2many("union.reach.campaign.log", "workplace_id", string="Campaign Log")
    application_ids = fields.One2many("union.reach.application", "workplace_id", string="Applications")
    application_count = fields.Integer(compute="_compute_application_count")
    founded_name = fields.Char(string="Name of the New Union")
    founded_code = fields.Char(string="Code of the New Union")
    decision_ref = fields.Char(string="Recognition Decision")
    decision_date = fields.Date()
    founded_organization_id = fields.Many2one("union.organization", string="Founded Union", readonly=True)

    @api.depends("headcount", "members_elsewhere")
    def _compute_non_member_count(self):
        for workplace in self:
            workplace.non_member_count = max(workplace.headcount - workplace.members_elsewhere, 0)

    def _compute_application_count(self):
        counts = dict(self.env["union.reach.application"]._read_group(
            [("workplace_id", "in", self.ids), ("state", "=", "new")], ["workplace_id"], ["__count"]))
        for workplace in self:
            workplace.application_count = counts.get(workplace, 0)

    def action_start_campaign(self):
        self.filtered(lambda w: w.state == "prospect").write({"state": "campaign"})
        return True

    def action_propose_founding(self):
        for workplace in self:
            if workplace.state not in ("prospect", "campaign"):
                raise UserError(self.env._("%(name)s is not being organised.", name=workplace.name))
            if not workplace.application_ids.filtered(lambda a: a.state == "new"):
                raise UserError(self.env._(
                    "No worker of %(name)s has applied yet: a union is founded with its first members.",
                    name=workplace.name))
        self.write({"state": "founding"})
        return True

    def _founding_decision(self):
        """(number, date) of the recognition decision; the documents glue addon reads a document."""
        self.ensure_one()
        return self.decision_ref, self.decision_date

    def action_found(self):
        """The upper level's recognition decision: create the grassroots union under the upper
        unit and admit the waiting applications of the workplace into it."""
        self.ensure_one()
        if self.state != "founding":
            raise UserError(self.env._("Propose the founding of %(name)s first.", name=self.name))
        decision_ref, decision_date = self._founding_decision()
        if not (decision_ref and decision_date and self.founded_name and self.founded_code):
            raise UserError(self.env._(
                "Enter the new union's name and code and the recognition decision's number and date."))
        unit = self.env["union.organization"].create({
            "name": self.founded_name, "code": self.founded_code, "level": "grassroots",
            "parent_id": self.organization_id.id, "date_founded": decision_date,
            "short_name": "CĐCS",
        })
        applications = self.application_ids.filtered(lambda a: a.state == "new")
        applications._admit(unit=unit, decision_ref=decision_ref, decision_date=decision_date)
        self.write({"state": "founded", "founded_organization_id": unit.id})
        if self.employer_id:
            # the employer's next applications go to the new union (sudo: routes are configuration
            # kept in step by the recognition decision the upper-level officer just recorded)
            self.env["union.reach.route"].sudo().create({"employer_id": self.employer_id.id,
                                                  "organization_id": unit.id, "sequence": 1})
        return True

    def action_view_applications(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window", "res_model": "union.reach.application",
            "name": self.env._("Applications"), "view_mode": "list,form",
            "domain": [("workplace_id", "=", self.id)],
        }
