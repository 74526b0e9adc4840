"""The member sheet: columns, parsing of Vietnamese cell values, validation of a whole file.

Plain Python, no Odoo: the import wizard reads the cells, gathers the lookups
from the database (one query each) and calls :func:`validate`; errors come back
as :class:`SheetError` codes with the column and the value, and the wizard turns
them into translated messages.
"""
import re
import unicodedata
from collections import namedtuple
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from .lifecycle import MEMBER_STATES

#: key, Vietnamese header, kind, whether the column must be present
Column = namedtuple("Column", "key header kind required")

COLUMNS = [
    Column("member_code", "Mã đoàn viên", "code", False),
    Column("name", "Họ và tên", "text", True),
    Column("gender", "Giới tính", "gender", False),
    Column("birth_date", "Ngày sinh", "date", False),
    Column("nationality", "Quốc tịch", "country", False),
    Column("id_document_type", "Loại giấy tờ", "document_type", False),
    Column("citizen_id", "Số CCCD/Hộ chiếu", "citizen_id", True),
    Column("unit_code", "Mã đơn vị", "unit", True),
    Column("date_joined", "Ngày vào công đoàn", "date", False),
    Column("date_employed", "Ngày tuyển dụng", "date", False),
    Column("contract_date_start", "HĐLĐ từ ngày", "date", False),
    Column("contract_date_end", "HĐLĐ đến ngày", "date", False),
    Column("contract_indefinite", "HĐLĐ không xác định thời hạn", "bool", False),
    Column("card_number", "Số thẻ", "code", False),
    Column("ethnicity", "Dân tộc", "ethnicity", False),
    Column("religion", "Tôn giáo", "text", False),
    Column("education_level", "Trình độ", "education", False),
    Column("job_title", "Chức vụ/Công việc", "text", False),
    Column("workplace", "Nơi làm việc", "text", False),
    Column("party_member", "Đảng viên", "bool", False),
    Column("union_position", "Chức vụ công đoàn", "text", False),
    Column("phone", "Điện thoại", "phone", False),
    Column("email", "Email", "email", False),
    Column("street", "Địa chỉ", "text", False),
]

#: date columns that may lie in the future (a labour contract runs on after today)
FUTURE_DATES_ALLOWED = {"contract_date_start", "contract_date_end"}

#: columns the export adds for people to read; the import ignores them
INFO_COLUMNS = [
    Column("unit_name", "Tên đơn vị", "info", False),
    Column("state", "Trạng thái", "info", False),
]

TEMPLATE_SHEET = "Đoàn viên"
UNITS_SHEET = "Đơn vị"
UNITS_HEADERS = ["Mã đơn vị", "Tên đơn vị", "Đơn vị cấp trên"]

#: the column the import adds to a refused file (and replaces when it is there already)
ERROR_HEADER = "Lỗi"

COLUMN_BY_KEY = {col.key: col for col in COLUMNS + INFO_COLUMNS}

#: sheet keys -> field names of union.member
FIELD_OF = {
    "unit_code": "organization_id",
    "ethnicity": "ethnicity_id",
}

EDUCATION_LABELS = {
    "primary": "Tiểu học",
    "secondary": "Trung học cơ sở",
    "high_school": "Trung học phổ thông",
    "vocational": "Trung cấp",
    "college": "Cao đẳng",
    "bachelor": "Đại học",
    "master": "Thạc sĩ",
    "doctor": "Tiến sĩ",
}
_EDUCATION_ALIASES = {
    "thcs": "secondary", "thpt": "high_school", "đh": "bachelor", "cử nhân": "bachelor",
    "kỹ sư": "bachelor", "cđ": "college", "tc": "vocational", "ths": "master", "ts": "doctor",
    "12/12": "high_school", "9/12": "secondary",
}

GENDER_LABELS = {"male": "Nam", "female": "Nữ"}

#: identity documents (Law 50/2024: foreign members); an empty cell is a citizen ID for a
#: Vietnamese, a passport for a foreigner
DOCUMENT_TYPE_LABELS = {"citizen_id": "CCCD", "passport": "Hộ chiếu", "work_permit": "Giấy phép lao động"}
_DOCUMENT_TYPE_ALIASES = {
    "căn cước công dân": "citizen_id", "căn cước": "citizen_id", "cccd": "citizen_id", "cmnd": "citizen_id",
    "passport": "passport", "hc": "passport", "gplđ": "work_permit", "gpld": "work_permit",
    "work permit": "work_permit", "giấy phép lao động": "work_permit",
}
YES = "x"

