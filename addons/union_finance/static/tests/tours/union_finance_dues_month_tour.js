/** @odoo-module **/

import { registry } from "@web/core/registry";

// Started by tests/test_routines.py as the union accountant: the month's dues of unit A
// (a draft run for 07/2025 is waiting), then a cash payment with its receipt (C40-BB).
registry.category("web_tour.tours").add("union_finance_dues_month_tour", {
    url: "/odoo/action-union_finance.union_dues_run_action",
    steps: () => [
        {
            content: "Open the unit's dues run of the month",
            trigger: ".o_data_row td:contains('07/2025')",
            run: "click",
        },
        {
            content: "Compute the members' dues",
            trigger: ".o_form_view button[name='action_compute']",
            run: "click",
        },
        {
            content: "Before posting, the run shows what the unit keeps and what goes up",
            trigger: ".o_form_view .o_field_widget[name='preview_kept']:not(:empty)",
        },
        {
            content: "The members' lines are listed for review",
            trigger: ".o_form_view .o_field_widget[name='line_ids'] .o_data_row",
        },
        {
            content: "Confirm and post the entry",
            trigger: ".o_form_view button[name='action_confirm']",
            run: "click",
        },
        {
            content: "Posted: the run can now only be reversed",
            trigger: ".o_form_view button[name='action_reverse']",
        },
        {
            content: "Look at the entry's debit and credit",
            trigger: ".o_form_view .o_notebook a[name='journal_items']",
            run: "click",
        },
        {
            content: "The journal items are there",
            trigger: ".o_form_view .o_field_widget[name='move_line_ids'] .o_data_row",
        },
        {
            content: "A member pays in cash: a new dues payment",
            trigger: "body",
            run: "goToUrl /odoo/action-union_finance.union_dues_payment_action/new",
        },
        {
            content: "Choose the member who pays",
            trigger: ".o_form_view .o_field_widget[name='member_id'] input",
            run: "edit Nguyễn Thị Lan",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains('Nguyễn Thị Lan')",
            run: "click",
        },
        {
            content: "The amount due is proposed",
            trigger: ".o_form_view .o_field_widget[name='amount'] input:value(88,000), .o_form_view .o_field_widget[name='amount'] input:value(88.000)",
        },
        {
            content: "Record the payment",
            trigger: ".o_form_view button[name='action_post']",
            run: "click",
        },
        {
            content: "Recorded: the receipt (C40-BB) can be printed",
            trigger: ".o_form_view button[name='action_print_receipt']",
        },
    ],
});
