"""A field for sums of money in VND."""
from odoo import fields


class VndAmount(fields.Integer):
    """A whole number of VND stored as a PostgreSQL ``bigint``.

    The dong has no decimals, so amounts are integers; but a 4-byte integer
    stops at 2,147,483,647 VND, which a province's monthly dues run (about
    6.5 billion VND for 100,000 members), a remittance or a large employer's
    social-insurance payroll pass. It behaves as an Integer field everywhere
    else (type ``integer`` for the views and the web client, whose numbers are
    exact up to 2^53); installing or updating the addon widens existing
    columns in place.
    """

    _column_type = ("int8", "int8")


def format_vnd(env, amount, unit=True):
    """``amount`` (VND) as people read it in the user's language: "70.000 đồng" in
    Vietnamese, "70,000 VND" in English (the language's thousands separator; the word is
    translated). ``unit=False``: the number alone."""
    separator = env["res.lang"]._get_data(code=env.lang or "en_US").thousands_sep or ","
    number = f"{int(round(amount or 0)):,}".replace(",", separator)
    return env._("%(amount)s VND", amount=number) if unit else number
