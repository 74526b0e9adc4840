"""The national member register: read an export of VGCL's national member software with a
column mapping, and compare it with the suite's members.

Plain Python, no database (tested by plain pytest and measured by bench/bench_national.py).
"""
import datetime
import functools
import io
import unicodedata

from odoo.addons.union_membership.rules.lifecycle import MEMBER_STATES

#: the keys a mapping column can fill, and whether the comparison needs them
KEYS = ("national_code", "card_number", "name", "birth_date", "gender", "citizen_id",
        "id_document_number", "unit_code", "unit_name", "state", "date_joined", "date_left")
REQUIRED_KEYS = ("name", "birth_date", "unit_code")

#: the national software's states (as its export writes them) -> the suite's member states
STATE_WORDS = {
    "dang sinh hoat": "active", "active": "active",
    "tam dung sinh hoat": "suspended", "tam dung": "suspended", "suspended": "suspended",
    "chuyen sinh hoat": "transferred", "da chuyen": "transferred", "transferred": "transferred",
    "ra khoi to chuc": "left", "thoi sinh hoat": "left", "left": "left",
    "khai tru": "expelled", "expelled": "expelled",
    "da tu tran": "deceased", "tu tran": "deceased", "deceased": "deceased",
}
SUITE_STATE_WORDS = {"active": "Đang sinh hoạt", "suspended": "Tạm dừng sinh hoạt",
                     "transferred": "Chuyển sinh hoạt", "left": "Ra khỏi tổ chức",
                     "expelled": "Khai trừ", "deceased": "Đã từ trần"}
GENDER_WORDS = {"nam": "male", "male": "male", "nu": "female", "female": "female"}

#: kinds of difference, in the order of the screen
DIFF_KINDS = ("only_file", "only_suite", "unit", "state", "card_number", "national_code")


class NationalFileError(Exception):
    """A problem with the file: ``code`` and ``params`` for a translated message."""

    def __init__(self, code, **params):
        super().__init__(code)
        self.code = code
        self.params = params


@functools.lru_cache(maxsize=4096)
def fold(text):
    """Lower case without Vietnamese accents and extra spaces, for comparing labels."""
    text = unicodedata.normalize("NFD", str(text or "")).replace("đ", "d").replace("Đ", "D")
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    return " ".join(text.lower().split())


def name_key(name):
    """A person's name for matching: composed Unicode, lower case, single spaces (cheap: called
    for every row and every member)."""
    return " ".join(unicodedata.normalize("NFC", name or "").lower().split())


def norm_id(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip().replace(" ", "").replace(".", "")
    if text.isdigit() and len(text) == 11:
        text = "0" + text  # a spreadsheet stored the citizen id as a number and lost its zero
    return text


def parse_date(value):
    if value in (None, ""):
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, (int, float)):
        # an Excel date serial (days since 30/12/1899)
        if not 1 <= value < 2958466:
            raise ValueError(value)
        return datetime.date(1899, 12, 30) + datetime.timedelta(days=int(value))
    text = str(value).strip()
    if len(text) == 10 and text[2] == "/" and text[5] == "/" and text.replace("/", "").isdigit():
        # the usual dd/mm/yyyy, without strptime (100,000 rows)
        return datetime.date(int(text[6:]), int(text[3:5]), int(text[:2]))
    for fmt in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return datetime.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(text)


NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def _column_index(reference):
    """0-based column of a cell reference such as 'AB12'."""
    index = 0
    for char in reference:
        if "A" <= char <= "Z":
            index = index * 26 + ord(char) - 64
        else:
            break
    return index - 1


