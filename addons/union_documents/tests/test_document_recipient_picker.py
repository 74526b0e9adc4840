from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import UnionDocumentsCommon


@tagged("post_install", "-at_install")
class TestRecipientPicker(UnionDocumentsCommon):
    """A grassroots officer addresses the upper level and a sibling unit, which record rules
    hide from them, through the name-and-code directory of units."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.type_report = cls.env.ref("union_documents.union_document_type_bao_cao")
        cls.unit_closed = cls.env["union.organization"].create({
            "name": "Công đoàn Trường Tiểu học C (đã giải thể)", "code": "T-C", "level": "grassroots",
            "short_name": "CĐCS", "parent_id": cls.upper.id, "funding_type": "public_full"})
        cls.unit_closed.write({"state": "dissolved", "date_ended": "2025-06-15"})

    def test_officer_addresses_upper_and_sibling_units_through_the_form(self):
        officer = self.user_officer_a
        # record rules hide the upper unit and the sibling unit from the grassroots officer
        self.assertFalse(self.env["union.organization"].with_user(officer).search(
            [("id", "in", (self.upper | self.unit_b).ids)]))
        Unit = self.env["union.document.recipient.unit"].with_user(officer)
        found = dict(Unit.name_search("Trường THCS B"))
        self.assertEqual(found, {self.unit_b.id: self.unit_b.name})
        self.assertIn(self.upper.id, dict(Unit.name_search("T-CDN")), "found by code too")
        self.assertNotIn(self.unit_closed.id, dict(Unit.name_search("Trường")),
                         "a dissolved unit is not offered")
        upper, sibling = Unit.browse(self.upper.id), Unit.browse(self.unit_b.id)

        Doc = self.env["union.document"].with_user(officer).with_context(default_direction="outgoing")
        with Form(Doc) as form:
            self.assertEqual(form.organization_id, self.unit_a.with_user(officer))
            form.type_id = self.type_report
            form.subject = "Báo cáo kết quả hoạt động công đoàn 6 tháng đầu năm"
            form.signer_id = officer
            form.signing_mode = "tm"
            form.body = "<p>Kết quả hoạt động 6 tháng đầu năm.</p>"
            form.recipient_unit_ids.add(upper)
            form.recipient_tree_unit_ids.add(sibling)
        doc = form.record
        self.assertEqual(doc.sudo().recipient_organization_ids, self.upper)
        self.assertEqual(doc.sudo().recipient_tree_organization_ids, self.unit_b)
        # the officer's own form shows the addressed units by name
        [values] = doc.web_read({"recipient_unit_ids": {"fields": {"display_name": {}}},
                                 "recipient_tree_unit_ids": {"fields": {"display_name": {}}}})
        self.assertEqual(values["recipient_unit_ids"], [{"id": self.upper.id, "display_name": self.upper.name}])
        self.assertEqual(values["recipient_tree_unit_ids"],
                         [{"id": self.unit_b.id, "display_name": self.unit_b.name}])

        doc.action_submit()
        doc.action_approve()
        doc.action_release()
        self.assertEqual(doc.number_symbol, "01/BC-CĐCS")
        copies = self.env["union.document"].search([("source_document_id", "=", doc.id)])
        self.assertEqual(copies.organization_id, self.upper | self.unit_b)
        for copy in copies:
            self.assertEqual(copy.register_id.organization_id, copy.organization_id)
            self.assertEqual((copy.register_id.direction, copy.number, copy.state), ("incoming", 1, "registered"))
            self.assertEqual(copy.issuer_organization_id, self.unit_a)
        # the sibling's officer finds it in their incoming register, opens it and marks it read
        copy_b = copies.filtered(lambda c: c.organization_id == self.unit_b)
        self.assertEqual(self.env["union.document"].with_user(self.user_officer_b).search(
            [("direction", "=", "incoming"), ("source_document_id", "=", doc.id)]), copy_b)
        copy_b.with_user(self.user_officer_b).web_read({"subject": {}})
        copy_b.with_user(self.user_officer_b).action_mark_read()
        line_b = doc.distribution_ids.filtered(lambda d: d.organization_id == self.unit_b)
        self.assertEqual(line_b.read_user_id, self.user_officer_b)
        self.assertEqual(doc.read_count, 1)
        self.assertEqual(doc.unread_count, 1)
        # released: the recipients are locked like the rest
        with self.assertRaises(UserError):
            doc.write({"recipient_unit_ids": [(4, self.upper.id)]})

    def test_the_directory_shows_name_and_code_only(self):
        officer = self.user_officer_a
        unit_b = self.unit_b.with_user(officer)
        with self.assertRaises(AccessError):
            unit_b.read(["member_count"])
        with self.assertRaises(AccessError):
            unit_b.read(["name"])
        # browsing without sudo: fetching the unit's fields is refused too
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            _code = unit_b.code
        entry = self.env["union.document.recipient.unit"].with_user(officer).browse(self.unit_b.id)
        [values] = entry.read()
        self.assertEqual(set(values), {"id", "name", "code", "active", "display_name"})
        self.assertEqual((values["name"], values["code"], values["active"]), (self.unit_b.name, "T-B", True))
        # nothing of the unit comes through the directory: it is not linked to the unit's records
        self.assertFalse(any(field.relational for field in entry._fields.values()))
        # and it is for officers: a portal member has no access to it
        with self.assertRaises(AccessError):
            self.env["union.document.recipient.unit"].with_user(self.user_portal_a1).name_search("Trường")

    def test_replacement_keeps_units_the_officer_cannot_read(self):
        officer = self.user_officer_a
        doc = self.env["union.document"].with_user(officer).create({
            "direction": "outgoing", "organization_id": self.unit_a.id, "type_id": self.type_report.id,
            "subject": "Báo cáo công tác tháng", "signer_id": officer.id, "body": "<p>Báo cáo.</p>",
            "recipient_unit_ids": [(6, 0, self.upper.ids)]})
        self._release(doc)
        action = doc.action_new_replacement()
        new = self.env["union.document"].browse(action["res_id"])
        self.assertEqual(new.recipient_organization_ids, self.upper)
        self.assertEqual(new.replaces_id, doc)
