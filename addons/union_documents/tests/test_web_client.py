"""The document menus as the web client opens them (issue 14, crashes 1 and 2).

The web client calls ``web_search_read`` through ``call_kw`` on an empty recordset; an override
without ``@api.model`` made every document list crash. The recipient officer then opens the
incoming copy (``web_read`` with the form's fields) and marks it read; the sender sees it.
"""
from odoo import api
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged
from odoo.tools.safe_eval import safe_eval

from .common import UnionDocumentsCommon

MENU_ACTIONS = ("union_documents.union_document_action_outgoing", "union_documents.union_document_action_incoming",
                "union_documents.union_document_action_overdue", "union_documents.union_document_action_quarantine")


def _specification(model, view_type):
    """The fields the web client asks for in a view: names from the view, sub-fields for relations."""
    views = model.get_views([(False, view_type)])
    spec = {}
    for name in views["models"][model._name]["fields"]:
        field = model._fields[name]
        spec[name] = {"fields": {"display_name": {}}} if field.relational else {}
    return spec


@tagged("post_install", "-at_install")
class TestDocumentWebClient(HttpCase, UnionDocumentsCommon):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.doc = cls._draft(subject="Kế hoạch thi đua năm học 2026-2027",
                             recipient_tree_organization_ids=[(5,)],
                             recipient_organization_ids=[(6, 0, (cls.unit_a | cls.unit_b).ids)])
        cls.doc.action_submit()
        cls.doc.action_approve()
        cls.doc.action_release()
        cls.copy_a = cls.env["union.document"].search(
            [("source_document_id", "=", cls.doc.id), ("organization_id", "=", cls.unit_a.id)])
        cls.roles = {"admin": cls.user_admin, "upper": cls.user_upper, "grassroots": cls.user_officer_a,
                     "secret clerk": cls.user_secret}

    def _open_menu(self, user, xmlid):
        action = self.env.ref(xmlid).sudo()
        env = self.env(user=user)
        context = safe_eval(action.context or "{}", {"uid": user.id})
        domain = safe_eval(action.domain or "[]", {"uid": user.id})
        Model = env[action.res_model].with_context(**context)
        spec = _specification(Model, "list")
        # exactly what the web client sends: a model method called on no record
        return api.call_kw(Model, "web_search_read", [], {
            "domain": domain, "specification": spec, "offset": 0, "limit": 80, "order": "",
            "count_limit": 10001})

    def test_every_document_list_opens_for_every_role(self):
        for role, user in self.roles.items():
            for xmlid in MENU_ACTIONS:
                with self.subTest(role=role, menu=xmlid):
                    result = self._open_menu(user, xmlid)
                    self.assertIn("records", result)
        outgoing = self._open_menu(self.user_upper, MENU_ACTIONS[0])
        self.assertIn(self.doc.id, [r["id"] for r in outgoing["records"]])
        incoming = self._open_menu(self.user_officer_a, MENU_ACTIONS[1])
        self.assertEqual([r["id"] for r in incoming["records"]], self.copy_a.ids)

    def test_json_rpc_list_as_an_officer(self):
        self.user_officer_a.password = "officer-a-pass"
        self.authenticate("t_officer_a", "officer-a-pass")
        result = self.make_jsonrpc_request("/web/dataset/call_kw/union.document/web_search_read", {
            "model": "union.document", "method": "web_search_read", "args": [],
            "kwargs": {"domain": [("direction", "=", "incoming")],
                       "specification": {"subject": {}, "number_symbol": {}, "state": {}},
                       "limit": 80, "context": {"default_direction": "incoming"}},
        })
        self.assertEqual([r["id"] for r in result["records"]], self.copy_a.ids)

    def test_recipient_opens_and_marks_read_and_the_sender_sees_it(self):
        officer = self.user_officer_a
        Doc = self.env(user=officer)["union.document"]
        form_spec = _specification(Doc, "form")
        # opening the form writes nothing and reads nothing she may not read
        [values] = api.call_kw(Doc, "web_read", [self.copy_a.ids], {"specification": form_spec})
        self.assertEqual(values["subject"], self.doc.subject)
        self.assertFalse(values["receipt_date"])
        line = self.doc.distribution_ids.filtered(lambda d: d.organization_id == self.unit_a)
        self.assertFalse(line.read_date, "opening is not a receipt")
        self.assertTrue(self.copy_a.activity_ids.filtered(lambda a: a.user_id == officer),
                        "the arrival gave her an activity")
        self.assertTrue(self.copy_a.message_ids.filtered(
            lambda m: officer.partner_id in m.partner_ids and self.doc.number_symbol in (m.body or "")),
            "and a message")
        # the explicit action
        api.call_kw(Doc, "action_mark_read", [self.copy_a.ids], {})
        self.assertEqual(line.read_user_id, officer)
        self.assertTrue(line.read_date)
        self.assertFalse(self.copy_a.activity_ids.filtered(lambda a: a.user_id == officer), "activity done")
        [values] = api.call_kw(Doc, "web_read", [self.copy_a.ids], {"specification": form_spec})
        self.assertTrue(values["receipt_date"])
        # the sender sees the receipt on the original
        Sender = self.env(user=self.user_upper)["union.document"]
        [sent] = api.call_kw(Sender, "web_read", [self.doc.ids], {"specification": {
            "read_count": {}, "unread_count": {},
            "distribution_ids": {"fields": {"organization_id": {"fields": {"display_name": {}}},
                                            "read_date": {}, "read_user_id": {"fields": {"display_name": {}}}}}}})
        self.assertEqual((sent["read_count"], sent["unread_count"]), (1, 1))
        read_lines = [d for d in sent["distribution_ids"] if d["read_date"]]
        self.assertEqual(read_lines[0]["read_user_id"]["id"], officer.id)
        # nobody else marks a unit's copy: not the officer of another unit, not the sender
        copy_b = self.env["union.document"].search(
            [("source_document_id", "=", self.doc.id), ("organization_id", "=", self.unit_b.id)])
        with self.assertRaises(AccessError):
            copy_b.with_user(officer).action_mark_read()
        with self.assertRaises(AccessError):
            copy_b.with_user(self.user_upper).action_mark_read()
        self.assertFalse(self.doc.distribution_ids.filtered(lambda d: d.organization_id == self.unit_b).read_date)

    def test_new_and_existing_forms_open_for_every_role(self):
        petition = self.env["union.petition"].with_user(self.user_portal_a1)._submit_from_portal(
            self.member_a1, {"kind": "denunciation", "subject": "Tố cáo", "description": "x"})
        records = {"union.document": self.copy_a | self.doc, "union.petition": self.env["union.petition"].browse(
            petition.id)}
        for role, user in self.roles.items():
            for xmlid in MENU_ACTIONS + ("union_documents.union_petition_action",):
                action = self.env.ref(xmlid).sudo()
                context = safe_eval(action.context or "{}", {"uid": user.id})
                Model = self.env(user=user)[action.res_model].with_context(**context)
                spec = _specification(Model, "form")
                with self.subTest(role=role, action=xmlid, record="new"):
                    # what the web client sends for a new record
                    result = api.call_kw(Model, "onchange", [[], {}, [], spec], {})
                    self.assertIn("value", result)
                readable = Model.search([("id", "in", records[action.res_model].ids)])
                with self.subTest(role=role, action=xmlid, record="existing"):
                    if readable:
                        self.env.invalidate_all()  # a request of its own: x2many values filtered by rules
                        api.call_kw(Model, "web_read", [readable.ids], {"specification": spec})

    def test_json_rpc_denunciation_form_as_an_upper_officer(self):
        """The upper level opens a denunciation of a school: the form loads, without its submitter."""
        petition = self.env["union.petition"].with_user(self.user_portal_a1)._submit_from_portal(
            self.member_a1, {"kind": "denunciation", "subject": "Tố cáo qua RPC", "description": "x"})
        self.user_upper.password = "upper-pass"
        self.authenticate("t_upper", "upper-pass")
        spec = _specification(self.env(user=self.user_upper)["union.petition"], "form")
        spec["identity_ids"] = {"fields": {"name": {}, "email": {}, "member_id": {"fields": {"display_name": {}}}}}
        [values] = self.make_jsonrpc_request("/web/dataset/call_kw/union.petition/web_read", {
            "model": "union.petition", "method": "web_read", "args": [[petition.id]],
            "kwargs": {"specification": spec}})
        self.assertEqual(values["identity_ids"], [])
        self.assertTrue(values["identity_hidden"])
        self.assertNotIn(self.member_a1.name, str(values))
