/** @odoo-module **/
import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

// An officer writes a mailing to the members of their unit with Odoo's e-mail marketing editor:
// the unit (never a list or a domain), a theme, the text; then saves it.
registry.category("web_tour.tours").add("union_reach_mailing_tour", {
    steps: () => [
        { trigger: "button.o_list_button_add", run: "click" },
        { trigger: "div[name='subject'] input", run: "edit Thư mời dự Hội nghị đoàn viên" },
        { trigger: "div[name='union_organization_id'] input", run: "edit Trường THPT A" },
        { trigger: ".o-autocomplete--dropdown-menu a:contains('Công đoàn Trường THPT A')", run: "click" },
        { trigger: "div[name='email_from'] input", run: "edit Công đoàn Trường THPT A <congdoan.a@example.vn>" },
        { trigger: ":iframe .o_mail_theme_selector_new" },
        { content: "Pick the basic theme", trigger: ":iframe #basic", run: "click" },
        { trigger: ":iframe html:not(:has(.o_mail_theme_selector_new))" },
        ...stepUtils.saveForm(),
        { trigger: ".o_form_saved, .o_form_status_indicator:not(:has(.o_form_button_save))" },
    ],
});
