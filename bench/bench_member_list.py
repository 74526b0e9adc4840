#!/usr/bin/env python3
"""The member list (first 80 rows, with the total count) read by an upper-level officer
through record rules, against the same read by the administrator. Target: officer ≤ 2×.

    python3 bench/bench_member_list.py --db union_bench
"""
import argparse
import time

from common import measure, odoo_env

LIST_FIELDS = ["member_code", "name", "gender", "job_title", "organization_id", "date_joined", "state"]


def read_page(env):
    Member = env["union.member"]
    domain = [("state", "in", ("active", "suspended"))]
    records = Member.search(domain, limit=80)
    rows = records.read(LIST_FIELDS)
    total = Member.search_count(domain)
    return rows, total


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", default="union_bench")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with odoo_env(args.db) as env:
        sector = env["union.organization"].search([("level", "=", "upper")], limit=1)
        officer = env["res.users"].search([("login", "=", "bench.upper")])
        if not officer:
            officer = env["res.users"].with_context(no_reset_password=True).create({
                "name": "Bench upper officer", "login": "bench.upper",
                "groups_id": [(6, 0, [env.ref("union_membership.group_union_upper_officer").id])],
                "union_organization_ids": [(6, 0, sector.ids)]})
            env.cr.commit()
        timings = {}
        for label, user in (("admin", env.ref("base.user_admin")), ("officer", officer)):
            user_env = env(user=user.id)
            read_page(user_env)  # warm the caches
            best = None
            for _i in range(args.repeat):
                user_env.invalidate_all()
                with measure(f"member_list_{label}", 80, env.cr) as out:
                    start = time.perf_counter()
                    rows, total = read_page(user_env)
                    elapsed = time.perf_counter() - start
                    out["total"] = total
                best = elapsed if best is None else min(best, elapsed)
            timings[label] = best
        ratio = timings["officer"] / timings["admin"]
        print(f'{{"what": "member_list_ratio", "officer_over_admin": {ratio:.2f}, "target": 2.0, '
              f'"met": {str(ratio <= 2.0).lower()}}}')


if __name__ == "__main__":
    main()
