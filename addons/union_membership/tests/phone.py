from odoo import Command


class PhonePortalMixin:
    """What the suite's phone-size portal tests share (issue 14): a 390 px wide touch browser,
    and a page read as a Vietnamese member or visitor (to check the stacked rows' labels).
    Mixed into an HttpCase; the page checks of the tours are in
    static/tests/tours/phone_checks.js."""

    browser_size = "390x844"
    touch_enabled = True

    def _page_in_vietnamese(self, url, login=None):
        """The page as a Vietnamese member (or visitor) reads it: the stacked rows' labels too."""
        vi = self.env["res.lang"]._activate_lang("vi_VN")
        self.env["website"].search([]).write({"language_ids": [Command.link(vi.id)]})
        if login:
            self.env["res.users"].search([("login", "=", login)]).lang = "vi_VN"
            self.authenticate(login, login)
        else:
            self.authenticate(None, None)
        self.opener.cookies.set("frontend_lang", "vi_VN")
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        return response.text
