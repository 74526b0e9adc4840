"""The yearly settlement (quyết toán thu chi) of a unit from its cash and
bank movements, laid out by a template kept as data (DOMAIN.md §6).

Plain Python, no Odoo import. The models give, for the year, the balance of
each counterpart account of the cash and bank movements (debit - credit of
the non-liquidity lines of entries that touch a cash or bank account) and
the opening cash and bank balance; this module sorts them into the lines.
"""
import re

SOURCE_OPENING = "opening"  # cash and bank at the start of the period
SOURCE_INCOME = "income"  # money in, from the listed accounts
SOURCE_EXPENSE = "expense"  # money out, to the listed accounts
SOURCE_FORMULA = "formula"  # e.g. "22+23+24+28" or "10+20-30"

_TERM = re.compile(r"([+-]?)\s*(\w+)")


def _prefixes(codes):
    return [code.strip() for code in (codes or "").split(",") if code.strip()]


def classify(template, account_code, balance, journal_code=None):
    """The code of the template line an account's movement goes to.

    The longest matching account prefix of a line of the right direction wins
    (money in: negative balance, income lines; money out: expense lines);
    a line with ``journal_codes`` only takes movements of those journals;
    otherwise the direction's catch-all line; None if there is none.
    """
    source = SOURCE_INCOME if balance < 0 else SOURCE_EXPENSE
    best, best_len, catch_all = None, -1, None
    for line in template:
        if line["source"] != source:
            continue
        journals = _prefixes(line.get("journal_codes"))
        if journals and journal_code not in journals:
            continue
        if line.get("catch_all") and catch_all is None:
            catch_all = line["code"]
        for prefix in _prefixes(line.get("account_codes")):
            if account_code.startswith(prefix) and len(prefix) > best_len:
                best, best_len = line["code"], len(prefix)
    return best if best is not None else catch_all


def evaluate_formula(formula, values):
    total = 0
    for sign, code in _TERM.findall(formula or ""):
        total += -values.get(code, 0) if sign == "-" else values.get(code, 0)
    return total


def compute(template, opening, balances):
    """Amounts of every template line.

    :param template: list of dicts (in display order) with ``code``,
        ``source``, ``account_codes`` (comma separated prefixes),
        ``catch_all`` (bool) and ``formula``.
    :param opening: cash and bank balance at the start, VND.
    :param balances: {account code or (account code, journal code):
        debit - credit of the counterpart lines}.
    :returns: ({line code: VND}, [account codes no line takes]).
    """
    values = {line["code"]: 0 for line in template}
    unclassified = []
    for key, balance in sorted(balances.items(), key=lambda item: str(item[0])):
        if not balance:
            continue
        account_code, journal_code = key if isinstance(key, tuple) else (key, None)
        code = classify(template, account_code, balance, journal_code)
        if code is None:
            unclassified.append(account_code)
            continue
        # money in is a credit of the counterpart (negative balance): shown positive
        values[code] += abs(int(round(balance)))
    for line in template:
        if line["source"] == SOURCE_OPENING:
            values[line["code"]] = int(round(opening))
    # formulas may use other formulas: evaluate in order, then once more
    for _pass in range(2):
        for line in template:
            if line["source"] == SOURCE_FORMULA:
                values[line["code"]] = evaluate_formula(line.get("formula"), values)
    return values, unclassified
