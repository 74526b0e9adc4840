/** @odoo-module **/

import { registry } from "@web/core/registry";

// Started by tests/test_officer_routine.py as the grassroots officer of "Công đoàn Trường THPT A":
// admit a member, transfer them to a unit she does not manage (a request the receiving unit
// accepts), print the card.
registry.category("web_tour.tours").add("union_officer_routine_tour", {
    url: "/odoo/action-union_membership.union_member_action",
    steps: () => [
        {
            content: "Admit a new member",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "No action on a member not saved yet",
            trigger: ".o_form_view .o_form_editable:not(:has(button[name='action_print_card']))",
        },
        {
            content: "Name",
            trigger: ".o_field_widget[name='name'] input",
            run: "edit Trần Thị Mai",
        },
        {
            content: "Unit: the picker shows the parent",
            trigger: ".o_field_widget[name='organization_id'] input",
            run: "edit THPT A",
        },
        {
            content: "Choose the officer's school, told apart by its parent",
            trigger: ".o-autocomplete--dropdown-item a:contains('Công đoàn Trường THPT A (Công đoàn ngành Giáo dục)')",
            run: "click",
        },
        {
            content: "No unit is created on the fly",
            trigger: ".o_field_widget[name='organization_id']:not(:has(.o_m2o_dropdown_option_create))",
        },
        {
            content: "Save: the admission is recorded",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved: the daily actions appear, print first",
            trigger: ".o_statusbar_buttons button[name='action_print_card'] + button[name='action_transfer']",
        },
        {
            content: "Transfer",
            trigger: ".o_statusbar_buttons button[name='action_transfer']",
            run: "click",
        },
        {
            content: "The dialog is the transfer, with no event type to switch",
            trigger: ".modal:has(.o_field_widget[name='to_unit_id']) .modal-title",
            run() {
                const title = document.querySelector(".modal .modal-title").textContent;
                if (!["Transfer to Another Unit", "Chuyển sinh hoạt"].includes(title.trim())) {
                    throw new Error(`the transfer dialog is titled "${title}"`);
                }
                if (document.querySelector(".modal .o_field_widget[name='event_type']")) {
                    throw new Error("the transfer dialog offers another event type");
                }
            },
        },
        {
            content: "Receiving unit: any unit in operation, by code",
            trigger: ".modal .o_field_widget[name='to_unit_id'] input",
            run: "edit T-B",
        },
        {
            content: "A school the officer does not manage",
            trigger: ".o-autocomplete--dropdown-item a:contains('[T-B] Công đoàn Trường THCS B')",
            run: "click",
        },
        {
            content: "The officer is told the receiving unit will accept",
            trigger: ".modal .o_union_transfer_needs_acceptance",
        },
        {
            content: "Decision number",
            trigger: ".modal .o_field_widget[name='decision_ref'] input",
            run: "edit 15/QĐ-CĐCS",
        },
        {
            content: "Send the transfer",
            trigger: ".modal-footer button[name='action_confirm']",
            run: "click",
        },
        {
            content: "The request is sent",
            trigger: ".o_notification",
        },
        {
            content: "Still her member until accepted: print the card",
            trigger: "body:not(:has(.modal)) .o_statusbar_buttons button[name='action_print_card']",
            run: "click",
        },
        {
            content: "Back on the member after printing",
            trigger: ".o_form_view .o_field_widget[name='name']:contains('Trần Thị Mai'), .o_form_view .o_field_widget[name='name'] input",
        },
    ],
});