STATE_LABELS = {
    "active": "Đang sinh hoạt",
    "suspended": "Tạm dừng sinh hoạt",
    "transferred": "Đã chuyển đi",
    "left": "Đã ra khỏi công đoàn",
    "expelled": "Bị khai trừ",
    "deceased": "Đã mất",
}

#: the example row of the template; an uploaded row identical to it is skipped
EXAMPLE_ROW = {
    "name": "Nguyễn Văn Mẫu",
    "gender": "Nam",
    "birth_date": date(1990, 1, 15),
    "citizen_id": "001090000001",
    "date_joined": date(2015, 9, 1),
    "ethnicity": "Kinh",
    "education_level": "Đại học",
    "job_title": "Giáo viên",
    "party_member": YES,
    "phone": "0912345678",
}

#: how many rows from the top are searched for the header row
HEADER_SEARCH_ROWS = 10
#: a text cell longer than this is refused
MAX_TEXT = 255

_EXCEL_EPOCH = datetime(1899, 12, 30)
_DATE_RE = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})$")
_ISO_RE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$")
_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE_RE = re.compile(r"^\+?[\d .()\-]{8,20}$")
_SPACES_RE = re.compile(r"\s+")

#: one error of a row: what is wrong (code), the column header, the value as shown, details
SheetError = namedtuple("SheetError", "code column value params", defaults=[None])


@dataclass
class MemberInfo:
    """What the validation needs to know of a member already in the database."""
    id: int
    accessible: bool = True
    state: str = "active"
    organization_id: int = None


@dataclass
class Lookups:
    """Everything the validation needs from the database, gathered in bulk beforehand."""
    today: date
    units: dict = field(default_factory=dict)  # code -> id of the units the user may import into
    #: code -> id of ended units the user may read: accepted only as the unchanged unit of a member
    ended_units: dict = field(default_factory=dict)
    ethnicities: dict = field(default_factory=dict)  # folded name or code -> id
    members_by_citizen_id: dict = field(default_factory=dict)  # citizen id -> member id
    members_by_code: dict = field(default_factory=dict)  # member code -> member id
    members_by_card: dict = field(default_factory=dict)  # card number -> member id
    members: dict = field(default_factory=dict)  # member id -> MemberInfo
    normalize_citizen_id: object = None  # callable(value) -> text
    is_valid_citizen_id: object = None  # callable(text) -> bool
    #: callable(text, birth_date, gender) -> [(code, params)]: what the id contradicts
    citizen_id_mismatches: object = None
    countries: dict = field(default_factory=dict)  # folded name or ISO code -> country id
    vietnam_id: int = None
    #: (document type, issuing country id, number) -> member id, for passports and work permits
    members_by_document: dict = field(default_factory=dict)
    #: callable(values) -> [codes]: what keeps a new foreign member of the row from admission
    foreign_admission_problems: object = None


@dataclass
class RowResult:
    row: int
    sheet: str = ""
    values: dict = field(default_factory=dict)  # field name -> parsed value (only filled cells)
    errors: list = field(default_factory=list)  # SheetError
    member_id: int = None  # the existing member the row updates


class CellError(ValueError):
    def __init__(self, code, **params):
        super().__init__(code)
        self.code = code
        self.params = params


# --- headers ---------------------------------------------------------------------

def fold(text):
    """Compare texts as people mean them: NFC, case-insensitive, single spaces."""
    if text is None:
        return ""
    text = unicodedata.normalize("NFC", str(text)).strip().casefold()
    return _SPACES_RE.sub(" ", text)


_HEADER_KEYS = {fold(col.header): col.key for col in COLUMNS + INFO_COLUMNS}
_HEADER_KEYS[fold(ERROR_HEADER)] = "error"
# a few spellings people use
_HEADER_KEYS.update({
    fold("Số CMND/CCCD"): "citizen_id", fold("CCCD"): "citizen_id", fold("Số CCCD"): "citizen_id",
    fold("Số giấy tờ"): "citizen_id", fold("Số hộ chiếu"): "citizen_id", fold("Họ tên"): "name",
    fold("Số điện thoại"): "phone", fold("E-mail"): "email", fold("Chức vụ, công việc"): "job_title",
})


