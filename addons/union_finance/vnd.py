"""Sums of money in VND as people read them (the amounts themselves are
``fields.Monetary`` in the company currency, VND: rounding 1, no decimals)."""


def format_vnd(env, amount, unit=True):
    """``amount`` (VND) as people read it in the user's language: "70.000 đồng" in
    Vietnamese, "70,000 VND" in English (the language's thousands separator; the word is
    translated). ``unit=False``: the number alone."""
    separator = env["res.lang"]._get_data(code=env.lang or "en_US").thousands_sep or ","
    number = f"{int(round(amount or 0)):,}".replace(",", separator)
    return env._("%(amount)s VND", amount=number) if unit else number
