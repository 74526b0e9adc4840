/** The daily emulation routine in the backend, as each role does it (issue 14):
 *  the grassroots officer self-scores the unit's year; the upper-level officer reviews and classifies
 *  it; the grassroots officer proposes a member for a commendation; the upper-level officer records
 *  the council's vote, approves, decides and prints the certificates. Steps use field names, not
 *  labels, so they hold in every language. */
import { registry } from "@web/core/registry";

/** A step checking that a many2one shows (at least) ``text``: the display name may add a code. */
function showsUnit(field, text) {
    return {
        content: `${field} is filled in with ${text}`,
        trigger: `.o_field_widget[name=${field}] input`,
        run() {
            if (!this.anchor.value.includes(text)) {
                throw new Error(`${field} shows "${this.anchor.value}", not ${text}`);
            }
        },
    };
}

const STATUS = (value) => `.o_statusbar_status button.o_arrow_button_current[data-value=${value}]`;

function pickMany2one(field, search, choice) {
    return [
        {
            content: `Search ${search} in ${field}`,
            trigger: `.o_field_widget[name=${field}] input`,
            run: `edit ${search}`,
        },
        {
            content: `Choose ${choice}`,
            trigger: `.o-autocomplete--dropdown-menu .o-autocomplete--dropdown-item a:contains('${choice}')`,
            run: "click",
        },
        {
            content: "No 'Create' offered for a unit, member or movement",
            trigger: `.o_field_widget[name=${field}] input`,
            run() {
                if (document.querySelector(".o-autocomplete--dropdown-menu .o_m2o_dropdown_option_create")) {
                    throw new Error(`The picker of ${field} offers to create a record`);
                }
            },
        },
    ];
}

registry.category("web_tour.tours").add("union_emulation_self_score", {
    url: "/odoo/action-union_emulation.union_emulation_evaluation_action",
    steps: () => [
        {
            content: "New yearly evaluation",
            trigger: ".o_list_button_add",
            run: "click",
        },
        showsUnit("organization_id", "Công đoàn Trường THPT A"),
        {
            content: "The year's scoring template is chosen and its items listed",
            trigger: ".o_field_widget[name=line_ids] .o_data_row:nth-child(8)",
        },
        {
            content: "Score the first item",
            trigger: ".o_field_widget[name=line_ids] .o_data_row:first-child td[name=self_score]",
            run: "click",
        },
        {
            content: "Self score: 5",
            trigger: ".o_field_widget[name=line_ids] .o_selected_row td[name=self_score] input",
            run: "edit 5",
        },
        {
            content: "Explain",
            trigger: ".o_field_widget[name=line_ids] .o_selected_row td[name=self_comment] textarea",
            run: "edit Đã tổ chức hội nghị người lao động",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The self score is summed",
            trigger: ".o_field_widget[name=self_total]:contains(5)",
        },
        {
            content: "Submit for review",
            trigger: ".o_form_statusbar button[name=action_submit]",
            run: "click",
        },
        {
            content: "Under review",
            trigger: STATUS("submitted"),
        },
    ],
});

registry.category("web_tour.tours").add("union_emulation_review", {
    steps: () => [
        {
            content: "The unit's evaluation is under review",
            trigger: STATUS("submitted"),
        },
        {
            content: "Review the first item",
            trigger: ".o_field_widget[name=line_ids] .o_data_row:first-child td[name=reviewed_score]",
            run: "click",
        },
        {
            content: "Reviewed score: 4",
            trigger: ".o_field_widget[name=line_ids] .o_selected_row td[name=reviewed_score] input",
            run: "edit 4",
        },
        {
            content: "Comment",
            trigger: ".o_field_widget[name=line_ids] .o_selected_row td[name=review_comment] textarea",
            run: "edit Thiếu biên bản hội nghị",
        },
        {
            content: "Conclusion",
            trigger: ".o_field_widget[name=review_note] textarea",
            run: "edit Đơn vị cần bổ sung minh chứng",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Approve",
            trigger: ".o_form_statusbar button[name=action_approve]",
            run: "click",
        },
        {
            content: "Approved and classified",
            trigger: STATUS("approved"),
        },
        {
            content: "The class is shown",
            trigger: ".o_field_widget[name=classification] span:not(:empty)",
        },
    ],
});

registry.category("web_tour.tours").add("union_emulation_propose", {
    url: "/odoo/action-union_emulation.union_award_proposal_action",
    steps: () => [
        {
            content: "New proposal",
            trigger: ".o_list_button_add",
            run: "click",
        },
        showsUnit("organization_id", "Công đoàn Trường THPT A"),
        ...pickMany2one("award_title_id", "cấp trên cơ sở (cá nhân)", "cấp trên cơ sở (cá nhân)"),
        ...pickMany2one("movement_id", "Hai tốt", "Hai tốt"),
        {
            content: "Add a candidate",
            trigger: ".o_field_widget[name=line_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        ...pickMany2one("member_id", "Nguyễn Thị Lan", "Nguyễn Thị Lan"),
        {
            content: "Achievement",
            trigger: ".o_field_widget[name=line_ids] .o_selected_row td[name=achievement] textarea",
            run: "edit Giáo viên dạy giỏi cấp tỉnh",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Submit",
            trigger: ".o_form_statusbar button[name=action_submit]",
            run: "click",
        },
        {
            content: "Submitted",
            trigger: STATUS("submitted"),
        },
    ],
});

registry.category("web_tour.tours").add("union_emulation_decide", {
    steps: () => [
        {
            content: "The proposal is submitted",
            trigger: STATUS("submitted"),
        },
        {
            content: "Council members",
            trigger: ".o_field_widget[name=council_size] input",
            run: "edit 7",
        },
        {
            content: "Votes for",
            trigger: ".o_field_widget[name=votes_for] input",
            run: "edit 6",
        },
        {
            content: "Votes against",
            trigger: ".o_field_widget[name=votes_against] input",
            run: "edit 1",
        },
        {
            content: "Record the council's vote",
            trigger: ".o_form_statusbar button[name=action_review]",
            run: "click",
        },
        {
            content: "Approve",
            trigger: ".o_form_statusbar button[name=action_approve]",
            run: "click",
        },
        {
            content: "Approved",
            trigger: STATUS("approved"),
        },
        {
            content: "Go to the decisions",
            trigger: "body",
            run: "goToUrl /odoo/action-union_emulation.union_award_decision_action/new",
        },
        showsUnit("organization_id", "Công đoàn ngành Giáo dục"),
        {
            content: "Number",
            trigger: ".o_field_widget[name=name] input",
            run: "edit 25/QĐ-CĐN",
        },
        ...pickMany2one("award_title_id", "cấp trên cơ sở (cá nhân)", "cấp trên cơ sở (cá nhân)"),
        ...pickMany2one("movement_id", "Hai tốt", "Hai tốt"),
        {
            content: "Signer",
            trigger: ".o_field_widget[name=signer_name] input",
            run: "edit Phạm Văn Minh",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Add the approved proposals",
            trigger: ".o_form_statusbar button[name=action_add_approved_proposals]",
            run: "click",
        },
        {
            content: "Issue",
            trigger: ".o_form_statusbar button[name=action_issue]",
            run: "click",
        },
        {
            content: "Issued, with its recipient",
            trigger: STATUS("issued"),
        },
        {
            content: "The recipient is listed",
            trigger: ".o_field_widget[name=recipient_ids] .o_data_row td:contains(Nguyễn Thị Lan)",
        },
        {
            content: "The print button is offered (the PDF itself is checked in Python)",
            trigger: ".o_form_statusbar button[name=action_print_certificates]",
        },
    ],
});
