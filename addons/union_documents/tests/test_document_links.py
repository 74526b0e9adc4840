"""Links between documents accept only documents the user may read, and the name of a linked
document is never shown to a user who may not read it (issue 13, point 5); recipient units are
the one exception: any unit in operation, by name only (point 6)."""
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import UnionDocumentsCommon

LINKS = ("reply_to_id", "answer_document_id", "replaces_id")


@tagged("post_install", "-at_install")
class TestDocumentLinks(UnionDocumentsCommon):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.secret = cls._draft(secrecy="secret", subject="Báo cáo mật về nhân sự",
                                recipient_tree_organization_ids=[(5,)],
                                recipient_organization_ids=[(6, 0, cls.federation.ids)])
        cls.doc_a = cls.env["union.document"].with_user(cls.user_officer_a).create({
            "direction": "outgoing", "organization_id": cls.unit_a.id, "type_id": cls.type_plan.id,
            "subject": "Kế hoạch riêng của trường A"})
        cls.doc_b = cls.env["union.document"].with_user(cls.user_officer_b).create({
            "direction": "outgoing", "organization_id": cls.unit_b.id, "type_id": cls.type_plan.id,
            "subject": "Nháp của trường B"})

    def test_links_to_another_units_document_are_refused(self):
        for name in LINKS:
            with self.subTest(field=name), self.assertRaises(AccessError):
                self.doc_b.with_user(self.user_officer_b).write({name: self.doc_a.id})
        with self.assertRaises(AccessError):
            self.env["union.document"].with_user(self.user_officer_b).create({
                "direction": "outgoing", "organization_id": self.unit_b.id, "type_id": self.type_plan.id,
                "subject": "Trả lời", "reply_to_id": self.doc_a.id})
        self.assertFalse(self.doc_b.reply_to_id)

    def test_links_to_a_secret_document_are_refused_outside_the_secret_group(self):
        mine = self._draft(subject="Văn bản thường của CĐN")
        for name in LINKS:
            with self.subTest(field=name), self.assertRaises(AccessError):
                mine.with_user(self.user_upper).write({name: self.secret.id})
        # the secret clerk may link it
        mine.with_user(self.user_secret).write({"reply_to_id": self.secret.id})
        self.assertEqual(mine.reply_to_id, self.secret)

    def test_name_of_an_unreadable_linked_document_is_never_shown(self):
        mine = self._draft(subject="Văn bản thường của CĐN")
        # a link made earlier by someone allowed (here the system): the reader still learns nothing
        mine.sudo().write({"reply_to_id": self.secret.id, "answer_document_id": self.doc_b.id})
        other = mine.with_user(self.user_officer_b)
        self.assertFalse(self.env["union.document"].with_user(self.user_officer_b).search([("id", "=", mine.id)]))
        reader = mine.with_user(self.user_upper)
        [values] = reader.read(["reply_to_id", "answer_document_id"])
        self.assertNotIn("Báo cáo mật", values["reply_to_id"][1])
        self.assertEqual(values["reply_to_id"][1], "Restricted document")
        self.assertEqual(values["answer_document_id"][1], self.doc_b.display_name, "a readable one keeps its name")
        [values] = reader.web_read({"reply_to_id": {"fields": {"display_name": {}}}})
        self.assertEqual(values["reply_to_id"]["display_name"], "Restricted document")
        # nor through a search on the link, a grouping or an export
        Doc = self.env["union.document"].with_user(self.user_upper)
        self.assertFalse(Doc.search([("reply_to_id.subject", "ilike", "Báo cáo mật")]))
        groups = Doc.read_group([("id", "=", mine.id)], ["reply_to_id"], ["reply_to_id"])
        self.assertNotIn("Báo cáo mật", str(groups))
        with self.assertRaises(AccessError):
            reader.export_data(["reply_to_id/subject", "reply_to_id/number_symbol"])
        with self.assertRaises(AccessError):
            reader.export_data(["reply_to_id"])
        self.assertTrue(other)

    def test_recipient_units_any_unit_in_operation_by_name_only(self):
        officer = self.user_officer_a
        doc = self.doc_a.with_user(officer)
        # the exception: the upper level and a sibling, which the officer cannot read
        doc.write({"recipient_organization_ids": [(6, 0, (self.upper | self.unit_b).ids)]})
        self.assertEqual(doc.sudo().recipient_organization_ids, self.upper | self.unit_b)
        closed = self.env["union.organization"].create({
            "name": "Công đoàn Trường D (đã giải thể)", "code": "T-D", "level": "grassroots",
            "short_name": "CĐCS", "parent_id": self.upper.id})
        closed.write({"state": "dissolved", "date_ended": "2025-06-15"})
        for value in ([(4, closed.id)], [(6, 0, [999999])]):
            with self.subTest(value=value), self.assertRaises(AccessError):
                doc.write({"recipient_organization_ids": value})
        with self.assertRaises(AccessError):
            doc.write({"recipient_tree_unit_ids": [(4, closed.id)]})
        # shown by name only, whatever the web client asks for
        [values] = doc.web_read({"recipient_organization_ids": {
            "fields": {"display_name": {}, "officer_ids": {}, "member_count": {}}}})
        for unit in values["recipient_organization_ids"]:
            self.assertEqual(set(unit), {"id", "display_name"})
