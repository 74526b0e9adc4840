{
    "name": "Union Governance: Congress Check-in at the Event Desk",
    "summary": "A congress on an Odoo event: participants as attendees, their badge and portal QR code "
               "the attendee's, a scan at the registration desk checks them in to the congress",
    "version": "18.0.1.0.0",
    "category": "Union",
    "author": "Union suite developers",
    "website": "https://github.com/union-suite",
    "license": "LGPL-3",
    "depends": ["union_governance", "union_training"],
    "data": [
        "views/union_congress_views.xml",
    ],
    "demo": ["demo/union_governance_training_demo.xml"],
    "assets": {
        "web.assets_tests": ["union_governance_training/static/tests/tours/*.js"],
    },
    "auto_install": True,
    "installable": True,
}
