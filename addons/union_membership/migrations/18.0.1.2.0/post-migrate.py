"""18.0.1.2.0: units get a dated history (union.organization.event).

Every existing unit gets a founding event with its current parent, name, abbreviation and level,
dated on its founding date (empty when unknown: the unit then counts as existing at any earlier
date), and a unit that has ended gets a second event on its end date with its state. Two
statements, whatever the number of units; units that already have an event are left alone.
"""


def migrate(cr, version):
    if not version:
        return
    cr.execute("""
        INSERT INTO union_organization_event
               (organization_id, date, event_type, parent_id, name, short_name, level, state,
                create_uid, write_uid, create_date, write_date)
        SELECT o.id, o.date_founded, 'founding', o.parent_id, o.name, o.short_name, o.level, 'active',
               1, 1, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
          FROM union_organization o
         WHERE NOT EXISTS (SELECT 1 FROM union_organization_event e WHERE e.organization_id = o.id)
    """)
    cr.execute("""
        INSERT INTO union_organization_event
               (organization_id, date, event_type, parent_id, name, short_name, level, state,
                create_uid, write_uid, create_date, write_date)
        SELECT o.id, o.date_ended, CASE o.state WHEN 'merged' THEN 'merge' ELSE 'dissolution' END,
               o.parent_id, o.name, o.short_name, o.level, o.state,
               1, 1, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
          FROM union_organization o
         WHERE o.state != 'active' AND o.date_ended IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM union_organization_event e
                            WHERE e.organization_id = o.id AND e.event_type != 'founding')
    """)
