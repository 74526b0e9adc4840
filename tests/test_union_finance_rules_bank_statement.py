"""Plain tests of union_finance/rules/bank_statement.py: reading Vietnamese banks' statements."""
import datetime

from rule_loader import load_rule

bank = load_rule("union_finance", "bank_statement")


def test_mangled_references_are_found():
    ref = "DP-M000123-202507"
    for text in ("DP-M000123-202507", "dp m000123 202507 doan phi", "MBVCB.1 DPM000123202507 LAN",
                 "chuyen tien dp m00 0123202507", "Đp-m000123-202507"):
        assert ref in bank.reference_candidates(text, "DP"), text
    assert bank.reference_candidates("DP-M000123-202507 DP-M000123-202508", "DP") == [
        "DP-M000123-202507", "DP-M000123-202508"]
    assert bank.reference_candidates("chuyen tien ung ho", "DP") == []


def test_amounts_as_banks_write_them():
    assert bank.parse_amount("26,338,000", ",", ".") == 26_338_000
    assert bank.parse_amount("26.338.000", ".", ",") == 26_338_000
    assert bank.parse_amount("-150.000", ".", ",") == -150_000
    assert bank.parse_amount(26338000.0) == 26_338_000
    assert bank.parse_amount("") == 0
    assert bank.parse_amount("26.338.0x0", ".", ",") is None
    assert bank.parse_amount("1.000,50", ".", ",") is None  # VND has no cents


def test_header_block_values():
    table = [["NGÂN HÀNG TMCP NGOẠI THƯƠNG VIỆT NAM - VIETCOMBANK"],
             ["Số tài khoản/Account number:", "0011001932418"],
             ["Số dư đầu kỳ/Opening balance:", "1,000,000"],
             ["Số dư cuối kỳ: 2.000.000"]]
    assert bank.find_labelled_value(table, "Số tài khoản") == "0011001932418"
    assert bank.find_labelled_value(table, "so du dau ky") == "1,000,000"
    assert bank.find_labelled_value(table, "Số dư cuối kỳ") == "2.000.000"
    assert bank.find_row(table, "vietcombank") == 0
    assert bank.account_number("Số TK: 0011 0019 32418 - VND") == "0011001932418"


def test_two_line_cell_date_and_balances():
    assert bank.split_two_lines("31/10/2023\n5243.65937") == ("31/10/2023", "5243.65937")
    assert bank.parse_date("31/10/2023", "%d/%m/%Y") == datetime.date(2023, 10, 31)
    assert bank.check_balances(100, 150, [80, -30]) is None
    assert bank.check_balances(100, 151, [80, -30]) == -1
    assert bank.payer_key("Công đoàn Trường THPT A") == "truong thpt a"
    assert bank.payer_key("Trường THPT A (đơn vị sử dụng lao động)") == "truong thpt a"
    assert bank.format_vnd(26338000) == "26.338.000"
