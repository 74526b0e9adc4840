"""Reading a Vietnamese bank's statement export, without Odoo.

A statement exported from internet banking is a table (list of rows, each a list
of cell values, as openpyxl or csv gives them) that starts with a header block
(bank, branch, account number, holder, period, opening balance), then the table
of transactions, then totals and the closing balance. The layout of one bank is
a dict of label texts (see ``find_labelled_value``); these functions find what
the labels point at.

Dues payment references (``DP-M000123-202507``, see ``dues.payment_reference``)
come back from the banks mangled: diacritics and hyphens stripped, spaces
inserted, case changed. ``reference_candidates`` lists every reference a
description may hold; the caller keeps those that exist.
"""
import datetime
import hashlib
import re
import unicodedata

#: a month written as YYYYMM (2000-2099)
_MONTH = r"20\d\d(?:0[1-9]|1[0-2])"


def plain(text):
    """``text`` without diacritics (đ → d), lower case, single spaces."""
    text = unicodedata.normalize("NFD", str(text or "")).replace("đ", "d").replace("Đ", "D")
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    return " ".join(text.lower().split())


def compact(text):
    """``text`` as banks mangle it, undone: no diacritics, upper case, letters and digits only."""
    return "".join(ch for ch in plain(text).upper() if ch.isalnum())


def reference_candidates(description, prefix):
    """Every dues reference (``PREFIX-CODE-YYYYMM``) that ``description`` may hold,
    however the bank wrote it. A mangled reference has lost the hyphens between
    member code and month, so each possible split is listed; the caller keeps
    the references that exist."""
    prefix = compact(prefix or "DP")
    text = compact(description)
    found = []
    for start in (m.start() for m in re.finditer(re.escape(prefix), text)):
        rest = text[start + len(prefix):]
        for end in range(1, min(len(rest), 20)):
            code, tail = rest[:end], rest[end:]
            month = re.match(_MONTH, tail)
            if month:
                found.append(f"{prefix}-{code}-{month.group(0)}")
    return list(dict.fromkeys(found))


def cell_text(value):
    """A cell's value as stripped text ('' for an empty cell)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def find_row(table, text, start=0):
    """Index of the first row at or after ``start`` with a cell containing ``text``
    (compared without diacritics and case), or None."""
    needle = plain(text)
    if not needle:
        return None
    for index in range(start, len(table)):
        if any(needle in plain(cell_text(v)) for v in table[index]):
            return index
    return None


def find_labelled_value(table, label, stop=None):
    """The value written next to the cell that contains ``label`` (in the rows before
    ``stop``): the rest of that cell after the label and a colon ("Số tài khoản:
    0011004455667"), else the next non-empty cell to the right."""
    needle = plain(label)
    if not needle:
        return None
    rows = table if stop is None else table[:stop]
    for row in rows:
        for index, value in enumerate(row):
            text = cell_text(value)
            if needle not in plain(text):
                continue
            # the value after the label in the same cell ("Số dư đầu kỳ: 12.000.000"); a
            # rest without digits is the label's translation ("Số dư đầu kỳ/Opening balance")
            rest = re.split(r"[:：]", text, maxsplit=1)[1].strip() if re.search(r"[:：]", text) else ""
            if any(ch.isdigit() for ch in rest):
                return rest
            for other in row[index + 1:]:
                if cell_text(other):
                    return other
    return None


def parse_amount(value, thousands=",", decimal="."):
    """A VND amount written by a bank ("26,338,000", "26.338.000", "-150.000", 26338000.0)
    as an int, or None when it is not an amount. Empty cell: 0."""
    if value is None:
        return 0
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return int(round(value))
    text = str(value).strip().replace("\u00a0", "").replace(" ", "")
    text = text.replace("VND", "").replace("VNĐ", "").replace("đ", "")
    if not text or text in ("-", "0"):
        return 0
    negative = text.startswith("-") or (text.startswith("(") and text.endswith(")"))
    text = text.strip("-+()")
    if thousands:
        text = text.replace(thousands, "")
    if decimal and decimal in text:
        whole, _sep, cents = text.partition(decimal)
        if cents.strip("0"):
            return None  # VND has no cents
        text = whole
    if not text.isdigit():
        return None
    return -int(text) if negative else int(text)


def parse_date(value, fmt):
    """A date cell (a datetime, or text in ``fmt``, or text before a line break) as a date."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = cell_text(value)
    for candidate in (text, text.split(" ")[0]):
        try:
            return datetime.datetime.strptime(candidate, fmt).date()
        except ValueError:
            continue
    return None


def split_two_lines(value):
    """(first line, rest) of a cell that holds two values on two lines
    ("31/10/2023\\n5243.65937": the date and the bank's reference)."""
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value, ""
    lines = [line.strip() for line in cell_text(value).splitlines() if line.strip()]
    if not lines:
        return "", ""
    return lines[0], " ".join(lines[1:])


def line_key(day, amount, description, occurrence=0):
    """A stable key of a statement line without the bank's reference: its date,
    amount and description (whitespace and case normalised), and its rank among
    identical lines of the same file."""
    text = f"{day.isoformat()}|{amount}|{plain(description)}|{occurrence}"
    return hashlib.sha1(text.encode()).hexdigest()[:20]


def check_balances(opening, closing, amounts):
    """None when ``opening`` + the lines = ``closing``, else the difference."""
    if opening is None or closing is None:
        return None
    difference = opening + sum(amounts) - closing
    return difference or None


def account_number(value):
    """The account number in a header cell ("0011004455667 - VND", "Số TK: 1903 5566 7788"):
    its first run of at least six digits, spaces, dots and hyphens removed; None if none."""
    text = cell_text(value)
    for token in re.split(r"[^\d .-]", text):
        digits = re.sub(r"[ .-]", "", token)
        if len(digits) >= 6:
            return digits
    return None


def format_vnd(amount):
    """An amount of VND as Vietnamese write it: 26.338.000."""
    return f"{round(amount or 0):,}".replace(",", ".")


def payer_key(name):
    """A payer's name as it can be looked for in a bank's description: without
    diacritics or case, without what is in parentheses, and without the leading
    "Công đoàn" of a union unit (the school writes its own name: "TRUONG THPT A")."""
    text = plain(re.sub(r"\([^)]*\)", " ", str(name or "")))
    for prefix in ("cong doan co so ", "cong doan "):
        if text.startswith(prefix):
            text = text[len(prefix):]
            break
    return text.strip()
