{
    "name": "Union Training Documents",
    "summary": "The invitation to a class or meeting as an official document sent to the units "
               "concerned, with their places",
    "version": "18.0.1.0.0",
    "category": "Union",
    "author": "Union suite developers",
    "website": "https://github.com/union-suite",
    "license": "LGPL-3",
    "depends": ["union_training", "union_documents"],
    "data": ["views/event_event_views.xml"],
    "auto_install": True,
    "installable": True,
}
