from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from ..models.union_background_job_mixin import ACTIVE_STATES as ACTIVE_JOB_STATES
from ..models.union_organization import LEVELS
from ..rules.lifecycle import MEMBER_STATES

#: members transferred by one create of their events (one write of the members)
TRANSFER_BATCH = 2000


class UnionOrganizationMerge(models.TransientModel):
    """Merge units into one (new or existing), or move subtrees under a new parent, on a date.

    One screen: the preview says what will move; confirming does everything or nothing. There
    is no undo: a mistake is corrected by new dated operations, each with its own decision."""
    _name = "union.organization.merge"
    _description = "Merge or Move Union Units"
    _inherit = ["union.reference.check.mixin", "union.background.job.mixin"]
    _union_checked_references = ("source_ids", "target_id", "new_parent_id")

    mode = fields.Selection([("merge", "Merge units into one"), ("move", "Move units under a new parent")],
                            required=True, default="merge")
    source_ids = fields.Many2many(
        "union.organization", string="Units", required=True, domain=[("state", "=", "active")],
        help="Merge: the units that close (their members and sub-units go to the surviving unit). "
             "Move: the units that move, each with everything below it.")
    target_kind = fields.Selection([("existing", "An existing unit"), ("new", "A new unit")],
                                   string="Surviving Unit Is", default="existing", required=True)
    target_id = fields.Many2one("union.organization", string="Surviving Unit",
                                domain=[("state", "=", "active")])
    new_name = fields.Char(string="New Unit Name")
    new_code = fields.Char(string="New Unit Code")
    new_short_name = fields.Char(string="New Unit Abbreviation")
    new_level = fields.Selection(LEVELS, string="New Unit Level", default="grassroots")
    new_parent_id = fields.Many2one(
        "union.organization", string="New Parent", domain=[("state", "=", "active")],
        help="Merge into a new unit: the unit it is created under. Move: the units' new parent.")
    date = fields.Date(required=True, default=fields.Date.context_today)
    decision_ref = fields.Char(string="Decision", required=True,
                               help="Number and date of the decision, e.g. 125/QĐ-LĐLĐ of 30/06/2025.")
    reason = fields.Text()
    preview = fields.Html(compute="_compute_preview", sanitize=False)
    card_member_ids = fields.Many2many("union.member", string="Members for a New Card", readonly=True)

    @api.model
    def default_get(self, fields_list):
        """Opened from selected units (the Action menu): those units."""
        res = super().default_get(fields_list)
        context = self.env.context
        if "source_ids" in fields_list and context.get("active_model") == "union.organization" \
                and context.get("active_ids"):
            res["source_ids"] = [(6, 0, context["active_ids"])]
        return res

    @api.depends("mode", "source_ids", "target_kind", "target_id", "new_name", "new_parent_id", "date",
                 "decision_ref")
    def _compute_preview(self):
        for wizard in self:
            wizard.preview = wizard._render_preview(wizard._get_preview_lines())

    def _get_preview_lines(self):
        """Sentences describing what the confirmation will do (counts in a few queries)."""
        _ = self.env._
        sources = self.source_ids._origin
        if not sources:
            return [_("Choose the units.")]
        date_label = self.date.strftime("%d/%m/%Y") if self.date else "-"
        Member = self.env["union.member"]
        if self.mode == "move":
            subtree = sources._get_subtree()
            members = Member.search_count([("organization_id", "in", subtree.ids),
                                           ("state", "in", MEMBER_STATES)])
            return [
                _("%(count)s unit(s) move under %(parent)s on %(date)s, with the %(below)s unit(s) below "
                  "them and their %(members)s member(s): %(units)s.", count=len(sources),
                  parent=self.new_parent_id.display_name or "-", date=date_label,
                  below=len(subtree) - len(sources), members=members,
                  units=", ".join(sources.mapped("display_name"))),
            ]
        # the unit chosen on the screen (a new wizard's _origin has none: the preview named "the new unit")
        target = self.target_id._origin if self.target_kind == "existing" else None
        target_label = (target.display_name or "-") if self.target_kind == "existing" else _(
            "the new unit %(name)s under %(parent)s", name=self.new_name or "-",
            parent=self.new_parent_id.display_name or "-")
        members = Member.search_count([("organization_id", "in", sources.ids),
                                       ("state", "in", MEMBER_STATES)])
        children = self.env["union.organization"].search_count([
            ("parent_id", "in", sources.ids), ("id", "not in", sources.ids), ("state", "=", "active")])
        cards = len(self._get_card_members(sources))
        lines = [
            _("The units %(units)s close on %(date)s (state: merged); their history stays answerable.",
              units=", ".join(sources.mapped("display_name")), date=date_label),
            _("Surviving unit: %(target)s.", target=target_label),
            _("%(count)s member(s) transferred, one transfer event each with the decision %(decision)s.",
              count=members, decision=self.decision_ref or "-"),
            _("%(count)s sub-unit(s) placed under the surviving unit.", count=children),
            _("%(count)s member(s) listed for a new card (their card names a closing unit).", count=cards),
        ]
        if target:
            lines += sources._union_merge_preview(target, self.date)
        return lines

    def _render_preview(self, lines):
        _ = self.env._
        items = Markup("").join(Markup("<li>%s</li>") % line for line in lines)
        warning = _("There is no undo: a mistaken merge or move is corrected by new dated operations "
                    "(moving the sub-units back, transferring the members back), each with its own decision.")
        return Markup('<ul>%s</ul><p class="text-warning"><strong>%s</strong></p>') % (items, escape(warning))

    @api.model
    def _get_card_members(self, sources):
        """Current members whose card names one of the closing units: the members of the unit
        itself and of its union groups (a card names the grassroots union, not the group)."""
        groups = self.env["union.organization"].search([("parent_id", "in", sources.ids), ("level", "=", "group")])
        return self.env["union.member"].search([("organization_id", "in", (sources | groups).ids),
                                                ("state", "in", MEMBER_STATES)])

    def _check_reorg_access(self, sources, target=None, new_parent=None):
        """Only the union administrator, or an officer managing a unit above every unit that
        closes or moves, and the surviving unit (or the parent a new one is created under)."""
        if self.env.su or self.env.user.has_group("union_membership.group_union_admin"):
            return
        managed = set(self.env.user.union_organization_ids.ids)
        # sudo: the paths of the units involved, to compare with the units the user manages
        def ancestors(unit, strict):
            path = [int(part) for part in (unit.sudo().parent_path or "").split("/") if part]
            return set(path[:-1] if strict else path)
        denied = [unit for unit in sources if not ancestors(unit, True) & managed]
        for unit in (target, new_parent):
            if unit and not ancestors(unit, False) & managed:
                denied.append(unit)
        if denied:
            raise AccessError(self.env._(
                "Only the union administrator or an officer over all the units involved may merge or move "
                "units: you do not manage %(units)s.", units=", ".join(u.sudo().display_name for u in denied)))

    def _check_values(self):
        _ = self.env._
        sources = self.source_ids
        if not sources:
            raise UserError(_("Choose the units to merge or move."))
        ended = sources.filtered(lambda u: u.state != "active")
        if ended:
            raise UserError(_("Only units in operation can be merged or moved: %(units)s.",
                              units=", ".join(ended.mapped("display_name"))))
        subtree = sources._get_subtree()
        if self.mode == "move":
            if not self.new_parent_id:
                raise UserError(_("Choose the new parent."))
            if self.new_parent_id in subtree:
                raise UserError(_("A unit cannot be moved under itself or one of its own sub-units."))
            return
        if self.target_kind == "existing":
            if not self.target_id:
                raise UserError(_("Choose the surviving unit."))
            if self.target_id in subtree:
                raise UserError(_("The surviving unit cannot be one of the merged units or below them."))
        else:
            if not (self.new_name and self.new_code and self.new_parent_id):
                raise UserError(_("Give the new unit's name, code and parent."))
            if self.new_parent_id in subtree:
                raise UserError(_("The new unit cannot be created below a unit that closes."))

    def action_confirm(self):
        """Merge or move, all or nothing.

        From the form (context key ``union_merge_in_background``), a large operation (System
        Parameter ``union_membership.merge_background_min_records``: members transferred plus
        units moved, 2,000 by default) runs in the background (union.background.job.mixin):
        once however often Confirm is clicked, with its progress on the wizard and a
        notification at the end; on a failure nothing is written. Code that calls this method
        (the demo, the benches, other addons) and small operations run at once."""
        self.ensure_one()
        if self.union_job_state in ACTIVE_JOB_STATES or self.union_job_state == "done":
            return self._reopen()  # a second click: the operation under way (or done) stands
        self._check_values()
        self._check_confirm_access()
        if self.env.context.get("union_merge_in_background") and self._union_merge_is_large():
            self._union_job_start("_confirm_in_background", self._job_description())
            return self._reopen()
        with self.env.cr.savepoint():
            if self.mode == "move":
                self._do_move()
                return {"type": "ir.actions.act_window_close"}
            cards = self._do_merge()
        self.card_member_ids = cards
        return self.action_view_card_members() if cards else {"type": "ir.actions.act_window_close"}

    def _check_confirm_access(self):
        target = self.target_id if self.mode == "merge" and self.target_kind == "existing" else None
        self._check_reorg_access(self.source_ids, target=target, new_parent=self.new_parent_id)

    def _job_description(self):
        if self.mode == "move":
            return self.env._("Move of %(units)s (%(decision)s)",
                              units=", ".join(self.source_ids.mapped("name")), decision=self.decision_ref)
        return self.env._("Merge of %(units)s (%(decision)s)",
                          units=", ".join(self.source_ids.mapped("name")), decision=self.decision_ref)

    def _union_merge_size(self):
        """Members transferred plus units moved (a few counting queries)."""
        sources = self.source_ids
        Org = self.env["union.organization"]
        if self.mode == "move":
            return Org.search_count([("id", "child_of", sources.ids)])
        members = self.env["union.member"].search_count([("organization_id", "in", sources.ids),
                                                         ("state", "in", ("active", "suspended"))])
        children = Org.search_count([("parent_id", "in", sources.ids), ("id", "not in", sources.ids),
                                     ("state", "=", "active")])
        return members + children

    def _union_merge_is_large(self):
        # sudo: a setting every officer's merge follows
        value = self.env["ir.config_parameter"].sudo().get_param(
            "union_membership.merge_background_min_records", "2000")
        try:
            threshold = int(value)
        except ValueError:
            threshold = 2000
        return self._union_merge_size() > threshold

    def _confirm_in_background(self):
        """The job: checked again (the units may have changed since the click), then done in
        the job's savepoint (union.background.job.mixin): all or nothing."""
        self._check_values()
        self._check_confirm_access()
        _ = self.env._
        if self.mode == "move":
            self._union_job_progress(10, note=_("Moving the units"))
            self._do_move()
            return {"message": _("%(count)s unit(s) moved under %(parent)s on %(date)s (%(decision)s).",
                                 count=len(self.source_ids), parent=self.new_parent_id.display_name,
                                 date=self.date.strftime("%d/%m/%Y"), decision=self.decision_ref)}
        cards = self._do_merge()
        self.card_member_ids = cards
        return {"message": _(
            "%(units)s merged on %(date)s (%(decision)s); %(cards)s member(s) listed for a new card.",
            units=", ".join(self.source_ids.mapped("name")), date=self.date.strftime("%d/%m/%Y"),
            decision=self.decision_ref, cards=len(cards))}

    def _reopen(self):
        return {"type": "ir.actions.act_window", "res_model": self._name, "res_id": self.id,
                "view_mode": "form", "target": "new", "name": self.env._("Merge or Move Units")}

    def _event_context(self):
        return dict(self.env.context, union_event_date=self.date, union_event_decision=self.decision_ref,
                    tracking_disable=True)

    def _do_move(self):
        self.source_ids.with_context(**self._event_context()).write({"parent_id": self.new_parent_id.id})
        body = self.env._("Moved under %(parent)s on %(date)s (%(decision)s).", parent=self.new_parent_id.name,
                          date=self.date.strftime("%d/%m/%Y"), decision=self.decision_ref)
        self.source_ids._message_log_batch({unit.id: body for unit in self.source_ids})

    def _prepare_new_target_values(self):
        return {"name": self.new_name, "code": self.new_code, "short_name": self.new_short_name,
                "level": self.new_level or "grassroots", "parent_id": self.new_parent_id.id,
                "company_id": self.new_parent_id.company_id.id or self.env.company.id,
                "funding_type": self.source_ids[:1].funding_type, "date_founded": self.date}

    def _do_merge(self):
        """The steps of a merge, each overridable: target, members, sub-units, other addons'
        records (``_union_merge_into``), closing. Returns the members listed for a new card."""
        sources = self.source_ids
        Org = self.env["union.organization"].with_context(**self._event_context())
        target = self.target_id or Org.create(self._prepare_new_target_values())
        cards = self._get_card_members(sources)
        members = self.env["union.member"].search([("organization_id", "in", sources.ids),
                                                   ("state", "in", MEMBER_STATES)])
        reason = self.reason or self.env._("Merged into %(unit)s", unit=target.name)
        self._transfer_members(members, target, reason)
        # the sub-units in operation; ended ones stay where they ended (their history)
        self._union_job_progress(80, note=self.env._("Placing the sub-units under the surviving unit"))
        children = self.env["union.organization"].search([("parent_id", "in", sources.ids),
                                                          ("id", "not in", sources.ids), ("state", "=", "active")])
        if children:
            children.with_context(**self._event_context()).write({"parent_id": target.id})
        self._union_job_progress(85, note=self.env._("Moving dues, balances and documents"))
        sources.with_context(**self._event_context())._union_merge_into(target, self.date, self.decision_ref)
        self._union_job_progress(95, note=self.env._("Closing the merged units"))
        sources.with_context(**self._event_context()).write({
            "state": "merged", "date_ended": self.date, "end_reason": reason, "merged_into_id": target.id})
        # the surviving unit keeps the closed units' archive: its officers read it (read only)
        sources._union_record_succession(target)
        body = self.env._("Merged into %(unit)s on %(date)s (%(decision)s).", unit=target.name,
                          date=self.date.strftime("%d/%m/%Y"), decision=self.decision_ref)
        sources._message_log_batch({unit.id: body for unit in sources})
        return cards

    def _transfer_members(self, members, target, reason):
        """One transfer event per member, created by batches (one create, and one write of the
        members, per batch of ``TRANSFER_BATCH``): memory stays bounded and the progress moves."""
        Event = self.env["union.member.event"]
        total = len(members)
        for start in range(0, total, TRANSFER_BATCH):
            batch = members[start:start + TRANSFER_BATCH]
            self._union_job_progress(5 + 70 * start // max(total, 1), note=self.env._(
                "Transferring the members (%(done)s of %(total)s)", done=start, total=total))
            Event.create([{
                "member_id": member_id, "event_type": "transfer", "date": self.date,
                "organization_id": target.id, "reason": reason, "decision_ref": self.decision_ref,
            } for member_id in batch.ids])
            if total > TRANSFER_BATCH:
                # written by the batch's create; what is kept in memory is only needed again from the database
                self.env.flush_all()
                self.env.invalidate_all()

    def action_view_card_members(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Members for a new card"),
            "res_model": "union.member",
            "view_mode": "list,form",
            "domain": [("id", "in", self.card_member_ids.ids)],
        }
