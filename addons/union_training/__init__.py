from . import controllers, demo, models
from .hooks import post_init_hook
