/** @odoo-module **/

// What every phone-size tour of the suite checks on a portal or public page, in a 390 px wide
// touch browser: the page does not scroll sideways, and a table reads as stacked rows
// (o_union_stack_table, static/src/scss/union_portal.scss) labelled by their data-label.
// The tours of the other addons import it: "@union_membership/../tests/tours/phone_checks".
export const PHONE_WIDTH = 390;
const TOLERANCE = 2;

export function checkNoHorizontalOverflow(page) {
    const width = document.documentElement.scrollWidth;
    if (width > window.innerWidth + TOLERANCE || width > PHONE_WIDTH + TOLERANCE) {
        throw new Error(`${page}: the page is ${width}px wide on a ${PHONE_WIDTH}px phone`);
    }
}

export function checkStackedTable(selector) {
    const table = document.querySelector(selector);
    if (!table) {
        throw new Error(`${selector}: no such table`);
    }
    const cell = table.querySelector("tbody td[data-label]");
    if (!cell || ["table-cell", "none"].includes(getComputedStyle(cell).display)) {
        throw new Error(`${selector}: the rows are not stacked on a phone`);
    }
    if (getComputedStyle(table.querySelector("thead")).display !== "none") {
        throw new Error(`${selector}: the column headers should give way to the cells' labels`);
    }
    const label = getComputedStyle(cell, "::before").content;
    if (!label || label === "none") {
        throw new Error(`${selector}: a stacked cell shows no label`);
    }
}
