from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.union_membership.rules.lifecycle import MEMBER_STATES


class BlogBlog(models.Model):
    _inherit = "blog.blog"

    union_organization_id = fields.Many2one(
        "union.organization", string="Union Unit", index=True,
        help="The unit whose news this blog carries (its officers post in it from the backend); "
             "empty: news for everyone, posted by the administrators.")


class BlogPost(models.Model):
    _inherit = ["blog.post", "union.reference.check.mixin"]
    _name = "blog.post"
    _union_checked_references = ("blog_id",)

    union_organization_id = fields.Many2one(related="blog_id.union_organization_id", store=True, index=True)

    @api.model
    def _union_latest_for_member(self, member, limit=5):
        """The latest published posts of the member's unit and the units above it, and of the
        blogs for everyone."""
        units = self.env["union.organization"].sudo().search([("id", "parent_of", member.organization_id.ids)])
        # sudo: published posts are public; the member's units pick which
        return self.sudo().search([
            ("website_published", "=", True),
            "|", ("union_organization_id", "=", False), ("union_organization_id", "in", units.ids),
        ], order="post_date desc, id desc", limit=limit)


class MailingList(models.Model):
    _inherit = "mailing.list"

    union_organization_id = fields.Many2one(
        "union.organization", string="Union Unit", index=True, readonly=True,
        help="The list of the members of this unit and its sub-units, rebuilt by the suite each time "
             "a mailing is sent.")

    @api.model
    def _union_list_for(self, unit):
        """The unit's list, with its contacts brought in step with the members who have an e-mail
        (members leave the list when they leave the unit; opt-outs and bounces stay Odoo's)."""
        # sudo: the suite builds the list from the unit's members, not the officer
        List = self.sudo().with_context(active_test=False)
        mailing_list = List.search([("union_organization_id", "=", unit.id)], limit=1)
        if not mailing_list:
            mailing_list = List.create({"name": unit.name, "union_organization_id": unit.id, "is_public": False})
        units = self.env["union.organization"].sudo().search([("id", "child_of", unit.id)])
        members = self.env["union.member"].sudo().search_read(
            [("organization_id", "in", units.ids), ("state", "in", MEMBER_STATES),
             ("email", "!=", False)], ["name", "email"], load=False)
        Contact = self.env["mailing.contact"].sudo().with_context(active_test=False)
        emails = {m["email"].strip().lower(): m for m in members}
        existing = {c.email_normalized: c for c in Contact.search(
            [("email_normalized", "in", list(emails))]) if c.email_normalized}
        missing = [{"name": m["name"], "email": m["email"]} for e, m in emails.items() if e not in existing]
        contacts = Contact.browse([c.id for c in existing.values()]) | Contact.create(missing)
        if set(mailing_list.contact_ids.ids) != set(contacts.ids):
            mailing_list.write({"contact_ids": [fields.Command.set(contacts.ids)]})
        return mailing_list


class MailingMailing(models.Model):
    _inherit = ["mailing.mailing", "union.reference.check.mixin"]
    _name = "mailing.mailing"
    _union_checked_references = ("union_organization_id", "contact_list_ids")

    union_organization_id = fields.Many2one(
        "union.organization", string="To the Members of", index=True,
        help="The mailing goes to the members (with an e-mail) of this unit and its sub-units, "
             "computed when it is sent; no other recipients can be chosen.")
    union_queued_by_id = fields.Many2one(
        "res.users", string="Queued By", readonly=True, copy=False,
        help="Who last put the mailing in the queue: the recipients of a mailing that is no union's "
             "are the records this user may read when it is sent.")

    def _union_is_officer_only(self):
        user = self.env.user
        return (not self.env.su and user.has_group("union_membership.group_union_officer")
                and not user.has_group("mass_mailing.group_mass_mailing_user"))

    @api.model_create_multi
    def create(self, vals_list):
        if self._union_is_officer_only():
            for vals in vals_list:
                if not vals.get("union_organization_id"):
                    raise UserError(self.env._("Choose the unit whose members receive the mailing."))
        units = self.env["union.organization"].browse(
            [vals["union_organization_id"] for vals in vals_list if vals.get("union_organization_id")])
        units._union_reach_check_managed()
        mailings = super().create(vals_list)
        mailings.filtered("union_organization_id")._union_set_recipients()
        return mailings

    def write(self, vals):
        if self._union_is_officer_only() and {"mailing_domain", "mailing_model_id", "contact_list_ids"} & set(vals):
            raise AccessError(self.env._(
                "The recipients of a union mailing are the members of its unit; they cannot be chosen."))
        if vals.get("union_organization_id"):
            self.env["union.organization"].browse(vals["union_organization_id"])._union_reach_check_managed()
        result = super().write(vals)
        if "union_organization_id" in vals:
            self.filtered("union_organization_id")._union_set_recipients()
        return result

    def _union_set_recipients(self):
        """Point the mailing at its unit's list (sudo: the officer may not edit the recipients)."""
        model = self.env["ir.model"]._get("mailing.list")
        for mailing in self:
            mailing_list = self.env["mailing.list"]._union_list_for(mailing.union_organization_id)
            super(MailingMailing, mailing.sudo()).write({
                "mailing_model_id": model.id, "contact_list_ids": [fields.Command.set(mailing_list.ids)],
                "mailing_domain": repr([("list_ids", "in", mailing_list.ids)]),
            })
        return True

    def action_put_in_queue(self):
        if not self.env.su:
            # sudo: a stamp of who sends, which no user may set by hand (readonly field)
            self.sudo().write({"union_queued_by_id": self.env.uid})
        # the members of the unit as they are now, whatever the domain says
        self.filtered("union_organization_id")._union_set_recipients()
        return super().action_put_in_queue()

    def action_send_mail(self, res_ids=None):
        """A user who names the recipients (``res_ids``, through RPC) mails only the records they
        may read: Odoo would send to any id given, members of every unit included, and show
        their e-mails in the traces."""
        if not res_ids or self.env.su:
            return super().action_send_mail(res_ids)
        for mailing in self:
            readable = self.env[mailing.mailing_model_real].search([("id", "in", list(res_ids))]).ids
            if not readable:
                raise UserError(self.env._("There are no recipients selected."))
            super(MailingMailing, mailing).action_send_mail(readable)
        return True

    def _get_recipients(self):
        """Odoo's mailing job evaluates the recipients' domain as the superuser: an e-mail marketing
        user could otherwise reach every member (a mailing on Contacts with an empty domain, or on
        the contacts of a union list) and read them back in its traces. A mailing that is no
        union's therefore goes to the records its sender may read; a union mailing goes to its
        unit's list, which the suite builds."""
        if self.union_organization_id or not self.env.su:
            return super()._get_recipients()
        sender = self.union_queued_by_id or self.create_uid
        try:
            return super(MailingMailing, self.with_user(sender))._get_recipients()
        except AccessError:
            # the sender may not read the mailing's model at all: nobody to send to
            return []

    def _get_recipients_domain(self):
        if self.union_organization_id:
            mailing_list = self.env["mailing.list"]._union_list_for(self.union_organization_id)
            return [("list_ids", "in", mailing_list.ids)]
        return super()._get_recipients_domain()
