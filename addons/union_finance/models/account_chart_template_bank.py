from odoo import Command, models

from odoo.addons.account.models.chart_template import template

from .template_vn_union import UNION_TEMPLATE

#: labels of bank fee lines (SMS banking, account maintenance, transfer fees), lower case:
#: Odoo compares the lower-cased label with re.match
UNION_BANK_FEE_REGEX = (
    r".*(phí sms|phi sms|sms banking|phí duy trì|phi duy tri|phí quản lý tài khoản|"
    r"phi quan ly tai khoan|phí dịch vụ|phi dich vu|phí chuyển tiền|phi chuyen tien|"
    r"thu phí|thu phi|service fee|maintenance fee|sms fee)")
#: labels of interest lines ("trả lãi" with its accents: "tra lai" also means "give back")
UNION_BANK_INTEREST_REGEX = (
    r".*(lãi tiền gửi|lai tien gui|trả lãi|lãi nhập vốn|lai nhap von|credit interest|"
    r"interest payment)")


class AccountChartTemplate(models.AbstractModel):
    _inherit = "account.chart.template"

    @template(UNION_TEMPLATE, "account.reconcile.model")
    def _get_vn_union_bank_reconcile_model(self):
        """Bank fees and interest on the union's statements are booked without the
        accountant: fees to 6151 (bank service fees), interest to 5151 (deposit
        interest); both are accounts of the union chart."""
        return {
            "union_reconcile_bank_fee": {
                "name": "Phí ngân hàng (SMS, duy trì tài khoản)",
                "sequence": 50,
                "rule_type": "writeoff_suggestion",
                "auto_reconcile": True,
                "match_nature": "amount_paid",
                "match_label": "match_regex",
                "match_label_param": UNION_BANK_FEE_REGEX,
                "line_ids": [Command.create({
                    "account_id": "union_6151", "amount_type": "percentage",
                    "amount_string": "100", "label": "Phí ngân hàng"})],
            },
            "union_reconcile_bank_interest": {
                "name": "Lãi tiền gửi ngân hàng",
                "sequence": 51,
                "rule_type": "writeoff_suggestion",
                "auto_reconcile": True,
                "match_nature": "amount_received",
                "match_label": "match_regex",
                "match_label_param": UNION_BANK_INTEREST_REGEX,
                "line_ids": [Command.create({
                    "account_id": "union_5151", "amount_type": "percentage",
                    "amount_string": "100", "label": "Lãi tiền gửi"})],
            },
        }

    def _union_add_bank_reconcile_models(self, companies):
        """Create the bank fee and interest models (above) for the union-chart companies
        among ``companies`` that lack them: companies whose chart was loaded before the
        models were shipped (migration 18.0.1.3.0). A company whose fee or interest
        account was removed gets no model for it. Returns the companies completed."""
        completed = companies.browse()
        for company in companies.filtered(lambda c: c.chart_template == UNION_TEMPLATE):
            chart = self.with_company(company)
            missing = {}
            for xmlid, vals in chart._get_vn_union_bank_reconcile_model().items():
                account = vals["line_ids"][0][2]["account_id"]
                if chart.ref(xmlid, raise_if_not_found=False) \
                        or not chart.ref(account, raise_if_not_found=False):
                    continue
                missing[xmlid] = vals
            if missing:
                chart._load_data({"account.reconcile.model": missing})
                completed |= company
        return completed
