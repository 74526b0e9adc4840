/** @odoo-module **/

// Steps shared by the browser tours of background jobs (union.background.job.mixin). The test
// plays OCA queue_job's job runner (tests/tour_jobs.py, TourJobRunnerMixin): the job waits
// until the tour has seen it waiting, then the tour asks for it to run with a request to an
// outside address, which the test answers once the job is done. The officer's screen then
// shows the outcome by itself (the union_job_poll widget reloads the record every 2 seconds).
// The tours of the other addons import it: "@union_membership/../tests/tours/union_job_tour_utils".

export const RUNNER_URL = "https://queue-job-runner.union.test/run";

/**
 * The step "the job runner picks the waiting job up", taken once `trigger` shows the job waiting.
 * Fails the tour when no job was waiting (the work ran at once, or never started).
 */
export function runWaitingJobs(trigger) {
    return {
        content: "The job runner picks the waiting job up (played by the test)",
        trigger,
        async run() {
            const response = await fetch(RUNNER_URL);
            const { ran } = await response.json();
            if (!ran) {
                throw new Error("No background job was waiting to run");
            }
        },
    };
}

/** The first steps of every backend tour: the apps menu, then the Trade Union app. */
export function openUnionApp() {
    return [
        {
            content: "Open the apps menu",
            trigger: ".o_navbar_apps_menu button",
            run: "click",
        },
        {
            content: "The Trade Union app",
            trigger: ".o_app[data-menu-xmlid='union_membership.union_menu_root']",
            run: "click",
        },
    ];
}
