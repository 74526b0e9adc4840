"""Vietnamese citizen identity number (CCCD, 12 digits).

Digits 1-3: province of birth registration (001..096), digit 4: century and
gender (0/1: 20th century male/female, 2/3: 21st, 4/5: 22nd...), digits 5-6:
the last two digits of the birth year, then 6 random digits.
"""
import re

_CCCD = re.compile(r"^\d{12}$")


def normalize(value):
    """Strip spaces and dots people type; return the digits as text ('' for empty)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip().replace(" ", "").replace(".", "")
    # a spreadsheet that stored the number as a number loses the leading zero
    if text.isdigit() and len(text) == 11:
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
