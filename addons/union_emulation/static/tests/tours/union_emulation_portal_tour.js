import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("union_emulation_portal_register", {
    url: "/my/union/emulation",
    steps: () => [
        {
            content: "The open movement is listed",
            trigger: ".union-open-movement:contains('Hai tốt')",
        },
        {
            content: "Write a commitment",
            trigger: ".union-open-movement textarea[name=note]",
            run: "edit Phấn đấu đạt Lao động tiên tiến",
        },
        {
            content: "Register",
            trigger: ".union-open-movement .union-register-button",
            run: "click",
        },
        {
            content: "The registration is confirmed and listed",
            trigger: ".union-my-registrations td:contains('Hai tốt')",
        },
    ],
});
