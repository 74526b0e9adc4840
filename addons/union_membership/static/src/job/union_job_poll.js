/** @odoo-module **/
// Reloads the record every 2 seconds while its background job waits or runs, so that the
// officer sees the progress bar move and the result appear (union.background.job.mixin).
import { Component, useEffect, xml } from "@odoo/owl";
import { registry } from "@web/core/registry";
import { standardFieldProps } from "@web/views/fields/standard_field_props";

const ACTIVE_STATES = ["queued", "running"];

export class UnionJobPoll extends Component {
    static template = xml`<span class="d-none"/>`;
    static props = { ...standardFieldProps };

    setup() {
        useEffect(
            (state) => {
                if (!ACTIVE_STATES.includes(state)) {
                    return;
                }
                const timer = setInterval(() => {
                    if (!this.props.record.dirty) {
                        this.props.record.load();
                    }
                }, 2000);
                return () => clearInterval(timer);
            },
            () => [this.props.record.data[this.props.name]]
        );
    }
}

registry.category("fields").add("union_job_poll", {
    component: UnionJobPoll,
    supportedTypes: ["selection"],
});
