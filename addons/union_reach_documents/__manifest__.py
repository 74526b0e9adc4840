{
    "name": "Union Reach - Documents",
    "summary": "The recognition decision of a new grassroots union as a document of the register",
    "version": "18.0.1.0.0",
    "category": "Union",
    "author": "Union suite developers",
    "website": "https://github.com/union-suite",
    "license": "LGPL-3",
    "depends": ["union_reach", "union_documents"],
    "data": ["views/union_reach_workplace_views.xml"],
    "auto_install": True,
    "installable": True,
}
