"""Plain tests of union_membership/rules/member_sheet.py (no Odoo)."""
import unicodedata
from datetime import date, datetime

import pytest
from rule_loader import load_rule

sheet = load_rule("union_membership", "member_sheet")
cccd = load_rule("union_membership", "citizen_id")

TODAY = date(2025, 6, 1)


def lookups(**kw):
    base = dict(
        today=TODAY,
        units={"T-A": 10, "T-B": 20},
        ethnicities={"kinh": 1, "tày": 2, "tay": 2},
        normalize_citizen_id=lambda value: cccd.normalize(value, pad=True),
        is_valid_citizen_id=cccd.is_valid,
        citizen_id_mismatches=cccd.mismatches,
    )
    base.update(kw)
    return sheet.Lookups(**base)


def good_row(**kw):
    raw = {"name": "Nguyễn Thị Lan", "citizen_id": "067185000011", "unit_code": "T-A",
           "birth_date": "02/03/1985", "gender": "Nữ", "date_joined": "1/9/2010"}
    raw.update(kw)
    return raw


def codes(result):
    return [(err.code, err.column, err.value) for err in result.errors]


# --- cells ----------------------------------------------------------------------------

@pytest.mark.parametrize("value, expected", [
    ("02/03/1985", date(1985, 3, 2)),
    ("2/3/1985", date(1985, 3, 2)),
    (" 2 / 3 / 1985 ", date(1985, 3, 2)),
    ("02-03-1985", date(1985, 3, 2)),
    ("02.03.1985", date(1985, 3, 2)),
    ("1985-03-02", date(1985, 3, 2)),
    (datetime(1985, 3, 2), date(1985, 3, 2)),
    (date(1985, 3, 2), date(1985, 3, 2)),
    (31108, date(1985, 3, 2)),  # an Excel serial day number without its date format
    ("29/02/2024", date(2024, 2, 29)),
])
def test_parse_date(value, expected):
    assert sheet.parse_date(value) == expected


@pytest.mark.parametrize("value", [
    "31/02/1990", "29/02/2023", "13/13/1990", "1/2/85", "02/03/85", "abc", "1985", "", True,
    "01/01/1850", -5, 3000000, "2/3/1985 extra",
])
def test_parse_date_refuses(value):
    with pytest.raises(sheet.CellError):
        sheet.parse_date(value)


@pytest.mark.parametrize("value, expected", [
    ("Nam", "male"), ("nam", "male"), (" NAM ", "male"), ("Nữ", "female"), ("nữ", "female"),
    ("Nu", "female"), (unicodedata.normalize("NFD", "Nữ"), "female"),  # decomposed, from some keyboards
])
def test_parse_gender(value, expected):
    assert sheet.parse_gender(value) == expected


@pytest.mark.parametrize("value", ["Ông", "1", "x", ""])
def test_parse_gender_refuses(value):
    with pytest.raises(sheet.CellError):
        sheet.parse_gender(value)


@pytest.mark.parametrize("value, expected", [
    ("x", True), ("X", True), ("Có", True), ("có", True), ("co", True), (1, True), (True, True),
    ("", False), ("Không", False), (0, False), (False, False),
])
def test_parse_bool(value, expected):
    assert sheet.parse_bool(value) is expected


@pytest.mark.parametrize("value", ["y", "maybe", 2])
def test_parse_bool_refuses(value):
    with pytest.raises(sheet.CellError):
        sheet.parse_bool(value)


@pytest.mark.parametrize("value, expected", [
    ("Đại học", "bachelor"), ("đại học", "bachelor"), ("Thạc sĩ", "master"), ("THPT", "high_school"),
    ("bachelor", "bachelor"),
])
def test_parse_education(value, expected):
    assert sheet.parse_education(value) == expected


@pytest.mark.parametrize("value, expected", [
    (912345678, "0912345678"), (912345678.0, "0912345678"), ("0912 345 678", "0912 345 678"),
    ("+84912345678", "+84912345678"),
])
def test_parse_phone(value, expected):
    assert sheet.parse_phone(value) == expected


def test_text_limits():
    assert sheet.parse_text("  Nguyễn   Văn  A ") == "Nguyễn Văn A"
    assert sheet.parse_text("a" * sheet.MAX_TEXT) == "a" * sheet.MAX_TEXT
    with pytest.raises(sheet.CellError):
        sheet.parse_text("a" * (sheet.MAX_TEXT + 1))


def test_as_text():
    assert sheet.as_text(67185000011.0) == "67185000011"
    assert sheet.as_text(None) == ""
    assert sheet.as_text(date(2020, 1, 2)) == "02/01/2020"


