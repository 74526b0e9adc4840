/** @odoo-module **/
// The join form (/gia-nhap) with Odoo's reCAPTCHA and/or Cloudflare Turnstile, only when their
// keys are set in the Website settings (session.recaptcha_public_key, which google_recaptcha
// gives; session.turnstile_site_key, which website_cf_turnstile gives when it is installed).
// The token is checked by the server (controllers/main.py, ir.http's
// _verify_request_recaptcha_token); the offline checks (honeypot, time, per-address limit) stay.
import publicWidget from "@web/legacy/js/public/public_widget";
import { ReCaptcha } from "@google_recaptcha/js/recaptcha";
import { session } from "@web/session";

const ACTION = "union_reach_join";
const TURNSTILE_SCRIPT = "https://challenges.cloudflare.com/turnstile/v0/api.js";

publicWidget.registry.UnionReachJoinCaptcha = publicWidget.Widget.extend({
    selector: ".o_union_join_form",
    events: { submit: "_onSubmit" },

    init() {
        this._super(...arguments);
        this._recaptcha = new ReCaptcha();
    },

    async willStart() {
        await this._super(...arguments);
        await this._recaptcha.loadLibs();
    },

    start() {
        const result = this._super(...arguments);
        if (session.turnstile_site_key && !this.el.querySelector(".cf-turnstile")) {
            // the same widget website_cf_turnstile puts on Odoo's forms: its token is sent as
            // "turnstile_captcha", which its ir.http override checks
            const box = document.createElement("div");
            box.className = "cf-turnstile mb-3";
            box.dataset.sitekey = session.turnstile_site_key;
            box.dataset.action = ACTION;
            box.dataset.responseFieldName = "turnstile_captcha";
            const button = this.el.querySelector(".o_union_join_submit");
            button.parentElement.insertBefore(box, button);
            if (window.turnstile?.render) {
                window.turnstile.render(box);
            } else if (!document.querySelector(`script[src="${TURNSTILE_SCRIPT}"]`)) {
                const script = document.createElement("script");
                script.src = TURNSTILE_SCRIPT;
                script.async = true;
                document.head.appendChild(script);
            }
        }
        return result;
    },

    _onSubmit(ev) {
        if (this._recaptcha._publicKey && !this.el.querySelector("input[name='recaptcha_token_response']")) {
            ev.preventDefault();
            this._recaptcha.getToken(ACTION).then((answer) => {
                const input = document.createElement("input");
                input.type = "hidden";
                input.name = "recaptcha_token_response";
                input.value = answer.token || "";
                this.el.appendChild(input);
                this.el.submit();
            });
        }
    },
});
