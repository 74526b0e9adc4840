from odoo import api, fields, models
from odoo.exceptions import ValidationError

EVENT_KINDS = [
    ("elected", "Elected by the congress"),
    ("co_opted", "Co-opted (elected in the term)"),
    ("resigned", "Resigned"),
    ("dismissed", "Dismissed"),
    ("moved", "Moved to other work"),
]
#: the changes that end a post
ENDING_KINDS = ("resigned", "dismissed", "moved")


class UnionOfficerEvent(models.Model):
    """A dated change in a committee during the term: the post follows the event."""
    _name = "union.officer.event"
    _description = "Union Officer Change"
    _inherit = ["union.reference.check.mixin"]
    _union_checked_references = ("body_id", "member_id", "post_id")
    _order = "date desc, id desc"

    kind = fields.Selection(EVENT_KINDS, required=True)
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    body_id = fields.Many2one("union.body", string="Committee", required=True, index=True, ondelete="cascade")
    organization_id = fields.Many2one(related="body_id.organization_id", store=True, index=True, string="Unit")
    member_id = fields.Many2one("union.member", string="Member", required=True, index=True, ondelete="restrict")
    position_id = fields.Many2one("union.position", string="Position")
    employment = fields.Selection([("full_time", "Full-time"), ("part_time", "Part-time")], default="part_time")
    post_id = fields.Many2one("union.officer.post", string="Post", index=True, ondelete="cascade")
    decision_ref = fields.Char(string="Decision")
    note = fields.Text()

    @api.model_create_multi
    def create(self, vals_list):
        """Each change is applied to the posts: co-opting opens a post, leaving ends one."""
        Post = self.env["union.officer.post"]
        for vals in vals_list:
            # the references first: nothing is applied to the posts for a change that is refused
            self._check_union_references(vals)
            kind = vals.get("kind")
            if kind in ("elected", "co_opted") and not vals.get("post_id"):
                if not vals.get("position_id"):
                    raise ValidationError(self.env._("Choose the position of the co-opted member."))
                post = Post.create({
                    "body_id": vals["body_id"], "member_id": vals["member_id"],
                    "position_id": vals["position_id"],
                    "date_start": vals.get("date") or fields.Date.context_today(self),
                    "employment": vals.get("employment") or "part_time", "decision_ref": vals.get("decision_ref"),
                })
                vals["post_id"] = post.id
            elif kind in ENDING_KINDS:
                post = Post.browse(vals.get("post_id"))
                if not post:
                    raise ValidationError(self.env._("Choose the post that ends."))
                if post.date_end:
                    raise ValidationError(self.env._(
                        "The post of %(member)s as %(position)s already ended on %(date)s.",
                        member=post.member_id.name, position=post.position_id.name,
                        date=post.date_end.strftime("%d/%m/%Y")))
                labels = dict(self._fields["kind"]._description_selection(self.env))
                post.write({"date_end": vals.get("date") or fields.Date.context_today(self),
                            "end_reason": labels[kind]})
                vals.setdefault("member_id", post.member_id.id)
                vals.setdefault("body_id", post.body_id.id)
                vals.setdefault("position_id", post.position_id.id)
        return super().create(vals_list)
