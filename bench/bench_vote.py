#!/usr/bin/env python3
"""A congress votes online: N voters arrive over D seconds, each opens their ballot and casts
it through the portal routes, on Odoo with W workers.
Target (issue 21): 500 voters over 60 s, 4 workers: 0 errors, 0 lost or double ballots,
p95 of the vote <= 1 s.

    python3 bench/bench_vote.py --db union_bench_vote --voters 500 --duration 60 --workers 4

Beforehand, in one batch (kept between runs): a grassroots union "BENCH-VOTE" with N members
and a portal login each (login bench.vote.<n>, one known password hashed once with Odoo's own
crypt context, 600,000 rounds: a hash with fewer rounds is re-hashed at the first login, which
also clears the registry caches of every worker), a full members' congress in session with
every member checked in. Each run opens a new online election (5 candidates, 3 to elect).

The routine measured is the congress's: delegates check in first, logged in on their phones
(the portal page with their QR code), and the poll opens later. A login costs a password hash
check (pbkdf2-sha512, 600,000 rounds: about 0.6 s of CPU on this machine), so 500 logins alone
are more than two cores can do in a minute; they are done in the preparation, as check-in
is (``CHECK_IN_THREADS`` at a time: /web/login, then the login redirected to the congress
page), and reported apart (``login_*``: client time of the login and its redirect, and the
server time of the POST /web/login from Odoo's request log). Then voter i arrives at
i x D / N seconds: opens /my/union/election/<id> (the ballot page, its CSRF token), keeps 0 to
3 names at random and posts the ballot; the answer must show a receipt code. The vote's
latency is measured from the POST of the ballot to the receipt page. The voters run on a pool
of ``VOTE_THREADS`` client threads (500 threads on the same two cores would be the load
themselves): a voter who arrives while every thread is busy starts late, and that lateness
is reported (``start_lag_*``) with the whole time from arrival to receipt (``voter_*``).
Server time and SQL queries per kind of request come from Odoo's request log
(``--log-handler=werkzeug:INFO``: queries, SQL seconds, other seconds of each request).

Afterwards the database is read back: one ballot per voter who got a receipt, every voter
marked as voted once, and the votes per candidate equal to what the voters sent.
Prints one JSON line.
"""
import argparse
import collections
import os
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from bench_portal import Sampler, stop_server, wait_ready  # noqa: E402
from common import emit, ensure_modules, free_port, odoo_command, odoo_env, percentile  # noqa: E402

PASSWORD = "bench-vote-2026"
UNIT_CODE = "BENCH-VOTE"
CSRF_RE = re.compile(r'name="csrf_token"\s+value="([^"]+)"')
#: client threads: the check-in before the poll (each login is 0.6 s of server CPU), and the voters
#: in the measured window (enough for the server's 4 workers and its accept queue of 8 per worker)
CHECK_IN_THREADS = 8
VOTE_THREADS = 32
RECEIPT_RE = re.compile(r'o_union_receipt_code">([0-9A-F]+)<')


