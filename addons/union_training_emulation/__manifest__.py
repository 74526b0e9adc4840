{
    "name": "Union Training Emulation",
    "summary": "The training figures of a unit attached as evidence to its yearly emulation "
               "scoring",
    "version": "18.0.1.0.0",
    "category": "Union",
    "author": "Union suite developers",
    "website": "https://github.com/union-suite",
    "license": "LGPL-3",
    "depends": ["union_training", "union_emulation"],
    "data": ["views/union_emulation_views.xml"],
    "auto_install": True,
    "installable": True,
}
