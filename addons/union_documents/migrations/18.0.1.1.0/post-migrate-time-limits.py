"""Petition time limits by condition and the union's document catalogue (issue: the rules in
force): the shipped records are noupdate, so their new fields are filled here, only where the
administrator left them empty. New records (types, public holidays) are created by the update."""
from odoo import SUPERUSER_ID, api

DEADLINES = {
    "union_petition_deadline_question": {"is_local_default": True},
    "union_petition_deadline_recommendation": {"is_local_default": True},
    "union_petition_deadline_complaint": {"remote_days": 45, "remote_complex_days": 60, "intake_days": 10},
    "union_petition_deadline_denunciation": {"extension_days": 30, "max_extensions": 2, "intake_days": 7,
                                             "intake_working_days": True},
}
QD_933 = ("nghi_quyet", "quyet_dinh", "chi_thi", "quy_che", "quy_dinh")


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    for xmlid, values in DEADLINES.items():
        rule = env.ref(f"union_documents.{xmlid}", raise_if_not_found=False)
        if rule:
            rule.write({name: value for name, value in values.items() if not rule[name]})
    data = env["ir.model.data"].search([("module", "=", "union_documents"), ("model", "=", "union.document.type")])
    for record in data:
        doc_type = env["union.document.type"].browse(record.res_id).exists()
        if not doc_type or record.name in ("union_document_type_dieu_le", "union_document_type_chien_luoc",
                                           "union_document_type_ket_luan"):
            continue
        values = {"in_decree_30": True}
        if record.name.removeprefix("union_document_type_") in QD_933:
            values["in_qd_933"] = True
        doc_type.write(values)
