from . import portal, main
