#!/usr/bin/env python3
"""The province's dues arrears to XLSX, as the administrator and as the upper-level
officer (through record rules). Target: under 20 s and 1 GB at 100,000 members.

    python3 bench/bench_arrears.py --db union_bench

Needs union_finance and posted dues runs (generate_province.py --dues-months N).

The report: the "arrears" report type of the finance XLSX wizard
(union.finance.xlsx.report) when union_finance has one; otherwise the menu
Finance > Dues in Arrears (dues lines unpaid or partly paid of the unit and the
units below it) exported to XLSX the way the list's Export button does
(export_data and web's ExportXlsxWriter). Each run prints one JSON line and checks
that the file opens with openpyxl and has one row per line (list export) or per
member (wizard) in arrears.
"""
import argparse
import base64
import io
import os
import resource
import sys
import time
import types

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from common import bench_upper_officer, emit, find_sector, measure, odoo_env  # noqa: E402

ARREARS_DOMAIN = [("payment_state", "in", ("unpaid", "partial"))]
# the columns of the Dues in Arrears list
EXPORT_FIELDS = ["member_id/member_code", "member_id/name", "organization_id/name", "month",
                 "payment_reference", "amount", "amount_paid", "amount_residual"]


def arrears_report_type(env):
    """The key of the wizard's arrears report type, or None."""
    selection = env["union.finance.xlsx.report"]._fields["report_type"].selection
    keys = [key for key, _label in (selection if isinstance(selection, list) else [])]
    return next((key for key in keys if "arrear" in key), None)


def expected(env, sector):
    """(lines in arrears, {member code} of the members in arrears) of the unit's subtree,
    read as superuser (what the report must show)."""
    Line = env["union.dues.line"].sudo()
    domain = [("organization_id", "child_of", sector.id)] + ARREARS_DOMAIN
    lines = Line.search_count(domain)
    groups = Line._read_group(domain, ["member_id"], ["__count"])
    members = env["union.member"].sudo().browse([member.id for member, _count in groups])
    return lines, set(members.mapped("member_code"))


def build_wizard(env, sector, report_type):
    """The report as the officer gets it: Export, through the background job when the wizard
    has one (issue 19: run inline here, queue_job__no_delay: the runner would only see it
    after a commit, and the bench rolls back), the file read back from the wizard."""
    wizard = env["union.finance.xlsx.report"].create({
        "report_type": report_type, "organization_id": sector.id})
    if "union_job_id" not in wizard._fields:
        content, _name = wizard._build_xlsx()
        return content
    env["ir.config_parameter"].sudo().set_param("union_finance.arrears_background_min_members", "0")
    wizard.with_context(queue_job__no_delay=True).action_export()
    if wizard.union_job_state != "done":
        raise RuntimeError(f"the arrears job did not finish: {wizard.union_job_message}")
    return base64.b64decode(wizard.file_data)


def build_list_export(env, sector):
    """What the list's Export button (XLSX) does: export_data, then ExportXlsxWriter."""
    from odoo import http  # noqa: PLC0415

    from odoo.addons.web.controllers.export import ExportXlsxWriter  # noqa: PLC0415

    Line = env["union.dues.line"]
    records = Line.search([("organization_id", "child_of", sector.id)] + ARREARS_DOMAIN,
                          order="organization_id, member_id, month")
    rows = records.export_data(EXPORT_FIELDS)["datas"]
    fields = [{"name": name, "type": Line._fields[name.split("/")[0]].type} for name in EXPORT_FIELDS]
    headers = [Line._fields[name.split("/")[0]].get_description(env)["string"]
               + ("/" + name.split("/")[1] if "/" in name else "") for name in EXPORT_FIELDS]
    # the writer reads request.env (it runs inside /web/export/xlsx): give it this env
    http._request_stack.push(types.SimpleNamespace(env=env))
    try:
        with ExportXlsxWriter(fields, headers, len(rows)) as writer:
            for row_index, row in enumerate(rows):
                for cell_index, value in enumerate(row):
                    writer.write_cell(row_index + 1, cell_index, value)
    finally:
        http._request_stack.pop()
    return writer.value


def check_file(content, member_codes, lines, per_member):
    """(data rows, members found, ok) of the XLSX ``content``: each row that holds the code
    of a member in arrears is a data row."""
    import openpyxl  # noqa: PLC0415
    book = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
    rows, found = 0, set()
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            codes = {value for value in row if isinstance(value, str) and value in member_codes}
            if codes:
                rows += 1
                found |= codes
    book.close()
    wanted = len(member_codes) if per_member else lines
    return rows, len(found), rows == wanted and found == member_codes


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", default="union_bench")
    parser.add_argument("--size", help="ignored (the data is the database's)")
    args = parser.parse_args(argv)
    with odoo_env(args.db) as env:
        if "union.dues.line" not in env:
            emit({"what": "arrears_xlsx", "skipped": "union_finance is not installed "
                  "(generate_province.py --finance --dues-months 3)"})
            return 1
        sector = find_sector(env)
        officer = bench_upper_officer(env, sector)
        lines, member_codes = expected(env, sector)
        if not lines:
            emit({"what": "arrears_xlsx", "skipped": "no dues in arrears "
                  "(generate_province.py --dues-months 3)"})
            return 1
        report_type = arrears_report_type(env)
        members = env["union.member"].search_count([("organization_id", "child_of", sector.id)])
        failed = False
        for label, user in (("admin", env.ref("base.user_admin")), ("officer", officer)):
            user_env = env(user=user.id)
            user_env.invalidate_all()
            with measure(f"arrears_xlsx_{label}", members, env.cr,
                         source=f"wizard:{report_type}" if report_type else "list_export") as out:
                start = time.perf_counter()
                if report_type:
                    content = build_wizard(user_env, sector, report_type)
                else:
                    content = build_list_export(user_env, sector)
                seconds = time.perf_counter() - start
                out.update({"bytes": len(content), "lines_in_arrears": lines,
                            "members_in_arrears": len(member_codes)})
            rows, found, ok = check_file(content, member_codes, lines, per_member=bool(report_type))
            failed = failed or not ok
            peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            emit({"what": f"arrears_xlsx_{label}_check", "rows": rows, "members_found": found,
                  "expected_rows": len(member_codes) if report_type else lines, "ok": ok,
                  "target": "< 20 s, < 1024 MB", "met": ok and seconds < 20 and peak_mb < 1024})
            env.cr.rollback()  # the wizard record, if any
        return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
