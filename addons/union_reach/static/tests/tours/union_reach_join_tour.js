/** @odoo-module **/
import { registry } from "@web/core/registry";
import { checkNoHorizontalOverflow } from "@union_membership/../tests/tours/phone_checks";

// A worker applies on a phone: fills the form, gives consent, sends it.
registry.category("web_tour.tours").add("union_reach_join_tour", {
    url: "/gia-nhap",
    steps: () => [
        {
            trigger: "input[name=name]",
            run(helpers) {
                checkNoHorizontalOverflow("/gia-nhap");
                return helpers.edit("Đỗ Thị Hạnh");
            },
        },
        {
            trigger: "input[name=birth_date]",
            run() {
                this.anchor.value = "1996-05-20";
            },
        },
        { trigger: "select[name=gender]", run: "select female" },
        { trigger: "input[name=id_document_number]", run: "edit 067196004321" },
        { trigger: "select[name=employer_id]", run: "selectByLabel Trường THPT A" },
        { trigger: "input[name=phone]", run: "edit 0987654321" },
        { trigger: "input[name=consent]", run: "check" },
        { trigger: "button.o_union_join_submit", run: "click" },
        {
            trigger: ".o_union_join_thanks",
            run() {
                checkNoHorizontalOverflow("/gia-nhap (sent)");
            },
        },
    ],
});
