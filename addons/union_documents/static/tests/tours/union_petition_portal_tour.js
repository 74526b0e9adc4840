/** @odoo-module **/

import { registry } from "@web/core/registry";

// Started by tests/test_portal_http.py as the portal member of unit A.
registry.category("web_tour.tours").add("union_petition_portal_tour", {
    url: "/my/union/petitions",
    steps: () => [
        {
            content: "Open the form of a new petition",
            trigger: "a.o_union_petition_new",
            run: "click",
        },
        {
            content: "Choose the kind",
            trigger: "form.o_union_petition_form select[name='kind']",
            run: "select recommendation",
        },
        {
            content: "Type the subject",
            trigger: "form.o_union_petition_form input[name='subject']",
            run: "edit Đề nghị tăng mức hỗ trợ ngày 20/11",
        },
        {
            content: "Type the content",
            trigger: "form.o_union_petition_form textarea[name='description']",
            run: "edit Đề nghị công đoàn trường xem xét tăng mức hỗ trợ cho đoàn viên nhân ngày Nhà giáo.",
        },
        {
            content: "Send",
            trigger: "button.o_union_petition_submit",
            run: "click",
        },
        {
            content: "The petition is sent and shown with its status",
            trigger: ".o_union_petition_submitted",
        },
        {
            content: "Its subject is on the page",
            trigger: "h4:contains('Đề nghị tăng mức hỗ trợ ngày 20/11')",
        },
    ],
});
