/** @odoo-module **/
import { registry } from "@web/core/registry";
import { checkNoHorizontalOverflow } from "@union_membership/../tests/tours/phone_checks";

// A member opens the portal on a phone, sees their unit's latest announcement and reads it.
registry.category("web_tour.tours").add("union_reach_portal_tour", {
    url: "/my",
    steps: () => [
        {
            trigger: ".o_union_announcements a:contains('Tin vui Trường THPT A')",
            run(helpers) {
                checkNoHorizontalOverflow("/my");
                return helpers.click();
            },
        },
        { trigger: "h1:contains('Tin vui Trường THPT A')" },
    ],
});