def prepare(db, voters):
    """The bench unit, its members and logins, the congress in session, a new open election.
    Returns (logins, congress id, election id, candidate ids)."""
    from datetime import date, datetime  # noqa: PLC0415

    with odoo_env(db, context={"tracking_disable": True}) as env:
        Unit = env["union.organization"]
        unit = Unit.search([("code", "=", UNIT_CODE)], limit=1) or Unit.create({
            "name": "Công đoàn cơ sở bỏ phiếu thử tải", "code": UNIT_CODE, "level": "grassroots"})
        Member = env["union.member"]
        members = Member.search([("organization_id", "=", unit.id)], order="id")
        if len(members) < voters:
            members |= Member.create([{
                "name": f"Cử tri thử tải {index:04d}", "organization_id": unit.id, "gender": "female",
                "date_joined": date(2020, 1, 1), "email": f"bench.vote.{index}@example.vn",
            } for index in range(len(members), voters)])
        members = members[:voters]
        logins = [f"bench.vote.{index + 1}" for index in range(voters)]
        Users = env["res.users"].with_context(active_test=False, no_reset_password=True)
        existing = {user.login for user in Users.search([("login", "in", logins)])}
        groups = [env.ref("base.group_portal").id, env.ref("union_membership.group_union_member").id]
        Users.create([{"login": login, "partner_id": member.partner_id.id, "groups_id": [(6, 0, groups)]}
                      for login, member in zip(logins, members) if login not in existing])
        # one hash for every bench login, made once with Odoo's own crypt context (600,000
        # rounds): a hash with fewer rounds is re-hashed by Odoo at the first login (0.6 s of CPU
        # here) and every re-hash clears the registry's caches in every worker
        password_hash = env["res.users"]._crypt_context().hash(PASSWORD)
        env.cr.execute("UPDATE res_users SET password = %s, active = true WHERE login = ANY(%s)",
                       [password_hash, logins])
        Congress = env["union.congress"]
        congress = Congress.search([("organization_id", "=", unit.id), ("state", "=", "in_session")], limit=1)
        if not congress:
            congress = Congress.create({
                "name": "Đại hội thử tải", "organization_id": unit.id, "kind": "full",
                "date_start": datetime.now(), "date_summons": date.today()})
        missing = members - congress.participant_ids.member_id
        if congress.state == "preparation":
            congress.action_summon_members()
        elif missing:
            env["union.congress.participant"].create([
                {"congress_id": congress.id, "member_id": member.id} for member in missing])
        congress.participant_ids.filtered(lambda p: p.state != "present").action_check_in()
        if congress.state == "preparation":
            congress.action_open_session()
        env["union.election"].search([("congress_id", "=", congress.id), ("state", "=", "open")]).write(
            {"state": "closed"})
        election = env["union.election"].create({
            "name": f"Bầu Ban Chấp hành (thử tải {datetime.now():%H:%M:%S})", "congress_id": congress.id,
            "kind": "executive", "seats": 3, "method": "online",
            "candidate_ids": [(0, 0, {"member_id": member.id}) for member in members[:5]],
        })
        election.action_approve_list()
        election.action_open_poll()
        env.cr.commit()
        return logins, congress.id, election.id, election.candidate_ids.ids


def check_in(requests, base, login_name, congress_id):
    """One delegate checks in: logs in on their phone, lands on the congress page (their QR
    code). Returns (session or None, login milliseconds, error or None)."""
    start = time.perf_counter()
    try:
        session = requests.Session()
        page = session.get(base + "/web/login", timeout=120)
        token = CSRF_RE.search(page.text)
        start = time.perf_counter()
        answer = session.post(base + "/web/login", timeout=120, data={
            "login": login_name, "password": PASSWORD, "csrf_token": token.group(1),
            "redirect": f"/my/union/congress/{congress_id}"})
        millis = (time.perf_counter() - start) * 1000
    except Exception as err:  # noqa: BLE001 (any failure is an error of the measure)
        return None, (time.perf_counter() - start) * 1000, f"exception {type(err).__name__}"
    if answer.status_code != 200 or "/web/login" in answer.url or "o_union_congress" not in answer.text:
        return None, millis, f"login {answer.status_code}"
    return session, millis, None


def vote(session, base, election_id, kept):
    """One voter opens the ballot and casts it. Returns (ballot page milliseconds, vote
    milliseconds or None, error or None, receipt or None)."""
    try:
        start = time.perf_counter()
        page = session.get(f"{base}/my/union/election/{election_id}", timeout=60)
        page_millis = (time.perf_counter() - start) * 1000
        token = CSRF_RE.search(page.text)
        if page.status_code != 200 or not token or "o_union_ballot_form" not in page.text:
            return page_millis, None, f"no ballot form ({page.status_code})", None
        data = [("csrf_token", token.group(1))] + [("candidate_ids", str(candidate)) for candidate in kept]
        start = time.perf_counter()
        answer = session.post(f"{base}/my/union/election/{election_id}/vote", data=data, timeout=60)
        millis = (time.perf_counter() - start) * 1000
    except Exception as err:  # noqa: BLE001 (any failure is an error of the measure)
        return None, None, f"exception {type(err).__name__}", None
    if answer.status_code != 200:
        return page_millis, millis, f"status {answer.status_code}", None
    receipt = RECEIPT_RE.search(answer.text)
    if not receipt:
        return page_millis, millis, "no receipt", None
    return page_millis, millis, None, receipt.group(1)


#: one line of Odoo's request log: method, path, status, queries, SQL seconds, other seconds
REQUEST_LOG_RE = re.compile(r'"(GET|POST) (\S+) HTTP/[\d.]+" (\d+) - (\d+) ([\d.]+) ([\d.]+)')
REQUEST_KINDS = [("POST", re.compile(r"^/web/login$"), "login"),
                 ("GET", re.compile(r"^/my/union/congress/\d+$"), "congress_page"),
                 ("GET", re.compile(r"^/my/union/election/\d+$"), "ballot_page"),
                 ("POST", re.compile(r"^/my/union/election/\d+/vote$"), "vote")]


