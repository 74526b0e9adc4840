/** @odoo-module **/

import { registry } from "@web/core/registry";
import { runWaitingJobs, openUnionApp } from "@union_membership/../tests/tours/union_job_tour_utils";

// Started by tests/test_job_tours.py as the union accountant of the sector union, with every run
// "large" (posted in the background): the month's run of the sector union and the units below
// it, from the menu: new run, compute, Confirm and Post (a double click); the run shows its job
// waiting with its progress bar and no second Confirm button; the job runner (played by the
// test) posts it, and the form shows the run posted by itself.
registry.category("web_tour.tours").add("union_dues_run_job_tour", {
    url: "/odoo",
    steps: () => [
        ...openUnionApp(),
        {
            content: "Finance menu",
            trigger: ".o_menu_sections button[data-menu-xmlid='union_finance.union_finance_menu']",
            run: "click",
        },
        {
            content: "Dues Runs",
            trigger: ".o-dropdown-item[data-menu-xmlid='union_finance.union_dues_run_menu']",
            run: "click",
        },
        {
            content: "A new run",
            trigger: ".o_control_panel .o_list_button_add",
            run: "click",
        },
        {
            content: "The sector union",
            trigger: ".o_form_view .o_field_widget[name='organization_id'] input",
            run: "edit ngành Giáo dục",
        },
        {
            trigger: ".o_form_view .o_field_widget[name='organization_id'] .o-autocomplete--dropdown-item a:contains('Công đoàn ngành Giáo dục')",
            run: "click",
        },
        {
            content: "With the units below it",
            trigger: ".o_form_view .o_field_widget[name='include_children'] input:checked",
        },
        {
            content: "The month: July 2025",
            trigger: ".o_form_view .o_field_widget[name='month'] input",
            run: "edit 01/07/2025",
        },
        {
            content: "Compute the members' dues",
            trigger: ".o_form_view button[name='action_compute']",
            run: "click",
        },
        {
            content: "The members' lines are listed for review",
            trigger: ".o_form_view .o_field_widget[name='line_ids'] .o_data_row",
        },
        {
            content: "Confirm and Post, clicked twice",
            trigger: ".o_form_view .o_form_statusbar button[name='action_confirm']",
            run: "dblclick",
        },
        {
            content: "The posting waits in the background, with its progress bar",
            trigger: ".o_form_view .alert-info .o_field_widget[name='union_job_progress'] .o_progressbar",
        },
        {
            content: "No second Confirm and Post while it waits; the run is not posted yet",
            trigger: ".o_form_view .o_form_statusbar:not(:has(button[name='action_confirm'])):has(button.o_arrow_button_current[data-value='computed'])",
        },
        runWaitingJobs(".o_form_view .alert-info .o_field_widget[name='union_job_progress']"),
        {
            content: "The form shows the run posted by itself, the progress gone",
            trigger: ".o_form_view:not(:has(.alert-info .o_field_widget[name='union_job_progress'])) .o_form_statusbar button.o_arrow_button_current[data-value='posted']",
        },
        {
            content: "Posted: it can now only be reversed",
            trigger: ".o_form_view .o_form_statusbar button[name='action_reverse']",
        },
        {
            content: "The journal items are there",
            trigger: ".o_form_view .o_notebook a[name='journal_items']",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name='move_line_ids'] .o_data_row",
        },
    ],
});
