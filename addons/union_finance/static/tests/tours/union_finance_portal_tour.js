/** @odoo-module **/

import { registry } from "@web/core/registry";

// Started by tests/test_portal.py as the portal member of unit A: June paid, July
// unpaid (88.000 VND) to the unit's bank account.
registry.category("web_tour.tours").add("union_finance_portal_tour", {
    url: "/my",
    steps: () => [
        {
            content: "Open the union dues from the portal home",
            trigger: ".o_portal_index_card:not(.d-none) a[href='/my/union/dues']",
            run: "click",
        },
        {
            content: "What is due in all",
            trigger: ".union-dues-total:contains('88.000')",
        },
        {
            content: "The unpaid month carries a VietQR code to pay by bank transfer",
            trigger: "tr.union-dues-unpaid img.union-dues-qr",
        },
        {
            content: "The paid month shows as paid, without a code",
            trigger: "tr.union-dues-paid:not(:has(img.union-dues-qr))",
        },
        {
            content: "Go to care and support",
            trigger: "body",
            run: "goToUrl /my/union/welfare",
        },
        {
            content: "Kind: sickness",
            trigger: "form.union-welfare-form select[name='kind']",
            run: "select sickness",
        },
        {
            content: "Date of the event",
            trigger: "form.union-welfare-form input[name='date']",
            run() {
                // a native date input: set its value as the browser's date picker does
                this.anchor.value = "2025-08-20";
            },
        },
        {
            content: "A description too short",
            trigger: "form.union-welfare-form textarea[name='description']",
            run: "edit Ốm",
        },
        {
            content: "Send",
            trigger: "form.union-welfare-form button[type='submit']",
            run: "click",
        },
        {
            // the page may be in Vietnamese: the wrong field is found by its class
            content: "Refused, saying which field is wrong",
            trigger: ".union-welfare-errors li:only-child",
        },
        {
            content: "The description is the field marked wrong; a real one",
            trigger: "form.union-welfare-form textarea[name='description'].is-invalid",
            run: "edit Nằm viện điều trị sốt xuất huyết",
        },
        {
            content: "Send again",
            trigger: "form.union-welfare-form button[type='submit']",
            run: "click",
        },
        {
            content: "Sent",
            trigger: ".union-welfare-created",
        },
        {
            content: "The request is listed, submitted",
            trigger: "tr.union-welfare-submitted .union-welfare-description:contains('Nằm viện điều trị sốt xuất huyết')",
        },
    ],
});
