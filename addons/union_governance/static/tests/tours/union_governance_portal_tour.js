/** @odoo-module **/

import { registry } from "@web/core/registry";

// Started by tests/test_portal.py as a checked-in participant of a full members' congress
// with an open online election (3 candidates, 2 to elect).
registry.category("web_tour.tours").add("union_governance_portal_tour", {
    url: "/my",
    steps: () => [
        {
            content: "Open My union from the portal home",
            trigger: ".o_portal_index_card:not(.d-none) a[href='/my/union']",
            run: "click",
        },
        {
            content: "The posts held are shown",
            trigger: ".o_union_member_posts tr td",
        },
        {
            content: "Back to the portal home",
            trigger: "a[href='/my/home']",
            run: "click",
        },
        {
            content: "Open My congresses from the portal home",
            trigger: ".o_portal_index_card:not(.d-none) a[href='/my/union/congresses']",
            run: "click",
        },
        {
            content: "Open the congress",
            trigger: "a.o_union_congress_link",
            run: "click",
        },
        {
            content: "Checked in: no QR code left to show",
            trigger: ".o_union_participant_state .text-bg-success",
        },
        {
            content: "Open the ballot from the congress page",
            trigger: "a.o_union_open_ballot",
            run: "click",
        },
        {
            content: "Cross out the third name",
            trigger: ".o_union_ballot_form input[data-index='2']",
            run: "click",
        },
        {
            content: "Cast the ballot",
            trigger: "button.o_union_cast_ballot",
            run: "click",
        },
        {
            content: "The receipt code is shown",
            trigger: ".o_union_receipt_code",
        },
        {
            content: "Back to the congress",
            trigger: "a.o_union_back_to_congress",
            run: "click",
        },
        {
            content: "The election says the member has voted",
            trigger: ".o_union_voted",
        },
    ],
});