# --- headers --------------------------------------------------------------------------

def test_match_header_all_columns():
    headers = [col.header for col in sheet.COLUMNS] + ["Tên đơn vị", "Lỗi", "Ghi chú"]
    colmap, missing, duplicates = sheet.match_header(headers)
    assert missing == [] and duplicates == []
    assert colmap["name"] == 1 and colmap["error"] == len(sheet.COLUMNS) + 1
    assert "unit_name" in colmap


def test_match_header_spellings_and_missing():
    colmap, missing, _dup = sheet.match_header(["  họ   và TÊN ", "Ngày sinh", None, 5])
    assert colmap == {"name": 0, "birth_date": 1}
    assert missing == ["Số CCCD/Hộ chiếu", "Mã đơn vị"]


def test_match_header_duplicates():
    _colmap, _missing, duplicates = sheet.match_header(["Họ và tên", "Số CCCD", "Mã đơn vị", "Họ và tên"])
    assert duplicates == ["Họ và tên"]


def test_find_header_below_a_title():
    rows = [("DANH SÁCH ĐOÀN VIÊN",), (), ("STT", "Họ và tên", "Số CCCD", "Mã đơn vị")]
    index, colmap, missing, _dup = sheet.find_header(rows)
    assert index == 2 and colmap["unit_code"] == 3 and not missing


def test_find_header_none():
    assert sheet.find_header([("Mã đơn vị", "Tên đơn vị", "Đơn vị cấp trên")]) is None  # the units sheet
    assert sheet.find_header([("a", "b")] * 20) is None
    late = [()] * sheet.HEADER_SEARCH_ROWS + [("Họ và tên", "Số CCCD", "Mã đơn vị")]
    assert sheet.find_header(late) is None


# --- validation -----------------------------------------------------------------------

def test_validate_good_row():
    [res] = sheet.validate([(2, good_row(party_member="x", ethnicity="Kinh", education_level="Đại học",
                                         citizen_id=67185000011))], lookups())
    assert res.errors == []
    assert res.member_id is None
    assert res.values == {
        "name": "Nguyễn Thị Lan", "citizen_id": "067185000011", "organization_id": 10,
        "birth_date": date(1985, 3, 2), "gender": "female", "date_joined": date(2010, 9, 1),
        "party_member": True, "ethnicity_id": 1, "education_level": "bachelor"}


def test_validate_skips_empty_and_example_rows():
    example = dict(sheet.EXAMPLE_ROW, unit_code="T-A")
    rows = [(2, {}), (3, {"name": "  ", "citizen_id": None}), (4, example), (5, good_row())]
    assert [res.row for res in sheet.validate(rows, lookups())] == [5]


BAD_CELLS = [
    # column key, value, error code
    ("name", "", "required"),
    ("unit_code", None, "required"),
    ("unit_code", "T-X", "unknown_unit"),
    ("citizen_id", "12345", "bad_citizen_id"),
    ("citizen_id", "999185000011", "bad_citizen_id"),
    ("citizen_id", "", "required_new"),
    ("birth_date", "31/02/1990", "bad_date"),
    ("birth_date", "02/03/2030", "future_date"),
    ("date_joined", "1/9/2099", "future_date"),
    ("date_joined", "1/9/1980", "joined_before_birth"),
    ("gender", "Ông", "bad_gender"),
    ("party_member", "maybe", "bad_bool"),
    ("education_level", "Giỏi", "bad_education"),
    ("ethnicity", "Martian", "unknown_ethnicity"),
    ("email", "lan@", "bad_email"),
    ("phone", "abc", "bad_phone"),
    ("job_title", "x" * 300, "too_long"),
    ("member_code", "DV-404", "unknown_member_code"),
]


@pytest.mark.parametrize("key, value, code", BAD_CELLS)
def test_validate_bad_cell(key, value, code):
    [res] = sheet.validate([(7, good_row(**{key: value}))], lookups())
    header = sheet.COLUMN_BY_KEY[key].header
    assert (code, header, sheet.as_text(value)) in codes(res), codes(res)
    assert res.row == 7


def test_validate_reports_every_error_of_a_row():
    [res] = sheet.validate([(3, good_row(gender="?", birth_date="x", unit_code="Z"))], lookups())
    assert {err.code for err in res.errors} == {"bad_gender", "bad_date", "unknown_unit"}


