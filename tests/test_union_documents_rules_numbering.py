"""Plain tests of union_documents/rules/numbering.py (no Odoo)."""
import pytest
from rule_loader import load_rule

numbering = load_rule("union_documents", "numbering")


@pytest.mark.parametrize(
    ("number", "expected"),
    [(1, "01"), (9, "09"), (10, "10"), (61, "61"), (123, "123")],
)
def test_format_number_leading_zero_below_ten(number, expected):
    assert numbering.format_number(number) == expected


@pytest.mark.parametrize("bad", [0, -1, None, "5", 1.0, True])
def test_format_number_refuses_non_positive_integers(bad):
    with pytest.raises(numbering.NumberingError) as err:
        numbering.format_number(bad)
    assert err.value.code == "invalid_number"


def test_typed_document_symbol():
    assert numbering.number_and_symbol(12, "CĐN", "KH") == "12/KH-CĐN"
    assert numbering.number_and_symbol(3, "CĐN", "QĐ", "ToC") == "03/QĐ-CĐN"


def test_cong_van_symbol_issuer_then_department():
    assert numbering.number_and_symbol(61, "CĐN", None, "ToC") == "61/CĐN-ToC"
    assert numbering.number_and_symbol(7, "CĐN", "", "VP") == "07/CĐN-VP"


def test_cong_van_without_department():
    assert numbering.number_and_symbol(5, "CĐN") == "05/CĐN"


def test_symbol_parts_are_trimmed():
    assert numbering.build_symbol(" CĐN ", " TB ") == "TB-CĐN"


def test_missing_issuer_refused():
    with pytest.raises(numbering.NumberingError) as err:
        numbering.number_and_symbol(1, "  ", "KH")
    assert err.value.code == "missing_issuer"


def test_next_number_runs_and_resets_every_year():
    assert numbering.next_number(0, None, 2026) == 1
    assert numbering.next_number(1, 2026, 2026) == 2
    assert numbering.next_number(61, 2026, 2026) == 62
    assert numbering.next_number(61, 2026, 2027) == 1


def test_next_number_never_goes_back_a_year():
    with pytest.raises(numbering.NumberingError) as err:
        numbering.next_number(5, 2026, 2025)
    assert err.value.code == "past_year"


@pytest.mark.parametrize(("text", "expected"), [("05", 5), ("5", 5), (" 12/KH-CĐN", 12), ("100", 100)])
def test_parse_number(text, expected):
    assert numbering.parse_number(text) == expected


@pytest.mark.parametrize("bad", ["", "abc", "0", "/KH", None, "-3"])
def test_parse_number_refuses_garbage(bad):
    with pytest.raises(numbering.NumberingError):
        numbering.parse_number(bad)


def test_manual_number_duplicate_refused():
    with pytest.raises(numbering.NumberingError) as err:
        numbering.check_manual_number(3, {1, 2, 3}, 3)
    assert err.value.code == "duplicate_number"


def test_manual_number_moves_series_forward_or_fills_hole():
    assert numbering.check_manual_number(10, {1, 2}, 2) == 10
    assert numbering.check_manual_number(4, {1, 2, 3, 5}, 5) == 5


def test_find_gaps():
    assert numbering.find_gaps([1, 2, 3]) == []
    assert numbering.find_gaps([1, 3, 5]) == [2, 4]
    assert numbering.find_gaps([]) == []
