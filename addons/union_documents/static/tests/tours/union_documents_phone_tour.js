/** @odoo-module **/

import { registry } from "@web/core/registry";
import { checkNoHorizontalOverflow, checkStackedTable } from "@union_membership/../tests/tours/phone_checks";

// Started by tests/test_portal_phone.py in a 390 px wide touch browser (a phone): the member's
// petitions (list, detail, new form) and the public questions and answers fit the screen; the
// list reads as stacked rows (o_union_stack_table of union_membership).
registry.category("web_tour.tours").add("union_documents_phone_tour", {
    url: "/my",
    steps: () => [
        {
            content: "Open the petitions from the portal home",
            trigger: ".o_portal_index_card:not(.d-none) a[href='/my/union/petitions']",
            run: "click",
        },
        {
            content: "The petitions read as stacked rows and fit the phone",
            trigger: "tr.o_union_petition_row td[data-label] a",
            run() {
                checkStackedTable(".o_union_stack_table:has(tr.o_union_petition_row)");
                checkNoHorizontalOverflow("/my/union/petitions");
            },
        },
        {
            content: "Open the answered petition",
            trigger: "tr.o_union_petition_row td[data-label] a",
            run: "click",
        },
        {
            content: "The petition, its long text and its answer fit the phone",
            trigger: ".o_union_petition_answer",
            run() {
                checkNoHorizontalOverflow("/my/union/petitions/<id>");
            },
        },
        {
            content: "Back to the list",
            trigger: ".o_portal_submenu a[href='/my/union/petitions']",
            run: "click",
        },
        {
            content: "Write a new petition",
            trigger: "a.o_union_petition_new",
            run: "click",
        },
        {
            content: "The petition form fits the phone",
            trigger: "form.o_union_petition_form",
            run() {
                checkNoHorizontalOverflow("/my/union/petitions/new");
            },
        },
    ],
});

registry.category("web_tour.tours").add("union_public_questions_phone_tour", {
    url: "/hoi-dap",
    steps: () => [
        {
            content: "The questions, their answers and the question form fit the phone",
            trigger: ".o_union_question + .o_union_ask_question form.o_union_question_form, .o_union_question ~ .o_union_ask_question form.o_union_question_form",
            run() {
                checkNoHorizontalOverflow("/hoi-dap");
                const field = document.querySelector("#union_question_text").getBoundingClientRect();
                if (field.right > window.innerWidth) {
                    throw new Error("the question field is cut off on a phone");
                }
            },
        },
    ],
});
