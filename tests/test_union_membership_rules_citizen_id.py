"""The citizen id (CCCD) rules of union_membership, without Odoo."""
from datetime import date

import pytest
from rule_loader import load_rule

cccd = load_rule("union_membership", "citizen_id")
sheet = load_rule("union_membership", "member_sheet")


@pytest.mark.parametrize("raw", ["67185000001", 67185000001, 67185000001.0, " 671 850 000 01 "])
def test_eleven_digits_padded_for_spreadsheets_only(raw):
    assert cccd.normalize(raw, pad=True) == "067185000001"
    kept = cccd.normalize(raw)
    assert kept == "67185000001"
    assert not cccd.is_valid(kept), "on a form, an 11-digit id is refused"


def test_twelve_digits_untouched():
    assert cccd.normalize("067 185.000.001") == "067185000001"
    assert cccd.normalize("067185000001", pad=True) == "067185000001"


@pytest.mark.parametrize("year, sex, digit", [
    (1985, "male", 0), (1985, "female", 1), (1999, "female", 1),
    (2000, "male", 2), (2005, "female", 3), (2100, "male", 4), (2101, "female", 5),
])
def test_century_and_sex_digit(year, sex, digit):
    assert cccd.gender_digit(year, sex) == digit
    value = f"067{digit}{year % 100:02d}000001"
    assert cccd.birth_year(value) == year
    assert cccd.gender(value) == sex
    assert cccd.mismatches(value, date(year, 6, 1), sex) == []


def test_mismatches_name_what_is_wrong():
    # a woman born 1985: 067 1 85 ...
    assert cccd.mismatches("067185000001", date(1985, 3, 2), "female") == []
    assert cccd.mismatches("067185000001", date(1986, 3, 2), "female") == [
        ("birth_year", {"id_year": 1985, "year": 1986, "digits": "185"})]
    assert cccd.mismatches("067185000001", date(1985, 3, 2), "male") == [
        ("gender", {"id_gender": "female", "gender": "male", "digit": "1"})]
    # born in 2005 but the id says 1905 (digit 4 = 1 instead of 3)
    assert [code for code, _p in cccd.mismatches("067105000001", date(2005, 1, 1), "female")] == ["birth_year"]
    # both wrong
    assert [code for code, _p in cccd.mismatches("067085000001", date(1990, 1, 1), "female")] == [
        "birth_year", "gender"]


def test_unknown_birth_date_or_sex_is_not_checked():
    assert cccd.mismatches("067185000001") == []
    assert cccd.mismatches("067185000001", None, "female") == []
    assert cccd.mismatches("067185000001", date(1985, 1, 1), None) == []
    assert cccd.mismatches("not an id", date(1985, 1, 1), "male") == []


def _lookups():
    return sheet.Lookups(
        today=date(2025, 6, 1), units={"T-A": 10},
        normalize_citizen_id=lambda value: cccd.normalize(value, pad=True),
        is_valid_citizen_id=cccd.is_valid, citizen_id_mismatches=cccd.mismatches)


def test_sheet_row_checks_the_id_against_birth_date_and_sex():
    row = {"name": "Nguyễn Thị Lan", "unit_code": "T-A", "birth_date": "02/03/1985", "gender": "Nữ"}
    # Excel dropped the zero: the import puts it back, and the id agrees with the row
    [ok] = sheet.validate([(2, dict(row, citizen_id=67185000001))], _lookups())
    assert ok.errors == [] and ok.values["citizen_id"] == "067185000001"
    [bad] = sheet.validate([(3, dict(row, citizen_id="067086000001"))], _lookups())
    assert [(err.code, err.column, err.value) for err in bad.errors] == [
        ("citizen_id_birth_year", "Số CCCD/Hộ chiếu", "067086000001"),
        ("citizen_id_gender", "Số CCCD/Hộ chiếu", "067086000001"),
    ]
    assert bad.errors[0].params == {"id_year": 1986, "year": 1985, "digits": "086"}


def test_full_width_digits_become_ascii_and_others_are_refused():
    """A known number typed with full-width digits is the same number (so the duplicate check
    sees it); digits of other scripts never pass as a CCCD."""
    assert cccd.normalize("０６７０９５００１２３４") == "067095001234"
    assert cccd.is_valid(cccd.normalize("０６７０９５００１２３４"))
    assert not cccd.is_valid("٠٦٧٠٩٥٠٠١٢٣٤")  # Arabic-Indic digits: \d would match them
    assert not cccd.is_valid("０６７０９５００１２３４")  # not normalized: refused as is
