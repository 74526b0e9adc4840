"""Is an e-mail to a unit's document address trustworthy? Plain Python, no ORM.

The receiving mail server adds an ``Authentication-Results`` header (RFC 8601) on top of the
message; the topmost one is the server's own (a sender can forge headers further down).
An e-mail is trusted when its sender is on the unit's list **and** that header says SPF or
DKIM passed for the sender's domain.
"""
import re

_RESULT = re.compile(r"\b(spf|dkim)\s*=\s*(\w+)([^;]*)", re.IGNORECASE)
_PROP = re.compile(r"\b(smtp\.mailfrom|header\.d|header\.i|header\.from)\s*=\s*([^\s;]+)", re.IGNORECASE)


def parse_sender_list(text):
    """Addresses (``vanthu@ldld.vn``) and whole domains (``@ldld.vn``), one a line or comma-separated."""
    return {item.strip().lower() for item in re.split(r"[\s,;]+", text or "") if item.strip()}


def sender_allowed(sender, sender_list_text):
    sender = (sender or "").strip().lower()
    if "@" not in sender:
        return False
    allowed = parse_sender_list(sender_list_text)
    return sender in allowed or "@" + sender.rsplit("@", 1)[1] in allowed


def _domain_of(value):
    value = value.strip().strip("<>").lower()
    return value.rsplit("@", 1)[-1]


def authenticated(header, sender):
    """True when ``header`` (one Authentication-Results value) shows spf=pass or dkim=pass for
    the domain of ``sender`` (or a subdomain of it)."""
    sender = (sender or "").strip().lower()
    if "@" not in sender or not header:
        return False
    domain = sender.rsplit("@", 1)[1]
    for _method, result, props in _RESULT.findall(header):
        if result.lower() != "pass":
            continue
        for _name, value in _PROP.findall(props):
            checked = _domain_of(value)
            if checked == domain or domain.endswith("." + checked):
                return True
    return False
