{
    "name": "Union Governance: Decisions as Documents",
    "summary": "Link a term's recognition decision and the decisions on officers to official documents",
    "version": "18.0.1.0.0",
    "category": "Union",
    "author": "Union suite developers",
    "website": "https://github.com/union-suite",
    "license": "LGPL-3",
    "depends": ["union_governance", "union_documents"],
    "data": [
        "views/union_term_views.xml",
        "views/union_officer_event_views.xml",
    ],
    "auto_install": True,
    "installable": True,
}
