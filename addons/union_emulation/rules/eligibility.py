"""Who may receive an individual emulation title, with no database.

The exclusions are local rules that change: they come in as dated rule sets
(the one in force on the reference date applies), and the check returns
every reason that fails, not only the first one.
"""
from datetime import date


class EligibilityError(ValueError):
    """Bad rule data; ``code`` says why, ``params`` what to name in the message."""

    def __init__(self, code, **params):
        super().__init__(code)
        self.code = code
        self.params = params


#: the reasons a candidate can fail, in the order they are reported
REASONS = ("absent", "membership_too_short", "disciplined", "not_registered", "already_rewarded")


def add_months(day, months):
    """``day`` moved by ``months`` (kept on the last valid day of a short month)."""
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month, d)
        except ValueError:
            continue
    raise ValueError(day)


def rule_at(rule_sets, on_date):
    """The rule set in force on ``on_date``: the latest whose ``date_from`` is not after it."""
    valid = [r for r in rule_sets if r["date_from"] <= on_date]
    if not valid:
        raise EligibilityError("no_rule", date=on_date)
    return max(valid, key=lambda r: r["date_from"])


def check_candidate(candidate, rule_sets, on_date):
    """Every reason why ``candidate`` may not receive an individual title.

    ``candidate``: dict with
      - ``absent_days``: working days absent in the period (all causes),
      - ``maternity_days``: of which maternity leave (not counted),
      - ``date_joined``: date the person joined the union (None: unknown, fails),
      - ``disciplined``: bool, disciplined in the period,
      - ``registered``: bool, registered for the movement,
      - ``already_rewarded``: bool, the same achievement already earned a reward.
    ``rule_sets``: list of dicts ``date_from``, ``max_absent_days`` (absent
    that many days or more excludes; None: no limit), ``min_membership_months``
    (None: no limit), ``exclude_disciplined``, ``require_registration``.
    ``on_date``: the reference date (the end of the period being rewarded).

    Returns a list of (reason, params), empty when the candidate is eligible.
    """
    rule = rule_at(rule_sets, on_date)
    reasons = []
    limit = rule.get("max_absent_days")
    if limit is not None:
        counted = (candidate.get("absent_days") or 0) - (candidate.get("maternity_days") or 0)
        counted = max(counted, 0)
        if counted >= limit:
            reasons.append(("absent", {"days": counted, "limit": limit}))
    months = rule.get("min_membership_months")
    if months is not None:
        joined = candidate.get("date_joined")
        if not joined or add_months(joined, months) > on_date:
            reasons.append(("membership_too_short", {"date_joined": joined, "months": months}))
    if rule.get("exclude_disciplined") and candidate.get("disciplined"):
        reasons.append(("disciplined", {}))
    if rule.get("require_registration") and not candidate.get("registered"):
        reasons.append(("not_registered", {}))
    if candidate.get("already_rewarded"):
        reasons.append(("already_rewarded", {}))
    return reasons