def match_header(cells):
    """Map a row of header cells to column keys.

    Returns ``(colmap, missing, duplicates)``: ``{key: index}``, the headers of the
    required columns that are absent, and the headers found twice.
    """
    colmap, duplicates = {}, []
    for index, cell in enumerate(cells):
        key = _HEADER_KEYS.get(fold(cell)) if isinstance(cell, str) else None
        if not key:
            continue
        if key in colmap:
            duplicates.append(COLUMN_BY_KEY[key].header if key in COLUMN_BY_KEY else ERROR_HEADER)
            continue
        colmap[key] = index
    missing = [col.header for col in COLUMNS if col.required and col.key not in colmap]
    return colmap, missing, duplicates


def find_header(rows):
    """The header row among the first rows of a sheet.

    ``rows``: the first rows (sequences of cell values). Returns
    ``(index, colmap, missing, duplicates)`` for the first row holding at least
    three member headers, or None when the sheet has no member header (the
    template's list of units, an instructions sheet...).
    """
    member_keys = {col.key for col in COLUMNS}
    for index, cells in enumerate(rows[:HEADER_SEARCH_ROWS]):
        colmap, missing, duplicates = match_header(cells)
        if len(member_keys.intersection(colmap)) >= 3:
            return index, colmap, missing, duplicates
    return None


# --- cells -----------------------------------------------------------------------

def is_empty(value):
    return value is None or (isinstance(value, str) and not value.strip())


def as_text(value):
    """A cell as the text a person sees (numbers without a useless '.0')."""
    if value.__class__ is str:
        return unicodedata.normalize("NFC", value).strip()
    if value is None:
        return ""
    if isinstance(value, bool):
        return YES if value else ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y") if not value.time() else value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return unicodedata.normalize("NFC", str(value)).strip()


def parse_date(value):
    """A Vietnamese date: dd/mm/yyyy, d/m/yyyy (also with '-' or '.'), yyyy-mm-dd, or a real Excel date."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        raise CellError("bad_date")
    if isinstance(value, (int, float)):
        # a date cell that lost its date format: Excel's serial day number
        if not 1 <= value < 2958466:
            raise CellError("bad_date")
        return (_EXCEL_EPOCH + timedelta(days=int(value))).date()
    text = as_text(value)
    match = _DATE_RE.match(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
    else:
        match = _ISO_RE.match(text)
        if not match:
            raise CellError("bad_date")
        year, month, day = (int(g) for g in match.groups())
    try:
        result = date(year, month, day)
    except ValueError:
        raise CellError("bad_date") from None
    if result.year < 1900:
        raise CellError("bad_date")
    return result


def parse_gender(value):
    text = fold(as_text(value))
    if text in ("nam", "male", "m"):
        return "male"
    if text in ("nữ", "nu", "female", "f"):
        return "female"
    raise CellError("bad_gender")


def parse_bool(value):
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    text = fold(as_text(value))
    if text in ("x", "có", "co", "yes", "1", "đảng viên", "true"):
        return True
    if text in ("", "không", "khong", "no", "0", "false", "-"):
        return False
    raise CellError("bad_bool")


def _choices(labels, aliases):
    """{folded text: key}: each label (folded) and key, the first one that says it; then the aliases."""
    choices = {}
    for key, label in labels.items():
        choices.setdefault(fold(label), key)
        choices.setdefault(key, key)
    for alias, key in aliases.items():
        choices.setdefault(alias, key)
    return choices


def parse_education(value):
    key = _EDUCATION_CHOICES.get(fold(as_text(value)))
    if key is None:
        raise CellError("bad_education")
    return key


#: names people write for a nationality that differ from Odoo's country names -> ISO code
COUNTRY_ALIASES = {
    "hàn quốc": "KR", "đại hàn dân quốc": "KR", "korea": "KR", "triều tiên": "KP", "hoa kỳ": "US",
    "mỹ": "US", "anh": "GB", "đài loan": "TW", "trung hoa": "CN", "nga": "RU", "lào": "LA",
    "vn": "VN", "việt nam": "VN", "viet nam": "VN",
}


def parse_document_type(value):
    key = _DOCUMENT_TYPE_CHOICES.get(fold(as_text(value)))
    if key is None:
        raise CellError("bad_document_type")
    return key


def parse_document_number(value):
    """A passport or work permit number: letters and digits as written, without spaces."""
    text = as_text(value).replace(" ", "").upper()
    if len(text) > 30:
        raise CellError("too_long", max=30)
    return text


def parse_code(value):
    text = as_text(value)
    if len(text) > 64:
        raise CellError("too_long", max=64)
    return text


def parse_text(value):
    text = _SPACES_RE.sub(" ", as_text(value))
    if len(text) > MAX_TEXT:
        raise CellError("too_long", max=MAX_TEXT)
    return text


def parse_phone(value):
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        text = as_text(value)
        # a number cell loses the leading zero of 0912345678
        if len(text) == 9:
            text = "0" + text
    else:
        text = as_text(value)
    if not _PHONE_RE.match(text):
        raise CellError("bad_phone")
    return text


def parse_email(value):
    text = as_text(value)
    if not _EMAIL_RE.match(text) or len(text) > MAX_TEXT:
        raise CellError("bad_email")
    return text


_EDUCATION_CHOICES = _choices(EDUCATION_LABELS, _EDUCATION_ALIASES)
_DOCUMENT_TYPE_CHOICES = _choices(DOCUMENT_TYPE_LABELS, _DOCUMENT_TYPE_ALIASES)

_PARSERS = {
    "date": parse_date, "gender": parse_gender, "bool": parse_bool, "education": parse_education,
    "code": parse_code, "text": parse_text, "phone": parse_phone, "email": parse_email,
    "document_type": parse_document_type,
}


def is_example_row(raw):
    """True for the template's example row left in the file."""
    if as_text(raw.get("name")) != EXAMPLE_ROW["name"]:
        return False
    for key, expected in EXAMPLE_ROW.items():
        value = raw.get(key)
        if isinstance(expected, date):
            try:
                if parse_date(value) != expected:
                    return False
            except CellError:
                return False
        elif as_text(value) != expected:
            return False
    return True


