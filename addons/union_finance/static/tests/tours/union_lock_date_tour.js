/** @odoo-module **/

import { registry } from "@web/core/registry";
import { openUnionApp } from "@union_membership/../tests/tours/union_job_tour_utils";

// Started by tests/test_job_tours.py as the union accountant (in Vietnamese: dates dd/mm/yyyy):
// Finance ▸ Lock Dates, the global lock date set to 31/07/2025, Update; opened again, the
// dialog shows the date the books are locked to.
registry.category("web_tour.tours").add("union_lock_date_tour", {
    url: "/odoo",
    steps: () => [
        ...openUnionApp(),
        {
            content: "Finance menu",
            trigger: ".o_menu_sections button[data-menu-xmlid='union_finance.union_finance_menu']",
            run: "click",
        },
        {
            content: "Lock Dates",
            trigger: ".o-dropdown-item[data-menu-xmlid='union_finance.union_lock_date_menu']",
            run: "click",
        },
        {
            content: "No global lock date yet",
            trigger: ".modal .o_field_widget[name='fiscalyear_lock_date'] input",
            run() {
                if (this.anchor.value) {
                    throw new Error(`The books are locked already (${this.anchor.value})`);
                }
            },
        },
        {
            content: "Lock the books up to the end of July 2025",
            trigger: ".modal .o_field_widget[name='fiscalyear_lock_date'] input",
            run: "edit 31/07/2025",
        },
        {
            content: "The date is read",
            trigger: ".modal .o_field_widget[name='fiscalyear_lock_date'] input:value(31/07/2025)",
        },
        {
            content: "Update",
            trigger: ".modal footer button[name='action_update']",
            run: "click",
        },
        {
            content: "The dialog closes",
            trigger: "body:not(:has(.modal))",
        },
        {
            content: "Finance menu again",
            trigger: ".o_menu_sections button[data-menu-xmlid='union_finance.union_finance_menu']",
            run: "click",
        },
        {
            content: "Lock Dates again",
            trigger: ".o-dropdown-item[data-menu-xmlid='union_finance.union_lock_date_menu']",
            run: "click",
        },
        {
            content: "The books are locked up to 31/07/2025",
            trigger: ".modal .o_field_widget[name='fiscalyear_lock_date'] input:value(31/07/2025)",
        },
        {
            content: "Leave without changing anything",
            trigger: ".modal footer button.btn-secondary",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal))",
        },
    ],
});
