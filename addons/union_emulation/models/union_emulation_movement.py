from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import html2plaintext


class UnionEmulationMovement(models.Model):
    _name = "union.emulation.movement"
    _description = "Emulation Movement"
    _inherit = ["union.reference.check.mixin", "mail.thread", "mail.activity.mixin", "website.published.mixin"]
    _union_checked_references = ("organization_id", "target_organization_ids")
    _order = "date_start desc, id desc"

    name = fields.Char(required=True, tracking=True)
    organization_id = fields.Many2one(
        "union.organization", string="Organising Unit", required=True, index=True, tracking=True)
    target_organization_ids = fields.Many2many(
        "union.organization", "union_emulation_movement_target_rel", "movement_id", "organization_id",
        string="Target Units", help="The movement covers these units and every unit below them. "
                                    "Empty: the organising unit and its sub-tree.")
    kind = fields.Selection(
        [("regular", "Regular (yearly)"), ("thematic", "Thematic")], required=True, default="regular")
    period_type = fields.Selection(
        [("school_year", "School year"), ("calendar_year", "Calendar year"), ("other", "Other period")],
        required=True, default="school_year")
    date_start = fields.Date(required=True)
    date_end = fields.Date(required=True)
    year = fields.Char(compute="_compute_year", store=True, index=True,
                       help="The period label, e.g. 2024-2025 for a school year.")
    registration_deadline = fields.Date(required=True, tracking=True)
    criteria = fields.Html()
    description = fields.Html()
    summary = fields.Text(compute="_compute_summary")
    state = fields.Selection(
        [("draft", "Draft"), ("launched", "Launched"), ("closed", "Closed")],
        default="draft", required=True, index=True, tracking=True)
    registration_ids = fields.One2many("union.emulation.registration", "movement_id", string="Registrations")
    unit_registration_count = fields.Integer(compute="_compute_registration_counts", string="Registered Units")
    member_registration_count = fields.Integer(
        compute="_compute_registration_counts", string="Registered Members")
    contest_ids = fields.One2many("union.contest", "movement_id", string="Contests")
    registration_open = fields.Boolean(compute="_compute_registration_open")

    def _creation_message(self):
        # the model's own words, translated in code: the chatter never reads "<English model name> được tạo"
        return self.env._("Emulation movement created")

    @api.depends("period_type", "date_start", "date_end")
    def _compute_year(self):
        for movement in self:
            start, end = movement.date_start, movement.date_end
            if not start or not end:
                movement.year = False
            elif start.year == end.year:
                movement.year = str(start.year)
            else:
                movement.year = f"{start.year}-{end.year}"

    def _compute_summary(self):
        for movement in self:
            text = html2plaintext(movement.description or "").strip()
            movement.summary = text[:280]

    def _compute_registration_counts(self):
        groups = self.env["union.emulation.registration"]._read_group(
            [("movement_id", "in", self.ids), ("state", "=", "registered")],
            ["movement_id", "registrant_type"], ["__count"])
        counts = {(movement.id, kind): count for movement, kind, count in groups}
        for movement in self:
            movement.unit_registration_count = counts.get((movement.id, "unit"), 0)
            movement.member_registration_count = counts.get((movement.id, "member"), 0)

    @api.depends("state", "registration_deadline")
    @api.depends_context("date")
    def _compute_registration_open(self):
        today = fields.Date.context_today(self)
        for movement in self:
            movement.registration_open = (
                movement.state == "launched" and movement.registration_deadline
                and today <= movement.registration_deadline)

    def _compute_website_url(self):
        res = super()._compute_website_url()
        for movement in self:
            if movement.id:
                movement.website_url = f"/union/emulation/{movement.id}"
        return res

    @api.constrains("date_start", "date_end", "registration_deadline")
    def _check_dates(self):
        for movement in self:
            if movement.date_end < movement.date_start:
                raise ValidationError(self.env._(
                    "Movement %(name)s: the end date %(end)s is before the start date %(start)s.",
                    name=movement.name, end=movement.date_end.strftime("%d/%m/%Y"),
                    start=movement.date_start.strftime("%d/%m/%Y")))
            if movement.registration_deadline > movement.date_end:
                raise ValidationError(self.env._(
                    "Movement %(name)s: the registration deadline %(deadline)s is after the end of the "
                    "period %(end)s.", name=movement.name,
                    deadline=movement.registration_deadline.strftime("%d/%m/%Y"),
                    end=movement.date_end.strftime("%d/%m/%Y")))

    def action_launch(self):
        for movement in self:
            if movement.state != "draft":
                raise UserError(self.env._("Only a draft movement can be launched: %(name)s.", name=movement.name))
        self.write({"state": "launched", "is_published": True})

    def action_close(self):
        self.filtered(lambda m: m.state == "launched").write({"state": "closed"})

    def action_reset_draft(self):
        self.write({"state": "draft", "is_published": False})

    def action_view_registrations(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "union_emulation.union_emulation_registration_action")
        action["domain"] = [("movement_id", "=", self.id)]
        action["context"] = {"default_movement_id": self.id}
        return action

    def _get_target_units(self):
        """Every unit the movement covers: the target units and their sub-trees."""
        self.ensure_one()
        roots = self.target_organization_ids or self.organization_id
        return roots._get_subtree()
