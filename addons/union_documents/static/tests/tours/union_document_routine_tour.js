/** @odoo-module **/

import { registry } from "@web/core/registry";

// The daily routine of documents (issue 14), started by tests/test_document_tour.py:
// the upper-level officer writes, approves and releases a document to a school;
// the school's officer finds it in the incoming list, opens it and marks it read;
// the sender sees the receipt. Steps use field names and button names only.
const SUBJECT = "Kế hoạch tổ chức Ngày Nhà giáo Việt Nam 20/11";

registry.category("web_tour.tours").add("union_document_release_tour", {
    url: "/odoo/action-union_documents.union_document_action_outgoing",
    steps: () => [
        {
            content: "New outgoing document",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Summary",
            trigger: ".o_field_widget[name='subject'] input",
            run: `edit ${SUBJECT}`,
        },
        {
            content: "Type",
            trigger: ".o_field_widget[name='type_id'] input",
            run: "edit Kế hoạch",
        },
        {
            trigger: ".ui-menu-item > a:contains('Kế hoạch')",
            run: "click",
        },
        {
            content: "Signer",
            trigger: ".o_field_widget[name='signer_id'] input",
            run: "edit Phạm Văn",
        },
        {
            trigger: ".ui-menu-item > a:contains('Phạm Văn Chủ tịch')",
            run: "click",
        },
        {
            content: "Recipient: the school, by name",
            trigger: ".o_field_widget[name='recipient_unit_ids'] input",
            run: "edit Trường THPT A",
        },
        {
            trigger: ".ui-menu-item > a:contains('Trường THPT A')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='recipient_unit_ids'] .o_tag:contains('Trường THPT A')",
        },
        {
            content: "Open the content tab",
            trigger: ".o_notebook .nav-link[name='content']",
            run: "click",
        },
        {
            content: "Write the content",
            trigger: ".o_field_widget[name='body'] .odoo-editor-editable",
            run: "editor Đề nghị các công đoàn cơ sở tổ chức kỷ niệm Ngày Nhà giáo Việt Nam.",
        },
        {
            content: "Submit for approval",
            trigger: ".o_form_view button[name='action_submit']",
            run: "click",
        },
        {
            content: "Approve (the officer signs)",
            trigger: ".o_form_view button[name='action_approve']",
            run: "click",
        },
        {
            content: "Release",
            trigger: ".o_form_view button[name='action_release']",
            run: "click",
        },
        {
            content: "Confirm the release",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "Released: numbered and sent",
            trigger: ".o_statusbar_status .o_arrow_button_current[data-value='released']",
        },
        {
            trigger: ".o_field_widget[name='number_symbol']:contains('/KH-')",
        },
    ],
});

registry.category("web_tour.tours").add("union_document_receive_tour", {
    url: "/odoo/action-union_documents.union_document_action_incoming",
    steps: () => [
        {
            content: "The document has arrived in the incoming list",
            trigger: `.o_data_row td[name='subject']:contains('${SUBJECT}')`,
            run: "click",
        },
        {
            content: "Opened: registered in the school's incoming register",
            trigger: ".o_statusbar_status .o_arrow_button_current[data-value='registered']",
        },
        {
            content: "Mark it as read",
            trigger: ".o_form_view button[name='action_mark_read']",
            run: "click",
        },
        {
            content: "The receipt is recorded",
            trigger: ".o_field_widget[name='receipt_date'] :not(:empty)",
        },
        {
            trigger: ".o_form_view:not(:has(button[name='action_mark_read']))",
        },
    ],
});

registry.category("web_tour.tours").add("union_document_receipt_tour", {
    url: "/odoo/action-union_documents.union_document_action_outgoing",
    steps: () => [
        {
            trigger: `.o_data_row td[name='subject']:contains('${SUBJECT}')`,
            run: "click",
        },
        {
            content: "Open the read receipts",
            trigger: ".o_notebook .nav-link[name='distribution']",
            run: "click",
        },
        {
            content: "The school has read it",
            trigger: ".o_field_widget[name='distribution_ids'] .o_data_row:contains('Trường THPT A') td[name='read_user_id']:contains('t_officer_a')",
        },
    ],
});
