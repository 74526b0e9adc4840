/** @odoo-module **/

import { registry } from "@web/core/registry";
import { runWaitingJobs, openUnionApp } from "@union_membership/../tests/tours/union_job_tour_utils";

// Started by tests/test_job_tours.py as the upper-level officer of "Công đoàn ngành Giáo dục", with
// every merge "large" (it runs in the background): Members ▸ Merge or Move Units, "Công đoàn
// Trường THCS B" merged into "Công đoàn Trường THPT A" by a decision; after the confirmation the
// dialog shows the job waiting with its progress bar and no second Confirm button; the job runner
// (played by the test) merges, and the dialog shows the outcome by itself, with the members who
// need a new card.
registry.category("web_tour.tours").add("union_merge_job_tour", {
    url: "/odoo",
    steps: () => [
        ...openUnionApp(),
        {
            content: "Members menu",
            trigger: ".o_menu_sections button[data-menu-xmlid='union_membership.union_menu_members']",
            run: "click",
        },
        {
            content: "Merge or Move Units",
            trigger: ".o-dropdown-item[data-menu-xmlid='union_membership.union_organization_merge_menu']",
            run: "click",
        },
        {
            content: "The unit that closes",
            trigger: ".modal .o_field_widget[name='source_ids'] input",
            run: "edit THCS B",
        },
        {
            trigger: ".modal .o_field_widget[name='source_ids'] .o-autocomplete--dropdown-item a:contains('Công đoàn Trường THCS B')",
            run: "click",
        },
        {
            content: "Only that unit closes",
            trigger: ".modal .o_field_widget[name='source_ids']:has(.o_tag:contains('THCS B')):not(:has(.o_tag:contains('THPT A')))",
        },
        {
            content: "The surviving unit",
            trigger: ".modal .o_field_widget[name='target_id'] input",
            run: "edit THPT A",
        },
        {
            trigger: ".modal .o_field_widget[name='target_id'] .o-autocomplete--dropdown-item a:contains('Công đoàn Trường THPT A')",
            run: "click",
        },
        {
            content: "The preview says what will happen: the unit closes into the surviving one",
            trigger: ".modal .o_field_widget[name='preview'] ul:has(li:contains('THCS B')):has(li:contains('THPT A'))",
        },
        {
            content: "The decision",
            trigger: ".modal .o_field_widget[name='decision_ref'] input",
            run: "edit 125/QĐ-LĐLĐ ngày 30/06/2025",
        },
        {
            content: "Confirm",
            trigger: ".modal footer button[name='action_confirm']",
            run: "click",
        },
        {
            content: "There is no undo: confirm again",
            trigger: ".modal:not(:has(.o_form_view)) footer .btn-primary",
            run: "click",
        },
        {
            content: "The merge waits in the background, with its progress bar",
            trigger: ".modal .o_field_widget[name='union_job_progress'] .o_progressbar",
        },
        {
            content: "No second Confirm while it waits",
            trigger: ".modal:has(.o_field_widget[name='union_job_progress']) footer:not(:has(button[name='action_confirm']))",
        },
        runWaitingJobs(".modal .o_field_widget[name='union_job_progress']"),
        {
            content: "The dialog shows the outcome by itself",
            trigger: ".modal .alert-success .o_field_widget[name='union_job_message']:contains('125/QĐ-LĐLĐ')",
        },
        {
            content: "Still no second Confirm: the merge is done",
            trigger: ".modal footer:not(:has(button[name='action_confirm']))",
        },
        {
            content: "The members who need a new card",
            trigger: ".modal footer button[name='action_view_card_members']",
            run: "click",
        },
        {
            content: "The member of the closed unit is listed",
            trigger: ".o_list_view .o_data_row:contains('Lê Thị Hoa')",
        },
    ],
});
