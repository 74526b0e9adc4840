"""The Charter's counting rule, in plain Python (no ORM): who is elected from the votes.

A candidate is elected when their votes are **more than** ``threshold_percent`` of the base
(the ballots cast or the valid ballots, as the rule in force says), by number of votes
down to the number to elect. Candidates above the majority tied at the last seat, who
would not all fit, are not elected: they go to a further round among themselves.
"""


def is_above_majority(votes, base, threshold_percent=50):
    """More than ``threshold_percent`` % of ``base``: integers only, no rounding."""
    return base > 0 and votes * 100 > base * threshold_percent


def count_votes(votes, seats, base, threshold_percent=50):
    """Return ``(elected, tied)`` from ``votes`` (a mapping candidate -> number of votes).

    ``elected`` lists the candidates elected, most votes first; ``tied`` the candidates above
    the majority tied at the last seat who do not all fit (a further round among them). Seats
    left empty are ``seats - len(elected)``.
    """
    if seats <= 0:
        return [], []
    above = sorted((item for item in votes.items() if is_above_majority(item[1], base, threshold_percent)),
                   key=lambda item: -item[1])
    if len(above) <= seats:
        return [candidate for candidate, _count in above], []
    cutoff = above[seats - 1][1]
    elected = [candidate for candidate, count in above if count > cutoff]
    at_cutoff = [candidate for candidate, count in above if count == cutoff]
    if len(elected) + len(at_cutoff) <= seats:
        return elected + at_cutoff, []
    return elected, at_cutoff


def quorum_reached(present, summoned, numerator=2, denominator=3):
    """At least ``numerator/denominator`` of those summoned are present (integers, no rounding)."""
    return summoned > 0 and present * denominator >= summoned * numerator
