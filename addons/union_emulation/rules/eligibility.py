"""Who may receive an individual emulation title, with no database.

The exclusions are local rules that change: they come in as dated rule sets
(the one in force on the reference date applies), and the check returns
every reason that fails, not only the first one.
"""
from dateutil.relativedelta import relativedelta


class EligibilityError(ValueError):
    """Bad rule data; ``code`` says why, ``params`` what to name in the message."""

    def __init__(self, code, **params):
        super().__init__(code)
        self.code = code
        self.params = params


#: the reasons a candidate can fail, in the order they are reported
#: (``membership_too_short`` is kept for the reasons stored before recruitment was counted)
REASONS = ("absent", "recruited_too_recently", "date_employed_missing", "membership_too_short",
           "disciplined", "not_registered", "already_rewarded")

#: reasons that say the check could not be made (data to complete), neither a pass nor a fail
INCOMPLETE = {"date_employed_missing"}


def verdict(reasons):
    """``eligible`` (no reason), ``incomplete`` (only data missing) or ``not_eligible``."""
    codes = {code for code, _params in reasons}
    if not codes:
        return "eligible"
    return "incomplete" if codes <= INCOMPLETE else "not_eligible"


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
      - ``date_employed``: the day the employer recruited the person (None: unknown: the
        reason ``date_employed_missing``, neither a pass nor a fail: the date is to be completed),
      - ``disciplined``: bool, disciplined in the period,
      - ``registered``: bool, registered for the movement,
      - ``already_rewarded``: bool, the same achievement already earned a reward.
    ``rule_sets``: list of dicts ``date_from``, ``max_absent_days`` (absent
    that many days or more excludes; None: no limit), ``min_membership_months``
    (months since recruitment, "recruited less than 10 months ago" excludes; the union
    admission does not count; None: no limit), ``exclude_disciplined``, ``require_registration``.
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
        employed = candidate.get("date_employed")
        if not employed:
            reasons.append(("date_employed_missing", {}))
        elif employed + relativedelta(months=months) > on_date:
            reasons.append(("recruited_too_recently", {"date_employed": employed, "months": months}))
    if rule.get("exclude_disciplined") and candidate.get("disciplined"):
        reasons.append(("disciplined", {}))
    if rule.get("require_registration") and not candidate.get("registered"):
        reasons.append(("not_registered", {}))
    if candidate.get("already_rewarded"):
        reasons.append(("already_rewarded", {}))
    return reasons
