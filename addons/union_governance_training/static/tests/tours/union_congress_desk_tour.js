/** @odoo-module **/

import { registry } from "@web/core/registry";
import { openUnionApp } from "@union_membership/../tests/tours/union_job_tour_utils";

// Started by tests/test_desk_tour.py as the officer of "Công đoàn Trường THCS B", whose congress
// has its event (three participants, their attendee badges 8800000001 to 8800000003): from the
// congress, its event, then Odoo's registration desk; a scan of Lê Thị Hoa's badge checks her in,
// a second scan of it gets Odoo's "already scanned" answer, a scan of another participant's
// badge checks them in; back on the congress, two present of three: the quorum is reached.

/** What a badge scanner does: the barcode's characters typed very fast, then Enter. */
function scan(barcode) {
    for (const key of [...barcode, "Enter"]) {
        document.body.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true }));
    }
}

function openCongress() {
    return [
        {
            content: "Governance menu",
            trigger: ".o_menu_sections button[data-menu-xmlid='union_governance.union_menu_governance']",
            run: "click",
        },
        {
            content: "Congresses",
            trigger: ".o-dropdown-item[data-menu-xmlid='union_governance.union_congress_menu']",
            run: "click",
        },
        {
            content: "The unit's congress",
            trigger: ".o_list_view .o_data_row .o_data_cell:contains('Đại hội Công đoàn Trường THCS B')",
            run: "click",
        },
    ];
}

registry.category("web_tour.tours").add("union_congress_desk_tour", {
    url: "/odoo",
    steps: () => [
        ...openUnionApp(),
        ...openCongress(),
        {
            content: "Nobody present yet",
            trigger: ".o_form_view button[name='action_view_participants'] .o_stat_value:contains('0')",
        },
        {
            content: "The congress's event: its three attendees",
            trigger: ".o_form_view button[name='action_open_event']:has(.o_stat_value:contains('3'))",
            run: "click",
        },
        {
            content: "Its registration desk",
            trigger: ".o_form_view .o_statusbar_buttons button[type='action']",
            run: "click",
        },
        {
            content: "Scan Lê Thị Hoa's badge",
            trigger: ".o_event_barcode_main:contains('Đại hội Công đoàn Trường THCS B')",
            run: () => scan("8800000001"),
        },
        {
            content: "Checked in",
            trigger: ".modal:contains('Lê Thị Hoa') .alert-success",
        },
        {
            content: "Close the confirmation",
            trigger: ".modal .btn-close",
            run: "click",
        },
        {
            content: "Her badge scanned again",
            trigger: ".o_event_barcode_main:not(:has(.modal))",
            run: () => scan("8800000001"),
        },
        {
            content: "Odoo's answer: already scanned (nothing changes)",
            trigger: ".modal:contains('Lê Thị Hoa') .alert-warning",
        },
        {
            content: "Close it",
            trigger: ".modal .btn-close",
            run: "click",
        },
        {
            content: "Scan the next participant's badge",
            trigger: ".o_event_barcode_main:not(:has(.modal))",
            run: () => scan("8800000002"),
        },
        {
            content: "Checked in",
            trigger: ".modal:contains('Đoàn viên 000') .alert-success",
        },
        {
            content: "Close the confirmation",
            trigger: ".modal .btn-close",
            run: "click",
        },
        {
            content: "Leave the desk",
            trigger: ".o_event_barcode_main .o_event_previous_menu i",
            run: "click",
        },
        {
            content: "Back on the event",
            trigger: ".o_form_view .o_statusbar_buttons button[type='action']",
        },
        ...openCongress(),
        {
            content: "Two present",
            trigger: ".o_form_view button[name='action_view_participants'] .o_stat_value:contains('2')",
        },
        {
            content: "The quorum is reached",
            trigger: ".o_form_view .alert-success .o_field_widget[name='present_count']:contains('2')",
        },
    ],
});
