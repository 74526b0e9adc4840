"""18.0.1.1.0: members get a nationality and an identity document (Law 50/2024).

Every member recorded before was identified by a Vietnamese citizen id: they become Vietnamese
nationals whose document is a citizen id issued by Vietnam (the number stays in citizen_id).
Runs on union_member only, in three statements, whatever the number of members.
"""


def migrate(cr, version):
    if not version:
        return
    cr.execute("SELECT id FROM res_country WHERE code = 'VN'")
    row = cr.fetchone()
    if not row:
        return
    vietnam = row[0]
    cr.execute("UPDATE union_member SET nationality_id = %s WHERE nationality_id IS NULL", [vietnam])
    cr.execute("UPDATE union_member SET id_document_type = 'citizen_id' WHERE id_document_type IS NULL")
    cr.execute("""UPDATE union_member SET id_document_country_id = %s
                   WHERE id_document_country_id IS NULL AND id_document_type = 'citizen_id'""", [vietnam])
    cr.execute("""UPDATE union_member_event SET suspension_kind = 'job_loss'
                   WHERE event_type = 'suspension' AND suspension_kind IS NULL""")
