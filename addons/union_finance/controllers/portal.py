import functools

from odoo import http
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.union_membership.controllers.portal import portal_main_object
from odoo.addons.union_membership.tools.qr import qr_data_url

from ..rules import vietqr as vietqr_rules


class UnionFinancePortal(CustomerPortal):

    def _union_dues_domain(self):
        return [("partner_id", "=", request.env.user.partner_id.id), ("run_state", "=", "posted")]

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "union_dues_count" in counters:
            Line = request.env["union.dues.line"]
            values["union_dues_count"] = Line.search_count(
                self._union_dues_domain() + [("payment_state", "in", ("unpaid", "partial"))]
            ) if Line.has_access("read") else 0
        return values

    def _union_dues_qr_help(self, lines, codes):
        """Why no VietQR code is shown for unpaid lines without one, and how else to pay:
        [{"unit", "reasons" (for a member), "bank" (the account's details, when there is
        one)}], one per unit of those lines."""
        env = request.env
        missing = lines.filtered(lambda line: line.payment_state in ("unpaid", "partial")
                                 and line.id not in codes)
        labels = {
            "country": env._("the country (Vietnam) of the account's holder"),
            "bic": env._("the bank's code"), "bic_format": env._("the bank's code"),
            "acc_number": env._("the account number"), "proxy_type": env._("the QR code type"),
            "proxy_value": env._("the account number for QR codes"),
            "holder": env._("the account holder's name"), "city": env._("the city"),
            "reference": env._("the payment reference option"),
        }
        result = []
        # sudo: a member reads only the public bank details of their own unit
        for unit in missing.sudo().organization_id:
            bank, owner, data = unit._union_vietqr_account_data()
            codes_found = vietqr_rules.problems(data)
            if codes_found == [vietqr_rules.NO_ACCOUNT]:
                reasons = [env._("%(unit)s has not given a bank account for dues yet.",
                                 unit=unit.name)]
            else:
                missing_labels = list(dict.fromkeys(labels[code] for code in codes_found)) or \
                    [env._("a detail the bank requires")]
                reasons = [env._("the bank account of %(unit)s for dues is not complete "
                                 "(missing: %(fields)s).", unit=owner.name,
                                 fields=", ".join(missing_labels))]
            result.append({
                "unit": unit.name, "reasons": reasons,
                "bank": bank and {"number": bank.acc_number or "", "bank": bank.bank_id.name or "",
                                  "holder": bank.acc_holder_name or bank.partner_id.name or ""},
            })
        return result

    def _union_dues_qr_codes(self, lines):
        """{line id: (EMV payload, QR image as data URL)} for the unpaid lines,
        to the bank account of the member's unit (VietQR, l10n_vn)."""
        codes = {}
        unpaid = lines.filtered(lambda line: line.payment_state in ("unpaid", "partial"))
        if not unpaid:
            return codes
        vnd = request.env.ref("base.VND")
        # sudo: a member reads only the public bank details of their own unit
        banks = {}
        # the account may sit on a unit above the member's (_get_dues_bank_account walks up the
        # parents): read the whole chain of units in one query instead of one per level
        units = unpaid.sudo().organization_id
        ancestor_ids = {int(unit_id) for path in units.mapped("parent_path") for unit_id in path.split("/") if unit_id}
        units.browse(ancestor_ids).mapped("dues_bank_account_id")
        for line in unpaid.sudo():
            unit = line.organization_id
            if unit.id not in banks:
                banks[unit.id] = unit._get_dues_bank_account()
            bank = banks[unit.id]
            if not bank:
                continue
            amount = float(line.amount_residual)
            reference = line.payment_reference
            if bank._build_qr_code_vals(amount, reference, reference, vnd, line.partner_id,
                                        qr_method="emv_qr"):
                payload = bank._get_qr_vals("emv_qr", amount, vnd, line.partner_id, reference, reference)
                codes[line.id] = (payload, self._union_qr_image(payload))
        return codes

    @staticmethod
    @functools.lru_cache(maxsize=1024)
    def _union_qr_image(payload):
        """The QR code of ``payload`` as a PNG data URL (union_membership/tools/qr.py).
        Cached per payload: a member reloading the page gets the same image without
        drawing it again (the payload holds the account, the amount and the reference)."""
        return qr_data_url(payload, box_size=4, border=2)

    @http.route(["/my/union/dues"], type="http", auth="user", website=True)
    def portal_my_union_dues(self, **kw):
        Line = request.env["union.dues.line"]
        if not Line.has_access("read"):
            return request.redirect("/my")
        lines = Line.search(self._union_dues_domain(), order="month desc, id desc")
        qr_codes = self._union_dues_qr_codes(lines)
        values = self._prepare_portal_layout_values()
        values.update({
            "page_name": "union_dues",
            # a light main object: see union_membership's portal_main_object
            "main_object": portal_main_object(),
            "dues_lines": lines,
            "qr_codes": qr_codes,
            "qr_help": self._union_dues_qr_help(lines, qr_codes),
            "amount_due": sum(lines.mapped("amount_residual")),
        })
        return request.render("union_finance.portal_my_union_dues", values)
