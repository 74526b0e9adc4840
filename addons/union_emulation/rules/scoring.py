"""Scoring and yearly classification of a grassroots union, with no database.

A scoring template is a set of items, each with a maximum number of points;
a unit's total is the sum of its item scores; its class follows from the
thresholds set for the year (the lowest total that earns each class).
"""

#: the classes, best first (the codes stored in the database)
CLASSES = ("excellent", "good", "completed", "not_completed")


class ScoringError(ValueError):
    """A refused score; ``code`` says why, ``params`` what to name in the message."""

    def __init__(self, code, **params):
        super().__init__(code)
        self.code = code
        self.params = params


def check_scores(maxima, scores):
    """Check every score against its item's maximum.

    ``maxima``: {item_key: max_points}; ``scores``: {item_key: points or None}.
    Returns the list of problems (ScoringError), empty when all is well, so a
    caller can report every bad row at once.
    """
    problems = []
    for key, points in scores.items():
        if key not in maxima:
            problems.append(ScoringError("unknown_item", item=key, score=points))
            continue
        if points is None:
            continue
        if points < 0:
            problems.append(ScoringError("negative", item=key, score=points, max=maxima[key]))
        elif points > maxima[key]:
            problems.append(ScoringError("above_max", item=key, score=points, max=maxima[key]))
    return problems


def unit_total(maxima, scores):
    """The unit's total from its item scores; a missing score counts as 0.

    Raises the first ScoringError when a score is unknown, negative or above
    its item's maximum (use check_scores to get all of them).
    """
    problems = check_scores(maxima, scores)
    if problems:
        raise problems[0]
    return sum(points or 0 for points in scores.values())


def check_thresholds(thresholds):
    """Thresholds ``{class: min_points}`` must fall strictly from the best class down."""
    previous = None
    for klass in CLASSES[:-1]:
        if klass not in thresholds or thresholds[klass] is None:
            raise ScoringError("missing_threshold", klass=klass)
        value = thresholds[klass]
        if value < 0:
            raise ScoringError("negative_threshold", klass=klass, value=value)
        if previous is not None and value >= previous:
            raise ScoringError("threshold_order", klass=klass, value=value, previous=previous)
        previous = value


def classify(total, thresholds):
    """The class earned by ``total``: the best class whose minimum it reaches.

    ``thresholds``: {"excellent": 90, "good": 70, "completed": 50}; a total
    below every minimum is "not_completed". A total exactly at a minimum
    earns that class.
    """
    check_thresholds(thresholds)
    for klass in CLASSES[:-1]:
        if total >= thresholds[klass]:
            return klass
    return CLASSES[-1]


def evaluate(maxima, scores, thresholds):
    """(total, class) of one unit."""
    total = unit_total(maxima, scores)
    return total, classify(total, thresholds)


def rank(totals):
    """Competition ranking (1, 2, 2, 4) of ``{key: total}``, best first.

    Returns {key: rank}.
    """
    ordered = sorted(totals.items(), key=lambda kv: -kv[1])
    ranks = {}
    previous_total = None
    current = 0
    for position, (key, total) in enumerate(ordered, start=1):
        if total != previous_total:
            current = position
            previous_total = total
        ranks[key] = current
    return ranks
