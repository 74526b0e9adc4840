"""18.0.1.1.0: the submitter of a petition moves to its own record (union.petition.identity).

Before, the petition itself named its submitter (member_id, partner_id, submitter_name,
submitter_email, submitter_phone) and was created by the member's own user from the portal, so
an officer who may not know a denouncer found them through search_read, read_group, a related
search, create_uid or the chatter. This script:

1. creates one submitter record per petition from those columns, then drops the columns;
2. for petitions sent from the portal, gives their creation, their messages written by the
   member and their files to the neutral intake user, and removes the member from the followers.
"""
import logging

from odoo import SUPERUSER_ID, api
from odoo.tools import SQL

_logger = logging.getLogger(__name__)

OLD_COLUMNS = ("member_id", "partner_id", "submitter_name", "submitter_email", "submitter_phone")


def _columns(cr):
    cr.execute("""SELECT column_name FROM information_schema.columns
                   WHERE table_name = 'union_petition' AND column_name = ANY(%s)""", [list(OLD_COLUMNS)])
    return {row[0] for row in cr.fetchall()}


def migrate(cr, version):
    columns = _columns(cr)
    if not columns:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    intake = env.ref("union_documents.user_portal_intake")

    def col(name, cast):
        return SQL.identifier(name) if name in columns else SQL(f"NULL::{cast}")

    # 1. the submitter records (the member's contact fills what the petition left empty)
    cr.execute(SQL("""
        INSERT INTO union_petition_identity
               (petition_id, member_id, partner_id, user_id, name, email, phone,
                create_uid, write_uid, create_date, write_date)
        SELECT p.id, m.id, COALESCE(p.pid, m.partner_id), u.id,
               COALESCE(p.sname, rp.name), COALESCE(p.semail, rp.email), COALESCE(p.sphone, rp.phone),
               %(uid)s, %(uid)s, now() at time zone 'UTC', now() at time zone 'UTC'
          FROM (SELECT id, %(mid)s AS mid, %(pid)s AS pid, %(sname)s AS sname, %(semail)s AS semail,
                       %(sphone)s AS sphone
                  FROM union_petition) p
          LEFT JOIN union_member m ON m.id = p.mid
          LEFT JOIN res_partner rp ON rp.id = COALESCE(p.pid, m.partner_id)
          LEFT JOIN LATERAL (SELECT id FROM res_users WHERE partner_id = rp.id ORDER BY id LIMIT 1) u ON TRUE
         WHERE (p.mid IS NOT NULL OR p.pid IS NOT NULL OR p.sname IS NOT NULL OR p.semail IS NOT NULL
                OR p.sphone IS NOT NULL)
           AND NOT EXISTS (SELECT 1 FROM union_petition_identity i WHERE i.petition_id = p.id)
    """, uid=SUPERUSER_ID, mid=col("member_id", "int"), pid=col("partner_id", "int"),
        sname=col("submitter_name", "varchar"), semail=col("submitter_email", "varchar"),
        sphone=col("submitter_phone", "varchar")))
    moved = cr.rowcount

    # 2. portal petitions: neither create_uid nor a message's author nor a file names the member
    cr.execute("""
        SELECT p.id, i.partner_id, i.user_id FROM union_petition p
          JOIN union_petition_identity i ON i.petition_id = p.id
         WHERE p.channel = 'portal'
    """)
    portal = cr.fetchall()
    if portal:
        ids = [row[0] for row in portal]
        partners = [row[1] for row in portal if row[1]]
        users = [row[2] for row in portal if row[2]]
        cr.execute("UPDATE union_petition SET create_uid = %s WHERE id = ANY(%s) AND create_uid = ANY(%s)",
                   [intake.id, ids, users])
        cr.execute("UPDATE union_petition SET write_uid = %s WHERE id = ANY(%s) AND write_uid = ANY(%s)",
                   [intake.id, ids, users])
        cr.execute("""UPDATE mail_message SET author_id = %s, create_uid = %s
                       WHERE model = 'union.petition' AND res_id = ANY(%s) AND author_id = ANY(%s)""",
                   [intake.partner_id.id, intake.id, ids, partners])
        cr.execute("""UPDATE ir_attachment SET create_uid = %s, write_uid = %s
                       WHERE res_model = 'union.petition' AND res_id = ANY(%s) AND create_uid = ANY(%s)""",
                   [intake.id, intake.id, ids, users])
        cr.execute("""DELETE FROM mail_followers
                       WHERE res_model = 'union.petition' AND res_id = ANY(%s) AND partner_id = ANY(%s)""",
                   [ids, partners])

    for name in sorted(columns):
        cr.execute(SQL("ALTER TABLE union_petition DROP COLUMN IF EXISTS %s CASCADE", SQL.identifier(name)))
    _logger.info("union_documents: %s petition submitter(s) moved to their own records", moved)
