"""Numbers sent by a web form (a select's record id, a signed time stamp), read without crashing.

``str.isdigit()`` is true for "²" or "٣", which ``int()`` refuses, and a number of 20 digits is
beyond PostgreSQL's integer: a form tampered with that way must get the form's own error, never
a server error (500). Plain Python: no Odoo import.
"""

PG_INT_MAX = 2**31 - 1


def whole_number(value):
    """The whole number written in ``value`` (ASCII digits only, surrounding spaces allowed),
    or None."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    if not (value.isascii() and value.isdigit()):
        return None
    return int(value)


def record_id(value):
    """The record id sent as ``value``, or 0 when it cannot be one (not a whole number, or
    beyond PostgreSQL's integer): a search on 0 finds nothing, and the form says so."""
    number = whole_number(value)
    if number is None or number > PG_INT_MAX:
        return 0
    return number


def without_nul(params):
    """``params`` (a request's parameters) with the NUL character removed from every text value,
    or ``params`` itself when none has one.

    No form sends NUL, and PostgreSQL refuses it in any text: a value with "%00" typed into a
    search or a form would be a server error (500) instead of the page.
    """
    if not any(isinstance(value, str) and "\x00" in value for value in params.values()):
        return params
    return {key: value.replace("\x00", "") if isinstance(value, str) else value for key, value in params.items()}
