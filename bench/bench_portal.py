#!/usr/bin/env python3
"""The member portal under load: Odoo in multi-worker mode, N members logged in at once
loop over /my/union and their dues page (/my/union/dues) for D seconds.
Target: p95 ≤ 300 ms, zero errors.

    python3 bench/bench_portal.py --db union_bench --clients 20 --duration 60

Beforehand, in one batch: portal users (login bench.portal.<n>, one known password)
for N active members of the province. Then an Odoo server on the loopback
interface (--workers, a free port, no cron thread) is started, always stopped at the
end, each client logs in through /web/login (CSRF token) with its own
requests.Session and loops. Non-200 answers, redirects to the login page and pages
that do not show the member's own name count as errors. Prints one JSON line.

Without pause (``--think 0``), once the load is over and the server idle, one member
alone also requests each page 40 times in a row, the suite's pages and two of Odoo's
own for the same logged-in member (REFERENCE_PAGES: the portal home ``/my`` and the
login page, which is the website layout around a form): the time one page costs
with nobody else on the machine, side by side with what Odoo's own pages cost
(``portal_page_cost``). 20 members requesting back to back need about 20 × that
time / 2 cores between two pages of one member, whatever the queue.
"""
import argparse
import collections
import html
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time

import markupsafe

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from common import emit, find_sector, free_port, odoo_command, odoo_env, percentile  # noqa: E402

PASSWORD = "bench-portal-2026"
#: Odoo's own pages for the same member, measured alone beside the suite's (page cost)
REFERENCE_PAGES = ["/my", "/web/login"]
#: requests per page for the page cost, and the first ones not counted (caches)
PAGE_COST_REQUESTS, PAGE_COST_WARMUP = 45, 5
CSRF_RE = re.compile(r'name="csrf_token"\s+value="([^"]+)"')


