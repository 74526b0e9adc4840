#!/usr/bin/env python3
"""The national register: an export of N rows of VGCL's national member software compared with
the suite's members (union_reach). Target (issues 19 and 20): 100,000 rows in under 60 s, through
the background job, against a province that already holds 100,000 members.

    python3 bench/bench_national.py --db union_bench --rows 100000
    python3 bench/bench_national.py --db union_bench --size full     # as bench/run_all.py would call it

Use a database with a province of 100,000 members (bench/generate_province.py) and union_reach
installed. Two measures, one JSON line each:

- ``national_rules``: reading the XLSX file with the default mapping and matching it against
  N members (plain Python, union_reach/rules/national.py): the database's members as read by the
  comparison, completed in memory with synthetic members up to N when the database has fewer.
- ``national_compare_job``: the whole "Compare" button (union.reach.national.import.action_compare)
  as the administrator on the database's top unit, end to end through its background job
  (union.background.job.mixin: the job row, its savepoint, the progress, the outcome): upload
  check, reading, matching against the suite's members of the unit's tree, writing the
  difference lines. The job runs inline (``queue_job__no_delay``: the runner would only see it
  after a commit, and the bench rolls everything back at the end: the database stays as it was).

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

        admin = env.ref("base.user_admin")
        env = env(user=admin.id, context=dict(env.context, queue_job__no_delay=True))
        # the unit whose tree holds the most members (the province)
        env.cr.execute("""SELECT o.id FROM union_organization o WHERE o.parent_id IS NULL AND o.active
                           ORDER BY (SELECT count(*) FROM union_member m JOIN union_organization u
                                       ON u.id = m.organization_id
                                      WHERE u.parent_path LIKE o.parent_path || '%%') DESC, o.id LIMIT 1""")
        row = env.cr.fetchone()
        top = env["union.organization"].browse(row[0] if row else [])
        if not top:  # an empty database: a unit for the measure (rolled back)
            top = env["union.organization"].create({"name": "Bench", "code": "BENCH", "level": "federation"})
        if not admin.has_group("union_membership.group_union_admin"):
            admin.groups_id = [(4, env.ref("union_membership.group_union_admin").id)]
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
        env["ir.config_parameter"].sudo().set_param("union_reach.national_background_min_kb", "0")
        started = time.perf_counter()
        comparison.write({"file": base64.b64encode(data), "filename": "bench.xlsx"})
        with measure("national_compare_job", rows, env.cr, members=len(members),
                     target_s=TARGET_SECONDS) as out:
            cpu = time.process_time()
            comparison.action_compare()
            out["job"] = comparison.union_job_state
            out["message"] = comparison.union_job_message
            out["differences"] = comparison.diff_count
            out["cpu_s"] = round(time.process_time() - cpu, 2)
        seconds = time.perf_counter() - started
        emit({"what": "national_target", "rows": rows, "members": len(members), "seconds": round(seconds, 2),
              "target_s": TARGET_SECONDS, "met": seconds < TARGET_SECONDS and comparison.union_job_state == "done",
              "load_average": os.getloadavg()[0]})
        env.cr.rollback()


if __name__ == "__main__":
    main()
