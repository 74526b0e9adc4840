import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("union_training_portal_register", {
    url: "/my/union/training",
    steps: () => [
        {
            content: "The class of the member's unit is open to them",
            trigger: ".union-open-event:contains('Tập huấn kỹ năng số')",
        },
        {
            content: "The meeting of another unit is not offered",
            trigger: "body:not(:has(.union-open-event:contains('Hội nghị người lao động B')))",
        },
        {
            content: "Register",
            trigger: ".union-open-event:contains('Tập huấn kỹ năng số') .union-register-event",
            run: "click",
        },
        {
            content: "The registration is listed with its check-in code",
            trigger: ".union-registrations td:contains('Tập huấn kỹ năng số')",
        },
        {
            content: "The course of the unit is offered: open it",
            trigger: ".union-courses a:contains('Kỹ năng số cho đoàn viên')",
            run: "click",
        },
        {
            content: "The member is enrolled at this first visit and reads the course page",
            trigger: ".o_wslides_course_main, .o_wslides_course_header",
        },
        {
            content: "The lesson is listed",
            trigger: "a:contains('Bài 1')",
        },
    ],
});