def iter_sheet_rows(data):
    """The first worksheet's rows as lists of values (text, numbers; dates stay Excel serial
    numbers), streamed from the XLSX's XML: several times faster than openpyxl on 100,000 rows."""
    import zipfile  # pylint: disable=import-outside-toplevel

    from lxml import etree  # pylint: disable=import-outside-toplevel

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        workbook = etree.fromstring(archive.read("xl/workbook.xml"))
        rels = etree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError) as err:
        raise NationalFileError("not_xlsx") from err
    first = workbook.find(f"{NS}sheets/{NS}sheet")
    if first is None:
        raise NationalFileError("empty")
    rel_id = first.get(f"{REL_NS}id")
    target = next((rel.get("Target") for rel in rels.iter(f"{PKG_REL_NS}Relationship")
                   if rel.get("Id") == rel_id), None)
    if not target:
        raise NationalFileError("not_xlsx")
    path = target.lstrip("/") if target.startswith("/") else "xl/" + target
    shared = []
    if "xl/sharedStrings.xml" in archive.namelist():
        with archive.open("xl/sharedStrings.xml") as stream:
            for _event, item in etree.iterparse(stream, tag=f"{NS}si"):
                shared.append("".join(item.itertext()))
                item.clear()
    try:
        stream = archive.open(path)
    except KeyError as err:
        raise NationalFileError("not_xlsx") from err
    with stream:
        for _event, row in etree.iterparse(stream, tag=f"{NS}row"):
            values = []
            for cell in row.iterchildren(f"{NS}c"):
                reference = cell.get("r")
                if reference:
                    position = _column_index(reference)
                    while len(values) < position:
                        values.append(None)
                kind = cell.get("t")
                if kind == "inlineStr":
                    value = "".join(cell.itertext())
                else:
                    node = cell.find(f"{NS}v")
                    value = node.text if node is not None else None
                    if value is not None:
                        if kind == "s":
                            value = shared[int(value)]
                        elif kind in (None, "n"):
                            number = float(value)
                            value = int(number) if number.is_integer() else number
                values.append(value)
            row.clear()
            yield values


#: column titles seen for each key in member lists (folded: no accents, lower case), the most
#: specific first; used to propose a mapping from a real export (``suggest_mapping``)
TITLE_WORDS = {
    "national_code": ("ma doan vien", "ma so doan vien", "ma dv", "ma quoc gia", "ma dinh danh doan vien"),
    "card_number": ("so the doan vien", "so the cong doan", "so the dv", "so the", "ma the"),
    "name": ("ho va ten", "ho ten", "ho va ten doan vien", "ten doan vien", "ho va ten dv"),
    "birth_date": ("ngay sinh", "ngay thang nam sinh", "ngay/thang/nam sinh", "sinh ngay"),
    "gender": ("gioi tinh", "gioi", "nam/nu"),
    "citizen_id": ("so cccd", "cccd", "so can cuoc cong dan", "so can cuoc", "so dinh danh ca nhan",
                   "so cmnd/cccd", "cmnd/cccd", "so cmnd", "cmnd"),
    "id_document_number": ("so ho chieu/giay phep lao dong", "so ho chieu", "ho chieu", "giay phep lao dong",
                           "so giay phep lao dong"),
    "unit_code": ("ma cong doan co so", "ma cdcs", "ma cong doan", "ma don vi", "ma to chuc cong doan"),
    "unit_name": ("ten cong doan co so", "ten cdcs", "cong doan co so", "ten don vi", "don vi",
                  "ten to chuc cong doan"),
    "state": ("trang thai", "trang thai sinh hoat", "tinh trang", "tinh trang sinh hoat"),
    "date_joined": ("ngay vao cong doan", "ngay ket nap", "ngay gia nhap cong doan", "ngay vao cd",
                    "ngay ket nap doan vien"),
    "date_left": ("ngay ra khoi to chuc", "ngay ra cong doan", "ngay thoi sinh hoat", "ngay ra"),
}
#: rows searched for the column titles (an export may start with a heading and blank rows)
HEADER_SEARCH_ROWS = 15


def suggest_mapping(titles):
    """{title as in the file: key} proposed for a header row: a title equal to a known wording
    first, then a title containing one (the longest wording wins); each key and each title once."""
    folded = [(title, fold(title)) for title in titles if title not in (None, "") and fold(title)]
    found, used = {}, set()
    for exact in (True, False):
        for key, words in TITLE_WORDS.items():
            if key in found.values():
                continue
            for word in sorted(words, key=len, reverse=True):
                match = next((title for title, text in folded if title not in used and (
                    text == word if exact else (len(word) > 4 and f" {word} " in f" {text} "))), None)
                if match is not None:
                    found[match] = key
                    used.add(match)
                    break
    return found


def find_header(data, max_rows=HEADER_SEARCH_ROWS):
    """(row number, titles) of the first rows' line that looks most like column titles: the one
    whose titles propose the most keys, the required ones counting double. Raises
    NationalFileError("not_xlsx") or ("empty")."""
    best = (0, 0, None)
    try:
        for number, row in enumerate(iter_sheet_rows(data), start=1):
            if number > max_rows:
                break
            titles = [" ".join(str(cell).split()) if cell not in (None, "") else "" for cell in row]
            keys = set(suggest_mapping(titles).values())
            score = len(keys) + len(keys & set(REQUIRED_KEYS))
            if score > best[0]:
                best = (score, number, titles)
    except NationalFileError:
        raise
    except Exception as err:  # noqa: BLE001 - a damaged sheet is "not a workbook"
        raise NationalFileError("not_xlsx") from err
    if not best[2]:
        raise NationalFileError("empty")
    return best[1], best[2]


