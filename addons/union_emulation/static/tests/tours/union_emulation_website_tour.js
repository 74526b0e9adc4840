/** @odoo-module **/

import { registry } from "@web/core/registry";

// Started by tests/test_website_tour.py as the portal member Nguyễn Thị Lan (unit "Công đoàn Trường THPT A"),
// whose language is Vietnamese: the class labels below are the vi_VN translations.
// Approved results made by the test: in the movement's year, THPT A 100 points (excellent) and
// THCS B 75 points (good); in 2024-2025, THPT A 55 points (completed).
const UNIT_A = "Công đoàn Trường THPT A";
const UNIT_B = "Công đoàn Trường THCS B";
const rankingRow = (unit) => `table.union-ranking tr:has(td.union-ranking-unit:contains('${unit}'))`;

registry.category("web_tour.tours").add("union_emulation_website", {
    url: "/union/emulation",
    steps: () => [
        {
            content: "The movement is listed on the website",
            trigger: ".union-movement-card a:contains('Hai tốt')",
            run: "click",
        },
        {
            content: "The movement's page",
            trigger: ".union-movement-page h1:contains('Hai tốt')",
        },
        {
            content: "Its description is published",
            trigger: ".union-movement-description:contains('Phong trào thi đua dạy tốt - học tốt')",
        },
        {
            content: "Open the ranking of the movement's year (the link is in Vietnamese)",
            trigger: "a.union-ranking-link:contains('Xếp hạng công đoàn cơ sở')",
            run: "click",
        },
        {
            content: "THPT A is first, excellently completed",
            trigger: `${rankingRow(UNIT_A)} td.union-ranking-class[data-classification='excellent']:contains('Hoàn thành xuất sắc nhiệm vụ')`,
        },
        {
            content: "THPT A has rank 1 and 100 points",
            trigger: `${rankingRow(UNIT_A)}:has(td.union-ranking-rank:contains('1')):has(td.union-ranking-points:contains('100'))`,
        },
        {
            content: "THCS B is second, well completed",
            trigger: `${rankingRow(UNIT_B)}:has(td.union-ranking-rank:contains('2')) td.union-ranking-class:contains('Hoàn thành tốt nhiệm vụ')`,
        },
        {
            content: "Filter the ranking by the year 2024-2025",
            trigger: "a.union-ranking-year-link[data-year='2024-2025']",
            run: "click",
        },
        {
            content: "The ranking now shows 2024-2025",
            trigger: "h1 .union-ranking-year:contains('2024-2025')",
        },
        {
            content: "In 2024-2025 THPT A only completed its tasks, with 55 points",
            trigger: `${rankingRow(UNIT_A)}:has(td.union-ranking-points:contains('55')) td.union-ranking-class[data-classification='completed']:contains('Hoàn thành nhiệm vụ')`,
        },
        {
            content: "THCS B was not ranked in 2024-2025",
            trigger: `table.union-ranking:not(:has(td.union-ranking-unit:contains('${UNIT_B}')))`,
        },
        {
            content: "Back to the movements",
            trigger: "a.union-movements-link:contains('Phong trào thi đua')",
            run: "click",
        },
        {
            content: "Open the movement again",
            trigger: ".union-movement-card a:contains('Hai tốt')",
            run: "click",
        },
        {
            content: "Write a commitment on the movement's page",
            trigger: "form.union-movement-register-form textarea[name=note]",
            run: "edit Phấn đấu đạt Lao động tiên tiến năm học này",
        },
        {
            content: "Register",
            trigger: "form.union-movement-register-form .union-register-button:contains('Đăng ký')",
            run: "click",
        },
        {
            content: "The registration is recorded and listed on the member's portal",
            trigger: ".union-emulation-success",
        },
        {
            content: "The movement is in the member's registrations",
            trigger: ".union-my-registrations td:contains('Hai tốt')",
        },
    ],
});
