/** @odoo-module **/

import { registry } from "@web/core/registry";
import { checkNoHorizontalOverflow, checkStackedTable } from "@union_membership/../tests/tours/phone_checks";

// Started by tests/test_portal_phone.py in a 390 px wide touch browser (a phone): the member's
// emulation page and the public movements, movement and ranking pages fit the screen; their
// tables read as stacked rows (o_union_stack_table of union_membership).

// From a movement's page: its year's ranking, as stacked rows that fit the phone.
function rankingSteps() {
    return [
        {
            content: "Open the ranking of the movement's year",
            trigger: ".union-movement-page a.union-ranking-link",
            run: "click",
        },
        {
            content: "The ranking reads as stacked rows and fits the phone",
            trigger: ".union-ranking-page table.union-ranking td[data-label]",
            run() {
                checkStackedTable(".o_union_stack_table:has(table.union-ranking)");
                checkNoHorizontalOverflow("/union/emulation/ranking");
            },
        },
    ];
}

// the public pages, as a visitor or a member: movements -> a movement -> the ranking
function publicSteps() {
    return [
        {
            content: "The movements fit the phone",
            trigger: ".union-movement-card h2 a",
            run() {
                checkNoHorizontalOverflow("/union/emulation");
            },
        },
        {
            content: "Open a movement",
            trigger: ".union-movement-card h2 a",
            run: "click",
        },
        {
            content: "The movement, its description and criteria fit the phone",
            trigger: ".union-movement-page a.union-ranking-link",
            run() {
                checkNoHorizontalOverflow("/union/emulation/<id>");
            },
        },
        ...rankingSteps(),
    ];
}

registry.category("web_tour.tours").add("union_emulation_phone_tour", {
    url: "/my",
    steps: () => [
        {
            content: "Open emulation and awards from the portal home",
            trigger: ".o_portal_index_card:not(.d-none) a[href='/my/union/emulation']",
            run: "click",
        },
        {
            content: "Registrations, achievements, results and contests read as stacked rows",
            trigger: ".o_union_emulation_portal table.union-contests td[data-label]",
            run() {
                for (const table of ["union-my-registrations", "union-my-achievements",
                                     "union-unit-evaluations", "union-contests"]) {
                    checkStackedTable(`.o_union_stack_table:has(table.${table})`);
                }
                checkNoHorizontalOverflow("/my/union/emulation");
            },
        },
        {
            content: "Take the contest",
            trigger: ".o_union_emulation_portal table.union-contests a[href*='/survey/start/']",
            run: "click",
        },
        {
            content: "The contest's start page fits the phone",
            trigger: ".o_survey_start button[type='submit'], .o_survey_start button.btn-primary",
            run() {
                checkNoHorizontalOverflow("/survey/start/<token>");
            },
        },
        {
            content: "Back to emulation and awards",
            trigger: "body",
            run: "goToUrl /my/union/emulation",
        },
        {
            content: "Open an open movement's page",
            trigger: ".union-open-movement h5 a",
            run: "click",
        },
        {
            content: "The movement's page, with its registration form, fits the phone",
            trigger: ".union-movement-page form.union-movement-register-form",
            run() {
                checkNoHorizontalOverflow("/union/emulation/<id>");
            },
        },
        ...rankingSteps(),
        {
            content: "Back to the movements",
            trigger: "a.union-movements-link",
            run: "click",
        },
        ...publicSteps(),
    ],
});

registry.category("web_tour.tours").add("union_emulation_public_phone_tour", {
    url: "/union/emulation",
    steps: publicSteps,
});
