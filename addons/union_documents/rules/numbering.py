"""Number and symbol of official documents (Decree 30/2020/NĐ-CP, art. 15).

Plain Python, no Odoo import: the models call these functions and write the
results; tests in ``tests/test_union_documents_rules_numbering.py``.

- Numbers run from 01 on 1 January to 31 December of each year; numbers
  below 10 have a leading zero.
- Symbol of a typed document: ``<type>-<issuer>`` (``12/KH-CĐN``).
- Symbol of a công văn (no type abbreviation): ``<issuer>-<department>``
  (``61/CĐN-ToC``), the drafting department after the issuer.
"""

DEFAULT_WIDTH = 2


class NumberingError(ValueError):
    """Raised on data that cannot make a valid number or symbol.

    ``code`` says what is wrong (for a translated message in the caller),
    ``value`` is the offending value.
    """

    def __init__(self, code, value=None):
        super().__init__(f"{code}: {value!r}")
        self.code = code
        self.value = value


def _clean(part):
    return (part or "").strip()


def format_number(number, width=DEFAULT_WIDTH):
    """``5`` -> ``"05"``; ``12`` -> ``"12"``; ``123`` -> ``"123"``."""
    if isinstance(number, bool) or not isinstance(number, int) or number < 1:
        raise NumberingError("invalid_number", number)
    return str(number).zfill(width)


def parse_number(text):
    """Read a hand-typed number (``"05"``, ``"5"``, ``"05/QĐ-CĐN"``) -> 5."""
    head = _clean(text).split("/", 1)[0].strip()
    if not head.isdigit() or int(head) < 1:
        raise NumberingError("invalid_number", text)
    return int(head)


def build_symbol(issuer, type_abbreviation=None, department=None):
    """The part after the slash.

    Typed document: ``KH-CĐN``; công văn: ``CĐN-ToC`` (or ``CĐN`` when no
    drafting department is known).
    """
    issuer = _clean(issuer)
    if not issuer:
        raise NumberingError("missing_issuer", issuer)
    type_abbreviation = _clean(type_abbreviation)
    department = _clean(department)
    if type_abbreviation:
        return f"{type_abbreviation}-{issuer}"
    if department:
        return f"{issuer}-{department}"
    return issuer


def number_and_symbol(number, issuer, type_abbreviation=None, department=None, width=DEFAULT_WIDTH):
    """``12/KH-CĐN`` or ``61/CĐN-ToC``."""
    return f"{format_number(number, width)}/{build_symbol(issuer, type_abbreviation, department)}"


def next_number(last_number, last_year, year):
    """The next number of a series whose last number was ``last_number`` in
    ``last_year``, for a document of ``year``: the series restarts at 1 each
    year, and never goes back to a year already left behind."""
    if last_year and year < last_year:
        raise NumberingError("past_year", year)
    if not last_year or year > last_year:
        return 1
    return (last_number or 0) + 1


def check_manual_number(number, used_numbers, last_number):
    """Validate a number typed by hand for a series.

    ``used_numbers`` is the set of numbers already given in the series,
    ``last_number`` the last number of the series. A typed number must be
    positive and not already used. Returns the new last number of the series
    (unchanged when the typed number fills an earlier hole).
    """
    if isinstance(number, bool) or not isinstance(number, int) or number < 1:
        raise NumberingError("invalid_number", number)
    if number in set(used_numbers or ()):
        raise NumberingError("duplicate_number", number)
    return max(last_number or 0, number)


def find_gaps(numbers):
    """Numbers missing from 1..max(numbers) (a gap-free series has none)."""
    present = set(numbers)
    if not present:
        return []
    return [n for n in range(1, max(present) + 1) if n not in present]
