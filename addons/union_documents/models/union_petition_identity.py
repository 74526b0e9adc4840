from odoo import api, fields, models


class UnionPetitionIdentity(models.Model):
    """Who sent a petition: the only place that names the submitter.

    The petition itself carries no member, contact or user field: its readers (every officer
    of the units above) reach nothing of the submitter through ``search_read``, ``read_group``,
    a search on a related path, an export, ``create_uid``, the chatter or the files. This record
    is read, under its record rules, by the officers of the handling unit and the assignee of a
    denunciation (by every officer who sees the petition for the other kinds), and by the
    submitter. The submitter is told by e-mail from here, never as a follower.
    """

    _name = "union.petition.identity"
    _description = "Petition Submitter"
    _inherit = ["union.reference.check.mixin"]
    _order = "id"
    _union_checked_references = ("member_id", "partner_id")

    petition_id = fields.Many2one("union.petition", required=True, index=True, ondelete="cascade")
    member_id = fields.Many2one("union.member", string="Member", index=True, ondelete="set null")
    partner_id = fields.Many2one("res.partner", string="Contact", index=True, ondelete="set null")
    user_id = fields.Many2one("res.users", string="User", index=True, ondelete="set null")
    name = fields.Char()
    email = fields.Char(string="E-mail")
    phone = fields.Char()
    ip_hash = fields.Char(string="Address Fingerprint", index=True, copy=False,
                          help="Keyed hash of the visitor's network address (public Q&A form), "
                               "to limit questions per hour; the address itself is not kept.")

    _sql_constraints = [
        ("petition_unique", "unique(petition_id)", "A petition has one submitter record."),
    ]

    @api.depends("petition_id")
    def _compute_display_name(self):
        # never the person's name: this name shows wherever the record is linked
        for identity in self:
            identity.display_name = self.env._("Submitter of %(petition)s",
                                               petition=identity.petition_id.sudo().name or "")

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._fill_from_member(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._fill_from_member(vals)
        return super().write(vals)

    @api.model
    def _fill_from_member(self, vals):
        """A member's contact fills the name and address left empty."""
        if not vals.get("member_id"):
            return
        self._check_union_references({"member_id": vals["member_id"]})
        # sudo: the member was checked readable above; only their contact is copied
        member = self.env["union.member"].sudo().browse(vals["member_id"])
        vals.setdefault("partner_id", member.partner_id.id)
        if not vals.get("name"):
            vals["name"] = member.name
        if not vals.get("email"):
            vals["email"] = member.email
        if not vals.get("phone"):
            vals["phone"] = member.phone or member.mobile
        if not vals.get("user_id") and member.user_ids:
            vals["user_id"] = member.user_ids[:1].id

    def _email_to(self):
        self.ensure_one()
        return self.partner_id.email or self.email
