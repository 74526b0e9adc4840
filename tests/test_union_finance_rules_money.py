"""Issue 19: amounts read from Monetary fields are floats holding whole đồng; the plain-Python
rules of union_finance take them as they took ints and still return ints."""
import datetime

from rule_loader import load_rule

dues = load_rule("union_finance", "dues")
split = load_rule("union_finance", "split")
fund = load_rule("union_finance", "fund")
words = load_rule("union_finance", "amount_words")


def _same(as_int, as_float):
    assert as_int == as_float
    assert type(as_int) is type(as_float)


def test_dues_from_whole_floats():
    for base in (17_600_000, 60_000_000, 0):
        _same(dues.compute_dues(base, 1, 2_340_000, cap_multiple=0.1),
              dues.compute_dues(float(base), 1.0, 2_340_000.0, cap_multiple=0.1))
    result = dues.compute_dues(60_000_000.0, 1.0, 2_340_000.0, cap_multiple=0.1)
    assert result["amount"] == 234_000 and isinstance(result["amount"], int)
    fixed = dues.compute_dues(0.0, 1.0, 2_340_000.0, minimum_multiple=0.005, fixed_amount=10_000.0,
                              base_type="fixed")
    assert fixed["amount"] == 11_700 and isinstance(fixed["amount"], int)
    assert dues.surplus_amount(176_000, {"base": "take_home", "rate": 1}, 17_600_000.0,
                               25_000_000.0, 1) == 74_000


def test_splits_and_fund_from_whole_floats():
    for amount in (1_000_000, 88_005, 6_543_210_987):
        _same(split.split_collected(amount, 70), split.split_collected(float(amount), 70))
        _same(fund.allocation_split(amount, 75), fund.allocation_split(float(amount), 75))
    due = fund.fund_due(150_000_000_000.0, 2)
    assert due == 3_000_000_000 and isinstance(due, int)
    assert fund.status(datetime.date(2025, 7, 1), 3_000_000_000.0, 3_000_000_000,
                       datetime.date(2025, 8, 1)) == fund.STATUS_PAID


def test_words_and_references_from_whole_floats():
    assert words.amount_in_words(234_000.0) == words.amount_in_words(234_000)
    assert dues.payment_reference("DP", "M000123", datetime.date(2025, 7, 1)) == "DP-M000123-202507"