# --- the whole file ----------------------------------------------------------------

def _error(results, col_key, raw, code, **params):
    results.errors.append(SheetError(code, COLUMN_BY_KEY[col_key].header, as_text(raw), params))


#: distinct values of a column whose verdict validate() keeps (a column of unique values, names
#: or citizen IDs, stops being remembered there)
MAX_MEMO = 4096


def _cell_verdict(col, value, lookups):
    """(field name, parsed value) of a filled cell, or the CellError that refuses it."""
    try:
        if col.kind == "country":
            country_id = lookups.countries.get(fold(as_text(value)))
            if not country_id:
                raise CellError("unknown_country")
            return "nationality_id", country_id
        if col.kind == "unit":
            code = as_text(value)
            if code in lookups.units:
                return "organization_id", lookups.units[code]
            if code in lookups.ended_units:
                return "organization_id", lookups.ended_units[code]
            raise CellError("unknown_unit")
        if col.kind == "ethnicity":
            ethnicity_id = lookups.ethnicities.get(fold(as_text(value)))
            if not ethnicity_id:
                raise CellError("unknown_ethnicity")
            return "ethnicity_id", ethnicity_id
        parsed = _PARSERS[col.kind](value)
        if col.kind == "date" and parsed > lookups.today and col.key not in FUTURE_DATES_ALLOWED:
            raise CellError("future_date")
        if col.kind == "text" and col.key == "name" and not parsed:
            raise CellError("required")
        return col.key, parsed
    except CellError as err:
        return err


