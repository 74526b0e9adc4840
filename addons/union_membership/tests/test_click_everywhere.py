"""The suite opened the way officers open it, as each role, so that no screen crashes again.

Two guards, for each role (administrator, upper-level officer, grassroots officer, and, when
their addons are installed, the union accountant and the secret-documents clerk):

* Odoo's clickbot (``web``'s click-everywhere test) started on the suite's root menu: it opens
  every menu, switches to every view (list, kanban, form, hierarchy, pivot, graph) and clicks every
  filter, and fails on any error dialog or server error.
* a walk in Python through every window action of the suite, doing the calls the web client
  does when a view or a dialog opens: ``get_views``; ``onchange`` of a new record with the
  form's field specification; ``web_search_read`` (or ``web_read_group``) with the list's and
  the kanban's specification and the action's domain and context; ``hierarchy_read``;
  ``web_read`` of an existing record; ``read_group`` for pivot and graph views; and the
  dialogs (``target='new'``) that a form's visible buttons open on that record: a
  ``type="action"`` button's window action, or the action an object button returns (the
  button runs in a savepoint that is always rolled back), with the button's context.
  Every failure is reported with role, action, model and step. An AccessError is accepted
  only where the role does not reach the action from its menus (an action of another role,
  or a button on a record it may not act on).

The test lives in union_membership, which depends on no other union addon: the records of
finance, documents and emulation are created only when their models are installed.
"""
import logging
from datetime import date, timedelta

from lxml import etree

import odoo
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools.safe_eval import datetime as safe_datetime
from odoo.tools.safe_eval import dateutil as safe_dateutil
from odoo.tools.safe_eval import safe_eval
from odoo.tools.safe_eval import time as safe_time

_logger = logging.getLogger(__name__)

ROOT_MENU = "union_membership.union_menu_root"
CLICKBOT = ("odoo.loader.modules.get('@web/webclient/clickbot/clickbot_loader')"
            ".startClickEverywhere('%s');" % ROOT_MENU)
# (role, groups, unit managed): the optional roles exist only when their addon is installed
ROLES = (
    ("admin", ("union_membership.group_union_admin",), "federation"),
    ("upper", ("union_membership.group_union_upper_officer",), "upper"),
    ("officer", ("union_membership.group_union_officer",), "unit_a"),
    ("accountant", ("union_finance.group_union_accountant",), "upper"),
    ("secret", ("union_membership.group_union_upper_officer",
                "union_documents.group_union_document_secret"), "upper"),
)
CORE_ROLES = ("admin", "upper", "officer")
SUBVIEW_TAGS = ("list", "tree", "form", "kanban")
RELATIONAL = ("many2one", "one2many", "many2many")


class _Rollback(Exception):
    """Raised to roll back the savepoint in which a button ran."""


def field_spec(arch, model, models):
    """The specification the web client sends for the fields of a view's arch."""
    fields = models.get(model, {}).get("fields", {})
    spec = {}

    def walk(node):
        for child in node:
            if not isinstance(child.tag, str):
                continue
            if child.tag != "field":
                walk(child)
                continue
            name = child.get("name")
            desc = fields.get(name)
            if not desc:
                continue
            sub = {}
            if desc["type"] in RELATIONAL:
                subviews = [c for c in child if isinstance(c.tag, str) and c.tag in SUBVIEW_TAGS]
                if subviews and desc["type"] != "many2one":
                    sub = {"fields": field_spec(subviews[0], desc["relation"], models)}
                else:
                    sub = {"fields": {"display_name": {}}}
            spec.setdefault(name, sub)

    walk(arch if not isinstance(arch, str) else etree.fromstring(arch))
    return spec


