/** The officer's routine on the day of a class: open the class, open a session's attendance
 *  and check in a registered member by hand. Steps use field names, not labels. */
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("union_training_officer_check_in", {
    steps: () => [
        {
            content: "Open the Sessions tab of the class",
            trigger: ".o_notebook_headers a[name=union_sessions]",
            run: "click",
        },
        {
            content: "Open the attendance of the first session",
            trigger: ".o_field_widget[name=union_session_ids] .o_data_row:contains('Buổi 1') button[name=action_open_attendance]",
            run: "click",
        },
        {
            content: "Add a line of attendance",
            trigger: ".o_field_widget[name=attendance_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Search the registered member",
            trigger: ".o_field_widget[name=registration_id] input",
            run: "edit Nguyễn Thị Lan",
        },
        {
            content: "Choose them",
            trigger: ".o-autocomplete--dropdown-menu .o-autocomplete--dropdown-item a:contains('Nguyễn Thị Lan')",
            run: "click",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "One person present",
            trigger: ".o_form_saved .o_field_widget[name=attended_count]:contains('1')",
        },
    ],
});
