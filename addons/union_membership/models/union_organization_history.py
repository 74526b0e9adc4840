from collections import Counter, defaultdict

from odoo import api, fields, models

from ..rules import levels
from ..rules.lifecycle import MEMBER_STATES
from .union_organization_event import HISTORY_FIELDS

#: a unit's kind, beside its level: a commune/ward union is an upper union above the grassroots
UNIT_KINDS = [
    ("province", "Provincial federation"),
    ("sector", "Sector union"),
    ("industrial_zone", "Industrial-zone union"),
    ("commune", "Commune/ward union"),
    ("grassroots", "Grassroots union"),
    ("professional", "Grassroots professional union (nghiệp đoàn cơ sở)"),
    ("group", "Union group"),
]


class UnionOrganization(models.Model):
    """The unit's dated history: every change of its parent, name, abbreviation, level or state
    is an event (``union.organization.event``); the tree, names and member counts as at any date
    are read from these events. The date comes from the context key ``union_as_at``."""
    _inherit = "union.organization"

    unit_kind = fields.Selection(UNIT_KINDS, string="Kind", index=True, tracking=True,
                                 help="A commune/ward union, a sector or industrial-zone union, a provincial "
                                      "federation are all unions above the grassroots under Law 97/2025.")
    event_ids = fields.One2many("union.organization.event", "organization_id", string="History")
    level_label = fields.Char(compute="_compute_as_at", string="Level Name",
                              help="The level as the law in force at the date shown names it.")
    as_at_name = fields.Char(compute="_compute_as_at", string="Name at the Date")
    as_at_parent_id = fields.Many2one("union.organization", compute="_compute_as_at",
                                      search="_search_as_at_parent_id", string="Parent Unit at the Date")
    as_at_member_count = fields.Integer(compute="_compute_as_at", string="Members at the Date",
                                        help="Members (active or suspended) of the unit and its sub-units.")

    @api.model
    def _as_at_date(self):
        return fields.Date.to_date(self.env.context.get("union_as_at")) or fields.Date.context_today(self)

    @api.depends_context("union_as_at", "uid")
    def _compute_as_at(self):
        on_date = self._as_at_date()
        tree = self._get_tree_at(on_date)
        readable = set(self._readable_unit_ids())
        counts = self._get_member_counts_at(on_date, tree)
        labels = self._level_labels()
        for unit in self:
            node = tree.get(unit.id)
            if not node:
                unit.as_at_name = unit.level_label = False
                unit.as_at_parent_id = False
                unit.as_at_member_count = 0
                continue
            unit.as_at_name = node["name"]
            unit.level_label = labels.get(levels.label_key(node["level"], on_date), node["level"])
            parent = node["parent_id"]
            unit.as_at_parent_id = parent if parent in readable else False
            unit.as_at_member_count = counts.get(unit.id, 0)

    def _search_as_at_parent_id(self, operator, value):
        """Units under the given parents at the date (``= False``: the tops the user may read)."""
        tree = self._get_tree_at(self._as_at_date())
        readable = set(self._readable_unit_ids())
        if operator in ("=", "in") and not value:
            ids = [uid for uid, node in tree.items() if uid in readable and node["parent_id"] not in readable]
        elif operator in ("=", "in"):
            parents = set(value if isinstance(value, (list, tuple)) else [value])
            ids = [uid for uid, node in tree.items() if node["parent_id"] in parents]
        else:
            return [("id", "in", list(tree))]
        return [("id", "in", ids)]

    def _readable_unit_ids(self):
        return self.with_context(active_test=False).search([]).ids

    def _level_labels(self):
        _ = self.env._
        return {
            "federation_old": _("Federation (provincial or central sector)"),
            "upper_old": _("Upper union directly over the grassroots"),
            "grassroots_old": _("Grassroots union"),
            "above_grassroots": _("Union above the grassroots"),
            "grassroots_new": _("Grassroots-level union"),
            "group": _("Union group"),
        }

    @api.model
    def _get_tree_at(self, on_date):
        """{unit_id: {parent_id, name, short_name, level, state}} of every unit that existed at
        the end of ``on_date``, from the units' events: one query, whatever the number of units."""
        self.env["union.organization.event"].flush_model()
        self.env.cr.execute("""
            SELECT DISTINCT ON (organization_id) organization_id, parent_id, name, short_name, level, state
              FROM union_organization_event
             WHERE date IS NULL OR date <= %s
          ORDER BY organization_id, date DESC NULLS LAST, id DESC
        """, [on_date])
        return {row[0]: {"parent_id": row[1], "name": row[2], "short_name": row[3], "level": row[4],
                         "state": row[5]} for row in self.env.cr.fetchall()}

    @api.model
    def _get_subtree_at(self, tree, root_ids):
        """The ids of ``root_ids`` and every unit below them in ``tree`` (no query)."""
        children = defaultdict(list)
        for uid, node in tree.items():
            children[node["parent_id"]].append(uid)
        result, todo = [], [uid for uid in root_ids if uid in tree]
        seen = set()
        while todo:
            uid = todo.pop()
            if uid in seen:
                continue
            seen.add(uid)
            result.append(uid)
            todo.extend(children.get(uid, ()))
        return result

    @api.model
    def _get_member_counts_at(self, on_date, tree):
        """{unit_id: members of the unit and its sub-units at ``on_date``} (one query)."""
        status = self.env["union.member"]._get_status_at(on_date)
        own = Counter(org for state, org in status.values() if state in MEMBER_STATES)
        totals = Counter()
        for uid in tree:
            seen = set()
            node_id = uid
            while node_id and node_id in tree and node_id not in seen:
                seen.add(node_id)
                totals[node_id] += own.get(uid, 0)
                node_id = tree[node_id]["parent_id"]
        return totals

    @api.model
    def hierarchy_read(self, domain, fields, parent_field, child_field=None, order=None):
        """The units' chart as at a date (context ``union_as_at``): parents, names and sub-units
        from the units' events, starting at the tops the user may read."""
        if parent_field != "as_at_parent_id":
            return super().hierarchy_read(domain, fields, parent_field, child_field=child_field, order=order)
        if parent_field not in fields:
            fields.append(parent_field)
        records = self.with_context(active_test=False).search(domain, order=order)
        if not records:
            return []
        tree = self._get_tree_at(self._as_at_date())
        readable = set(self._readable_unit_ids())
        if len(records) == 1:
            node = tree.get(records.id) or {}
            if node.get("parent_id") in readable:
                records |= self.browse(node["parent_id"])
            ids = {uid for uid, n in tree.items() if n["parent_id"] in records.ids and uid in readable}
            records |= self.browse(sorted(ids))
        children = defaultdict(list)
        for uid, node in tree.items():
            if uid in readable and node["parent_id"] in records.ids:
                children[node["parent_id"]].append(uid)
        result = records.read(fields)
        for record_data in result:
            if record_data["id"] in children:
                record_data["__child_ids__"] = children[record_data["id"]]
        return result

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True):
        """The chart as at a date asks, for the units it shows, which have sub-units at the date
        (web_hierarchy groups by the parent field); the parent at a date is not stored, so the
        groups are made from the units' events."""
        keys = [groupby] if isinstance(groupby, str) else list(groupby or [])
        if keys != ["as_at_parent_id"]:
            return super().read_group(domain, fields, groupby, offset=offset, limit=limit,
                                      orderby=orderby, lazy=lazy)
        tree = self._get_tree_at(self._as_at_date())
        children = defaultdict(list)
        for child in self.with_context(active_test=False).search(domain):
            parent_id = tree.get(child.id, {}).get("parent_id")
            if parent_id:
                children[parent_id].append(child.id)
        parents = self.browse(sorted(children))
        return [{
            "as_at_parent_id": (parent.id, parent.display_name),
            "as_at_parent_id_count": len(children[parent.id]),
            "id": children[parent.id],
            "__domain": [("as_at_parent_id", "=", parent.id)],
        } for parent in parents]

    @api.model_create_multi
    def create(self, vals_list):
        units = super().create(vals_list)
        # the history is written by the unit's own create, already checked
        events = []
        for unit in units:
            events += self.env["union.organization.event"]._prepare_values(
                unit, "founding", unit.date_founded, self.env.context.get("union_event_decision"))
        # sudo: the event is the unit's own history, written by its checked create
        self.env["union.organization.event"].sudo().create(events)
        return units

    def write(self, vals):
        changed = set(HISTORY_FIELDS).intersection(vals)
        res = super().write(vals)
        if changed and self:
            self._record_history_event(changed, vals)
        return res

    def _record_history_event(self, changed, vals):
        """One event per unit after a change of its parent, name, abbreviation, level or state,
        dated on the context's ``union_event_date``, else the end date, else today."""
        Event = self.env["union.organization.event"]
        context = self.env.context
        if vals.get("state") == "merged":
            event_type = "merge"
        elif vals.get("state") == "dissolved":
            event_type = "dissolution"
        elif changed == {"parent_id"}:
            event_type = "move"
        else:
            event_type = context.get("union_event_type") or "change"
        events = []
        for unit in self:
            on_date = (context.get("union_event_date")
                       or (unit.date_ended if vals.get("state") in ("merged", "dissolved") else None)
                       or fields.Date.context_today(self))
            events += Event._prepare_values(unit, event_type, on_date, context.get("union_event_decision"))
        # sudo: the event is the unit's own history, written by its checked write
        Event.sudo().create(events)

    @api.model
    def _union_fill_succession_from_history(self):
        """Give the units merged before the successor was recorded (version 18.0.1.3.0) their
        ``merged_into_id`` and ``successor_ids``, from what the merge wrote: the members it
        transferred (their transfer events from the closed unit, on the merge's date, with its
        decision) and the sub-units it moved (their move events on that date, from the closed unit).
        The unit that received most of them is the successor; a merged unit that had neither
        members nor sub-units left is not guessed (the migration logs it).
        One query to find the successors, then the successions are replayed by date (one search
        and one write per merged unit: a migration step, not a per-member loop). Returns the
        number of units filled."""
        self.env.flush_all()
        self.env.cr.execute("""
            WITH merges AS (
                SELECT DISTINCT ON (e.organization_id) e.organization_id AS unit_id, e.date, e.decision_ref
                  FROM union_organization_event e
                  JOIN union_organization o ON o.id = e.organization_id
                 WHERE e.event_type = 'merge' AND o.state = 'merged' AND o.merged_into_id IS NULL
              ORDER BY e.organization_id, e.date DESC NULLS LAST, e.id DESC
            ), unit_moves AS (
                SELECT organization_id, date, decision_ref, event_type, parent_id,
                       LAG(parent_id) OVER (PARTITION BY organization_id
                                            ORDER BY date ASC NULLS FIRST, id) AS previous_parent_id
                  FROM union_organization_event
            ), received AS (
                SELECT m.unit_id, me.organization_id AS target_id
                  FROM merges m
                  JOIN union_member_event me ON me.from_organization_id = m.unit_id
                                            AND me.event_type = 'transfer' AND me.date = m.date
                                            AND me.decision_ref IS NOT DISTINCT FROM m.decision_ref
                 UNION ALL
                SELECT m.unit_id, mv.parent_id
                  FROM merges m
                  JOIN unit_moves mv ON mv.previous_parent_id = m.unit_id AND mv.event_type = 'move'
                                    AND mv.date = m.date
                                    AND mv.decision_ref IS NOT DISTINCT FROM m.decision_ref
            )
            SELECT DISTINCT ON (unit_id) unit_id, target_id
              FROM (SELECT unit_id, target_id, COUNT(*) AS received
                      FROM received
                     WHERE target_id IS NOT NULL AND target_id != unit_id
                  GROUP BY unit_id, target_id) counted
          ORDER BY unit_id, received DESC, target_id
        """)
        found = dict(self.env.cr.fetchall())
        if not found:
            return 0
        # sudo: a migration step over every unit, outside any user's reach
        units = self.sudo().with_context(active_test=False, tracking_disable=True)
        by_target = defaultdict(list)
        for unit_id, target_id in found.items():
            by_target[target_id].append(unit_id)
        for target_id, unit_ids in by_target.items():
            units.browse(unit_ids).write({"merged_into_id": target_id})
        # the merge events name the surviving unit too (the History tab); a unit's recorded history
        # is never written through the ORM (UnionOrganizationEvent.write): one statement here
        self.env.flush_all()
        self.env.cr.execute("""
            UPDATE union_organization_event e
               SET merged_into_id = o.merged_into_id
              FROM union_organization o
             WHERE o.id = e.organization_id AND e.event_type = 'merge'
               AND e.merged_into_id IS NULL AND o.merged_into_id IS NOT NULL
        """)
        self.env["union.organization.event"].invalidate_model(["merged_into_id"])
        # replayed in the order the merges happened, so that a later merge carries the earlier ones
        merged = units.search([("merged_into_id", "!=", False)], order="date_ended, id")
        for unit in merged:
            unit._union_record_succession(unit.merged_into_id)
        return len(found)

    # --- merge and move (union.organization.merge): steps other addons extend ---

    def _union_merge_preview(self, target, on_date):
        """What the other addons will pass from these closing units to ``target`` on ``on_date``:
        a list of sentences for the merge's preview (counts only, in a few queries)."""
        return []

    def _union_dissolution_settlement(self, on_date):
        """What must be settled when this unit ends on ``on_date``, as sentences for the
        dissolution wizard; other addons add theirs (dues to refund, funds to hand over)."""
        self.ensure_one()
        return [self.env._(
            "Funds and assets are handed over to the upper level (dispatch 4181/TLĐ-TC); the members' "
            "history stays answerable.")]

    def _union_merge_into(self, target, on_date, decision_ref):
        """Pass what belongs to these closing units to ``target`` on ``on_date`` (dues, books,
        documents...). Called by the merge after the members and sub-units moved and before
        the units are closed, inside the merge's savepoint: raising undoes the whole merge."""
        return True