def test_validate_duplicates_inside_the_file():
    rows = [(2, good_row()), (3, good_row(name="Lan 2", citizen_id="067185000011")),
            (4, good_row(name="B", citizen_id="067185000012", card_number="C1")),
            (5, good_row(name="C", citizen_id="067185000013", card_number="C1"))]
    results = sheet.validate(rows, lookups())
    assert results[0].errors == []
    assert codes(results[1]) == [("duplicate_in_file", "Số CCCD/Hộ chiếu", "067185000011")]
    assert results[1].errors[0].params["first_row"] == 2
    assert codes(results[3]) == [("duplicate_in_file", "Số thẻ", "C1")]


def test_validate_duplicate_member_codes():
    known = lookups(members_by_code={"DV1": 5}, members={5: sheet.MemberInfo(5, True, "active", 10)})
    rows = [(2, {"member_code": "DV1", "name": "A", "unit_code": "T-A"}),
            (3, {"member_code": "DV1", "name": "A", "unit_code": "T-A"})]
    results = sheet.validate(rows, known)
    assert results[0].member_id == 5 and results[0].errors == []
    assert codes(results[1]) == [("duplicate_in_file", "Mã đoàn viên", "DV1")]


def test_validate_matches_existing_members():
    known = lookups(
        members_by_citizen_id={"067185000011": 5, "067185000099": 9},
        members_by_code={"DV5": 5, "DV6": 6, "DV7": 7},
        members_by_card={"C9": 9, "C6": 6},
        members={5: sheet.MemberInfo(5, True, "active", 10), 6: sheet.MemberInfo(6, True, "left", 10),
                 7: sheet.MemberInfo(7, True, "left", 10), 9: sheet.MemberInfo(9, False, "active", 99)})
    results = sheet.validate([
        (2, good_row()),  # by citizen ID
        (3, good_row(citizen_id="", member_code="DV5", name="X")),  # by code (no duplicate: no cid)
        (4, good_row(citizen_id="067185000012", member_code="DV5")),  # cid new, code known: update DV5
        (5, good_row(citizen_id="067185000099")),  # member of a unit the user does not manage
        (6, good_row(citizen_id="067185000013", card_number="C9")),  # card of a member of another unit
        (7, good_row(citizen_id="067185000011", member_code="DV6")),  # cid of 5, code of 6
        (8, good_row(citizen_id="", member_code="DV7", unit_code="T-B")),  # former member moved
        (9, good_row(citizen_id="067185000014", card_number="C6")),  # card of another member of mine
    ], known)
    assert [res.member_id for res in results[:3]] == [5, 5, 5]
    assert results[0].errors == []
    assert codes(results[3]) == [("member_not_accessible", "Số CCCD/Hộ chiếu", "067185000099")]
    # whose card it is is not said when the owner is in a unit the user does not manage (no oracle)
    assert codes(results[4]) == [("member_not_accessible", "Số thẻ", "C9")]
    assert ("citizen_id_other_member", "Số CCCD/Hộ chiếu", "067185000011") in codes(results[5])
    assert codes(results[6]) == [("former_member_unit", "Mã đơn vị", "T-B")]
    assert codes(results[7]) == [("card_taken", "Số thẻ", "C6")]


def test_validate_many_rows_is_linear():
    rows = [(i + 2, good_row(citizen_id=f"0671850{i:05d}", name=f"Người {i}")) for i in range(20000)]
    results = sheet.validate(rows, lookups())
    assert len(results) == 20000 and not any(res.errors for res in results)


# --- changes and export ---------------------------------------------------------------

def test_changes_only_filled_cells_that_differ():
    current = {"name": "Nguyễn Thị Lan ", "phone": False, "party_member": False, "birth_date": date(1985, 3, 2),
               "organization_id": 10, "gender": "female", "email": "a@b.vn"}
    values = {"name": "Nguyễn Thị Lan", "phone": "0912345678", "party_member": False,
              "birth_date": date(1985, 3, 2), "organization_id": 20, "member_code": "DV1"}
    assert sheet.changes(values, current) == {"phone": "0912345678", "organization_id": 20}
    assert sheet.changes({}, current) == {}


