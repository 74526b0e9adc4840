"""Plain-Python tests of union_emulation/rules/scoring.py at its limits."""
import pytest
from rule_loader import load_rule

scoring = load_rule("union_emulation", "scoring")

MAXIMA = {"g1": 40, "g2": 40, "g3": 20}
THRESHOLDS = {"excellent": 90, "good": 70, "completed": 50}


@pytest.mark.parametrize("scores, total", [
    ({"g1": 40, "g2": 40, "g3": 20}, 100),          # every item at its maximum
    ({"g1": 0, "g2": 0, "g3": 0}, 0),
    ({"g1": 39.5, "g2": 40, "g3": 0.5}, 80),        # half points
    ({"g1": 10}, 10),                                # missing items count as 0
    ({"g1": None, "g2": 5}, 5),                      # not scored yet
    ({}, 0),
])
def test_unit_total(scores, total):
    assert scoring.unit_total(MAXIMA, scores) == total


@pytest.mark.parametrize("scores, code, item", [
    ({"g1": 40.01}, "above_max", "g1"),             # just above the maximum
    ({"g3": 21}, "above_max", "g3"),
    ({"g2": -0.5}, "negative", "g2"),
    ({"g9": 1}, "unknown_item", "g9"),
])
def test_unit_total_refuses(scores, code, item):
    with pytest.raises(scoring.ScoringError) as err:
        scoring.unit_total(MAXIMA, scores)
    assert err.value.code == code
    assert err.value.params["item"] == item


def test_check_scores_reports_every_problem():
    problems = scoring.check_scores(MAXIMA, {"g1": 41, "g2": 40, "g3": 25})
    assert [(p.code, p.params["item"]) for p in problems] == [("above_max", "g1"), ("above_max", "g3")]
    assert problems[0].params["max"] == 40 and problems[0].params["score"] == 41
    assert scoring.check_scores(MAXIMA, {"g1": 40, "g2": 0}) == []


@pytest.mark.parametrize("total, klass", [
    (100, "excellent"),
    (90, "excellent"),        # exactly at the threshold
    (89.99, "good"),
    (70, "good"),
    (69.5, "completed"),
    (50, "completed"),
    (49.99, "not_completed"),
    (0, "not_completed"),
])
def test_classify(total, klass):
    assert scoring.classify(total, THRESHOLDS) == klass


def test_classify_follows_the_year_thresholds():
    # the same total earns a different class under another year's thresholds
    assert scoring.classify(85, {"excellent": 85, "good": 65, "completed": 50}) == "excellent"
    assert scoring.classify(85, THRESHOLDS) == "good"


@pytest.mark.parametrize("thresholds, code", [
    ({"excellent": 90, "good": 70}, "missing_threshold"),
    ({"excellent": 90, "good": 90, "completed": 50}, "threshold_order"),
    ({"excellent": 70, "good": 90, "completed": 50}, "threshold_order"),
    ({"excellent": 90, "good": 70, "completed": -1}, "negative_threshold"),
])
def test_bad_thresholds(thresholds, code):
    with pytest.raises(scoring.ScoringError) as err:
        scoring.classify(60, thresholds)
    assert err.value.code == code


def test_evaluate():
    assert scoring.evaluate(MAXIMA, {"g1": 35, "g2": 35, "g3": 20}, THRESHOLDS) == (90, "excellent")
    with pytest.raises(scoring.ScoringError):
        scoring.evaluate(MAXIMA, {"g1": 50}, THRESHOLDS)


@pytest.mark.parametrize("totals, ranks", [
    ({"a": 90, "b": 80, "c": 70}, {"a": 1, "b": 2, "c": 3}),
    ({"a": 90, "b": 90, "c": 70}, {"a": 1, "b": 1, "c": 3}),   # ties share a rank
    ({"a": 50}, {"a": 1}),
    ({}, {}),
])
def test_rank(totals, ranks):
    assert scoring.rank(totals) == ranks
