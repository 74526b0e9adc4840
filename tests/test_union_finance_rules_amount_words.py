"""Plain tests of union_finance/rules/amount_words.py (voucher C40-BB)."""
import pytest
from rule_loader import load_rule

words = load_rule("union_finance", "amount_words")


@pytest.mark.parametrize("amount, text", [
    (234_000, "Hai trăm ba mươi bốn nghìn đồng"),
    (88_000, "Tám mươi tám nghìn đồng"),
    (150_000, "Một trăm năm mươi nghìn đồng"),
    (253_000, "Hai trăm năm mươi ba nghìn đồng"),
    (11_700, "Mười một nghìn bảy trăm đồng"),
    (0, "Không đồng"),
    (5, "Năm đồng"),
    (10, "Mười đồng"),
    (15, "Mười lăm đồng"),
    (21, "Hai mươi mốt đồng"),
    (105, "Một trăm linh năm đồng"),
    (1_050_000, "Một triệu không trăm năm mươi nghìn đồng"),
    (2_340_000, "Hai triệu ba trăm bốn mươi nghìn đồng"),
    (17_600_000, "Mười bảy triệu sáu trăm nghìn đồng"),
    (1_000_000_000, "Một tỷ đồng"),
    (2_025_000_000, "Hai tỷ không trăm hai mươi lăm triệu đồng"),
    (1_000_000_000_000, "Một nghìn tỷ đồng"),
])
def test_amount_in_words(amount, text):
    assert words.amount_in_words(amount) == text
