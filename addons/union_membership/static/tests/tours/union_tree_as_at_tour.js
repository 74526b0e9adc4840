/** @odoo-module **/

import { registry } from "@web/core/registry";

// Started by tests/test_organization_tree_tour.py as an officer of the Lâm Đồng federation
// (who also keeps the merged Đắk Nông federation's archive): the units as at 15/06/2025 show the
// Đắk Nông education union, and the school under it; as at today, the Lâm Đồng federation, and
// the school under it (the chart, then the list of the same action).

// date: as the officer's language (vi_VN) writes it, dd/mm/yyyy; null: today, the default
function openAsAt(date) {
    return [
        {
            content: "Members menu",
            trigger: ".o_menu_sections button[data-menu-xmlid='union_membership.union_menu_members']",
            run: "click",
        },
        {
            content: "Units as at a Date",
            trigger: ".o-dropdown-item[data-menu-xmlid='union_membership.union_organization_as_at_menu']",
            run: "click",
        },
        ...(date
            ? [{
                content: `The date: ${date}`,
                trigger: ".modal .o_field_widget[name='date'] input",
                run: `edit ${date} && press Enter`,
            }]
            : []),
        {
            content: "Show the units",
            trigger: ".modal footer button[name='action_show_tree']",
            run: "click",
        },
    ];
}

registry.category("web_tour.tours").add("union_tree_as_at_tour", {
    url: "/odoo/action-union_membership.union_member_action",
    steps: () => [
        ...openAsAt("15/06/2025"),
        {
            content: "Before the reorganisation: the Đắk Nông federation on top, the education union below it",
            trigger: ".o_hierarchy_view .o_hierarchy_node:contains('Công đoàn ngành Giáo dục tỉnh Đắk Nông')",
        },
        {
            content: "No Lâm Đồng federation yet",
            trigger: ".o_hierarchy_view:not(:has(.o_hierarchy_node:contains('Liên đoàn Lao động tỉnh Lâm Đồng')))",
        },
        {
            content: "The same units as a list",
            trigger: ".o_control_panel .o_switch_view.o_list",
            run: "click",
        },
        {
            content: "The school, under the education union at that date",
            trigger: ".o_list_view .o_data_row:has(.o_data_cell[name='as_at_name']:contains('Công đoàn Trường THPT Gia Nghĩa')):has(.o_data_cell[name='as_at_parent_id']:contains('Công đoàn ngành Giáo dục tỉnh Đắk Nông'))",
        },
        ...openAsAt(null),
        {
            content: "Today: the Lâm Đồng federation",
            trigger: ".o_hierarchy_view .o_hierarchy_node:contains('Liên đoàn Lao động tỉnh Lâm Đồng')",
        },
        {
            content: "The same units as a list",
            trigger: ".o_control_panel .o_switch_view.o_list",
            run: "click",
        },
        {
            content: "The school now under the Lâm Đồng federation",
            trigger: ".o_list_view .o_data_row:has(.o_data_cell[name='as_at_name']:contains('Công đoàn Trường THPT Gia Nghĩa')):has(.o_data_cell[name='as_at_parent_id']:contains('Liên đoàn Lao động tỉnh Lâm Đồng'))",
        },
    ],
});
