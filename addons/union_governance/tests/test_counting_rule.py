"""The Charter's counting rule, plain Python (no database)."""
from odoo.tests import BaseCase

from ..rules.counting import count_votes, is_above_majority, quorum_reached


class TestCountingRule(BaseCase):

    def test_majority_is_strictly_more_than_half(self):
        self.assertFalse(is_above_majority(50, 100))
        self.assertTrue(is_above_majority(51, 100))
        self.assertTrue(is_above_majority(2, 3))
        self.assertFalse(is_above_majority(0, 0))

    def test_elected_down_to_the_number(self):
        votes = {"a": 90, "b": 80, "c": 70, "d": 60, "e": 40}
        self.assertEqual(count_votes(votes, 3, 100), (["a", "b", "c"], []))

    def test_seats_left_empty_when_too_few_above_majority(self):
        votes = {"a": 90, "b": 50, "c": 30}
        self.assertEqual(count_votes(votes, 2, 100), (["a"], []))

    def test_tie_at_the_last_seat_goes_to_a_further_round(self):
        votes = {"a": 90, "b": 70, "c": 70, "d": 20}
        self.assertEqual(count_votes(votes, 2, 100), (["a"], ["b", "c"]))

    def test_tie_that_fits_elects_all(self):
        votes = {"a": 70, "b": 70, "c": 20}
        self.assertEqual(count_votes(votes, 2, 100), (["a", "b"], []))

    def test_quorum_two_thirds(self):
        self.assertTrue(quorum_reached(2, 3))
        self.assertFalse(quorum_reached(19, 30))
        self.assertTrue(quorum_reached(20, 30))
        self.assertFalse(quorum_reached(0, 0))
