from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, ValidationError
from odoo.osv import expression

from ..rules.lifecycle import MEMBER_STATES

LEVELS = [
    ("federation", "Federation"),
    ("upper", "Upper-level union"),
    ("grassroots", "Grassroots union"),
    ("group", "Union group"),
]

FUNDING_TYPES = [
    ("public_full", "Public, fully state-paid"),
    ("public_partial", "Public, partly self-funded"),
    ("non_public", "Non-public"),
    ("enterprise", "Enterprise"),
    ("other", "Other"),
]

#: who manages a unit and how it is funded: set by the level above or the administrator only
GOVERNED_FIELDS = ("officer_ids", "funding_type", "company_id", "state", "date_ended", "parent_id",
                   "merged_into_id", "successor_ids")


class UnionOrganization(models.Model):
    _name = "union.organization"
    _description = "Union Unit"
    _inherit = ["mail.thread", "mail.activity.mixin", "union.reference.check.mixin"]
    _union_checked_references = ("parent_id",)
    _parent_store = True
    _parent_name = "parent_id"
    _order = "parent_path, sequence, name"
    _rec_names_search = ["name", "code", "short_name"]

    name = fields.Char(required=True, tracking=True)
    code = fields.Char(required=True, index=True, tracking=True, help="Unique code of the unit.")
    short_name = fields.Char(
        string="Abbreviation", tracking=True,
        help="Abbreviation used in document symbols, e.g. CĐN.")
    sequence = fields.Integer(default=10)
    level = fields.Selection(LEVELS, required=True, default="grassroots", index=True, tracking=True)
    parent_id = fields.Many2one(
        "union.organization", string="Parent Unit", index=True, ondelete="restrict", tracking=True)
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many("union.organization", "parent_id", string="Sub-units")
    funding_type = fields.Selection(
        FUNDING_TYPES, string="Workplace Funding", default="public_partial", tracking=True)
    company_id = fields.Many2one(
        "res.company", string="Accounting Entity", required=True, index=True,
        default=lambda self: self.env.company, tracking=True)
    partner_id = fields.Many2one(
        "res.partner", string="Contact", ondelete="restrict", copy=False,
        help="The unit's own contact: address, e-mail, bank accounts.")
    email = fields.Char(related="partner_id.email", readonly=False)
    phone = fields.Char(related="partner_id.phone", readonly=False)
    street = fields.Char(related="partner_id.street", readonly=False)
    state = fields.Selection(
        [("active", "In operation"), ("dissolved", "Dissolved"), ("merged", "Merged")],
        default="active", required=True, index=True, tracking=True)
    date_founded = fields.Date(string="Founded On")
    date_ended = fields.Date(string="Ended On", tracking=True)
    end_reason = fields.Text()
    merged_into_id = fields.Many2one(
        "union.organization", string="Merged Into", index=True, readonly=True, copy=False,
        ondelete="restrict", tracking=True,
        help="The unit this one was merged into (set by the merge): its successor, which keeps its archive.")
    successor_ids = fields.Many2many(
        "union.organization", "union_organization_successor_rel", "organization_id", "successor_id",
        string="Archive Kept By", readonly=True, copy=False,
        help="The units that keep this closed unit's archive, and whose officers read it: the unit it "
             "(or the closed unit above it) was merged into, and the units that one was merged into "
             "later. Set by the merges.")
    officer_ids = fields.Many2many(
        "res.users", "union_organization_res_users_rel", "organization_id", "user_id",
        string="Officers", help="Users who manage this unit and everything below it.")
    member_ids = fields.One2many("union.member", "organization_id", string="Members")
    member_count = fields.Integer(compute="_compute_member_counts", string="Members (unit)")
    member_count_total = fields.Integer(
        compute="_compute_member_counts", string="Members (with sub-units)")
    child_count = fields.Integer(compute="_compute_child_count", string="Sub-unit Count")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_unique", "unique(code)", "The unit code must be unique."),
    ]

    @api.depends("name", "parent_id.name")
    def _compute_display_name(self):
        """The name with the parent's in brackets, "Chu Văn An (Gia Nghĩa)": two schools of the
        same name are told apart in every picker. The parent's abbreviation is not used: it is a
        document-symbol abbreviation (CĐCS, CĐN) shared by many units."""
        # sudo: an officer managing a unit reads the name of the unit above it, which their record
        # rule hides; unit names are not personal data (the portal shows them to members too)
        parents = {org.id: org.parent_id.name for org in self.sudo()}
        for org in self:
            parent_name = parents.get(org.id)
            org.display_name = f"{org.name} ({parent_name})" if org.name and parent_name else org.name

    @api.depends("child_ids")
    def _compute_child_count(self):
        counts = dict(self.env["union.organization"]._read_group(
            [("parent_id", "in", self.ids)], ["parent_id"], ["__count"]))
        for org in self:
            org.child_count = counts.get(org, 0)

    def _compute_member_counts(self):
        """Counts of current members (active or suspended), the subtree in one query."""
        if not self.ids:
            self.member_count = self.member_count_total = 0
            return
        self.env["union.member"].flush_model(["organization_id", "state"])
        self.flush_model(["parent_path"])
        self.env.cr.execute("""
            SELECT o.id,
                   COUNT(m.id) FILTER (WHERE m.organization_id = o.id),
                   COUNT(m.id)
              FROM union_organization o
              JOIN union_organization s ON s.parent_path LIKE o.parent_path || '%%'
              LEFT JOIN union_member m ON m.organization_id = s.id
                                      AND m.state IN %s
             WHERE o.id IN %s
          GROUP BY o.id
        """, [MEMBER_STATES, tuple(self.ids)])
        counts = {row[0]: row[1:] for row in self.env.cr.fetchall()}
        for org in self:
            org.member_count, org.member_count_total = counts.get(org.id, (0, 0))

    @api.constrains("parent_id")
    def _check_parent_cycle(self):
        if self._has_cycle():
            raise ValidationError(self.env._("A unit cannot be placed under itself or one of its own sub-units."))

    @api.constrains("level", "parent_id")
    def _check_group_parent(self):
        for org in self:
            if org.level == "group" and org.parent_id.level != "grassroots":
                raise ValidationError(self.env._(
                    "The union group %(name)s must belong to a grassroots union.", name=org.name))

    @api.constrains("state", "date_ended")
    def _check_dissolved(self):
        ended = self.filtered(lambda o: o.state != "active")
        for org in ended:
            if not org.date_ended:
                raise ValidationError(self.env._(
                    "The unit %(name)s is no longer active: give the date it ended.", name=org.name))
        if ended:
            count = self.env["union.member"].search_count([
                ("organization_id", "in", ended.ids), ("state", "in", MEMBER_STATES)])
            if count:
                raise ValidationError(self.env._(
                    "A unit that has ended cannot keep members: %(count)s member(s) are still in it. "
                    "Transfer them or end their membership first.", count=count))

    @api.model_create_multi
    def create(self, vals_list):
        missing = [vals for vals in vals_list if not vals.get("partner_id")]
        if missing:
            partners = self.env["res.partner"].create([
                {"name": vals.get("name"), "is_company": True, "email": vals.pop("email", False),
                 "phone": vals.pop("phone", False), "street": vals.pop("street", False)}
                for vals in missing])
            for vals, partner in zip(missing, partners):
                vals["partner_id"] = partner.id
        orgs = super().create(vals_list)
        orgs._check_governed_fields([name for vals in vals_list for name in vals])
        # record rules list the units below the ones a user manages (res.users.union_subtree_ids)
        self.env["res.users"].invalidate_model(["union_subtree_ids"])
        self.env.registry.clear_cache()
        return orgs

    def write(self, vals):
        self._check_governed_fields(vals)
        res = super().write(vals)
        if "parent_id" in vals:
            # the new place is checked too: the user must manage a unit above it
            self._check_governed_fields(["parent_id"])
        if "name" in vals:
            self.partner_id.write({"name": vals["name"]})
        if "officer_ids" in vals or "parent_id" in vals:
            # record rules depend on the units a user manages and the units below them
            self.env["res.users"].invalidate_model(["union_subtree_ids"])
            self.env.registry.clear_cache()
        return res

    def _check_governed_fields(self, field_names):
        """Officers, funding, accounting entity, state, end date and parent of a unit are set
        by the officers of a level above it (a user managing a strict ancestor who is not one of
        the unit's own officers) or the union administrator; a unit's own officers cannot change
        them over any path."""
        governed = sorted(set(GOVERNED_FIELDS).intersection(field_names))
        if not governed or not self or self.env.su \
                or self.env.user.has_group("union_membership.group_union_admin"):
            return
        for unit in self:
            if not unit._union_is_managed_by(allow_self=False):
                labels = ", ".join(self._fields[name]._description_string(self.env) for name in governed)
                raise AccessError(self.env._(
                    "%(fields)s of the unit %(unit)s are set by the officers of the level above it "
                    "or by the union administrator.", fields=labels, unit=unit.display_name))

    @api.model
    def hierarchy_read(self, domain, fields, parent_field, child_field=None, order=None):
        """The units' organisation chart, starting where the user's reach starts.

        Odoo's hierarchy view follows the parent of the unit it shows, and starts at the units
        without a parent: an officer may read neither the level above their units nor the top
        of the tree. For a user who does not read every unit, the chart starts at the top units
        they may read (their managed units), a parent they may not read is not followed, and
        the parent field of their top units is emptied, so that the view offers no way up.
        """
        if parent_field != "parent_id" or self.env.su or self.env.user.has_group(
                "union_membership.group_union_admin"):
            return super().hierarchy_read(domain, fields, parent_field, child_field=child_field, order=order)
        if parent_field not in fields:
            fields.append(parent_field)
        if domain == [(parent_field, "=", False)] or domain == [[parent_field, "=", False]]:
            # the view's default start: the tops of the user's reach
            readable = self.search([])
            domain = [("id", "in", (readable - readable.child_ids).ids)] if readable else [("id", "=", 0)]
        records = self.search(domain, order=order)
        if not records:
            return []
        fetch_child_ids_for_all_records = len(records) > 1
        if len(records) == 1:
            parent = records.parent_id._filtered_access("read")
            if parent:
                records |= parent
                records |= self.search([("id", "not in", records.ids), (parent_field, "in", records.ids)],
                                       order=order)
            else:
                records |= self.search([(parent_field, "=", records.id)], order=order)
        children = {}
        if not child_field:
            parents = records if fetch_child_ids_for_all_records else records - records.parent_id
            children = {
                record.id: child_ids
                for record, child_ids in self._read_group(
                    [(parent_field, "in", parents.ids)], (parent_field,), ("id:array_agg",), order=order)
            }
        result = records.read(fields)
        readable_parents = set(records.parent_id._filtered_access("read").ids)
        for record_data in result:
            parent_value = record_data.get(parent_field)
            if parent_value and parent_value[0] not in readable_parents:
                record_data[parent_field] = False
            if record_data["id"] in children:
                record_data["__child_ids__"] = children[record_data["id"]]
        return result

    def _get_managing_officers(self):
        """The officers of the nearest unit, from this one upwards, that has officers."""
        self.ensure_one()
        # sudo: the officers of a unit are looked up for notifications, whoever acts
        unit = self.sudo()
        while unit and not unit.officer_ids.filtered("active"):
            unit = unit.parent_id
        return unit.officer_ids.filtered("active")

    @api.model
    def name_search(self, name="", args=None, operator="ilike", limit=100):
        if self.env.context.get("union_transfer_destination"):
            return self._search_transfer_destinations(name, limit)
        return super().name_search(name=name, args=args, operator=operator, limit=limit)

    @api.model
    def _search_transfer_destinations(self, name, limit=100):
        """Any active unit may receive a transfer: offered by name, code and parent only.

        The caller's domain is ignored on purpose: a domain on the units' other fields
        (members, officers...) would let anyone search beyond what they may read.
        """
        domain = [("state", "=", "active")]
        if name:
            domain += ["|", ("name", "ilike", name), ("code", "ilike", name)]
        # sudo: the destination of a transfer may be any active unit; only its id and a label
        # of name, code and parent leave this method
        units = self.sudo().search(domain, limit=limit)
        return [(unit.id, unit._transfer_label()) for unit in units]

    def _transfer_label(self):
        self.ensure_one()
        unit = self.sudo()
        label = f"{unit.name} [{unit.code}]"
        return f"{label} — {unit.parent_id.name}" if unit.parent_id else label

    @api.model
    def _check_transfer_destination(self, unit_ids):
        """A transfer's destination: any unit that exists, is active and in operation (one query)."""
        ids = {unit_ids} if isinstance(unit_ids, int) else set(unit_ids)
        if not ids:
            return
        # sudo: the destination of a transfer may be outside the user's units (checked: active only)
        found = self.sudo().search_count([("id", "in", list(ids)), ("state", "=", "active")])
        if found != len(ids):
            raise ValidationError(self.env._("A transfer can only lead to a unit in operation."))

    def _union_is_managed_by(self, user=None, allow_self=True, below=True):
        """Whether ``user`` (the current user by default) manages every unit of ``self``.

        The one home of "does this user manage this unit or one above it", for every addon.
        A user manages the units assigned to them (``res.users.union_organization_ids``) and,
        with ``below``, every unit below those. With ``allow_self=False`` the user must manage a
        unit strictly above and must not be an officer of the unit itself: the level above
        decides for a unit (governed fields, reviews) and nobody reviews their own unit.
        Only assignments count: each caller says what the administrator and the superuser may do.
        An empty ``self`` is managed by nobody.
        """
        if not self:
            return False
        user = user or self.env.user
        # sudo: the user's assigned units and the units' places in the tree are compared, whatever
        # the user may read (a unit above theirs, a receiving unit elsewhere); nothing else is read
        own = user.sudo().union_organization_ids
        own_paths = [path for path in own.mapped("parent_path") if path]
        for unit in self.sudo():
            if unit in own:
                if allow_self:
                    continue
                return False
            path = unit.parent_path or ""
            if not below or not any(path.startswith(own_path) for own_path in own_paths):
                return False
        return True

    def _get_subtree(self):
        """This unit and every unit below it, in one indexed query."""
        if not self:
            return self
        domain = [("id", "child_of", self.ids)]
        return self.with_context(active_test=False).search(domain)

    def _union_record_succession(self, target):
        """These units, just closed by a merge, pass their archive to ``target``, their successor:
        ``target`` is added to the successors (``successor_ids``) of these units, of the ended units
        below them (they stay where they ended) and of every unit whose archive these units kept
        (A merged into B, later B into C: C keeps A's archive too). The officers of ``target`` and
        of the units above it then read what the officers of these units read, without changing
        it (the record rules ``..._rule_successor``). One search and one write, whatever the number
        of units; the record rules stay one query (``successor_ids`` any ``id`` child_of)."""
        if not self or not target:
            return
        # sudo: the merge's own bookkeeping, after its access check; the archive kept by a closing
        # unit may hold units outside the user's reach
        archive = self.sudo().with_context(active_test=False).search([
            "|", ("id", "child_of", self.ids), ("successor_ids", "in", self.ids),
            ("state", "!=", "active"), ("id", "!=", target.id)])
        archive.write({"successor_ids": [Command.link(target.id)]})

    @api.model
    def _union_archive_domain(self, field_name="id", user=None):
        """The records of the closed units whose archive ``user`` (the current user by default)
        keeps as a successor, as a domain on a model whose unit field is ``field_name`` (``id`` for
        the units themselves): the read-only part of an officer's reach, the same condition as the
        record rules ``..._rule_successor``. The one home of "did this unit pass to my units" for
        checks made in Python."""
        user = user or self.env.user
        path = "successor_ids" if field_name == "id" else f"{field_name}.successor_ids"
        # sudo: the units assigned to the user, whoever asks. "any" keeps the subtree a subquery
        # (parent_path), where child_of on a many2many would first fetch the subtree's ids
        return [(path, "any", [("id", "child_of", user.sudo().union_organization_ids.ids)])]

    def _union_is_archive_of(self, user=None):
        """Whether every unit of ``self`` is in the archive that ``user`` (the current user by
        default) keeps as a successor: for checks made in Python before reading a closed unit's
        figures with sudo (a report), never for a change. One query; an empty ``self`` is nobody's."""
        if not self:
            return False
        user = user or self.env.user
        # sudo: the units' successors are compared with the user's units, whatever the user may read
        found = self.sudo().with_context(active_test=False).search_count(
            expression.AND([[("id", "in", self.ids)], self._union_archive_domain(user=user)]))
        return found == len(set(self.ids))

    @api.model
    def _union_readable_domain(self, field_name="id", user=None):
        """An officer's whole reading reach: the units they manage and below, and the archives of
        the units merged into them (``_union_archive_domain``)."""
        user = user or self.env.user
        # sudo: the units assigned to the user, whoever asks
        managed = [(field_name, "child_of", user.sudo().union_organization_ids.ids)]
        return expression.OR([managed, self._union_archive_domain(field_name, user)])

    def _get_grassroots(self):
        """The grassroots union of each unit: itself, or for a union group the grassroots union
        above it (a member's card and papers name the grassroots union, not the group)."""
        result = self.browse()
        for unit in self:
            while unit.level == "group" and unit.parent_id:
                unit = unit.parent_id
            result |= unit
        return result

    def action_view_members(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("union_membership.union_member_action")
        action["domain"] = [("organization_id", "child_of", self.id)]
        action["context"] = {"default_organization_id": self.id, "search_default_filter_current": 1}
        return action

    def action_view_children(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("union_membership.union_organization_action")
        action["domain"] = [("parent_id", "=", self.id)]
        action["context"] = {"default_parent_id": self.id}
        return action

    def action_open_dissolve_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "union.organization.dissolve.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_organization_id": self.id},
        }

    def action_open_transfer_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "union.member.transfer.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_from_organization_id": self.id},
        }
