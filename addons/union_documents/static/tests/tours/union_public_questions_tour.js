/** @odoo-module **/

import { registry } from "@web/core/registry";

// Started by tests/test_portal_http.py for an anonymous visitor: one published
// question on maternity leave, one unpublished.
registry.category("web_tour.tours").add("union_public_questions_tour", {
    url: "/",
    steps: () => [
        {
            // the header folds the items that do not fit (more addons, more items) into its
            // "+" menu: the link is there, visible or folded
            content: "Open the questions and answers from the website menu",
            trigger: "header:has(a[href='/hoi-dap'])",
            run() {
                this.anchor.querySelector("a[href='/hoi-dap']").click();
            },
        },
        {
            content: "The published question and its answer",
            trigger: ".o_union_question:contains('nghỉ thai sản'):contains('trợ cấp BHXH')",
        },
        {
            content: "Nothing unpublished, no member's name",
            trigger: ".o_union_public_questions:not(:contains('Câu hỏi chưa công bố')):not(:contains('Nguyễn Thị Lan'))",
        },
        {
            content: "Search another subject",
            trigger: ".o_union_public_questions input[name='search']",
            run: "edit khen thưởng",
        },
        {
            content: "Search",
            trigger: ".o_union_public_questions form[role='search'] button[type='submit']",
            run: "click",
        },
        {
            content: "Nothing found",
            trigger: ".o_union_no_question",
        },
        {
            content: "Search the question's words",
            trigger: ".o_union_public_questions input[name='search']",
            run: "edit thai sản",
        },
        {
            content: "Search again",
            trigger: ".o_union_public_questions form[role='search'] button[type='submit']",
            run: "click",
        },
        {
            content: "Found",
            trigger: ".o_union_question:contains('nghỉ thai sản')",
        },
    ],
});
