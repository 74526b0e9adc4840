"""Plain tests of the benchmarks' correctness checks (no Odoo server, no timing):
the arrears XLSX row count, the register's gaps and duplicates, the latency
percentile, the markdown table of bench/run_all.py, and the vote bench's reading of
Odoo's request log."""
import io
import sys
from pathlib import Path

import xlsxwriter

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import bench_arrears  # noqa: E402
import bench_numbering  # noqa: E402
import bench_vote  # noqa: E402
import run_all  # noqa: E402
from common import percentile  # noqa: E402


def _xlsx(rows):
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    sheet = book.add_worksheet()
    for row_index, row in enumerate(rows):
        for col, value in enumerate(row):
            sheet.write(row_index, col, value)
    book.close()
    return out.getvalue()


def test_arrears_file_one_row_per_line():
    content = _xlsx([
        ["Mã đoàn viên", "Họ tên", "Tháng", "Còn nợ"],
        ["DV0001", "Nguyễn Văn An", "2026-08-01", 120000],
        ["DV0001", "Nguyễn Văn An", "2026-09-01", 120000],
        ["DV0002", "Trần Thị Lan", "2026-09-01", 95000],
        ["Tổng", "", "", 335000],
    ])
    rows, found, ok = bench_arrears.check_file(content, {"DV0001", "DV0002"}, lines=3, per_member=False)
    assert (rows, found, ok) == (3, 2, True)
    # one line of the expected three is missing: the check fails
    assert not bench_arrears.check_file(content, {"DV0001", "DV0002"}, lines=4, per_member=False)[2]


def test_arrears_file_one_row_per_member():
    content = _xlsx([["Mã", "Họ tên", "Số tháng nợ"], ["DV0001", "An", 2], ["DV0002", "Lan", 1]])
    assert bench_arrears.check_file(content, {"DV0001", "DV0002"}, lines=3, per_member=True) == (2, 2, True)
    # a member in arrears absent from the file
    assert not bench_arrears.check_file(content, {"DV0001", "DV0002", "DV0003"}, lines=3, per_member=True)[2]


def test_register_numbers_gap_and_duplicate():
    assert bench_numbering.number_check([3, 1, 2, 4], 4, 4)["ok"]
    gap = bench_numbering.number_check([1, 2, 4], 4, 3)
    assert (gap["gaps"], gap["duplicates"], gap["ok"]) == (1, 0, False)
    duplicate = bench_numbering.number_check([1, 2, 2, 3], 3, 3)
    assert (duplicate["gaps"], duplicate["duplicates"], duplicate["ok"]) == (0, 1, False)
    # the register's counter ran past the numbers given (a number lost)
    assert not bench_numbering.number_check([1, 2, 3], 4, 3)["ok"]


def test_percentile_nearest_rank():
    values = list(range(1, 101))
    assert percentile(values, 0.5) == 50
    assert percentile(values, 0.95) == 95
    assert percentile([7], 0.95) == 7
    assert percentile([], 0.95) is None


def test_run_all_table():
    lines = [
        {"what": "generate_province", "members": 5000, "units": 327, "seconds": 18.8},
        {"what": "arrears_xlsx_admin", "count": 5000, "seconds": 0.5, "queries": 30, "peak_mb": 200,
         "source": "list_export"},
        {"what": "arrears_xlsx_admin_check", "rows": 40, "expected_rows": 40, "ok": True, "met": True},
        {"what": "portal_load", "clients": 20, "workers": 4, "seconds": 60, "p50_ms": 80, "p95_ms": 350,
         "max_ms": 900, "count": 1000, "requests_per_second": 16.7, "errors": 0, "server_peak_mb": 900,
         "met": False},
        {"what": "portal_load_think", "think_seconds": 1.0, "clients": 20, "workers": 4, "seconds": 60,
         "p50_ms": 40, "p95_ms": 120, "max_ms": 300, "count": 1100, "requests_per_second": 18.3,
         "errors": 0, "server_peak_mb": 900, "met": True},
        {"what": "portal_page_cost", "errors": 0, "by_page": {
            "/my/union": {"p50_ms": 41.4, "p95_ms": 58.8}, "/my": {"p50_ms": 73.0, "p95_ms": 84.6}}},
        {"what": "document_numbering", "workers": 8, "count": 4000, "numbers_per_second": 50.0,
         "seconds": 80, "lock_retries": 10, "user_errors": 0, "met": True,
         "registers": {"outgoing": {"gaps": 0, "duplicates": 0}, "incoming": {"gaps": 0, "duplicates": 0}}},
        {"what": "dues_run_ratio", "speedup": 12.5, "target": ">= 10x", "met": True},
    ]
    text = run_all.table(lines)
    rows = text.splitlines()
    assert rows[0] == "| measure | figure | target | met? |"
    assert len(rows) == 2 + 7
    assert "/my/union 41.4 ms, /my 73.0 ms (medians), 0 errors" in text
    assert "40 rows = 40 expected" in text
    assert "p95 350 ms" in text and "| **no** |" in text
    assert "no pause between pages" in text
    assert "1.0 s between pages | p50 40 ms, p95 120 ms" in text
    assert "0 gaps, 0 duplicates" in text
    assert "| dues_run_ratio | speedup 12.5 | >= 10x | yes |" in text


def test_vote_server_times_from_the_request_log(tmp_path):
    log = tmp_path / "odoo.log"
    before = '127.0.0.1 - - [x] "POST /web/login HTTP/1.1" 303 - 18 0.020 0.600\n'
    log.write_text(before + "".join([
        '127.0.0.1 - - [x] "GET /my/union/election/7 HTTP/1.1" 200 - 16 0.010 0.020\n',
        '127.0.0.1 - - [x] "GET /my/union/election/7 HTTP/1.1" 200 - 18 0.030 0.030\n',
        '127.0.0.1 - - [x] "POST /my/union/election/7/vote HTTP/1.1" 200 - 20 0.015 0.015\n',
        '127.0.0.1 - - [x] "GET /my/union/election/receipt?code=AB HTTP/1.1" 200 - 9 0.001 0.004\n',
    ]))
    times = bench_vote.server_times(str(log), len(before))
    assert set(times) == {"ballot_page", "vote"}  # the login before the offset is not counted
    assert times["ballot_page"] == {"count": 2, "queries_p50": 16, "server_ms_p50": 30, "server_ms_p95": 60}
    assert times["vote"]["server_ms_p50"] == 30
