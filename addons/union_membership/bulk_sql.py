"""Bulk writes in SQL for a province (100,000 rows): the member import, the dues run.

The rows travel as one JSON parameter per statement: psycopg2 quotes one
string instead of a literal per value (seconds of Python for 100,000 rows),
and PostgreSQL unpacks them with ``jsonb_to_recordset`` /
``jsonb_populate_recordset``. Used by the member import (insert_batch in
models/union_member_import.py) and by union_finance (union.dues.line._create_batch,
union.dues.run._copy_items); the callers flush and invalidate the ORM.
"""
import json

from odoo.tools import SQL

CHUNK = 10000


def _json(rows):
    # dates and datetimes as ISO strings, which PostgreSQL reads back
    return json.dumps(rows, default=str, ensure_ascii=False)


def allocate_ids(cr, table, count):
    """``count`` new ids from the sequence of ``table``'s primary key, in one query."""
    if not count:
        return []
    cr.execute("SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
               [table, count])
    return [row[0] for row in cr.fetchall()]


def insert_rows(cr, table, columns, rows):
    """Insert ``rows`` (dicts keyed by column) into ``table`` and return the
    new ids in the same order. ``id`` takes its default (the sequence) unless
    it is one of ``columns``."""
    ids = []
    column_list = SQL(", ").join(SQL.identifier(column) for column in columns)
    for start in range(0, len(rows), CHUNK):
        cr.execute(SQL(
            """INSERT INTO %(table)s (%(columns)s)
               SELECT %(columns)s FROM jsonb_populate_recordset(NULL::%(table)s, %(rows)s::jsonb)
            RETURNING id""",
            table=SQL.identifier(table), columns=column_list, rows=_json(rows[start:start + CHUNK])))
        ids.extend(row[0] for row in cr.fetchall())
    return ids


def copy_rows(cr, table, template_id, columns, expressions, record, rows):
    """Insert into ``table`` one copy of its row ``template_id`` per dict of
    ``rows``: column ``c`` of ``columns`` takes ``expressions[c]`` (SQL over
    the JSON row ``v``) when given, else the template's value ``t.c``.
    ``record`` maps the keys of the JSON rows to their SQL types."""
    select = SQL(", ").join(
        SQL(expressions[column]) if column in expressions else SQL("t.%s", SQL.identifier(column))
        for column in columns)
    definition = SQL(", ").join(SQL("%s %s", SQL.identifier(name), SQL(sql_type))
                                for name, sql_type in record.items())
    for start in range(0, len(rows), CHUNK):
        cr.execute(SQL(
            """INSERT INTO %(table)s (%(columns)s)
               SELECT %(select)s FROM %(table)s t, jsonb_to_recordset(%(rows)s::jsonb) AS v(%(definition)s)
                WHERE t.id = %(template)s""",
            table=SQL.identifier(table),
            columns=SQL(", ").join(SQL.identifier(column) for column in columns),
            select=select, rows=_json(rows[start:start + CHUNK]), definition=definition,
            template=template_id))
