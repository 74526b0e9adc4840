"""Plain tests of union_finance/rules/settlement.py (DOMAIN.md §6 layout)."""
from rule_loader import load_rule

settlement = load_rule("union_finance", "settlement")

TEMPLATE = [
    {"code": "10", "source": "opening"},
    {"code": "20", "source": "formula", "formula": "22+23+24+28"},
    {"code": "22", "source": "income", "account_codes": "138801,711801"},
    {"code": "23", "source": "income", "account_codes": "138802"},
    {"code": "24", "source": "income", "account_codes": "336"},
    {"code": "28", "source": "income", "catch_all": True},
    {"code": "30", "source": "formula", "formula": "31+32+33+34+38+40"},
    {"code": "31", "source": "expense", "account_codes": "8118"},
    {"code": "32", "source": "expense", "account_codes": "811802"},
    {"code": "33", "source": "expense", "account_codes": "642"},
    {"code": "34", "source": "expense", "account_codes": ""},
    {"code": "38", "source": "expense", "account_codes": "331801"},
    {"code": "40", "source": "expense", "catch_all": True},
    {"code": "50", "source": "formula", "formula": "10+20-30"},
]


def test_classify_longest_prefix_and_direction():
    assert settlement.classify(TEMPLATE, "811801", 100) == "31"
    assert settlement.classify(TEMPLATE, "811802", 100) == "32", "the longer prefix wins"
    assert settlement.classify(TEMPLATE, "138801", -100) == "22"
    assert settlement.classify(TEMPLATE, "138801", 100) == "40", "money out never counts as dues"
    assert settlement.classify(TEMPLATE, "515", -5) == "28"
    assert settlement.classify(TEMPLATE, "6427", 5) == "33"


def test_compute_settlement():
    values, unclassified = settlement.compute(TEMPLATE, 1_000_000, {
        "138801": -88_000, "138802": -2_000_000, "811801": 500_000, "331801": 526_400,
        "515": -1_000, "6422": 0,
    })
    assert unclassified == []
    assert values["10"] == 1_000_000
    assert (values["22"], values["23"], values["24"], values["28"]) == (88_000, 2_000_000, 0, 1_000)
    assert values["20"] == 2_089_000
    assert (values["31"], values["38"], values["40"]) == (500_000, 526_400, 0)
    assert values["30"] == 1_026_400
    assert values["50"] == 1_000_000 + 2_089_000 - 1_026_400


def test_no_catch_all_reports_unclassified():
    template = [line for line in TEMPLATE if not line.get("catch_all")]
    values, unclassified = settlement.compute(template, 0, {"515": -1_000, "999": 5})
    assert unclassified == ["515", "999"]
    assert values["20"] == 0


def test_journal_filter():
    template = TEMPLATE + [{"code": "24", "source": "income", "account_codes": "1388",
                            "journal_codes": "TCT"}]
    template = [line for line in template if line != TEMPLATE[4]]
    values, _unclassified = settlement.compute(template, 0, {
        ("138899", "TCT"): -300, ("138899", "BNK1"): -200})
    assert values["24"] == 300
    assert values["28"] == 200
