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
