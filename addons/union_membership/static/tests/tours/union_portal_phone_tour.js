/** @odoo-module **/

import { registry } from "@web/core/registry";
import { checkNoHorizontalOverflow, checkStackedTable } from "@union_membership/../tests/tours/phone_checks";

// Started by tests/test_portal_phone.py as the portal member Nguyễn Thị Lan, in a 390 px wide
// browser (a phone): every membership page fits the screen, tables read as stacked rows.
registry.category("web_tour.tours").add("union_portal_phone_tour", {
    url: "/my",
    steps: () => [
        {
            content: "The union card is on the portal home, its pictogram in proportion",
            trigger: "#portal_union_category .o_portal_index_card:not(.d-none) a[href='/my/union']",
            run() {
                const icon = document.querySelector("#portal_union_category .o_portal_icon img");
                const box = icon.getBoundingClientRect();
                if (box.width > 64 || box.height > 64) {
                    throw new Error(`the union card's pictogram is ${box.width}x${box.height}px`);
                }
                const details = document.querySelector("[data-bs-target='#accountOffCanvas']");
                if (details && details.offsetParent !== null) {
                    throw new Error("the generic customer details are offered to a member on a phone");
                }
                checkNoHorizontalOverflow("/my");
            },
        },
        {
            content: "Open My union",
            trigger: "#portal_union_category a[href='/my/union']",
            run: "click",
        },
        {
            content: "My union fits the phone; its history reads as stacked rows",
            trigger: ".o_union_member_history tr td[data-label]",
            run() {
                checkStackedTable(".o_union_stack_table:has(.o_union_member_history)");
                checkStackedTable(".o_union_stack_table:has(.o_union_member_requests)");
                checkNoHorizontalOverflow("/my/union");
            },
        },
        {
            content: "Open the contact details form",
            trigger: "a.o_union_edit_contact",
            run: "click",
        },
        {
            content: "The contact form fits the phone",
            trigger: "form.o_union_contact_form",
            run() {
                checkNoHorizontalOverflow("/my/union/edit");
            },
        },
        {
            content: "Back to My union",
            trigger: "form.o_union_contact_form a[href='/my/union']",
            run: "click",
        },
        {
            content: "Open the change request form",
            trigger: "a.o_union_request_change",
            run: "click",
        },
        {
            content: "The change request form fits the phone",
            trigger: "form.o_union_request_form",
            run() {
                checkNoHorizontalOverflow("/my/union/request");
            },
        },
    ],
});
