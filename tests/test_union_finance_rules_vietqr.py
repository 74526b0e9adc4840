"""Plain tests of union_finance/rules/vietqr.py: what a VietQR code needs from a bank account."""
from rule_loader import load_rule

vietqr = load_rule("union_finance", "vietqr")

COMPLETE = {"acc_number": "0011004455667", "bank_bic": "970436", "holder": "Công đoàn Trường A",
            "proxy_type": "bank_acc", "proxy_value": "0011004455667", "country_code": "VN",
            "city": "Gia Nghĩa", "include_reference": True}


def test_complete_account_has_no_problem():
    assert vietqr.problems(COMPLETE) == []


def test_no_account():
    assert vietqr.problems(None) == [vietqr.NO_ACCOUNT]


def test_bank_code_must_be_a_napas_bin():
    assert vietqr.problems(dict(COMPLETE, bank_bic="")) == ["bic"]
    assert vietqr.problems(dict(COMPLETE, bank_bic="BFTVVNVX")) == ["bic_format"]
    assert vietqr.problems(dict(COMPLETE, bank_bic="963388")) == []  # not only 970xxx


def test_each_missing_piece_is_named_in_order():
    account = dict(COMPLETE, country_code="FR", acc_number=" ", proxy_type="none",
                   proxy_value="", holder="", city="", include_reference=False)
    assert vietqr.problems(account) == ["country", "acc_number", "proxy_type", "proxy_value",
                                        "holder", "city", "reference"]
