#!/usr/bin/env python3
"""Run every benchmark of issue 6 on one database and print a markdown table.

    python3 bench/run_all.py --db union_bench --size small    # 5,000 members, 100 grassroots unions
    python3 bench/run_all.py --db union_bench --size full     # 100,000 members, 650 grassroots unions

Creates the database and the synthetic province when they are missing
(generate_province.py with --finance --dues-months and --documents; an existing
province is kept and only completed), then runs each benchmark script in turn with
--db (and --size for the scripts that take it), prints every JSON line they print,
and at the end a markdown table (measure, figure, target, met?) for the README.
A script that is not there is skipped with a line saying so.
"""
import argparse
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))

SIZES = {
    "small": {"members": 5000, "grassroots": 100, "dues_months": 3, "payments": True},
    # at full size the invoices side bills 2,000 members (about 5 minutes) and is
    # extrapolated per member: 100,000 invoices would take hours
    "full": {"members": 100000, "grassroots": 650, "dues_months": 1, "payments": False,
             "invoice_sample": 2000},
}

# (script, takes --size, extra arguments, what it measures)
BENCHES = [
    ("bench_import.py", True, [], "XLSX import of the members against base_import"),
    ("bench_dues_run.py", True, [], "monthly dues run against one invoice per member"),
    ("bench_arrears.py", True, [], "arrears report of the province to XLSX"),
    ("bench_member_list.py", False, [], "member list: upper-level officer against administrator"),
    ("bench_portal.py", True, [], "portal pages under load, multi-worker Odoo"),
    ("bench_portal.py", True, ["--think", "1"], "the same with 1 s of reading between pages"),
    ("bench_numbering.py", True, [], "document numbering from 8 concurrent workers"),
    ("bench_bank_import.py", False, [], "a 10,000-line bank statement imported and matched"),
    ("bench_national.py", True, [], "the national register's export compared with the members"),
    ("bench_vote.py", False, [], "500 voters casting an online ballot over 60 s, 4 workers"),
    ("bench_merge.py", False, [], "a province merged into another; the tree as at a date"),
]


def run(command, lines):
    """Run ``command``, echo its output, collect its JSON lines; return (exit code, seconds)."""
    print("$ " + " ".join(command[1:] if command[0] == sys.executable else command), flush=True)
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, cwd=os.path.dirname(HERE))
    for line in process.stdout:
        print(line, end="", flush=True)
        text = line.strip()
        if text.startswith("{"):
            try:
                lines.append(json.loads(text))
            except ValueError:
                pass
    return process.wait(), time.perf_counter() - start


def _fmt(value, unit=""):
    if value is None:
        return "?"
    if isinstance(value, float):
        value = round(value, 2)
    return f"{value:,}{unit}" if isinstance(value, (int, float)) else f"{value}{unit}"


def _resources(line):
    parts = [_fmt(line.get("seconds"), " s")]
    if line.get("queries") is not None:
        parts.append(f"{_fmt(line['queries'])} queries")
    if line.get("peak_mb") is not None:
        parts.append(f"{_fmt(line['peak_mb'])} MB")
    return ", ".join(parts)


def _met(value):
    return {True: "yes", False: "**no**"}.get(value, "—")