def server_times(log_path, offset):
    """Per kind of request logged after ``offset``: count, median queries, median and p95
    server milliseconds (SQL + the rest, as Odoo logs them)."""
    with open(log_path, encoding="utf-8", errors="replace") as log:
        log.seek(offset)
        text = log.read()
    found = collections.defaultdict(list)
    for match in REQUEST_LOG_RE.finditer(text):
        method, path = match.group(1), match.group(2).split("?")[0]
        for kind_method, pattern, kind in REQUEST_KINDS:
            if method == kind_method and pattern.match(path):
                found[kind].append((int(match.group(4)), (float(match.group(5)) + float(match.group(6))) * 1000))
    return {kind: {"count": len(rows), "queries_p50": percentile([q for q, _ms in rows], 0.5),
                   "server_ms_p50": round(percentile([ms for _q, ms in rows], 0.5)),
                   "server_ms_p95": round(percentile([ms for _q, ms in rows], 0.95))}
            for kind, rows in found.items()}


def check(db, election_id, receipts, sent):
    """Ballots, voters, receipts and votes per candidate read back from the database."""
    with odoo_env(db) as env:
        ballots = env["union.election.ballot"].search([("election_id", "=", election_id)])
        counted = collections.Counter()
        for ballot in ballots:
            counted.update(ballot.candidate_ids.ids)
        voted = env["union.election.voter"].search_count([("election_id", "=", election_id), ("voted", "=", True)])
        Election = env["union.election"]
        found = sum(1 for receipt in receipts if Election._check_receipt(receipt))
        return {"ballots": len(ballots), "voters_marked": voted, "receipts_found": found,
                "votes_match": counted == sent}


