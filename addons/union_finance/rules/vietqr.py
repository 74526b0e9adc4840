"""What a VietQR code (EMV QR of the NAPAS network, built by Odoo's l10n_vn) needs from a bank
account, checked without Odoo: each missing piece is named, so that the officer is told where
and what, and the member why no code is shown.

``account`` is a dict (or None when the unit and its parents have no dues bank account):
acc_number, bank_bic, holder, proxy_type, proxy_value, country_code, city, include_reference.
"""
import re

#: the QR code types l10n_vn accepts for Vietnam
PROXY_TYPES = ("merchant_id", "payment_service", "atm_card", "bank_acc")
#: a NAPAS bank identification number (BIN): six digits, e.g. 970436 for Vietcombank
BIN_PATTERN = re.compile(r"^\d{6}$")

NO_ACCOUNT = "no_account"
# in the order an officer fixes them
CHECKS = ("country", "bic", "bic_format", "acc_number", "proxy_type", "proxy_value", "holder",
          "city", "reference")


def problems(account):
    """The codes of what ``account`` lacks for a VietQR code (empty: the code can be made)."""
    if not account:
        return [NO_ACCOUNT]
    found = []
    if account.get("country_code") != "VN":
        found.append("country")
    bic = (account.get("bank_bic") or "").strip()
    if not bic:
        found.append("bic")
    elif not BIN_PATTERN.match(bic):
        found.append("bic_format")
    if not (account.get("acc_number") or "").strip():
        found.append("acc_number")
    if account.get("proxy_type") not in PROXY_TYPES:
        found.append("proxy_type")
    if not (account.get("proxy_value") or "").strip():
        found.append("proxy_value")
    if not (account.get("holder") or "").strip():
        found.append("holder")
    if not (account.get("city") or "").strip():
        found.append("city")
    if not account.get("include_reference"):
        found.append("reference")
    return found
