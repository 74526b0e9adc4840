from . import portal, slides
