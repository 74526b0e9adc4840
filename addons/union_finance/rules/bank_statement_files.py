"""Statement files in the layouts of Vietnamese banks, built for the tests, the demo and
the benchmark (the dues references exist only in their database). Each builder
takes the account number, the opening balance and the transactions
[(date, bank reference, description, money in, money out)] and returns
(file name, bytes) laid out as the bank lays its export out: a header block, the
table, totals and the closing balance; the layouts' sources are in
readme/CONFIGURE.md."""
import csv
import io

import openpyxl

HOLDER = "CÔNG ĐOÀN NGÀNH GIÁO DỤC TỈNH ĐẮK NÔNG"


def _dot(amount, zero=""):
    return f"{amount:,}".replace(",", ".") if amount else zero


def _comma(amount, zero=""):
    return f"{amount:,}" if amount else zero


def _xlsx(rows):
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _totals(opening, lines):
    money_in = sum(line[3] for line in lines)
    money_out = sum(line[4] for line in lines)
    return money_in, money_out, opening + money_in - money_out


def vietcombank(account, opening, lines, closing=None):
    """Vietcombank: bilingual titles, the date and the document number in one cell on
    two lines, amounts as text with comma thousands ("26,338,000")."""
    money_in, money_out, computed = _totals(opening, lines)
    closing = computed if closing is None else closing
    rows = [
        ["NGÂN HÀNG TMCP NGOẠI THƯƠNG VIỆT NAM - VIETCOMBANK"],
        ["SAO KÊ TÀI KHOẢN / STATEMENT OF ACCOUNT"],
        ["Số tài khoản/Account number:", account],
        ["Tên tài khoản/Account name:", HOLDER],
        ["Từ ngày/From:", "01/08/2025", "Đến ngày/To:", "31/08/2025"],
        ["Số dư đầu kỳ/Opening balance:", _comma(opening, "0")],
        [],
        ["Ngày giao dịch/Transaction date", "Số tiền ghi nợ/Debit", "Số tiền ghi có/Credit",
         "Số dư/Balance", "Nội dung chi tiết/Transactions in detail"],
    ]
    balance = opening
    for day, ref, text, amount_in, amount_out in lines:
        balance += amount_in - amount_out
        rows.append([f"{day:%d/%m/%Y}\n{ref}", _comma(amount_out), _comma(amount_in),
                     _comma(balance, "0"), text])
    rows += [["Tổng số/Total", _comma(money_out), _comma(money_in)],
             ["Số dư cuối kỳ/Closing balance", _comma(closing, "0")],
             [], ["Người lập biểu", "", "Kiểm soát"]]
    return "vietcombank_sao_ke.xlsx", _xlsx(rows)


def vietinbank(account, opening, lines, closing=None):
    """VietinBank: a numbered table, its own transaction number column, the
    counterpart's name, amounts with dot thousands ("26.338.000")."""
    money_in, money_out, computed = _totals(opening, lines)
    closing = computed if closing is None else closing
    rows = [
        ["NGÂN HÀNG TMCP CÔNG THƯƠNG VIỆT NAM (VietinBank)"],
        ["Chi nhánh: Đắk Nông"],
        ["SAO KÊ TÀI KHOẢN"],
        ["Số tài khoản:", account],
        ["Chủ tài khoản:", HOLDER],
        ["Số dư đầu kỳ:", _dot(opening, "0")],
        ["STT", "Ngày giao dịch", "Số giao dịch", "Mô tả giao dịch", "Tên đối ứng", "Ghi nợ",
         "Ghi có", "Số dư"],
    ]
    balance = opening
    for number, (day, ref, text, amount_in, amount_out) in enumerate(lines, start=1):
        balance += amount_in - amount_out
        rows.append([number, f"{day:%d/%m/%Y}", ref, text, "", _dot(amount_out), _dot(amount_in),
                     _dot(balance, "0")])
    rows += [["", "Cộng phát sinh", "", "", "", _dot(money_out), _dot(money_in)],
             ["Số dư cuối kỳ:", _dot(closing, "0")]]
    return "vietinbank_sao_ke.xlsx", _xlsx(rows)


def bidv(account, opening, lines, closing=None, wrap_first=False):
    """BIDV (CSV): label and value in one cell ("Số dư đầu kỳ: 12.000.000"), dot
    thousands; with ``wrap_first`` the first description goes on over the next row."""
    money_in, money_out, computed = _totals(opening, lines)
    closing = computed if closing is None else closing
    rows = [
        ["NGÂN HÀNG TMCP ĐẦU TƯ VÀ PHÁT TRIỂN VIỆT NAM - BIDV"],
        ["BẢNG SAO KÊ GIAO DỊCH"],
        [f"Số tài khoản: {account}"],
        [f"Tên tài khoản: {HOLDER}"],
        [f"Số dư đầu kỳ: {_dot(opening, '0')}"],
        ["Ngày hiệu lực", "Số tham chiếu", "Mô tả", "Ghi nợ", "Ghi có", "Số dư"],
    ]
    balance = opening
    for index, (day, ref, text, amount_in, amount_out) in enumerate(lines):
        balance += amount_in - amount_out
        if wrap_first and index == 0 and " " in text:
            head, tail = text.split(" ", 1)
            rows.append([f"{day:%d/%m/%Y}", ref, head, _dot(amount_out), _dot(amount_in),
                         _dot(balance, "0")])
            rows.append(["", "", tail, "", "", ""])
            continue
        rows.append([f"{day:%d/%m/%Y}", ref, text, _dot(amount_out), _dot(amount_in),
                     _dot(balance, "0")])
    rows += [["Tổng phát sinh", "", "", _dot(money_out), _dot(money_in), ""],
             [f"Số dư cuối kỳ: {_dot(closing, '0')}"]]
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return "bidv_sao_ke.csv", out.getvalue().encode("utf-8-sig")


def agribank(account, opening, lines, closing=None):
    """Agribank: values in the cell two to the right of the label, real dates and
    numbers in the cells, no bank reference on fee lines."""
    money_in, money_out, computed = _totals(opening, lines)
    closing = computed if closing is None else closing
    rows = [
        ["NGÂN HÀNG NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN VIỆT NAM - AGRIBANK"],
        ["SAO KÊ TÀI KHOẢN TIỀN GỬI"],
        ["Số tài khoản", None, account],
        ["Tên tài khoản", None, HOLDER],
        ["Số dư đầu kỳ", None, opening],
        [],
        ["Ngày GD", "Số bút toán", "Phát sinh nợ", "Phát sinh có", "Số dư", "Nội dung"],
    ]
    balance = opening
    for day, ref, text, amount_in, amount_out in lines:
        balance += amount_in - amount_out
        rows.append([day, ref or None, amount_out or None, amount_in or None, balance, text])
    rows += [[None, "Cộng", money_out, money_in], ["Số dư cuối kỳ", None, closing]]
    return "agribank_sao_ke.xlsx", _xlsx(rows)


BUILDERS = {"vcb": vietcombank, "vietinbank": vietinbank, "bidv": bidv, "agribank": agribank}
