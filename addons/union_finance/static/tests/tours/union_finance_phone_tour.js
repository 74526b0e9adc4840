/** @odoo-module **/

import { registry } from "@web/core/registry";
import { checkNoHorizontalOverflow, checkStackedTable } from "@union_membership/../tests/tours/phone_checks";

// Started by tests/test_portal_phone.py as the portal member of unit A, in a 390 px wide touch
// browser (a phone): the dues and the care-and-support pages fit the screen, their tables read
// as stacked rows (o_union_stack_table of union_membership), the request form fits too.
registry.category("web_tour.tours").add("union_finance_phone_tour", {
    url: "/my",
    steps: () => [
        {
            content: "Open the union dues from the portal home",
            trigger: ".o_portal_index_card:not(.d-none) a[href='/my/union/dues']",
            run: "click",
        },
        {
            content: "The dues read as stacked rows; the VietQR code and the references fit the phone",
            trigger: "tr.union-dues-unpaid img.union-dues-qr",
            run() {
                checkStackedTable(".o_union_stack_table:has(tr.union-dues-line)");
                const qr = document.querySelector("img.union-dues-qr").getBoundingClientRect();
                if (qr.right > window.innerWidth) {
                    throw new Error("the VietQR code is cut off on a phone");
                }
                // a month without a code shows no empty "pay by bank transfer" line
                const paidQrCell = document.querySelector("tr.union-dues-paid td:last-child");
                if (!paidQrCell || getComputedStyle(paidQrCell).display !== "none") {
                    throw new Error("a paid month shows an empty bank transfer line");
                }
                checkNoHorizontalOverflow("/my/union/dues");
            },
        },
        {
            content: "Back to the portal home",
            trigger: ".o_portal_submenu a[href='/my/home']",
            run: "click",
        },
        {
            content: "Open care and support",
            trigger: ".o_portal_index_card a[href='/my/union/welfare']",
            run: "click",
        },
        {
            content: "The requests read as stacked rows; the request form fits the phone",
            trigger: "form.union-welfare-form",
            run() {
                checkStackedTable(".o_union_stack_table:has(tr.union-welfare-request)");
                checkNoHorizontalOverflow("/my/union/welfare");
            },
        },
    ],
});