@tagged("post_install", "-at_install")
class TestClickEverywhere(HttpCase):
    """A small province, one user per role, one record in each of the suite's main models."""

    allow_end_on_form = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.today = date.today()
        Org = cls.env["union.organization"]
        cls.federation = Org.create({"name": "LĐLĐ tỉnh Bấm Thử", "code": "CK-LDLD", "level": "federation",
                                     "short_name": "LĐLĐ"})
        cls.upper = Org.create({"name": "Công đoàn ngành Giáo dục Bấm Thử", "code": "CK-CDN",
                                "level": "upper", "short_name": "CĐN", "parent_id": cls.federation.id})
        cls.unit_a = Org.create({"name": "Công đoàn Trường THPT Bấm Thử A", "code": "CK-A",
                                 "level": "grassroots", "short_name": "CĐCS", "parent_id": cls.upper.id,
                                 "funding_type": "public_partial"})
        cls.unit_b = Org.create({"name": "Công đoàn Trường THCS Bấm Thử B", "code": "CK-B",
                                 "level": "grassroots", "short_name": "CĐCS", "parent_id": cls.upper.id,
                                 "funding_type": "non_public"})
        Member = cls.env["union.member"]
        cls.members = Member.create([{
            "name": name, "gender": gender, "birth_date": birth, "citizen_id": cid,
            "organization_id": unit.id, "date_joined": date(2012, 9, 1), "job_title": "Giáo viên",
            "email": f"ck{index}@example.vn",
        } for index, (name, gender, birth, cid, unit) in enumerate([
            ("Nguyễn Thị Click", "female", date(1985, 3, 2), "068185009001", cls.unit_a),
            ("Trần Văn Bấm", "male", date(1979, 11, 20), "068079009002", cls.unit_a),
            ("Lê Thị Mở", "female", date(1990, 6, 15), "068190009003", cls.unit_b),
            ("Phạm Văn Xem", "male", date(1988, 1, 5), "068088009004", cls.unit_b),
        ])])
        units = {"federation": cls.federation, "upper": cls.upper, "unit_a": cls.unit_a}
        lang = "vi_VN" if cls.env["res.lang"]._lang_get("vi_VN") else "en_US"
        cls.role_users = {}
        for role, groups, unit in ROLES:
            if not all(cls.env.ref(group, raise_if_not_found=False) for group in groups):
                continue
            user = new_test_user(cls.env, login=f"t_click_{role}", name=f"Bấm thử {role}", lang=lang,
                                 email=f"t_click_{role}@example.vn", groups=",".join(("base.group_user",) + groups))
            user.union_organization_ids = [(6, 0, units[unit].ids)]
            if "tour_enabled" in user._fields:
                user.tour_enabled = False
            cls.role_users[role] = user
        cls._create_suite_records()

    @classmethod
    def _create_suite_records(cls):
        """A record in the main models of the other union addons, when they are installed, so
        that their lists, forms and buttons open on something. Each is made in a savepoint: a
        fixture that no longer fits its model is reported by the walks, not silently dropped."""
        cls.fixture_failures = []
        env = cls.env
        ref = env.ref
        upper_user = cls.role_users["upper"]
        member_a, member_a2, member_b = cls.members[0], cls.members[1], cls.members[2]
        last_month = (cls.today.replace(day=1) - timedelta(days=1)).replace(day=1)

        def make(label, create):
            try:
                with env.cr.savepoint():
                    create()
            except Exception as error:  # noqa: BLE001 - reported by the walks
                cls.fixture_failures.append(f"fixture {label}: {type(error).__name__}: {error}")

        make("change request", lambda: env["union.member.change.request"].create({
            "member_id": member_a.id, "new_name": "Nguyễn Thị Click Anh", "note": "Đổi tên theo giấy khai sinh"}))
        if "union.dues.run" in env:
            if hasattr(env.company, "_union_finance_setup_accounting"):
                make("accounting set-up", env.company._union_finance_setup_accounting)
            make("dues run", lambda: env["union.dues.run"].create(
                {"organization_id": cls.unit_a.id, "month": last_month}))  # draft: nothing booked
            make("cash payment", lambda: env["union.dues.payment"].create({
                "kind": "cash", "organization_id": cls.unit_a.id, "member_id": member_a.id, "amount": 88_000}))
            make("welfare request", lambda: env["union.welfare.request"].create({
                "member_id": member_b.id, "description": "Thăm ốm", "amount": 300_000, "date": last_month,
                "kind_id": ref("union_finance.union_welfare_kind_sickness").id}))
            def fund():
                employer = env["res.partner"].create({"name": "Công ty TNHH Bấm Thử", "is_company": True})
                cls.unit_b.employer_ids = [(4, employer.id)]
                env["union.fund.contribution"].create({
                    "organization_id": cls.unit_b.id, "month": last_month, "payroll_fund": 500_000_000,
                    "headcount": 40, "employer_id": employer.id})
            make("fund contribution", fund)
        if "union.document" in env:
            make("outgoing document", lambda: env["union.document"].with_user(upper_user).create({
                "direction": "outgoing", "organization_id": cls.upper.id,
                "type_id": env["union.document.type"].search([], limit=1).id,
                "subject": "Kế hoạch bấm thử", "signer_id": upper_user.id, "signing_mode": "tm",
                "recipient_organization_ids": [(6, 0, (cls.unit_a | cls.unit_b).ids)]}))
        if "union.petition" in env:
            make("petition", lambda: env["union.petition"].create({
                # the submitter lives on its own identity record (union_documents)
                "identity_ids": [(0, 0, {"member_id": member_a.id})],
                "kind": "question", "channel": "paper", "subject": "Hỏi về chế độ thai sản",
                "description": "Chế độ thai sản của giáo viên hợp đồng?", "organization_id": cls.unit_a.id}))
        if "union.emulation.movement" in env:
            def emulation():
                movement = env["union.emulation.movement"].create({
                    "name": "Phong trào bấm thử", "organization_id": cls.upper.id, "kind": "regular",
                    "date_start": cls.today - timedelta(days=30), "date_end": cls.today + timedelta(days=200),
                    "registration_deadline": cls.today + timedelta(days=10)})
                movement.action_launch()
                env["union.emulation.registration"].create({"movement_id": movement.id, "member_id": member_a2.id})
                env["union.award.proposal"].create({
                    "organization_id": cls.unit_a.id, "movement_id": movement.id, "year": movement.year,
                    "award_title_id": ref("union_emulation.award_title_giay_khen_cap_tren_ca_nhan").id,
                    "date_reference": movement.date_end,
                    "line_ids": [(0, 0, {"member_id": member_a.id, "achievement": "Giáo viên dạy giỏi"})]})
            make("movement, registration, proposal", emulation)
            make("evaluation", lambda: env["union.emulation.evaluation"].create({
                "organization_id": cls.unit_a.id,
                "criterion_id": ref("union_emulation.criterion_2024_2025_public_partial").id}))

    # ------------------------------------------------------------------ clickbot

    def _click_everywhere(self, role):
        user = self.role_users[role]
        _logger.info("Clickbot on %s as %s", ROOT_MENU, role)
        self.browser_js("/odoo", CLICKBOT, "odoo.isReady === true", login=user.login, timeout=900,
                        success_signal="clickbot test succeeded")

    def test_click_as_admin(self):
        self._click_everywhere("admin")

    def test_click_as_upper_officer(self):
        self._click_everywhere("upper")

    def test_click_as_grassroots_officer(self):
        self._click_everywhere("officer")

    def test_click_as_other_roles(self):
        """The union accountant and the secret-documents clerk, when their addons are installed."""
        for role in sorted(set(self.role_users) - set(CORE_ROLES)):
            with self.subTest(role=role):
                self._click_everywhere(role)

    # ------------------------------------------------------------------ views and dialogs

    def _eval_context(self, user, **extra):
        now = safe_datetime.datetime.now()
        values = {
            "uid": user.id, "user": user, "tz": user.tz, "lang": user.lang,
            "allowed_company_ids": user.company_ids.ids, "current_company_id": user.company_id.id,
            "active_id": False, "active_ids": [], "active_model": False,
            "context_today": lambda: now, "today": now.strftime("%Y-%m-%d"),
            "current_date": now.strftime("%Y-%m-%d"), "now": now,
            "datetime": safe_datetime, "dateutil": safe_dateutil,
            "relativedelta": safe_dateutil.relativedelta.relativedelta, "time": safe_time,
        }
        values.update(extra)
        return values

    def _menu_actions(self, user):
        """Ids of the window actions the user reaches from the menus they see."""
        menus = self.env["ir.ui.menu"].with_user(user).load_menus(False)
        ids = set()
        for menu in menus.values():
            action = menu.get("action") if isinstance(menu, dict) else False
            if action and action.startswith("ir.actions.act_window,"):
                ids.add(int(action.split(",")[1]))
        return ids

    def _step(self, failures, where, step, call, tolerate_access):
        """Run one web client call in a savepoint; record its failure."""
        kind = step.split(" ")[0]
        self._stats[kind] = self._stats.get(kind, 0) + 1
        try:
            with self.env.cr.savepoint():
                return call()
        except AccessError as error:
            if tolerate_access:
                _logger.info("%s: %s refused (%s)", where, step, str(error).splitlines()[0])
            else:
                failures.append(f"{where}: {step}: AccessError: {' '.join(str(error).split())[:400]}")
        except Exception as error:  # noqa: BLE001 - every crash is what this test reports
            first_line = str(error).splitlines()[0] if str(error) else ""
            failures.append(f"{where}: {step}: {type(error).__name__}: {first_line}")
        return None

    def _open_action(self, user, action, failures, reachable, button_ctx=None, record=None):
        """Open an action as the web client does, then the dialogs of its form's buttons."""
        env = self.env(user=user)
        model_name = action.res_model
        where = f"[{user.login}] {action.get_external_id().get(action.id) or action.id} ({model_name})"
        if record is not None:
            where += f" from {record._name}({record.id})"
        if model_name not in env:
            failures.append(f"{where}: model not installed")
            return
        tolerate = not reachable
        Model = env[model_name]
        extra = {}
        if record is not None:
            extra = {"active_id": record.id, "active_ids": [record.id], "active_model": record._name}
        eval_ctx = self._eval_context(user, **extra)
        try:
            action_ctx = safe_eval(action.context or "{}", eval_ctx)
            domain = safe_eval(action.domain or "[]", eval_ctx)
        except Exception as error:  # noqa: BLE001
            failures.append(f"{where}: context/domain not evaluable: {error}")
            return
        ctx = dict(user.context_get(), **extra, **(button_ctx or {}), **action_ctx)
        views = [[view_id or False, view_type] for view_id, view_type in action.views]
        views.append([action.search_view_id.id or False, "search"])
        result = self._step(failures, where, "get_views", lambda: odoo.api.call_kw(
            Model, "get_views", [], {"views": views, "options": {
                "action_id": action.id, "load_filters": True, "toolbar": True}, "context": ctx}), tolerate)
        if not result:
            return
        models = result["models"]
        arch = {view_type: view["arch"] for view_type, view in result["views"].items()}
        form_spec = field_spec(arch["form"], model_name, models) if "form" in arch else {}
        if form_spec:
            self._step(failures, where, "onchange (new record)", lambda: odoo.api.call_kw(
                Model, "onchange", [[], {}, [], form_spec], {"context": ctx}), tolerate)
        record_id = False
        for view_type in ("list", "kanban"):
            if view_type not in arch or Model._transient:
                continue
            spec = field_spec(arch[view_type], model_name, models)
            group_by = ctx.get("group_by")
            if group_by and view_type == "list":
                self._step(failures, where, "web_read_group (list)", lambda group_by=group_by: odoo.api.call_kw(
                    Model, "web_read_group", [], {
                        "domain": domain, "fields": [], "context": ctx, "lazy": True,
                        "groupby": [group_by] if isinstance(group_by, str) else group_by}), tolerate)
            found = self._step(failures, where, f"web_search_read ({view_type})", lambda spec=spec: odoo.api.call_kw(
                Model, "web_search_read", [], {
                    "domain": domain, "specification": spec, "offset": 0, "limit": 80,
                    "order": "", "count_limit": 10001, "context": ctx}), tolerate)
            if found and found.get("records") and not record_id:
                record_id = found["records"][0]["id"]
        if not record_id and not Model._transient and ("list" in arch or "kanban" in arch):
            # the list failed or is empty: an existing record still opens (from a link, a smart button)
            try:
                record_id = odoo.api.call_kw(Model, "search", [domain], {"limit": 1, "context": ctx})
                record_id = record_id[0] if record_id else False
            except Exception:  # noqa: BLE001 - the list's own failure is already reported
                record_id = False
            if not record_id:
                self._stats.setdefault("models without records", set()).add(model_name)
        for view_type in ("pivot", "graph"):
            if view_type not in arch:
                continue
            node = etree.fromstring(arch[view_type])
            fields = models[model_name]["fields"]
            groupby = [f.get("name") for f in node.iter("field")
                       if f.get("type") in ("row", "col") and f.get("name") in fields]
            if not groupby and "organization_id" in fields:
                groupby = ["organization_id"]
            if not groupby:
                continue
            measures = [f"{f.get('name')}:{fields[f.get('name')].get('aggregator') or 'sum'}"
                        for f in node.iter("field")
                        if f.get("type") == "measure" and f.get("name") in fields] + ["__count"]
            self._step(failures, where, f"read_group ({view_type} by {', '.join(groupby)})",
                       lambda measures=measures, groupby=groupby: odoo.api.call_kw(Model, "read_group", [], {
                           "domain": domain, "fields": measures, "groupby": groupby, "lazy": False,
                           "context": ctx}), tolerate)
        if "hierarchy" in arch:
            node = etree.fromstring(arch["hierarchy"])
            names = list(dict.fromkeys(f.get("name") for f in node.iter("field")))
            parent_field = node.get("parent_field") or "parent_id"
            child_field = node.get("child_field") or False
            # as after a search (the filters the officer clicks): the found units and their parents
            self._step(failures, where, "hierarchy_read", lambda: odoo.api.call_kw(
                Model, "hierarchy_read", [domain, names, parent_field, child_field, ""], {"context": ctx}),
                tolerate)
        if record_id and form_spec:
            self._step(failures, where, f"web_read ({record_id})", lambda: odoo.api.call_kw(
                Model, "web_read", [[record_id]], {"specification": form_spec, "context": ctx}), tolerate)
        if record_id and "form" in arch and record is None:
            self._open_buttons(user, Model.browse(record_id), arch["form"], failures)

    def _open_buttons(self, user, record, form_arch, failures):
        """The dialogs the form's buttons open on an existing record: a ``type="action"`` button's
        window action with ``target='new'``; an object button's returned action when it is a
        dialog (the button is run in a savepoint that is rolled back). Buttons hidden on this
        record (``invisible``) or inside a sub-list are not clicked, as in the browser."""
        try:
            values = record.read([])[0]
        except AccessError:
            return
        # (a contact's field named "self", res.partner.self, would clash with the method's own name)
        values = {key: (value[0] if isinstance(value, tuple) else value) for key, value in values.items()
                  if key != "self"}
        eval_ctx = self._eval_context(user, **values, active_id=record.id, active_ids=[record.id],
                                      active_model=record._name)
        root = etree.fromstring(form_arch)
        for button in root.iter("button"):
            if any(parent.tag == "field" for parent in button.iterancestors()):
                continue  # a button of a sub-record's row
            name = button.get("name") or ""
            where = f"[{user.login}] button {name} ({button.get('string') or ''}) on {record._name}({record.id})"
            try:
                if safe_eval(button.get("invisible") or "False", eval_ctx):
                    continue
                button_ctx = safe_eval(button.get("context") or "{}", eval_ctx)
            except Exception:  # noqa: BLE001 - an expression of the client's only (e.g. a parent field)
                continue
            if button.get("type") == "action" and name.isdigit():
                action = self.env["ir.actions.actions"].browse(int(name)).exists()
                if not action or action.type != "ir.actions.act_window":
                    continue
                action = self.env["ir.actions.act_window"].browse(action.id)
                if action.target != "new" or not action.res_model:
                    continue
                self._stats["dialogs"] = self._stats.get("dialogs", 0) + 1
                self._open_action(user, action, failures, reachable=False, button_ctx=button_ctx, record=record)
            elif button.get("type") == "object" and name and not name.startswith("_"):
                self._click_object_button(user, record, name, button_ctx, failures, where)

    def _click_object_button(self, user, record, method, button_ctx, failures, where):
        """Run an object button in a savepoint that is always rolled back; when it returns a
        dialog (a window action with target 'new'), open it as the web client does."""
        self._stats["object buttons"] = self._stats.get("object buttons", 0) + 1
        ctx = dict(user.context_get(), **button_ctx, active_id=record.id, active_ids=[record.id],
                   active_model=record._name)
        Model = self.env(user=user)[record._name]
        try:
            with self.env.cr.savepoint():
                result = odoo.api.call_kw(Model, method, [[record.id]], {"context": ctx})
                if isinstance(result, dict) and result.get("type") == "ir.actions.act_window" \
                        and result.get("target") == "new" and result.get("res_model"):
                    self._stats["dialogs"] = self._stats.get("dialogs", 0) + 1
                    self._open_dialog(user, result, failures, f"{where} -> {result['res_model']}")
                raise _Rollback
        except _Rollback:
            _logger.debug("%s: rolled back", where)
        except (UserError, ValidationError, AccessError) as error:
            # a refusal the user reads in a warning (wrong state, missing data), not a crash
            _logger.info("%s: refused (%s)", where, str(error).splitlines()[0] if str(error) else "")
        except Exception as error:  # noqa: BLE001 - every crash is what this test reports
            failures.append(f"{where}: {type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}")
        finally:
            self.env.invalidate_all()

    def _open_dialog(self, user, action, failures, where):
        """A dialog returned by a button: its form's views, then its new or existing record."""
        Model = self.env(user=user)[action["res_model"]]
        ctx = dict(user.context_get(), **(action.get("context") or {}))
        views = action.get("views") or [[action.get("view_id") or False, "form"]]
        views = [[view[0] if not isinstance(view[0], (list, tuple)) else view[0][0], view[1]] for view in views]
        result = self._step(failures, where, "get_views", lambda: odoo.api.call_kw(
            Model, "get_views", [], {"views": views, "options": {}, "context": ctx}), False)
        if not result or "form" not in result["views"]:
            return
        spec = field_spec(result["views"]["form"]["arch"], Model._name, result["models"])
        if action.get("res_id"):
            self._step(failures, where, "web_read", lambda: odoo.api.call_kw(
                Model, "web_read", [[action["res_id"]]], {"specification": spec, "context": ctx}), False)
        else:
            self._step(failures, where, "onchange (new record)", lambda: odoo.api.call_kw(
                Model, "onchange", [[], {}, [], spec], {"context": ctx}), False)

    def _walk(self, role):
        user = self.role_users[role]
        failures = list(self.fixture_failures)
        self._stats = {}
        reachable = self._menu_actions(user)
        actions = self.env["ir.actions.act_window"].search([("res_model", "=like", "union.%")], order="id")
        for action in actions:
            self._open_action(user, action, failures, reachable=action.id in reachable)
        empty = sorted(self._stats.pop("models without records", ()))
        _logger.info("Opened as %s: %s; no record in %s", role,
                     ", ".join(f"{count} {kind}" for kind, count in sorted(self._stats.items())), ", ".join(empty))
        # every action of the suite's menus was opened
        self.assertTrue(reachable & set(actions.ids), f"{role}: no union action in the menus")
        if failures:
            self.fail(f"{len(failures)} failure(s) opening the suite as {role}:\n" + "\n".join(failures))

    def test_views_and_dialogs_as_admin(self):
        self._walk("admin")

    def test_views_and_dialogs_as_upper_officer(self):
        self._walk("upper")

    def test_views_and_dialogs_as_grassroots_officer(self):
        self._walk("officer")

    def test_views_and_dialogs_as_other_roles(self):
        """The union accountant and the secret-documents clerk, when their addons are installed."""
        for role in sorted(set(self.role_users) - set(CORE_ROLES)):
            with self.subTest(role=role):
                self._walk(role)
