from . import training_demo
