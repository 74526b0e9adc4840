"""Vietnamese citizen identity number (CCCD, 12 digits).

Digits 1-3: province of birth registration (001..096), digit 4: century and
gender (0/1: 20th century male/female, 2/3: 21st, 4/5: 22nd...), digits 5-6:
the last two digits of the birth year, then 6 random digits.
"""
import re
import unicodedata

# ASCII digits only: ``\d`` also matches full-width "０" or Arabic-Indic digits, and a known
# number typed that way would pass as another person's
_CCCD = re.compile(r"^[0-9]{12}$")


def normalize(value, pad=False):
    """Strip spaces and dots people type; return the digits as text ('' for empty).

    ``pad``: for spreadsheet imports only. A spreadsheet that stored the number as a
    number lost its leading zero (Excel drops it): an 11-digit value gets it back. On a
    form, an 11-digit id is a typing mistake and stays 11 digits (and is refused).
    """
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    # NFKC: full-width digits ("０６７...", some phone keyboards) become the ASCII ones
    text = unicodedata.normalize("NFKC", str(value)).strip().replace(" ", "").replace(".", "")
    if pad and text.isdigit() and len(text) == 11:
        text = "0" + text
    return text


def is_valid(value):
    """True when ``value`` (normalized) is a well-formed 12-digit CCCD."""
    if not _CCCD.match(value or ""):
        return False
    province = int(value[:3])
    return 1 <= province <= 96


def birth_year(value):
    """The birth year encoded in a valid CCCD."""
    century = 1900 + 100 * (int(value[3]) // 2)
    return century + int(value[4:6])


def gender(value):
    """'male' or 'female', as encoded in a valid CCCD."""
    return "female" if int(value[3]) % 2 else "male"


def gender_digit(year, sex):
    """The 4th digit a CCCD must have for a person of that sex born in that year."""
    return 2 * ((year - 1900) // 100) + (1 if sex == "female" else 0)


def mismatches(value, birth_date=None, sex=None):
    """What a valid CCCD says that contradicts the person's birth date or sex.

    Returns a list of ``(code, params)``: ``("birth_year", {"id_year", "year"})`` when
    digits 4-6 encode another birth year, ``("gender", {"id_gender", "gender", "digit"})``
    when digit 4 encodes the other sex; empty when they agree or are unknown.
    """
    if not is_valid(value):
        return []
    found = []
    if birth_date and birth_year(value) != birth_date.year:
        found.append(("birth_year", {"id_year": birth_year(value), "year": birth_date.year,
                                     "digits": value[3:6]}))
    if sex in ("male", "female") and gender(value) != sex:
        found.append(("gender", {"id_gender": gender(value), "gender": sex, "digit": value[3]}))
    return found
