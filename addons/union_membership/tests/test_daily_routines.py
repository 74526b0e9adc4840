"""The officers' daily routines of issue 14: dissolving, the import template, transfers to
another unit, unit pickers and the member form's buttons."""
from datetime import date

from lxml import etree

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, HttpCase, new_test_user, tagged

from .common import UnionCommon

XLSX_MAGIC = b"PK\x03\x04"


@tagged("post_install", "-at_install")
class TestDailyRoutines(UnionCommon, HttpCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.unit_c = cls.env["union.organization"].create({
            "name": "Công đoàn Trường Tiểu học C", "code": "T-C", "level": "grassroots",
            "short_name": "CĐCS", "parent_id": cls.upper.id})
        cls.user_officer_c = new_test_user(cls.env, login="t_officer_c", name="t_officer_c",
                                           groups="base.group_user,union_membership.group_union_officer")
        cls.user_officer_c.union_organization_ids = [(6, 0, cls.unit_c.ids)]
        cls.unit_b.officer_ids = [(6, 0, cls.user_officer_b.ids)]

    # ------------------------------------------------------------ crash 4: dissolving

    def test_officer_without_email_dissolves_a_unit(self):
        self.user_upper.partner_id.email = False
        self.assertFalse(self.user_upper.email)
        env = self.env(user=self.user_upper, context={})  # with tracking, as in the web client
        wizard = Form(env["union.organization.dissolve.wizard"].with_context(
            **self.unit_b.with_env(env).action_open_dissolve_wizard()["context"]))
        wizard.date = date(2025, 6, 15)
        wizard.reason = "Kết luận 157-KL/TW"
        wizard.decision_ref = "125/QĐ-CĐN"
        wizard.save().action_dissolve()
        self.assertEqual(self.unit_b.state, "dissolved")
        self.assertEqual(self.member_b1.state, "left")
        note = self.unit_b.message_ids.filtered(lambda m: "125/QĐ-CĐN" in (m.body or ""))
        self.assertEqual(len(note), 1)
        self.assertEqual(note.author_id, self.user_upper.partner_id)

    # ------------------------------------------------------------ the import template

    def test_import_template_before_any_file(self):
        """The template button works on a new wizard with no file, as the officer."""
        officer = self.user_officer_a
        action = self.env["ir.actions.act_window"].with_user(officer)._for_xml_id(
            "union_membership.union_member_import_wizard_action")
        form = Form(self.env[action["res_model"]].with_user(officer))
        wizard = form.save()  # what the button does first; the view used to require the file
        self.assertFalse(wizard.file)
        result = wizard.action_download_template()
        self.assertEqual(result["type"], "ir.actions.act_url")
        self.authenticate(officer.login, officer.login)
        response = self.url_open(result["url"])
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.content.startswith(XLSX_MAGIC))
        self.assertIn("mau_nhap_doan_vien.xlsx", response.headers.get("Content-Disposition", ""))
        # importing without a file says so
        with self.assertRaisesRegex(UserError, "Choose an XLSX file"):
            wizard.action_import()

    # ------------------------------------------------------------ transfers

    def _directory(self, user, unit):
        return self.env["union.organization.directory"].with_user(user).browse(unit.id)

    def _transfer(self, user, members, unit, **values):
        env = self.env(user=user, context={})  # with tracking and mail, as in the web client
        action = members.with_env(env).action_transfer()
        self.assertEqual(action["res_model"], "union.member.transfer.request.wizard")
        self.assertEqual(action["name"], "Transfer to Another Unit")
        form = Form(env[action["res_model"]].with_context(**action["context"]))
        form.to_unit_id = self._directory(user, unit)
        for name, value in values.items():
            setattr(form, name, value)
        return form.save().action_confirm()

    def test_transfer_waits_for_the_receiving_officer(self):
        officer_a, officer_b, officer_c = self.user_officer_a, self.user_officer_b, self.user_officer_c
        officer_a.partner_id.email = False  # the request needs no sender e-mail either
        Directory = self.env["union.organization.directory"].with_user(officer_a)
        # any unit in operation is offered by name, code and parent, though officer A cannot read it
        with self.assertRaises(AccessError):
            self.unit_b.with_user(officer_a).read(["name"])
        found = dict(Directory.name_search("T-B"))
        self.assertEqual(found, {self.unit_b.id: "[T-B] Công đoàn Trường THCS B (Công đoàn ngành Giáo dục)"})
        self.assertIn(self.unit_b.id, dict(Directory.name_search("THCS B")))
        [entry] = Directory.browse(self.unit_b.id).read()
        self.assertEqual(set(entry), {"id", "name", "code", "parent_name", "active", "display_name"})

        result = self._transfer(officer_a, self.member_a1, self.unit_b,
                                decision_ref="15/QĐ-CĐCS", decision_date=date(2025, 9, 2), reason="Chuyển trường")
        self.assertEqual(result["tag"], "display_notification")
        # the member stays in the sending unit until the receiving officer accepts
        self.assertEqual(self.member_a1.organization_id, self.unit_a)
        self.assertEqual(self.member_a1.event_ids.mapped("event_type"), ["admission"])
        Request = self.env["union.member.transfer.request"]
        request = Request.search([("member_id", "=", self.member_a1.id)])
        self.assertEqual((request.state, request.from_organization_id, request.to_organization_id),
                         ("pending", self.unit_a, self.unit_b))

        # officer B sees the request, and the member only through it
        fields_ = ["member_name", "member_code", "from_organization_id", "to_organization_id", "state"]
        [seen] = Request.with_user(officer_b).search_read([], fields_)
        self.assertEqual((seen["member_name"], seen["member_code"]), (self.member_a1.name, self.member_a1.member_code))
        self.assertEqual(seen["from_organization_id"][0], self.unit_a.id)
        with self.assertRaises(AccessError):
            self.member_a1.with_user(officer_b).read(["name"])
        # both officers open the request's form (its units and the member shown by name only)
        for officer in (officer_a, officer_b):
            with Form(request.with_user(officer)) as opened:
                self.assertEqual(opened.member_name, self.member_a1.name)
        self.assertTrue(request.with_user(officer_b).can_accept)
        self.assertFalse(request.with_user(officer_b).can_cancel)
        self.assertEqual(Request.with_user(officer_b).search([("can_accept", "=", True)]), request)
        self.assertEqual(request.activity_ids.user_id, officer_b, "the receiving officer has a to-do")
        # officer A sees and may cancel it, but not accept it
        self.assertEqual(Request.with_user(officer_a).search([]), request)
        self.assertTrue(request.with_user(officer_a).can_cancel)
        with self.assertRaises(AccessError):
            request.with_user(officer_a).action_accept()
        # a third unit's officer sees nothing of it, in any way
        Request_c = Request.with_user(officer_c)
        self.assertFalse(Request_c.search_read([], fields_))
        self.assertFalse(Request_c.read_group([], ["state"], ["state"]))
        self.assertFalse(Request_c.search([]).export_data(["member_name"])["datas"])
        with self.assertRaises(AccessError):
            request.with_user(officer_c).read(["member_name"])
        with self.assertRaises(AccessError):
            request.with_user(officer_c).action_accept()
        # one transfer at a time
        with self.assertRaisesRegex(Exception, "already waiting"):
            self._transfer(officer_a, self.member_a1, self.unit_c)

        # officer B accepts: one transfer event with the decision; the member and the card follow
        officer_b.partner_id.email = False
        request.with_env(self.env(user=officer_b, context={})).action_accept()
        self.assertEqual(request.state, "accepted")
        self.assertEqual(self.member_a1.organization_id, self.unit_b)
        transfer = self.member_a1.event_ids.filtered(lambda e: e.event_type == "transfer")
        self.assertEqual(len(transfer), 1)
        self.assertEqual(request.event_id, transfer)
        self.assertEqual((transfer.from_organization_id, transfer.organization_id), (self.unit_a, self.unit_b))
        self.assertEqual(transfer.decision_ref, "15/QĐ-CĐCS of 02/09/2025")
        self.assertEqual(transfer.user_id, officer_b)
        self.assertFalse(request.activity_ids)
        self.assertEqual(self.member_a1.with_user(officer_b).read(["name"])[0]["name"], self.member_a1.name)
        html = self.env["ir.actions.report"].with_user(officer_b)._render_qweb_html(
            "union_membership.action_report_union_member_card", self.member_a1.ids)[0].decode()
        self.assertIn(self.unit_b.name, html)
        with self.assertRaises(UserError):
            request.with_user(officer_b).action_accept()

    def test_transfer_cancelled_or_refused(self):
        officer_a, officer_b = self.user_officer_a, self.user_officer_b
        self._transfer(officer_a, self.member_a1, self.unit_b)
        Request = self.env["union.member.transfer.request"]
        request = Request.search([("member_id", "=", self.member_a1.id)])
        with self.assertRaises(AccessError):
            request.with_user(officer_b).action_cancel()
        officer_a.partner_id.email = False  # no sender e-mail needed to cancel either
        request.with_env(self.env(user=officer_a, context={})).action_cancel()
        self.assertEqual(request.state, "cancelled")
        with self.assertRaises(UserError):
            request.with_user(officer_b).action_accept()
        self.assertEqual(self.member_a1.organization_id, self.unit_a)
        # a refusal needs its reason
        self._transfer(officer_a, self.member_a1, self.unit_b)
        second = Request.search([("member_id", "=", self.member_a1.id), ("state", "=", "pending")])
        with self.assertRaisesRegex(UserError, "reason"):
            second.with_user(officer_b).action_refuse()
        second.with_user(officer_b).answer = "Trường không còn biên chế"
        second.with_user(officer_b).action_refuse()
        self.assertEqual((second.state, self.member_a1.organization_id), ("refused", self.unit_a))

    def test_transfer_within_managed_units_is_immediate(self):
        self._transfer(self.user_officer_a, self.member_a1, self.group_a, decision_ref="3/QĐ-CĐCS")
        self.assertEqual(self.member_a1.organization_id, self.group_a)
        self.assertFalse(self.env["union.member.transfer.request"].search([("member_id", "=", self.member_a1.id)]))
        # a dissolved unit is not offered, nor accepted
        self.unit_c.write({"state": "dissolved", "date_ended": date(2025, 6, 15)})
        self.assertNotIn(self.unit_c.id, dict(
            self.env["union.organization.directory"].with_user(self.user_officer_a).name_search("Tiểu học C")))
        with self.assertRaisesRegex(UserError, "not in operation"):
            self._transfer(self.user_officer_a, self.member_a1, self.unit_c)

    def test_transfer_dialog_is_only_a_transfer(self):
        view = self.env["union.member.transfer.request.wizard"].get_view(view_type="form")
        arch = etree.fromstring(view["arch"])
        self.assertFalse(arch.xpath("//field[@name='event_type']"))
        self.assertNotIn("event_type", self.env["union.member.transfer.request.wizard"]._fields)
        # the generic event dialog keeps the event its button chose
        action = self.member_a1.action_expel()
        view = self.env["union.member.event.wizard"].with_context(**action["context"]).get_view(view_type="form")
        [field] = etree.fromstring(view["arch"]).xpath("//field[@name='event_type']")
        self.assertIn("default_event_type", field.get("readonly"))

    # ------------------------------------------------------------ pickers

    def test_unit_pickers_show_the_parent(self):
        unit_a = self.unit_a.with_user(self.user_officer_a)
        self.assertEqual(unit_a.display_name, "Công đoàn Trường THPT A (Công đoàn ngành Giáo dục)")
        self.assertEqual(self.group_a.with_user(self.user_officer_a).display_name,
                         "Tổ Toán - Trường THPT A (Công đoàn Trường THPT A)")
        self.assertEqual(self.federation.display_name, self.federation.name)
        Unit = self.env["union.organization"].with_user(self.user_officer_a)
        self.assertEqual([row[0] for row in Unit.name_search("T-A-T1")], [self.group_a.id])
        self.assertIn(self.unit_a.id, dict(Unit.name_search("THPT A")))

    def test_pickers_never_create_units_or_members(self):
        checked = 0
        views = self.env["ir.ui.view"].search([("type", "=", "form"), ("model", "like", "union.%")])
        for view in views.filtered(lambda v: v.xml_id.startswith("union_membership.")):
            Model = self.env[view.model]
            arch = etree.fromstring(Model.get_view(view.id, "form")["arch"])
            for node in arch.xpath("//field"):
                field = Model._fields.get(node.get("name"))
                parent = node.getparent()
                while parent is not None and parent.tag != "field":
                    parent = parent.getparent()
                if parent is not None or not field or field.type not in ("many2one", "many2many") \
                        or field.comodel_name not in ("union.organization", "union.member",
                                                      "union.organization.directory"):
                    continue
                if node.get("readonly") in ("1", "True") or field.readonly and not node.get("readonly"):
                    continue
                checked += 1
                self.assertIn("'no_create': True", node.get("options") or "", f"{view.xml_id}: {field.name}")
        self.assertGreater(checked, 5)

    # ------------------------------------------------------------ the member form's buttons

    def test_member_form_buttons(self):
        arch = etree.fromstring(self.env["union.member"].get_view(
            self.env.ref("union_membership.union_member_view_form").id, "form")["arch"])
        header = arch.find("header")
        first = [button.get("name") for button in header.findall("button")][:4]
        self.assertEqual(first, ["action_print_card", "action_transfer", "action_issue_card", "action_grant_portal"])
        [rare] = header.xpath("div[contains(@class, 'o_union_member_rare_actions')]")
        self.assertIn("not id", rare.get("invisible"))
        grave = {button.get("name"): button for button in rare.findall("button")}
        self.assertEqual(set(grave), {"action_suspend", "action_withdraw", "action_remove",
                                      "action_expel", "action_record_death"})
        for name in ("action_remove", "action_expel", "action_record_death", "action_withdraw"):
            self.assertTrue(grave[name].get("confirm"), name)
        for button in header.findall("button"):
            self.assertTrue(button.get("invisible", "").startswith("not id"), button.get("name"))
