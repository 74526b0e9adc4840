# ruff: noqa: I001 - one import per line, so that each developer of this addon appends their own
from . import controllers
from . import demo
from . import models
from . import wizard
from .hooks import post_init_hook
