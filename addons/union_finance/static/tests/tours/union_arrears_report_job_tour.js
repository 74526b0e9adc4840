/** @odoo-module **/

import { registry } from "@web/core/registry";
import { runWaitingJobs, openUnionApp } from "@union_membership/../tests/tours/union_job_tour_utils";

// Started by tests/test_job_tours.py as the grassroots officer of "Công đoàn Trường THPT A", with
// every unit "large" (the arrears report is a background job): Finance ▸ Finance Reports (XLSX),
// the arrears of the unit for 2025, Export (a double click); the dialog shows the job waiting
// with its progress bar and no second Export button; the job runner (played by the test) writes
// the file, and the dialog offers it by itself.
registry.category("web_tour.tours").add("union_arrears_report_job_tour", {
    url: "/odoo",
    steps: () => [
        ...openUnionApp(),
        {
            content: "Finance menu",
            trigger: ".o_menu_sections button[data-menu-xmlid='union_finance.union_finance_menu']",
            run: "click",
        },
        {
            content: "Finance Reports (XLSX)",
            trigger: ".o-dropdown-item[data-menu-xmlid='union_finance.union_finance_xlsx_report_menu']",
            run: "click",
        },
        {
            content: "The arrears report",
            trigger: ".modal .o_field_widget[name='report_type'] select",
            run: 'select "arrears"',
        },
        {
            content: "Of the officer's unit",
            trigger: ".modal .o_field_widget[name='organization_id'] input",
            run: "edit THPT A",
        },
        {
            trigger: ".modal .o_field_widget[name='organization_id'] .o-autocomplete--dropdown-item a:contains('Công đoàn Trường THPT A')",
            run: "click",
        },
        {
            content: "For 2025",
            trigger: ".modal .o_field_widget[name='year'] input",
            run: "edit 2025",
        },
        {
            content: "Export, clicked twice",
            trigger: ".modal footer button[name='action_export']",
            run: "dblclick",
        },
        {
            content: "The report is written in the background, with its progress bar",
            trigger: ".modal .o_field_widget[name='union_job_progress'] .o_progressbar",
        },
        {
            content: "No second Export while it waits, and no file yet",
            trigger: ".modal:not(:has(.o_field_widget[name='file_data'])) footer:not(:has(button[name='action_export']))",
        },
        runWaitingJobs(".modal .o_field_widget[name='union_job_progress']"),
        {
            content: "The dialog offers the file by itself",
            trigger: ".modal:not(:has(.o_field_widget[name='union_job_progress'])) .o_field_widget[name='file_data']:contains('T-A-2025.xlsx')",
        },
        {
            content: "Export is offered again (for another report)",
            trigger: ".modal footer button[name='action_export']",
        },
        {
            content: "Close",
            trigger: ".modal-header .btn-close",
            run: "click",
        },
        {
            content: "Reporting menu",
            trigger: ".o_menu_sections button[data-menu-xmlid='union_membership.union_menu_reporting']",
            run: "click",
        },
        {
            content: "Background Jobs",
            trigger: ".o-dropdown-item[data-menu-xmlid='union_membership.union_background_job_menu']",
            run: "click",
        },
        {
            content: "The report's job: done, at 100 %",
            trigger: ".o_list_view .o_data_row:has(.o_field_widget[name='state'] .text-bg-success):has(.o_progressbar_value:contains('100'))",
        },
    ],
});
