/** @odoo-module **/

import { registry } from "@web/core/registry";

// Started by tests/test_portal.py as the portal member Nguyễn Thị Lan (unit "Công đoàn Trường THPT A",
// member code set to TOUR-0001 by the test).
registry.category("web_tour.tours").add("union_portal_tour", {
    url: "/my",
    steps: () => [
        {
            content: "Open My union from the portal home",
            trigger: ".o_portal_index_card:not(.d-none) a[href='/my/union']",
            run: "click",
        },
        {
            content: "The member's unit is shown",
            trigger: ".o_union_member_unit:contains('Công đoàn Trường THPT A')",
        },
        {
            content: "The member's code is shown",
            trigger: ".o_union_member_code:contains('TOUR-0001')",
        },
        {
            content: "Open the contact details form",
            trigger: "a.o_union_edit_contact",
            run: "click",
        },
        {
            content: "Type a new phone number",
            trigger: "form.o_union_contact_form input[name='phone']",
            run: "edit 0912 345 678",
        },
        {
            content: "Save",
            trigger: "button.o_union_contact_save",
            run: "click",
        },
        {
            content: "Back on My union, saved",
            trigger: ".o_union_success",
        },
        {
            content: "The new phone number is shown",
            trigger: ".o_union_member_phone:contains('0912 345 678')",
        },
    ],
});
