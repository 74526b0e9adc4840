import base64
import io
import mimetypes
import zipfile
from xml.etree import ElementTree

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.union_membership.tools.upload import check_upload, upload_is_within_limits

# What a document may carry: PDF, office files, plain text and scans.
DOCUMENT_MIMETYPES = {
    "application/pdf",
    "application/msword",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.ms-excel",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.ms-powerpoint",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.spreadsheet",
    "application/rtf",
    "text/plain",
    "image/jpeg",
    "image/png",
    "image/tiff",
}
CHECKED_MODELS = ("union.document", "union.petition")
DEFAULT_MAX_MB = 20


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    union_index_pending = fields.Boolean(
        string="Text Waiting to Be Read", index="btree_not_null", copy=False,
        help="The text of this document or petition file is read by a background job.")

    @api.model_create_multi
    def create(self, vals_list):
        self._check_union_attachment_vals(vals_list)
        deferred = [vals for vals in vals_list if vals.get("res_model") in CHECKED_MODELS
                    and (vals.get("raw") or vals.get("datas"))]
        if not deferred:
            return super().create(vals_list)
        for vals in deferred:
            vals["union_index_pending"] = True
        # the files of documents and petitions are read in the background (_cron_union_index):
        # a large PDF or office file never keeps the officer, the member or the mail gateway waiting
        attachments = super(IrAttachment, self.with_context(union_index_later=True)).create(vals_list)
        self.env.ref("union_documents.ir_cron_union_attachment_index")._trigger()
        return attachments.with_env(self.env)

    @api.model
    def _cron_union_index(self, limit=200):
        """Read the text of the documents' and petitions' files waiting for it, within the upload
        limits (see _index); more are left for the next run."""
        # sudo: the system indexes every unit's files, whoever uploaded them
        pending = self.sudo().search([("union_index_pending", "=", True)], limit=limit, order="id")
        for attachment in pending:
            attachment.write({
                "index_content": attachment._index(attachment.raw, attachment.mimetype),
                "union_index_pending": False,
            })
        if len(pending) == limit:
            self.env.ref("union_documents.ir_cron_union_attachment_index")._trigger()
        return len(pending)

    @api.model
    def _union_max_size(self):
        value = self.env["ir.config_parameter"].sudo().get_param("union_documents.max_attachment_mb")
        try:
            return float(value or DEFAULT_MAX_MB) * 1024 * 1024
        except ValueError:
            return DEFAULT_MAX_MB * 1024 * 1024

    def _check_union_attachment_vals(self, vals_list):
        """Attachments of documents and petitions: a document file, not too large; none on secret
        documents or on released ones."""
        checked = [vals for vals in vals_list if vals.get("res_model") in CHECKED_MODELS]
        if not checked:
            return
        max_size = self._union_max_size()
        doc_ids = {vals.get("res_id") for vals in checked if vals.get("res_model") == "union.document"}
        # sudo: only the secrecy and state of the target documents are read, to refuse the attachment
        docs = self.env["union.document"].sudo().browse([i for i in doc_ids if i]).exists()
        by_id = {doc.id: doc for doc in docs}
        for vals in checked:
            name = vals.get("name") or ""
            raw = vals.get("raw")
            if raw is None and vals.get("datas"):
                raw = base64.b64decode(vals["datas"])
            if raw is not None:
                try:
                    # the suite's limits (unpacked size, entries, ratio) read from an archive's
                    # directory before anything (mimetype guess, indexer) opens the file
                    check_upload(self.env, raw, name)
                except UserError as err:
                    raise ValidationError(err.args[0]) from None
            mimetype = vals.get("mimetype") or mimetypes.guess_type(name)[0] or ""
            if raw is not None and not vals.get("mimetype"):
                mimetype = self._compute_mimetype(dict(vals, raw=raw)) or mimetype
            if vals.get("type") == "url" or mimetype not in DOCUMENT_MIMETYPES:
                raise ValidationError(self.env._(
                    "The file \"%(name)s\" (%(type)s) is not a document: attach a PDF, an office file, "
                    "a text file or a scanned image.", name=name, type=mimetype or "?"))
            if raw is not None and len(raw) > max_size:
                raise ValidationError(self.env._(
                    "The file \"%(name)s\" is too large (%(size)s MB; at most %(max)s MB).",
                    name=name, size=round(len(raw) / 1024 / 1024, 1), max=round(max_size / 1024 / 1024, 1)))
            doc = by_id.get(vals.get("res_id"))
            if doc and vals.get("res_model") == "union.document":
                if doc.is_secret:
                    raise ValidationError(self.env._(
                        "The document \"%(subject)s\" is secret: only its register data is kept, "
                        "no attachment.", subject=doc.subject))
                if doc.direction == "outgoing" and doc.state in ("released", "replaced", "recalled"):
                    raise ValidationError(self.env._(
                        "The document %(name)s is released and locked: its files cannot change.",
                        name=doc.number_symbol))

    def _index(self, bin_data, file_type, checksum=None):
        """Index the full text of plain-text and office files, Vietnamese included.

        ``attachment_indexation`` (a dependency) runs first through ``super()``: it reads
        PDFs (with ``pdfminer.six``) and office files. Odoo's base indexer keeps only ASCII
        words of text files (no Vietnamese diacritics), so UTF-8 text is indexed here in full,
        and office files it could not read are read here.
        """
        if self.env.context.get("union_index_later"):
            return ""  # read in the background (_cron_union_index)
        if bin_data and not upload_is_within_limits(self.env, bin_data):
            # a file beyond the upload limits (a zip bomb) is kept unread: no parser opens it
            return ""
        content = super()._index(bin_data, file_type, checksum=checksum)
        if not bin_data or not file_type:
            return content
        try:
            if file_type.startswith("text/"):
                return bin_data.decode("utf-8")
            path = OFFICE_TEXT_PARTS.get(file_type)
            if path and (not content or content == file_type.split("/")[0]):
                return _office_text(bin_data, path) or content
        except (UnicodeDecodeError, ValueError, KeyError, zipfile.BadZipFile, ElementTree.ParseError):
            return content
        return content


OFFICE_TEXT_PARTS = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "word/document.xml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xl/sharedStrings.xml",
    "application/vnd.oasis.opendocument.text": "content.xml",
    "application/vnd.oasis.opendocument.spreadsheet": "content.xml",
}


def _office_text(bin_data, path):
    with zipfile.ZipFile(io.BytesIO(bin_data)) as archive:
        root = ElementTree.fromstring(archive.read(path))
    return " ".join(text.strip() for text in root.itertext() if text.strip())