def warm_up(requests, base, login_name, congress_id, election_id, workers):
    """Every worker loads the registry and compiles the pages once before the measure (the
    ballot page is only looked at: the warm-up voter votes in the measure like the others)."""
    session, _millis, error = check_in(requests, base, login_name, congress_id)
    if error:
        raise RuntimeError(f"warm-up: {login_name} could not log in ({error})")

    def fetch():
        for _round in range(3):
            session.get(f"{base}/my/union/congress/{congress_id}", timeout=120)
            session.get(f"{base}/my/union/election/{election_id}", timeout=120)
            requests.get(base + "/web/login", timeout=120)

    threads = [threading.Thread(target=fetch) for _index in range(2 * workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def start_server(db, workers, port, log_path):
    """Odoo with ``workers`` workers, its request log (queries and times of each request) on."""
    command = odoo_command(db, f"--workers={workers}", "--http-interface=127.0.0.1", f"--http-port={port}",
                           f"--gevent-port={free_port()}", "--max-cron-threads=0", "--log-level=warn",
                           "--log-handler=werkzeug:INFO", f"--logfile={log_path}")
    return subprocess.Popen(command, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", default="union_bench_vote")
    parser.add_argument("--voters", type=int, default=500)
    parser.add_argument("--duration", type=float, default=60, help="seconds over which the voters arrive")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--seed", type=int, default=21)
    parser.add_argument("--size", help="ignored (the bench makes its own voters)")
    args = parser.parse_args(argv)
    import requests  # noqa: PLC0415

    ensure_modules(args.db, ["union_governance"])
    logins, congress_id, election_id, candidates = prepare(args.db, args.voters)
    rng = random.Random(args.seed)
    choices = [rng.sample(candidates, rng.randint(0, 3)) for _login in logins]
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log_path = os.path.join(tempfile.gettempdir(), f"bench_vote_{args.db}_{port}.log")
    process = start_server(args.db, args.workers, port, log_path)
    sampler = Sampler(process.pid)
    results = [None] * len(logins)
    arrivals = [None] * len(logins)
    try:
        wait_ready(requests, base, process)
        sampler.start()
        warm_up(requests, base, logins[0], congress_id, election_id, args.workers)

        # check-in: every voter logs in before the poll opens (not in the measured window)
        checkin_offset = os.path.getsize(log_path)
        checkin_start = time.perf_counter()
        with ThreadPoolExecutor(CHECK_IN_THREADS) as pool:
            checked_in = list(pool.map(lambda login: check_in(requests, base, login, congress_id), logins))
        checkin_seconds = time.perf_counter() - checkin_start
        vote_offset = os.path.getsize(log_path)

        def voter(index, due):
            started = time.perf_counter()
            session = checked_in[index][0]
            if session is None:
                results[index] = (None, None, "not logged in", None)
            else:
                results[index] = vote(session, base, election_id, choices[index])
            arrivals[index] = ((started - due) * 1000, (time.perf_counter() - due) * 1000)

        start = time.perf_counter()
        with ThreadPoolExecutor(VOTE_THREADS) as pool:
            for index in range(len(logins)):
                due = start + index * args.duration / len(logins)
                delay = due - time.perf_counter()
                if delay > 0:
                    time.sleep(delay)
                pool.submit(voter, index, due)
        elapsed = time.perf_counter() - start
    finally:
        sampler.stopped.set()
        stop_server(process)
    login_errors = collections.Counter(error for _session, _millis, error in checked_in if error)
    login_millis = [millis for _session, millis, error in checked_in if not error]
    errors = collections.Counter(error for _page, _millis, error, _receipt in results if error)
    latencies = [millis for _page, millis, error, _receipt in results if millis is not None and not error]
    pages = [page for page, _millis, error, _receipt in results if page is not None and not error]
    receipts = [receipt for _page, _millis, _error, receipt in results if receipt]
    sent = collections.Counter()
    for (_page, _millis, _error, receipt), kept in zip(results, choices):
        if receipt:
            sent.update(kept)
    found = check(args.db, election_id, receipts, sent)
    # lost: a receipt shown but no ballot with it, or a voter marked without a ballot;
    # double: more ballots than voters marked
    lost = (len(receipts) - found["receipts_found"]) + max(0, found["voters_marked"] - found["ballots"])
    double = max(0, found["ballots"] - found["voters_marked"])
    p95 = percentile(latencies, 0.95)
    error_count = sum(errors.values())
    met = (bool(latencies) and p95 <= 1000 and not error_count and not lost and not double
           and found["votes_match"] and found["ballots"] == len(receipts) == len(logins))
    server = server_times(log_path, vote_offset)
    checkin_server = server_times(log_path, checkin_offset)
    emit({
        "what": "vote_load", "voters": len(logins), "workers": args.workers, "arrival_seconds": args.duration,
        "vote_threads": VOTE_THREADS, "seconds": round(elapsed, 1), "receipts_shown": len(receipts),
        "ballots_in_db": found["ballots"], "voters_marked": found["voters_marked"],
        "receipts_found": found["receipts_found"], "lost": lost, "double": double,
        # with errors, a ballot may be in the ballot box while its voter saw no receipt
        "votes_match": found["votes_match"] if not error_count else None,
        "vote_p50_ms": round(percentile(latencies, 0.5) or 0),
        "vote_p95_ms": round(p95 or 0), "vote_max_ms": round(max(latencies, default=0)),
        "ballot_page_p50_ms": round(percentile(pages, 0.5) or 0),
        "ballot_page_p95_ms": round(percentile(pages, 0.95) or 0),
        "start_lag_p95_ms": round(percentile([lag for lag, _total in filter(None, arrivals)], 0.95) or 0),
        "start_lag_max_ms": round(max((lag for lag, _total in filter(None, arrivals)), default=0)),
        "voter_p95_ms": round(percentile([total for _lag, total in filter(None, arrivals)], 0.95) or 0),
        "errors": error_count, "error_kinds": dict(errors),
        "server_ballot_page": server.get("ballot_page"), "server_vote": server.get("vote"),
        "login_count": len(logins), "login_threads": CHECK_IN_THREADS, "checkin_seconds": round(checkin_seconds, 1),
        "login_p50_ms": round(percentile(login_millis, 0.5) or 0),
        "login_p95_ms": round(percentile(login_millis, 0.95) or 0),
        "login_errors": sum(login_errors.values()), "login_error_kinds": dict(login_errors),
        "server_login": checkin_server.get("login"), "server_congress_page": checkin_server.get("congress_page"),
        "load_average_1min": round(os.getloadavg()[0], 1), "cpus": os.cpu_count(),
        "server_peak_mb": round(sampler.peak_total), "target": "p95 <= 1000 ms, 0 errors, 0 lost, 0 double",
        "met": met,
    })
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
