"""Numbers sent by a web form, without Odoo."""
import pytest
from rule_loader import load_rule

form = load_rule("union_membership", "form")


@pytest.mark.parametrize("value, expected", [
    ("42", 42), (" 7 ", 7), ("2147483647", 2147483647),
    ("2147483648", 0), ("99999999999999999999", 0),  # beyond PostgreSQL's integer
    ("²", 0), ("٣", 0), ("1²", 0),  # str.isdigit() is true, int() refuses them
    ("", 0), ("abc", 0), ("-1", 0), ("1.5", 0), ("1e3", 0), (None, 0), (12, 0),
])
def test_record_id(value, expected):
    assert form.record_id(value) == expected


@pytest.mark.parametrize("value, expected", [
    ("1764700000", 1764700000), ("99999999999999999999", 99999999999999999999),
    ("²", None), ("", None), ("-5", None), (None, None),
])
def test_whole_number(value, expected):
    assert form.whole_number(value) == expected


def test_without_nul():
    params = {"search": "a\x00b", "page": "2", "photo": object()}
    cleaned = form.without_nul(params)
    assert cleaned["search"] == "ab" and cleaned["page"] == "2" and cleaned["photo"] is params["photo"]
    clean = {"name": "Nguyễn Văn An"}
    assert form.without_nul(clean) is clean
