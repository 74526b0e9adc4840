#!/usr/bin/env python3
"""The national register: an export of N rows of VGCL's national member software compared with
the suite's members (union_reach). Target (issue 20): 100,000 rows in under 60 s.

    python3 bench/bench_national.py --db union_bench --rows 100000
    python3 bench/bench_national.py --db union_bench --size full     # as bench/run_all.py would call it

Two measures, one JSON line each:

- ``national_rules``: reading the XLSX file with the default mapping and matching it against
  N members (plain Python, union_reach/rules/national.py): the database's members as read by the
  comparison, completed in memory with synthetic members up to N when the database has fewer.
- ``national_compare``: the whole "Compare" button (union.reach.national.import.action_compare)
  as the administrator on the database's top unit: upload check, reading, matching against the
  suite's members of the unit's tree, writing the difference lines; in a transaction rolled back
  at the end (the database stays as it was).

Each line also gives ``cpu_s``, the CPU time of this process: on a machine shared with other
work the wall time grows with the load (``load_average`` on the last line), the CPU time much less.

The file holds every member of the database (90 % with a card number and national code, 2 % in
another unit, 1 % in another state) and synthetic people up to N rows (only in the file).
"""
import argparse
import base64
import io
import os
import sys
import time
from datetime import date

import openpyxl

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from common import emit, measure, odoo_env  # noqa: E402

SIZES = {"small": {"rows": 5000}, "full": {"rows": 100000}}
TARGET_SECONDS = 60
HEADER = ["Mã đoàn viên", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Mã công đoàn cơ sở",
          "Tên công đoàn cơ sở", "Số thẻ đoàn viên", "Trạng thái"]


def build_file(members, rows):
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("DS")
    sheet.append(HEADER)
    count = 0
    for index, member in enumerate(members[:rows]):
        unit = member["unit_code"] if index % 50 else "KHAC-01"
        state = "Đang sinh hoạt" if index % 100 else "Tạm dừng sinh hoạt"
        card, code = ("", "") if index % 10 == 0 else (f"TDV{index:08d}", f"QG{index:09d}")
        birth = member["birth_date"].strftime("%d/%m/%Y") if member["birth_date"] else ""
        sheet.append([code, member["name"], birth, "Nam", member["citizen_id"] or "", unit, "", card, state])
        count += 1
    index = 0
    while count < rows:
        sheet.append([f"QGX{index:08d}", f"Người Ngoài Số {index}", "01/01/1990", "Nữ",
                      f"079190{index:06d}", "KHAC-02", "", "", "Đang sinh hoạt"])
        count += 1
        index += 1
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def synthetic_members(start, count):
    return [{"id": -i, "name": f"Đoàn Viên Ảo {i}", "birth_date": date(1985, 1 + i % 12, 1 + i % 28),
             "citizen_id": f"0670850{i:05d}"[-12:], "id_document_number": False, "unit_code": "AO-01",
             "state": "active", "card_number": False, "national_code": False}
            for i in range(start, start + count)]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", required=True)
    parser.add_argument("--size", choices=sorted(SIZES))
    parser.add_argument("--rows", type=int)
    args = parser.parse_args()
    rows = args.rows or SIZES[args.size or "full"]["rows"]
    with odoo_env(args.db) as env:
        from odoo.addons.union_reach.rules import national  # pylint: disable=import-outside-toplevel

        top = env["union.organization"].search([("parent_id", "=", False), ("state", "=", "active")],
                                               order="id", limit=1)
        if not top:  # an empty database: a unit for the measure (rolled back)
            top = env["union.organization"].create({"name": "Bench", "code": "BENCH", "level": "federation"})
        comparison = env["union.reach.national.import"].create({"organization_id": top.id})
        members = comparison._suite_members()
        data = build_file(members, rows)
        mapping = comparison.mapping_id._columns()
        in_memory = members + synthetic_members(len(members), max(rows - len(members), 0))
        with measure("national_rules", rows, env.cr, members=len(in_memory), target_s=TARGET_SECONDS) as out:
            cpu = time.process_time()
            parsed = national.read_rows(data, mapping)
            diffs = national.compare(parsed, in_memory)
            out["differences"] = len(diffs)
            out["cpu_s"] = round(time.process_time() - cpu, 2)
        started = time.perf_counter()
        comparison.write({"file": base64.b64encode(data), "filename": "bench.xlsx"})
        with measure("national_compare", rows, env.cr, members=len(members), target_s=TARGET_SECONDS) as out:
            cpu = time.process_time()
            comparison.action_compare()
            out["differences"] = len(comparison.diff_ids)
            out["cpu_s"] = round(time.process_time() - cpu, 2)
        seconds = time.perf_counter() - started
        emit({"what": "national_target", "rows": rows, "seconds": round(seconds, 2),
              "target_s": TARGET_SECONDS, "met": seconds < TARGET_SECONDS,
              "load_average": os.getloadavg()[0]})
        env.cr.rollback()


if __name__ == "__main__":
    main()
