"""Plain rules of union training, without Odoo: who counts as trained, shares."""


def share(part, whole):
    """A percentage rounded to one decimal; 0 when there is nothing to divide."""
    if not whole:
        return 0.0
    return round(100.0 * part / whole, 1)


def trained_members(attended, completed, members):
    """Members counted as trained in digital skills: those who attended a session of a
    digital-skills event or completed a digital-skills course, among ``members`` (the
    unit's members on the chosen date). All arguments are sets of member ids."""
    return (set(attended) | set(completed)) & set(members)


def places_left(places, taken):
    """Places a unit may still fill; ``places`` None means no quota for the unit."""
    if places is None:
        return None
    return max(places - taken, 0)