def table(lines):
    """Markdown rows (measure, figure, target, met?) from the JSON lines."""
    rows = []
    by_what = {line.get("what"): line for line in lines}
    handled = set()
    for line in lines:
        what = line.get("what")
        if what in handled:
            continue
        if what == "generate_province" and not line.get("skipped"):
            rows.append((f"generate a province of {_fmt(line.get('members'))} members",
                         f"{_fmt(line.get('seconds'), ' s')}, {_fmt(line.get('units'))} units", "—", "—"))
        elif what == "generate_dues_runs" and not line.get("skipped"):
            rows.append((f"{line.get('runs')} monthly dues runs with payments (generator)",
                         f"{_fmt(line.get('lines'))} lines, {_fmt(line.get('seconds'), ' s')}", "—", "—"))
        elif what in ("arrears_xlsx_admin", "arrears_xlsx_officer"):
            check = by_what.get(f"{what}_check", {})
            who = "administrator" if what.endswith("admin") else "upper-level officer"
            rows.append((f"arrears to XLSX, {who} ({_fmt(line.get('count'))} members, {line.get('source')})",
                         f"{_resources(line)}; {_fmt(check.get('rows'))} rows = "
                         f"{_fmt(check.get('expected_rows'))} expected",
                         "< 20 s, < 1 GB, rows right", _met(check.get("met"))))
        elif what == "member_list_ratio":
            best = {}
            for other in lines:  # the best of the repetitions, as the ratio takes it
                if other.get("what") in ("member_list_admin", "member_list_officer") and \
                        other.get("seconds", 1e9) < best.get(other["what"], {}).get("seconds", 1e9):
                    best[other["what"]] = other
            admin, officer = best.get("member_list_admin", {}), best.get("member_list_officer", {})
            rows.append(("member list, first 80 rows and count",
                         f"administrator {_resources(admin)}; officer {_resources(officer)} "
                         f"({line.get('officer_over_admin')}×)", "officer ≤ 2× administrator",
                         _met(line.get("met"))))
        elif what in ("portal_load", "portal_load_think"):
            think = (f", {line.get('think_seconds')} s between pages" if line.get("think_seconds")
                     else ", no pause between pages")
            rows.append((f"portal /my/union and dues page, {line.get('clients')} members for "
                         f"{_fmt(line.get('seconds'), ' s')}, {line.get('workers')} workers{think}",
                         f"p50 {line.get('p50_ms')} ms, p95 {line.get('p95_ms')} ms, max {line.get('max_ms')} ms, "
                         f"{_fmt(line.get('count'))} requests ({line.get('requests_per_second')}/s), "
                         f"{line.get('errors')} errors, server {_fmt(line.get('server_peak_mb'))} MB",
                         "p95 ≤ 300 ms, 0 errors", _met(line.get("met"))))
        elif what == "portal_page_cost":
            cost = line.get("by_page", {})
            rows.append(("portal page alone (one member, idle server): the suite's pages beside Odoo's own",
                         ", ".join(f"{page} {values.get('p50_ms')} ms" for page, values in cost.items())
                         + f" (medians), {line.get('errors')} errors",
                         "— (what one page costs)", "—"))
        elif what == "document_numbering":
            registers = line.get("registers", {})
            gaps = sum(r.get("gaps", 0) for r in registers.values())
            dups = sum(r.get("duplicates", 0) for r in registers.values())
            rows.append((f"document numbering, {line.get('workers')} workers × "
                         f"{_fmt(line.get('count', 0) // max(1, line.get('workers', 1)))}",
                         f"{line.get('numbers_per_second')} numbers/s ({_fmt(line.get('seconds'), ' s')}), "
                         f"{gaps} gaps, {dups} duplicates, {line.get('lock_retries')} lock retries, "
                         f"{line.get('user_errors')} errors after 5 retries",
                         "no gap, no duplicate", _met(line.get("met"))))
        elif what == "dues_run_vs_invoices":
            total = by_what.get("dues_run_total", {})
            rows.append((f"monthly dues run of {_fmt(line.get('count'))} members against one posted "
                         "invoice per member",
                         f"run {_fmt(total.get('seconds'), ' s')} ({_fmt(line.get('run_ms_per_member'))} "
                         f"ms/member), invoices {_fmt(line.get('invoice_ms_per_member'))} ms/member: "
                         f"{_fmt(line.get('ratio'))}× faster", f"≥ {_fmt(line.get('target_ratio'))}× "
                         "(and < 60 s at 100,000: full size)", _met(line.get("met"))))
            handled.add("dues_run_total")
        elif any(key.startswith("target") or key in ("met", "ok") for key in line) \
                and not str(what).endswith("_check") \
                and not (what == "dues_run_total" and "dues_run_vs_invoices" in by_what):
            # the other scripts' measures: their own figures (numbers first, at most 8)
            figures = [(key, value) for key, value in line.items()
                       if key not in ("what", "met", "ok") and not key.startswith("target")
                       and isinstance(value, (int, float, str)) and not isinstance(value, bool)][:8]
            targets = [_fmt(value) if key == "target" else f"{key} {_fmt(value)}"
                       for key, value in line.items() if key.startswith("target")]
            rows.append((what, ", ".join(f"{key} {_fmt(value)}" for key, value in figures),
                         ", ".join(targets) or "—", _met(line.get("met", line.get("ok")))))
        else:
            continue
        handled.add(what)
    out = ["| measure | figure | target | met? |", "|---|---|---|---|"]
    out += [f"| {measure} | {figure} | {target} | {met} |" for measure, figure, target, met in rows]
    return "\n".join(out)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", default="union_bench")
    parser.add_argument("--size", choices=sorted(SIZES), default="small")
    parser.add_argument("--dues-months", type=int,
                        help="posted monthly dues runs in the province (default: 3 small, 1 full)")
    parser.add_argument("--payments", action=argparse.BooleanOptionalAction,
                        help="pay the dues as the demo does (check-off, bank), leaving about one member "
                             "in 300 in arrears; default: yes at small size, no at full size (paying "
                             "reconciles every line and takes hours at 100,000 members), where every "
                             "member owes the posted months")
    parser.add_argument("--only", help="comma-separated script names to run (e.g. bench_portal.py)")
    parser.add_argument("--portal-duration", type=float, default=60)
    args = parser.parse_args(argv)

    lines = []
    failures = []
    size = SIZES[args.size]
    if args.dues_months is None:
        args.dues_months = size["dues_months"]
    if args.payments is None:
        args.payments = size["payments"]
    code, _seconds = run([sys.executable, os.path.join(HERE, "generate_province.py"), "--db", args.db,
                          "--members", str(size["members"]), "--grassroots", str(size["grassroots"]),
                          "--finance", "--dues-months", str(args.dues_months), "--documents",
                          *([] if args.payments else ["--no-payments"])], lines)
    if code:
        print(f"generate_province.py failed (exit {code}): stopping", flush=True)
        return code
    only = set(args.only.split(",")) if args.only else None
    for script, takes_size, extra, label in BENCHES:
        if only and script not in only:
            continue
        path = os.path.join(HERE, script)
        if not os.path.exists(path):
            print(f"SKIP {script}: the script is not there ({label})", flush=True)
            continue
        command = [sys.executable, path, "--db", args.db, *extra]
        with open(path, encoding="utf-8") as source:
            if '"--size"' in source.read():
                command += ["--size", args.size]
            elif takes_size:
                print(f"NOTE {script} takes no --size: run on the database's province as it is", flush=True)
        if script == "bench_portal.py":
            command += ["--duration", str(args.portal_duration)]
        if script == "bench_dues_run.py" and size.get("invoice_sample"):
            command += ["--invoice-sample", str(size["invoice_sample"])]
        code, seconds = run(command, lines)
        print(f"# {script}: exit {code} in {seconds:.0f} s", flush=True)
        if code:
            failures.append(script)
        # settle the database before the next measure: the import rolls back 100,000
        # contacts, members and events, whose dead rows every later measure would scan
        # (and PostgreSQL's autovacuum clean up during it) on a 2-core machine
        subprocess.run(["vacuumdb", "--analyze", "--quiet", args.db], check=False)
    print()
    print(f"## Benchmarks, {args.size} size ({time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores)")
    print()
    print(table(lines))
    if failures:
        print()
        print("Scripts that failed or missed a check: " + ", ".join(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
