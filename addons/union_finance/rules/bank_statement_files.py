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
    """Vietcombank (AccountStatement export): bilingual titles with line breaks, the
    date and the document number in one cell on two lines, amounts as text with comma
    thousands ("26,338,000"), the descriptions wrapped inside their cell."""
    money_in, money_out, computed = _totals(opening, lines)
    closing = computed if closing is None else closing
    rows = [
        ["NGÂN HÀNG TMCP NGOẠI THƯƠNG VIỆT NAM - VIETCOMBANK"],
        ["SAO KÊ TÀI KHOẢN", "", "STATEMENT OF ACCOUNT"],
        ["Số tài khoản/Account number:", account, "Loại tiền/Currency:", "VND"],
        ["Tên tài khoản/Account name:", HOLDER],
        ["Từ/ From: 01/08/2025", "", "Đến/ To: 31/08/2025"],
        ["Số dư đầu kỳ/ Opening balance :", _comma(opening, "0")],
        [],
        ["STT\nNo.", "Ngày1/\nTNX Date/ Số CT/ Doc No", "Ngày hiệu lực2/\nEffective date",
         "Số tiền ghi nợ/\nDebit", "Số tiền ghi có/\nCredit", "Số dư/\nBalance",
         "Nội dung chi tiết/\nTransactions in detail"],
    ]
    balance = opening
    for number, (day, ref, text, amount_in, amount_out) in enumerate(lines, start=1):
        balance += amount_in - amount_out
        rows.append([number, f"{day:%d/%m/%Y}\n{ref}", f"{day:%d/%m/%Y}", _comma(amount_out),
                     _comma(amount_in), _comma(balance, "0"), text])
    rows += [["Tổng số/Total", "", "", _comma(money_out), _comma(money_in)],
             ["Số dư cuối kỳ/ Closing balance :", _comma(closing, "0")],
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
    thousands, no reference column; with ``wrap_first`` the first description goes on
    over the next row."""
    money_in, money_out, computed = _totals(opening, lines)
    closing = computed if closing is None else closing
    rows = [
        ["NGÂN HÀNG TMCP ĐẦU TƯ VÀ PHÁT TRIỂN VIỆT NAM - BIDV"],
        ["BÁO CÁO CHI TIẾT SỐ DƯ TÀI KHOẢN"],
        [f"Số tài khoản: {account}"],
        [f"Tên tài khoản: {HOLDER}"],
        [f"Số dư đầu kỳ: {_dot(opening, '0')}"],
        ["Ngày hiệu lực", "Ghi nợ", "Ghi có", "Số dư", "Mô tả"],
    ]
    balance = opening
    for index, (day, _ref, text, amount_in, amount_out) in enumerate(lines):
        balance += amount_in - amount_out
        if wrap_first and index == 0 and " " in text:
            head, tail = text.split(" ", 1)
            rows.append([f"{day:%d/%m/%Y}", _dot(amount_out), _dot(amount_in),
                         _dot(balance, "0"), head])
            rows.append(["", "", "", "", tail])
            continue
        rows.append([f"{day:%d/%m/%Y}", _dot(amount_out), _dot(amount_in), _dot(balance, "0"),
                     text])
    rows += [["Tổng phát sinh", _dot(money_out), _dot(money_in), "", ""],
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


def techcombank(account, opening, lines, closing=None):
    """Techcombank ("Truy vấn giao dịch / Transaction enquiry"): bilingual titles, the
    balances next to their label in the header block, money out written negative in
    the "Nợ/Debit" column, fees and VAT in columns of their own, comma thousands."""
    money_in, money_out, computed = _totals(opening, lines)
    closing = computed if closing is None else closing
    rows = [
        ["NGÂN HÀNG TMCP KỸ THƯƠNG VIỆT NAM - TECHCOMBANK"],
        ["TRUY VẤN GIAO DỊCH / TRANSACTION ENQUIRY"],
        ["Số tài khoản/Account no:", "", account],
        ["Tên tài khoản/Account name:", "", HOLDER],
        ["Từ ngày/From date:", "", "01/08/2025", "Đến ngày/To date:", "31/08/2025"],
        ["Số dư đầu ngày/Opening balance", "", _comma(opening, "0")],
        ["Số dư cuối ngày/ Closing balance", "", _comma(closing, "0")],
        [],
        ["Ngày KH thực hiện/Requesting date", "Ngày giao dịch/Transaction date",
         "Số bút toán/Reference number", "Ngân hàng đối tác/Remitter's bank",
         "Tài khoản đích/Remitter's account number",
         "Tên tài khoản đối ứng/Remitter's account name", "Diễn giải/Description", "Nợ/Debit",
         "Có/Credit", "Phí/Lãi / Fee/Interest", "Thuế/Transaction VAT",
         "Số dư/Running balance"],
    ]
    balance = opening
    for day, ref, text, amount_in, amount_out in lines:
        balance += amount_in - amount_out
        rows.append([f"{day:%d/%m/%Y}", f"{day:%d/%m/%Y}", ref or "", "", "", "", text,
                     _comma(-amount_out) if amount_out else "", _comma(amount_in), "", "",
                     _comma(balance, "0")])
    rows += [["Cộng doanh số/Total volume", "", "", "", "", "", "", _comma(-money_out),
              _comma(money_in)]]
    return "techcombank_transaction_enquiry.xlsx", _xlsx(rows)


def mb(account, opening, lines, closing=None):
    """MB ("Sao kê chi tiết tài khoản"): no opening balance in the file (the running
    balance of the lines gives it), the closing balance after the table, comma
    thousands with ".00"."""
    money_in, money_out, computed = _totals(opening, lines)
    closing = computed if closing is None else closing
    rows = [
        ["NGÂN HÀNG TMCP QUÂN ĐỘI - MB"],
        ["SAO KÊ CHI TIẾT TÀI KHOẢN / ACCOUNT STATEMENT"],
        [f"Tài khoản/Account No: {account} - VND"],
        [f"Chủ tài khoản/Account name: {HOLDER}"],
        ["Từ ngày/From: 01/08/2025 - Đến ngày/To: 31/08/2025"],
        [],
        ["STT/No", "Ngày hạch toán/Posting date", "Ngày giao dịch/Transaction date",
         "Phát sinh nợ/Debit", "Phát sinh có/Credit", "Số dư/Balance", "Nội dung/Description"],
    ]
    balance = opening
    for number, (day, _ref, text, amount_in, amount_out) in enumerate(lines, start=1):
        balance += amount_in - amount_out
        rows.append([number, f"{day:%d/%m/%Y}", f"{day:%d/%m/%Y}",
                     f"{_comma(amount_out)}.00" if amount_out else "",
                     f"{_comma(amount_in)}.00" if amount_in else "",
                     f"{_comma(balance, '0')}.00", text])
    rows += [["", "Tổng cộng/Total", "", f"{_comma(money_out, '0')}.00",
              f"{_comma(money_in, '0')}.00"],
             ["", "Số dư cuối kỳ/Closing balance:", "", "", "", f"{_comma(closing, '0')}.00"]]
    return "mb_sao_ke.xlsx", _xlsx(rows)


BUILDERS = {"vcb": vietcombank, "vietinbank": vietinbank, "bidv": bidv, "agribank": agribank,
            "techcombank": techcombank, "mb": mb}
