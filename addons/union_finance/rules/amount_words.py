"""An amount of money in Vietnamese words, as written on vouchers (C40-BB).

>>> amount_in_words(234000)
'Hai trăm ba mươi bốn nghìn đồng'
"""

DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]
UNITS = ["", "nghìn", "triệu"]


def _three(number, full):
    """Words for 0 < number < 1000; ``full``: the group is not the leading one,
    so a zero hundreds digit is read ("không trăm") and a lone unit gets "linh"."""
    hundreds, rest = divmod(number, 100)
    tens, units = divmod(rest, 10)
    words = []
    if hundreds or full:
        words += [DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units and words:
            words.append("linh")
    elif tens == 1:
        words.append("mười")
    else:
        words += [DIGITS[tens], "mươi"]
    if units:
        if units == 1 and tens >= 2:
            words.append("mốt")
        elif units == 5 and tens >= 1:
            words.append("lăm")
        else:
            words.append(DIGITS[units])
    return words


def _below_billion(number, full):
    """Words for 0 < number < 10**9."""
    groups = []
    index = 0
    while number:
        number, group = divmod(number, 1000)
        groups.append((index, group))
        index += 1
    words = []
    groups.reverse()
    for position, (index, group) in enumerate(groups):
        if not group:
            continue
        words += _three(group, full or position > 0)
        if UNITS[index]:
            words.append(UNITS[index])
    return words


def number_in_words(number):
    """A whole number in Vietnamese words, lower case (``0`` -> ``không``)."""
    number = int(number)
    if number == 0:
        return "không"
    if number < 0:
        return "âm " + number_in_words(-number)
    chunks = []  # groups of 9 digits, each followed by "tỷ" as many times as needed
    while number:
        number, chunk = divmod(number, 10**9)
        chunks.append(chunk)
    words = []
    last = len(chunks) - 1
    for power in range(last, -1, -1):
        chunk = chunks[power]
        if chunk:
            words += _below_billion(chunk, full=power < last)
        if power and (chunk or power == last):
            words.append("tỷ")
    return " ".join(words)


def amount_in_words(amount, currency="đồng"):
    """A VND amount in words for a voucher, first letter capitalised:
    ``234000`` -> ``Hai trăm ba mươi bốn nghìn đồng``."""
    text = f"{number_in_words(round(amount))} {currency}".strip()
    return text[0].upper() + text[1:]