def prepare_users(db, count):
    """[(login, member name)] of ``count`` active members with a portal user (created in one
    batch when missing), and whether the dues page exists (union_finance installed)."""
    with odoo_env(db) as env:
        sector = find_sector(env)
        Member = env["union.member"]
        total = Member.search_count([("organization_id", "child_of", sector.id), ("state", "=", "active")])
        step = max(1, total // count)
        members = Member.search([("organization_id", "child_of", sector.id), ("state", "=", "active")],
                                order="id")[::step][:count]
        logins = [f"bench.portal.{index + 1}" for index in range(len(members))]
        Users = env["res.users"].with_context(active_test=False, no_reset_password=True)
        existing = Users.search([("login", "in", logins)])
        by_login = {user.login: user for user in existing}
        groups = [env.ref("base.group_portal").id, env.ref("union_membership.group_union_member").id]
        to_create = []
        pairs = []
        for login, member in zip(logins, members):
            user = by_login.get(login)
            if user:
                pairs.append((login, user.partner_id.name))
                continue
            to_create.append({"login": login, "password": PASSWORD, "partner_id": member.partner_id.id,
                              "groups_id": [(6, 0, groups)]})
            pairs.append((login, member.name))
        if to_create:
            Users.create(to_create)
        existing.write({"password": PASSWORD, "active": True})
        env.cr.commit()
        return pairs, "union.dues.line" in env


def start_server(db, workers, port, log_path):
    gevent_port = free_port()
    command = odoo_command(db, f"--workers={workers}", "--http-interface=127.0.0.1",
                           f"--http-port={port}", f"--gevent-port={gevent_port}",
                           "--max-cron-threads=0", "--log-level=warn", f"--logfile={log_path}")
    # its own process group, so that stopping it stops every worker
    return subprocess.Popen(command, start_new_session=True, stdout=subprocess.DEVNULL,
                            stderr=subprocess.STDOUT)


def stop_server(process):
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def wait_ready(requests, base, process, timeout=180):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the Odoo server stopped (exit code {process.returncode})")
        try:
            if requests.get(base + "/web/login", timeout=5).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(1)
    raise RuntimeError("the Odoo server did not answer in time")


def login(requests, base, login_name):
    session = requests.Session()
    page = session.get(base + "/web/login", timeout=30)
    token = CSRF_RE.search(page.text)
    if not token:
        raise RuntimeError("no CSRF token on /web/login")
    answer = session.post(base + "/web/login", timeout=30, data={
        "login": login_name, "password": PASSWORD, "csrf_token": token.group(1), "redirect": "/my/union"})
    if answer.status_code != 200 or "/web/login" in answer.url:
        raise RuntimeError(f"{login_name} could not log in ({answer.status_code} {answer.url})")
    return session


def fetch(session, url, name, login_page_ok=False):
    """(milliseconds, error or None) of one GET (``login_page_ok``: the page asked for is
    the login page)."""
    start = time.perf_counter()
    try:
        answer = session.get(url, timeout=60, allow_redirects=True)
    except Exception as err:  # noqa: BLE001 (any failure is an error of the measure)
        return (time.perf_counter() - start) * 1000, f"exception {type(err).__name__}"
    millis = (time.perf_counter() - start) * 1000
    if answer.status_code != 200:
        return millis, f"status {answer.status_code}"
    if "/web/login" in answer.url and not login_page_ok:
        return millis, "login page"
    if not any(form in answer.text for form in (name, html.escape(name), str(markupsafe.escape(name)))):
        return millis, "member name missing"
    return millis, None


class Sampler(threading.Thread):
    """Peak resident memory of the server's process tree (MB), sampled every second."""

    def __init__(self, pid):
        super().__init__(daemon=True)
        self.pid, self.peak_total, self.peak_process, self.stopped = pid, 0, 0, threading.Event()

    def run(self):
        import psutil  # noqa: PLC0415
        while not self.stopped.wait(1):
            try:
                root = psutil.Process(self.pid)
                sizes = [proc.memory_info().rss for proc in [root, *root.children(recursive=True)]]
            except psutil.Error:
                continue
            self.peak_total = max(self.peak_total, sum(sizes) / 2**20)
            self.peak_process = max(self.peak_process, max(sizes) / 2**20)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", default="union_bench")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--duration", type=float, default=60, help="seconds of load")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--warmup", type=float, default=15,
                        help="seconds of the same load before the measure (not counted)")
    parser.add_argument("--think", type=float, default=0,
                        help="seconds each member waits after a page before the next one (0: none, "
                             "the issue's worst case; a person reading the page: 1 to 5)")
    parser.add_argument("--size", help="ignored (the data is the database's)")
    args = parser.parse_args(argv)
    import requests  # noqa: PLC0415

    users, with_dues = prepare_users(args.db, args.clients)
    pages = ["/my/union"] + (["/my/union/dues"] if with_dues else [])
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log_path = os.path.join(tempfile.gettempdir(), f"bench_portal_{args.db}_{port}.log")
    process = start_server(args.db, args.workers, port, log_path)
    sampler = Sampler(process.pid)
    try:
        wait_ready(requests, base, process)
        sampler.start()
        sessions = [login(requests, base, login_name) for login_name, _name in users]
        results = {page: [] for page in pages}
        errors = collections.Counter()
        lock = threading.Lock()

        def client(session, name):
            local = []
            while time.perf_counter() < stop_at:
                for page in pages:
                    millis, error = fetch(session, base + page, name)
                    local.append((page, millis, error))
                    if args.think:
                        time.sleep(args.think)
            with lock:
                for page, millis, error in local:
                    results[page].append(millis)
                    if error:
                        errors[f"{page}: {error}"] += 1

        def load(seconds):
            nonlocal stop_at
            stop_at = time.perf_counter() + seconds
            threads = [threading.Thread(target=client, args=(session, name))
                       for session, (_login, name) in zip(sessions, users)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()

        # warm-up, not counted: every worker compiles the templates and fills its caches
        stop_at = 0
        load(args.warmup)
        results = {page: [] for page in pages}
        errors.clear()
        start = time.perf_counter()
        load(args.duration)
        elapsed = time.perf_counter() - start
        page_cost = None if args.think else measure_page_cost(base, sessions[0], users[0][1], pages)
    finally:
        sampler.stopped.set()
        stop_server(process)
    latencies = [millis for values in results.values() for millis in values]
    p95 = percentile(latencies, 0.95)
    error_count = sum(errors.values())
    emit({
        "what": "portal_load_think" if args.think else "portal_load", "think_seconds": args.think,
        "count": len(latencies), "clients": len(users), "workers": args.workers,
        "seconds": round(elapsed, 1), "requests_per_second": round(len(latencies) / elapsed, 1),
        "p50_ms": round(percentile(latencies, 0.5) or 0), "p95_ms": round(p95 or 0),
        "max_ms": round(max(latencies, default=0)),
        "p95_ms_by_page": {page: round(percentile(values, 0.95) or 0) for page, values in results.items()},
        "errors": error_count, "error_kinds": dict(errors),
        "server_peak_mb": round(sampler.peak_total), "worker_peak_mb": round(sampler.peak_process),
        "target": "p95 <= 300 ms, 0 errors", "met": bool(latencies) and p95 <= 300 and not error_count,
    })
    if page_cost:
        emit(page_cost)
    return 0 if latencies and not error_count and not (page_cost or {}).get("errors") else 1


def measure_page_cost(base, session, name, pages):
    """Median and p95 (ms) of each page requested by one member alone, the suite's pages
    and Odoo's own (REFERENCE_PAGES), in turn."""
    by_page, errors, count = {}, collections.Counter(), 0
    for page in [*pages, *REFERENCE_PAGES]:
        timings = []
        for index in range(PAGE_COST_REQUESTS):
            millis, error = fetch(session, base + page, name, login_page_ok=page == "/web/login")
            if error:
                errors[f"{page}: {error}"] += 1
            if index >= PAGE_COST_WARMUP:
                timings.append(millis)
        count += len(timings)
        by_page[page] = {"p50_ms": round(percentile(timings, 0.5), 1), "p95_ms": round(percentile(timings, 0.95), 1)}
    return {"what": "portal_page_cost", "count": count,
            "suite_pages": pages, "odoo_pages": REFERENCE_PAGES, "by_page": by_page,
            "errors": sum(errors.values()), "error_kinds": dict(errors)}


if __name__ == "__main__":
    sys.exit(main())
