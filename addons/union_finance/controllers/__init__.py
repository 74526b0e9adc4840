# ruff: noqa: I001 - one import per line, so that each developer of this addon appends their own
from . import portal
from . import welfare_portal  # finance-B