def read_rows(data, columns, header_row=1):
    """Rows of an XLSX export as dicts keyed by mapping key.

    ``columns``: {header text as in the file: key}. Raises NationalFileError when the file is
    not a workbook, or a required column is missing; a row with a bad value raises
    NationalFileError("bad_value", row=, column=, value=) -- nothing is half read.
    """
    rows = iter_sheet_rows(data)
    header = None
    try:
        for _index in range(header_row):
            header = next(rows, None)
    except Exception as err:  # noqa: BLE001 - a damaged sheet is "not a workbook"
        raise NationalFileError("not_xlsx") from err
    if not header:
        raise NationalFileError("empty")
    wanted = {fold(str(name)): key for name, key in columns.items()}
    positions = {}
    for index, cell in enumerate(header):
        key = wanted.get(fold(str(cell or "")))
        if key:
            positions[key] = index
    missing = [name for name, key in columns.items() if key in REQUIRED_KEYS and key not in positions]
    if missing:
        found = [" ".join(str(cell).split()) for cell in header if cell not in (None, "")]
        raise NationalFileError("missing_columns", columns=", ".join(missing), found=", ".join(found[:30]))
    labels = {key: name for name, key in columns.items()}
    items = list(positions.items())
    result = []
    for number, row in enumerate(rows, start=header_row + 1):
        if not row or all(cell in (None, "") for cell in row):
            continue
        record = {"row": number}
        for key, index in items:
            value = row[index] if index < len(row) else None
            try:
                record[key] = _convert(key, value)
            except ValueError:
                raise NationalFileError("bad_value", row=number, column=labels[key], value=value) from None
        if not record.get("name"):
            raise NationalFileError("bad_value", row=number, column=labels["name"], value="")
        result.append(record)
    return result


def _convert(key, value):
    if key in ("birth_date", "date_joined", "date_left"):
        return parse_date(value)
    if key in ("citizen_id", "id_document_number", "national_code", "card_number", "unit_code"):
        return norm_id(value)
    if key == "state":
        if value in (None, ""):
            return None
        state = STATE_WORDS.get(fold(str(value)))
        if not state:
            raise ValueError(value)
        return state
    if key == "gender":
        if value in (None, ""):
            return None
        gender = GENDER_WORDS.get(fold(str(value)))
        if not gender:
            raise ValueError(value)
        return gender
    return " ".join(str(value or "").split())


def compare(file_rows, members):
    """Differences between the file and the suite's members.

    ``members``: dicts with id, name, birth_date, citizen_id, id_document_number, unit_code,
    state, card_number, national_code. Members are matched by identity document, then by name
    and birth date. Returns a list of dicts: kind, member_id (or None), row (or None), file and
    suite values.
    """
    by_doc, by_name = {}, {}
    for member in members:
        for doc in (member.get("citizen_id"), member.get("id_document_number")):
            if doc:
                by_doc[doc] = member
        by_name.setdefault((name_key(member["name"]), member.get("birth_date")), member)
    matched = set()
    diffs = []
    for row in file_rows:
        member = None
        for doc in (row.get("citizen_id"), row.get("id_document_number")):
            if doc and doc in by_doc:
                member = by_doc[doc]
                break
        if member is None:
            member = by_name.get((name_key(row["name"]), row.get("birth_date")))
        if member is None or member["id"] in matched:
            diffs.append({"kind": "only_file", "member_id": None, "row": row["row"], "name": row["name"],
                          "file_value": row.get("unit_code") or "", "suite_value": ""})
            continue
        matched.add(member["id"])
        base = {"member_id": member["id"], "row": row["row"], "name": member["name"]}
        if row.get("unit_code") and row["unit_code"] != (member.get("unit_code") or ""):
            diffs.append(dict(base, kind="unit", file_value=row["unit_code"],
                              suite_value=member.get("unit_code") or ""))
        if row.get("state") and row["state"] != member.get("state"):
            diffs.append(dict(base, kind="state", file_value=row["state"], suite_value=member.get("state") or ""))
        for key in ("card_number", "national_code"):
            if row.get(key) and row[key] != (member.get(key) or ""):
                diffs.append(dict(base, kind=key, file_value=row[key], suite_value=member.get(key) or ""))
    for member in members:
        if member["id"] not in matched and member.get("state") in MEMBER_STATES:
            diffs.append({"kind": "only_suite", "member_id": member["id"], "row": None, "name": member["name"],
                          "file_value": "", "suite_value": member.get("unit_code") or ""})
    return diffs
