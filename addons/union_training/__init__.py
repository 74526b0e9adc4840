from . import controllers, demo, models