def validate(rows, lookups):
    """Validate every row; returns a list of :class:`RowResult` (one per non-empty row).

    ``rows``: iterable of ``(row_number, raw)`` or ``(row_number, raw, sheet)`` where
    ``raw`` is ``{column key: cell value}``. Nothing here raises on bad data: each
    row carries the errors found in it, naming the column and the value.
    """
    normalize_cid = lookups.normalize_citizen_id or (lambda v: as_text(v).replace(" ", ""))
    valid_cid = lookups.is_valid_citizen_id or (lambda v: bool(re.match(r"^[0-9]{12}$", v or "")))
    results = []
    seen = {"citizen_id": {}, "member_code": {}, "card_number": {}, "document": {}}
    # a cell's verdict depends on its column and value only: reached once per distinct value of
    # a column (units, dates, genders, job titles... repeat across 100,000 rows)
    verdicts = {col.key: {} for col in COLUMNS}
    ended_unit_ids = set(lookups.ended_units.values())
    for item in rows:
        row_number, raw = item[0], item[1]
        sheet = item[2] if len(item) > 2 else ""
        if all(is_empty(raw.get(col.key)) for col in COLUMNS) or is_example_row(raw):
            continue
        res = RowResult(row=row_number, sheet=sheet)
        values = res.values
        for col in COLUMNS:
            value = raw.get(col.key)
            if value is None or (isinstance(value, str) and not value.strip()):  # is_empty, inlined
                if col.key in ("name", "unit_code"):
                    _error(res, col.key, value, "required")
                continue
            if col.kind == "citizen_id":
                continue  # read below, once the nationality and the document type are known
            memo = verdicts[col.key]
            key = (value.__class__, value)
            try:
                verdict = memo.get(key)
            except TypeError:  # a value that cannot be a key is judged each time
                key, verdict = None, None
            if verdict is None:
                verdict = _cell_verdict(col, value, lookups)
                if key is not None and len(memo) < MAX_MEMO:
                    memo[key] = verdict
            if verdict.__class__ is CellError:
                _error(res, col.key, value, verdict.code, **verdict.params)
            else:
                values[verdict[0]] = verdict[1]
        _read_document(res, raw, values, lookups, normalize_cid, valid_cid)
        if values.get("birth_date") and values.get("date_joined") \
                and values["date_joined"] < values["birth_date"]:
            _error(res, "date_joined", raw.get("date_joined"), "joined_before_birth")
        if values.get("citizen_id") and lookups.citizen_id_mismatches:
            for code, params in lookups.citizen_id_mismatches(
                    values["citizen_id"], values.get("birth_date"), values.get("gender")):
                _error(res, "citizen_id", values["citizen_id"], f"citizen_id_{code}", **params)
        _match_member(res, raw, values, lookups)
        ended_unit = values.get("organization_id") in ended_unit_ids
        if ended_unit and not any(err.code == "member_not_accessible" for err in res.errors):
            info = lookups.members.get(res.member_id)
            if not info or info.organization_id != values["organization_id"]:
                # nobody joins or moves to a unit that has ended; its former members may stay listed
                _error(res, "unit_code", raw.get("unit_code"), "unknown_unit")
        if not res.member_id and lookups.foreign_admission_problems and not res.errors:
            problems = lookups.foreign_admission_problems(values)
            if problems:
                _error(res, "nationality", raw.get("nationality"), "foreign_admission", problems=problems)
        document = values.get("id_document_number")
        if document:
            key = (values.get("id_document_type"), values.get("id_document_country_id"), document)
            first = seen["document"].get(key)
            if first:
                _error(res, "citizen_id", raw.get("citizen_id"), "duplicate_in_file",
                       first_row=first[0], first_sheet=first[1])
            else:
                seen["document"][key] = (row_number, sheet)
        for key in ("citizen_id", "member_code", "card_number"):
            value = values.get(key)
            if not value:
                continue
            first = seen[key].get(value)
            if first:
                _error(res, key, raw.get(key), "duplicate_in_file", first_row=first[0], first_sheet=first[1])
            else:
                seen[key][value] = (row_number, sheet)
        results.append(res)
    return results


def _read_document(res, raw, values, lookups, normalize_cid, valid_cid):
    """The identity document of a row: a citizen ID (Vietnamese) or a passport / work permit,
    whose issuing country is taken to be the member's nationality."""
    value = raw.get("citizen_id")
    nationality = values.get("nationality_id")
    if not nationality and not is_empty(raw.get("nationality")):
        return  # an unknown country is reported; which document it means cannot be told
    foreigner = bool(nationality) and lookups.vietnam_id is not None and nationality != lookups.vietnam_id
    doc_type = values.get("id_document_type") or ("passport" if foreigner else "citizen_id")
    if is_empty(value):
        if values.get("id_document_type") and doc_type != "citizen_id":
            _error(res, "citizen_id", value, "required_document")
        return
    if doc_type == "citizen_id":
        if foreigner:
            _error(res, "id_document_type", raw.get("id_document_type"), "citizen_id_foreigner")
            return
        cid = normalize_cid(value)
        if not valid_cid(cid):
            _error(res, "citizen_id", value, "bad_citizen_id")
            return
        values["citizen_id"] = cid
        if values.get("id_document_type"):
            values["id_document_type"] = "citizen_id"
        return
    try:
        number = parse_document_number(value)
    except CellError as err:
        _error(res, "citizen_id", value, err.code, **err.params)
        return
    if not nationality:
        if is_empty(raw.get("nationality")):
            _error(res, "nationality", raw.get("nationality"), "required_nationality")
        return
    values.update(id_document_type=doc_type, id_document_number=number, id_document_country_id=nationality)


