/** @odoo-module **/

import { registry } from "@web/core/registry";

// Started by tests/test_congress.py as the unit's officer at the registration desk, on the
// check-in link a participant's QR code holds: who it is, then one tap.
registry.category("web_tour.tours").add("union_governance_checkin_tour", {
    steps: () => [
        {
            content: "The scanned link shows the participant, nobody is checked in yet",
            trigger: ".o_union_checkin_participant strong",
        },
        {
            content: "Confirm the check-in",
            trigger: "button.o_union_checkin_confirm",
            run: "click",
        },
        {
            content: "The participant is checked in",
            trigger: ".o_union_checkin_done",
        },
    ],
});
