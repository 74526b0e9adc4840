import base64
import io
import zipfile

from odoo.tests import new_test_user

from odoo.addons.union_membership.tests.common import UnionCommon


class UnionDocumentsCommon(UnionCommon):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=False, mail_notrack=False,
                                                 lang="en_US"))
        cls.type_plan = cls.env.ref("union_documents.union_document_type_ke_hoach")
        cls.type_letter = cls.env.ref("union_documents.union_document_type_cong_van")
        cls.type_decision = cls.env.ref("union_documents.union_document_type_quyet_dinh")
        cls.unit_a.partner_id.email = "cdcs.a@example.vn"
        cls.unit_b.partner_id.email = "cdcs.b@example.vn"
        cls.upper.partner_id.email = "cdn@example.vn"
        # the sector union's chair signs its documents
        cls.user_upper.name = "Phạm Văn Chủ tịch"
        cls.user_upper.partner_id.email = "chutich.cdn@example.vn"
        cls.user_officer_a.partner_id.email = "officer.a@example.vn"
        cls.user_officer_b.partner_id.email = "officer.b@example.vn"
        cls.upper.officer_ids = [(6, 0, cls.user_upper.ids)]
        cls.unit_a.officer_ids = [(6, 0, cls.user_officer_a.ids)]
        cls.unit_b.officer_ids = [(6, 0, cls.user_officer_b.ids)]
        cls.user_secret = new_test_user(
            cls.env, login="t_secret_keeper", name="Văn thư mật",
            groups="base.group_user,union_membership.group_union_upper_officer,"
                   "union_documents.group_union_document_secret")
        cls.user_secret.union_organization_ids = [(6, 0, cls.upper.ids)]
        cls.external = cls.env["res.partner"].create(
            {"name": "Sở Giáo dục và Đào tạo", "email": "sogd@example.vn"})

    @classmethod
    def _draft(cls, user=None, **vals):
        if vals.get("secrecy", "normal") != "normal":
            user = user or cls.user_secret
            vals.setdefault("signer_id", cls.user_secret.id)
        values = {
            "direction": "outgoing", "organization_id": cls.upper.id, "type_id": cls.type_plan.id,
            "subject": "Kế hoạch tổ chức Tháng Công nhân năm 2026", "signer_id": cls.user_upper.id,
            "signing_mode": "tm", "recipient_tree_organization_ids": [(6, 0, cls.unit_a.ids)],
            "recipient_organization_ids": [(6, 0, cls.unit_b.ids)],
        }
        if vals.get("secrecy", "normal") == "normal":
            values["body"] = "<p>Đề nghị các đơn vị triển khai kế hoạch.</p>"
        values.update(vals)
        return cls.env["union.document"].with_user(user or cls.user_upper).create(values)

    @staticmethod
    def _pdf(text="Noi dung ke hoach"):
        return b"%PDF-1.4\n% " + text.encode() + b"\n%%EOF\n"

    def _attach(self, doc, name="ke-hoach.pdf", raw=None, user=None, mimetype=None):
        vals = {"name": name, "raw": raw if raw is not None else self._pdf(), "res_model": doc._name,
                "res_id": doc.id}
        if mimetype:
            vals["mimetype"] = mimetype
        return self.env["ir.attachment"].with_user(user or self.user_upper).create(vals)

    def _release(self, doc):
        doc.action_submit()
        doc.with_user(doc.signer_id).action_approve()
        doc.action_release()
        return doc

    @staticmethod
    def _b64(raw):
        return base64.b64encode(raw)

    _bomb = None

    @classmethod
    def _xlsx_bomb(cls):
        """A small XLSX (about 100 KB) that unpacks to 101 MB: a zip bomb."""
        if cls._bomb is None:
            buf = io.BytesIO()
            with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
                archive.writestr("[Content_Types].xml",
                                 '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                                 'package/2006/content-types"/>')
                archive.writestr("xl/sharedStrings.xml", b"0" * (101 * 1024 * 1024))
            UnionDocumentsCommon._bomb = buf.getvalue()
        return cls._bomb