def test_export_row_reimports_to_the_same_values():
    member = {"member_code": "DV1", "name": "Lan", "gender": "female", "birth_date": date(1985, 3, 2),
              "citizen_id": "067185000011", "unit_code": "T-A", "date_joined": date(2010, 9, 1),
              "party_member": True, "education_level": "master", "ethnicity": "Tày", "phone": False,
              "state": "left", "unit_name": "Công đoàn A"}
    row = sheet.export_row(member)
    headers = [col.header for col in sheet.COLUMNS + sheet.INFO_COLUMNS]
    assert len(row) == len(headers)
    cells = dict(zip(headers, row))
    assert cells["Giới tính"] == "Nữ" and cells["Đảng viên"] == "x" and cells["Trình độ"] == "Thạc sĩ"
    assert cells["Trạng thái"] == "Đã ra khỏi công đoàn" and cells["Điện thoại"] == ""
    colmap, _missing, _dup = sheet.match_header(headers)
    raw = {key: row[idx] for key, idx in colmap.items()}
    known = lookups(members_by_code={"DV1": 5}, members_by_citizen_id={"067185000011": 5},
                    members={5: sheet.MemberInfo(5, True, "left", 10)})
    [res] = sheet.validate([(2, raw)], known)
    assert res.errors == [] and res.member_id == 5
    current = {"name": "Lan", "gender": "female", "birth_date": date(1985, 3, 2), "citizen_id": "067185000011",
               "organization_id": 10, "date_joined": date(2010, 9, 1), "party_member": True,
               "education_level": "master", "ethnicity_id": 2}
    assert sheet.changes(res.values, current) == {}


def test_ended_unit_only_as_the_unchanged_unit_of_a_member():
    known = lookups(ended_units={"T-OLD": 30}, members_by_code={"DV1": 5, "DV2": 6},
                    members={5: sheet.MemberInfo(5, True, "left", 30), 6: sheet.MemberInfo(6, True, "active", 10)})
    results = sheet.validate([
        (2, {"member_code": "DV1", "name": "A", "unit_code": "T-OLD"}),  # stays listed in its ended unit
        (3, {"member_code": "DV2", "name": "B", "unit_code": "T-OLD"}),  # cannot move there
        (4, good_row(unit_code="T-OLD")),  # nor join it
    ], known)
    assert results[0].errors == [] and results[0].values["organization_id"] == 30
    assert codes(results[1]) == [("unknown_unit", "Mã đơn vị", "T-OLD")]
    assert codes(results[2]) == [("unknown_unit", "Mã đơn vị", "T-OLD")]


# --- nationality and identity documents (Law 50/2024) ---

def foreign_lookups(**kw):
    foreign = load_rule("union_membership", "foreign_member")
    codes = {84: "VN", 82: "KR"}
    return lookups(
        countries={"việt nam": 84, "vn": 84, "hàn quốc": 82, "kr": 82}, vietnam_id=84,
        foreign_admission_problems=lambda v: foreign.admission_problems(
            codes.get(v.get("nationality_id"), "VN"), v.get("id_document_type", "citizen_id"),
            v.get("id_document_number"), v.get("id_document_country_id"), v.get("contract_date_start"),
            v.get("contract_date_end"), v.get("contract_indefinite")), **kw)


def test_citizen_id_and_passport_rows_together():
    rows = [(2, good_row()),
            (3, good_row(name="Kim Min-jun", citizen_id="m 1234 5678", nationality="Hàn Quốc",
                         id_document_type="Hộ chiếu", contract_date_start="01/01/2025",
                         contract_date_end="31/12/2025", date_employed="01/01/2025", gender="Nam"))]
    viet, kim = sheet.validate(rows, foreign_lookups())
    assert viet.errors == [] and viet.values["citizen_id"] == "067185000011"
    assert kim.errors == []
    assert kim.values["id_document_number"] == "M12345678"
    assert (kim.values["id_document_type"], kim.values["id_document_country_id"]) == ("passport", 82)
    assert "citizen_id" not in kim.values
    assert kim.values["date_employed"] == date(2025, 1, 1)


def test_foreign_rows_need_a_contract_and_no_citizen_id():
    [short, cccd_row, unknown] = sheet.validate([
        (2, good_row(citizen_id="M1", nationality="KR", contract_date_start="01/01/2025",
                     contract_date_end="30/06/2025")),
        (3, good_row(nationality="Hàn Quốc", id_document_type="CCCD")),
        (4, good_row(citizen_id="M2", nationality="Narnia")),
    ], foreign_lookups())
    assert [(e.code, e.column) for e in short.errors] == [("foreign_admission", "Quốc tịch")]
    assert short.errors[0].params["problems"] == ["contract_too_short"]
    assert [e.code for e in cccd_row.errors] == ["citizen_id_foreigner"]
    assert [e.code for e in unknown.errors] == ["unknown_country"]


def test_export_row_writes_the_document_number_and_type():
    row = sheet.export_row({"name": "Kim", "citizen_id": False, "id_document_number": "M1",
                            "id_document_type": "passport", "nationality": "Hàn Quốc"})
    headers = [col.header for col in sheet.COLUMNS + sheet.INFO_COLUMNS]
    values = dict(zip(headers, row))
    assert (values["Số CCCD/Hộ chiếu"], values["Loại giấy tờ"], values["Quốc tịch"]) == ("M1", "Hộ chiếu", "Hàn Quốc")
