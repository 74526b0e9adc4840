"""The latest lifecycle event of each member: the one query behind a member's state and unit.

A member's state and unit are what their latest event says (the card issue, which changes
nothing, is not counted); latest means the latest date, then the latest recorded.
"""
from psycopg2 import sql

#: the columns a caller may ask for (the query names them as identifiers)
EVENT_COLUMNS = ("state_after", "organization_id", "date", "event_type", "end_date")


def latest_events(env, columns, member_ids=None, on_date=None, organization_ids=None, member_state=None):
    """Rows ``(member_id, *columns)`` of the latest event of each member, in one query.

    ``member_ids``: only these members; ``on_date``: the history up to the end of that day;
    ``organization_ids``: only members whose latest event puts them in one of these units;
    ``member_state``: only members whose stored state is this one.
    """
    unknown = set(columns) - set(EVENT_COLUMNS)
    if unknown:
        raise ValueError(f"not an event column: {sorted(unknown)}")
    if member_ids is not None and not member_ids:
        return []
    if organization_ids is not None and not organization_ids:
        return []
    env["union.member.event"].flush_model()
    conditions = [sql.SQL("event_type != 'card'")]
    params = []
    if member_ids is not None:
        conditions.append(sql.SQL("member_id IN %s"))
        params.append(tuple(member_ids))
    if on_date is not None:
        conditions.append(sql.SQL("date <= %s"))
        params.append(on_date)
    if member_state is not None:
        env["union.member"].flush_model(["state"])
        conditions.append(sql.SQL("member_id IN (SELECT id FROM union_member WHERE state = %s)"))
        params.append(member_state)
    names = ("member_id", *columns)
    # the unit filter reads the unit of the latest event, asked for or not
    inner = names if "organization_id" in names else (*names, "organization_id")
    query = sql.SQL("""
        SELECT {names} FROM (
            SELECT DISTINCT ON (member_id) {inner}
              FROM union_member_event
             WHERE {conditions}
          ORDER BY member_id, date DESC, id DESC) last_event
    """).format(
        names=sql.SQL(", ").join(map(sql.Identifier, names)),
        inner=sql.SQL(", ").join(map(sql.Identifier, inner)),
        conditions=sql.SQL(" AND ").join(conditions))
    if organization_ids is not None:
        query = sql.Composed([query, sql.SQL(" WHERE organization_id IN %s")])
        params.append(tuple(organization_ids))
    env.cr.execute(query, params)
    return env.cr.fetchall()