#: the columns whose errors already say what identifies a new member
_DOCUMENT_HEADERS = {COLUMN_BY_KEY[key].header for key in ("citizen_id", "nationality", "id_document_type")}


def _match_member(res, raw, values, lookups):
    """Find the existing member the row is about (citizen ID first, then member code)."""
    cid, code, card = values.get("citizen_id"), values.get("member_code"), values.get("card_number")
    by_cid = lookups.members_by_citizen_id.get(cid) if cid else None
    document = values.get("id_document_number")
    if document and not by_cid:
        # a passport or work permit identifies the member as a citizen ID does
        cid = document
        by_cid = lookups.members_by_document.get(
            (values.get("id_document_type"), values.get("id_document_country_id"), document))
    by_code = lookups.members_by_code.get(code) if code else None
    if code and not by_code:
        _error(res, "member_code", raw.get("member_code"), "unknown_member_code")
        return
    owner = lookups.members_by_card.get(card) if card else None
    hidden = [mid for mid in (by_cid, by_code, owner)
              if mid and not (lookups.members.get(mid) or MemberInfo(mid)).accessible]
    if hidden:
        # a citizen ID, code or card number of a member of a unit the user does not manage:
        # the row is refused without saying whose it is (no oracle for union membership)
        column = "citizen_id" if by_cid in hidden else "member_code" if by_code in hidden else "card_number"
        _error(res, column, raw.get(column), "member_not_accessible")
        return
    if by_cid and by_code and by_cid != by_code:
        _error(res, "citizen_id", raw.get("citizen_id"), "citizen_id_other_member")
        return
    member_id = by_cid or by_code
    if not member_id and not cid and not any(err.column in _DOCUMENT_HEADERS for err in res.errors):
        # a new member needs a citizen ID, or re-importing the file would add them again
        _error(res, "citizen_id", raw.get("citizen_id"), "required_new")
    if card:
        owner = lookups.members_by_card.get(card)
        if owner and owner != member_id:
            _error(res, "card_number", raw.get("card_number"), "card_taken")
    if not member_id:
        return
    info = lookups.members.get(member_id) or MemberInfo(member_id)
    if not info.accessible:
        column = "citizen_id" if by_cid else "member_code"
        _error(res, column, raw.get(column), "member_not_accessible")
        return
    res.member_id = member_id
    unit = values.get("organization_id")
    if unit and unit != info.organization_id and info.state not in MEMBER_STATES:
        _error(res, "unit_code", raw.get("unit_code"), "former_member_unit")


def changes(values, current):
    """The values of a row that differ from the member's ``current`` ones ({field: value}).

    An empty cell leaves the member's value as it is, so only filled cells count.
    Texts compare without surrounding spaces; ``current`` uses False/None for empty.
    """
    diff = {}
    for key, value in values.items():
        if key == "member_code":
            continue
        old = current.get(key)
        if isinstance(value, str):
            if (old or "").strip() != value:
                diff[key] = value
        elif isinstance(value, bool):
            if bool(old) != value:
                diff[key] = value
        elif old != value:
            diff[key] = value
    return diff


def export_row(member):
    """The sheet values of a member given as a dict of plain values (the export's row).

    ``member`` keys: the field names plus ``unit_code``, ``unit_name``, ``ethnicity``
    and ``nationality`` (names) and ``state``; the number column holds the citizen ID
    or, for a foreign member, ``id_document_number``; returns a list in the order of COLUMNS + INFO_COLUMNS.
    """
    row = []
    for col in COLUMNS + INFO_COLUMNS:
        value = member.get(col.key)
        if col.kind == "gender":
            value = GENDER_LABELS.get(value, "")
        elif col.kind == "bool":
            value = YES if value else ""
        elif col.kind == "education":
            value = EDUCATION_LABELS.get(value, "")
        elif col.kind == "document_type":
            value = DOCUMENT_TYPE_LABELS.get(value, "")
        elif col.key == "citizen_id":
            value = member.get("citizen_id") or member.get("id_document_number") or ""
        elif col.key == "state":
            value = STATE_LABELS.get(value, value or "")
        elif value in (None, False):
            value = ""
        row.append(value)
    return row
